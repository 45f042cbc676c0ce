package provider

import (
	"context"
	"fmt"
	"net/url"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// configAttributeGetter is tfsdk.Config.GetAttribute, so that the secret lookup can be
// shared by Create and Update and tested without a request.
type configAttributeGetter func(ctx context.Context, p path.Path, target any) diag.Diagnostics

// expandByocIntegration builds the full body of a create or a replace. The secret is
// passed separately because it comes from the configuration, never from the plan.
func expandByocIntegration(m *byocIntegrationModel, secret string) cxone.IntegrationInput {
	return cxone.IntegrationInput{
		Name:               m.Name.ValueString(),
		IntegrationBoxURL:  m.IntegrationBoxURL.ValueString(),
		AuthorizationURL:   m.AuthorizationURL.ValueString(),
		ClientID:           m.ClientID.ValueString(),
		ClientSecret:       secret,
		UseDfo3OutboundAPI: m.UseDfo3OutboundAPI.ValueBool(),
		AddActionURL:       m.AddActionURL.ValueString(),
		ReconnectActionURL: m.ReconnectActionURL.ValueString(),
		RemoveActionURL:    m.RemoveActionURL.ValueString(),
		// Unknown (not configured, nothing in state yet) reads as "": CXone keeps its own.
		Color: m.Color.ValueString(),
	}
}

// flattenByocIntegration copies what CXone returned into the model. The secret
// attributes are left as they are (CXone never returns the secret), except that the
// write-only value is always null: it must never reach the state.
func flattenByocIntegration(in *cxone.Integration, m *byocIntegrationModel) {
	m.ID = types.StringValue(in.ID)
	m.Name = types.StringValue(in.Name)
	m.IntegrationBoxURL = types.StringValue(in.IntegrationBoxURL)
	m.AuthorizationURL = types.StringValue(in.AuthorizationURL)
	m.ClientID = types.StringValue(in.ClientID)
	m.ClientSecretWO = types.StringNull()
	m.UseDfo3OutboundAPI = types.BoolValue(in.UseDfo3OutboundAPI)
	// Optional URLs: CXone answers "" for "not set", which is null in configuration.
	m.AddActionURL = stringOrNull(in.AddActionURL)
	m.ReconnectActionURL = stringOrNull(in.ReconnectActionURL)
	m.RemoveActionURL = stringOrNull(in.RemoveActionURL)
	m.Color = types.StringValue(in.Color)
	m.HasClientSecret = types.BoolValue(in.HasClientSecret)
}

// httpsURLValidator accepts only absolute https:// URLs with a host, as CXone does for
// an integration's URLs. Unlike the provider's own settings (urlValidator), plain http
// is refused even for loopback hosts: CXone itself calls these URLs.
type httpsURLValidator = ruleValidator[httpsURLRule]

type httpsURLRule struct{}

func (httpsURLRule) description() string {
	return "must be an absolute https:// URL, for example https://middleware.example.com/path"
}

func (httpsURLRule) problem(at path.Path, value string) (summary, detail string) {
	if msg := checkHTTPSURL(value); msg != "" {
		return "Invalid URL", fmt.Sprintf("%s %s", at, msg)
	}
	return "", ""
}

// checkHTTPSURL explains what is wrong with an integration URL, or returns "".
func checkHTTPSURL(raw string) string {
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return fmt.Sprintf("must be an absolute https:// URL, got %q, which is not a URL.", raw)
	case u.Scheme == "" || u.Host == "":
		return fmt.Sprintf("must be an absolute https:// URL (with scheme and host), got %q.", raw)
	case u.Scheme != "https":
		return fmt.Sprintf("must use https://, got %q.", raw)
	}
	return ""
}

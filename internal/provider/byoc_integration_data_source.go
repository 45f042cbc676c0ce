package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// byocIntegrationDataModel is every attribute of an integration except the secret.
type byocIntegrationDataModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	IntegrationBoxURL  types.String `tfsdk:"integration_box_url"`
	AuthorizationURL   types.String `tfsdk:"authorization_url"`
	ClientID           types.String `tfsdk:"client_id"`
	UseDfo3OutboundAPI types.Bool   `tfsdk:"use_dfo3_outbound_api"`
	AddActionURL       types.String `tfsdk:"add_action_url"`
	ReconnectActionURL types.String `tfsdk:"reconnect_action_url"`
	RemoveActionURL    types.String `tfsdk:"remove_action_url"`
	Color              types.String `tfsdk:"color"`
	HasClientSecret    types.Bool   `tfsdk:"has_client_secret"`
}

func byocIntegrationDataSourceSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Looks up a BYOC integration by `id` or by exact `name` (exactly one of them). " +
			"The client secret is never returned; `has_client_secret` says whether CXone holds one.",
		Attributes: map[string]schema.Attribute{
			"id":                    lookUpKey("The integration's ID. Exactly one of `id` and `name` must be set.", uuidValidator("a BYOC integration")),
			"name":                  lookUpKey("The integration's name, matched exactly (case-sensitive). Exactly one of `id` and `name` must be set.", notBlankValidator()),
			"integration_box_url":   computedString("Base URL of the middleware (the \"Integration Box\")."),
			"authorization_url":     computedString("Where CXone gets a token from the middleware."),
			"client_id":             computedString("The client ID that the middleware issued to CXone."),
			"add_action_url":        computedString("URL CXone calls to add a channel; null when not set."),
			"reconnect_action_url":  computedString("URL CXone calls to reconnect a channel; null when not set."),
			"remove_action_url":     computedString("URL CXone calls to remove a channel; null when not set."),
			"color":                 computedString("The integration's colour in the CXone UI, `#RRGGBB`."),
			"use_dfo3_outbound_api": computedBool("Whether replies go through the Digital Engagement (DFO 3.0) outbound API."),
			"has_client_secret":     computedBool("Whether CXone holds a client secret for the integration."),
		},
	}
}

// flattenByocIntegrationData copies an integration into the data source's model, as
// the resource does.
var flattenByocIntegrationData = fromResource[cxone.Integration, byocIntegrationModel, byocIntegrationDataModel](flattenByocIntegration, nil)

// findByocIntegration reads the integration by ID, or finds it by exact name in the
// operation's list of integrations (see readcache). CXone keeps names unique, so
// several point at data changed behind the API's back.
func findByocIntegration(ctx context.Context, c readcache.API, cfg byocIntegrationDataModel, _ *diag.Diagnostics) search[cxone.Integration] {
	if !cfg.ID.IsNull() {
		return byID(ctx, cfg.ID.ValueString(), c.Integration)
	}
	name := cfg.Name.ValueString()
	match := func(in cxone.Integration) bool { return in.Name == name }
	all, err := c.FindIntegrations(ctx, match)
	return byName(name, all, err, match)
}

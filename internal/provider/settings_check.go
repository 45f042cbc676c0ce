package provider

import (
	"context"
	"errors"
	"fmt"
	"net"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// connectSummary is the one summary of a provider block whose settings do not get the
// provider a working connection to CXone.
const connectSummary = "Unable to Connect to CXone"

// checkSettings proves the provider's settings once per run, in Configure, so that a wrong
// tenant, secret or URL is one error on the provider block instead of one per object.
//
// It fetches the access token every run needs anyway (with discovery when tenant_id is
// used): the client keeps and shares it, so this adds no request to a run that calls CXone
// at all. An API endpoint or Admin API version set by hand is not proven by a token, as
// tokens come from the auth host: only then is one small Admin call made (the security
// profiles, a short list), which a discovered endpoint and the default version never need.
func checkSettings(ctx context.Context, client *cxone.Client, cfg cxone.Config, diags *diag.Diagnostics) {
	if _, err := client.GetAccessToken(ctx); err != nil {
		addSettingsError(diags, "fetching an access token", err)
		return
	}
	if cfg.APIEndpoint == "" && cfg.AdminAPIVersion == defaultAdminAPIVersion {
		return
	}
	_, err := client.ListSecurityProfiles(ctx)
	var ce *cxone.ConfigError
	// Only an answer about the path or the token counts: a missing permission (403) or a
	// passing failure says nothing about these settings, and the resources that need the
	// call report it with their own context.
	if errors.As(err, &ce) && (ce.Kind == cxone.ConfigUnservedPath || ce.Kind == cxone.ConfigBadCredentials) {
		addSettingsError(diags, "checking the API endpoint with one Admin API call", err)
	}
}

// addSettingsError reports a failed check on the provider block, on the setting most
// likely wrong: CXone's classification when it answered, auth_url when it could not be
// reached (discovery and tokens both live there).
func addSettingsError(diags *diag.Diagnostics, doing string, err error) {
	detail := fmt.Sprintf("The provider checked its settings by %s, and it failed.", doing)
	var ce *cxone.ConfigError
	var ne net.Error
	switch {
	case errors.As(err, &ce) && len(ce.Settings) > 0:
		diags.AddAttributeError(attrPath(ce.Settings[0]), connectSummary, detail+" "+apiAnswer("", err))
	case errors.As(err, &ne):
		diags.AddAttributeError(attrPath(cxone.SettingAuthURL), connectSummary,
			fmt.Sprintf("%s CXone could not be reached: check %s (discovery and tokens are fetched there) and "+
				"this machine's network access to it.\n\n%s", detail, cxone.SettingAuthURL, err))
	default:
		diags.AddError(connectSummary, detail+" "+apiAnswer("", err)+
			fmt.Sprintf("\n\nIf CXone is having a passing problem, run the command again. To plan without this check, "+
				"set %s = true.", cxone.SettingSkipCredentialsValidation))
	}
}

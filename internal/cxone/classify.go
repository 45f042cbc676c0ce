package cxone

import (
	"fmt"
	"net/http"
	"strings"
)

// Setting names one of the client's settings the way a user sets it: the provider's argument
// name, whose environment variable is CXONE_ and the name in capitals. Errors that mean a
// setting is wrong name the setting, not the Config field, because that is what the user can
// change. These are the only spelling of the names: the provider's schema and its environment
// look-ups use them too.
type Setting string

// The provider's settings; a *ConfigError can point at any but the last three.
const (
	SettingTenantID        Setting = "tenant_id"
	SettingAuthURL         Setting = "auth_url"
	SettingAPIEndpoint     Setting = "api_endpoint"
	SettingAdminAPIVersion Setting = "admin_api_version"
	SettingAccessKeyID     Setting = "access_key_id"
	SettingAccessKeySecret Setting = "access_key_secret"
	SettingClientID        Setting = "client_id"
	SettingClientSecret    Setting = "client_secret"
	// SettingMaxRetries, SettingMaxRequestsPerSecond and SettingSkipCredentialsValidation
	// tune the provider, not the tenant it talks to.
	SettingMaxRetries                Setting = "max_retries"
	SettingMaxRequestsPerSecond      Setting = "max_requests_per_second"
	SettingSkipCredentialsValidation Setting = "skip_credentials_validation"
	SettingRetryTimeout              Setting = "retry_timeout"
)

// EnvVar is the environment variable of the setting, for example CXONE_TENANT_ID.
func (s Setting) EnvVar() string { return "CXONE_" + strings.ToUpper(string(s)) }

// String reads "tenant_id (CXONE_TENANT_ID)".
func (s Setting) String() string { return string(s) + " (" + s.EnvVar() + ")" }

// requestPurpose tells the classification which settings a request depends on.
type requestPurpose int

const (
	purposeAPI       requestPurpose = iota // an Admin or DFO call
	purposeDiscovery                       // GET {auth_url}/.well-known/cxone-configuration
	purposeToken                           // a token request, either grant
)

// refusedCredentialCodes are the OAuth error codes of a token request refused for its
// credentials; OAuth answers them with 400 or 401.
var refusedCredentialCodes = map[string]bool{"invalid_client": true, "invalid_grant": true, "unauthorized_client": true}

// classify turns an error answer that is about the client's settings into a *ConfigError and
// returns any other answer as it is. This is the one place that decides which 404 means "not
// found" (internal/cxone/README.md, section 5).
func (c *Client) classify(r *request, ae *APIError) error {
	var kind ConfigErrorKind
	var settings []Setting
	var hint string
	switch {
	case r.purpose == purposeDiscovery && ae.Status == http.StatusNotFound:
		kind, settings = ConfigUnknownTenant, []Setting{SettingTenantID, SettingAuthURL}
		hint = fmt.Sprintf("CXone's discovery at %s does not know tenant %q: check %s and %s",
			c.cfg.AuthURL, c.cfg.TenantID, SettingTenantID, SettingAuthURL)
	case ae.Status == http.StatusUnauthorized,
		r.purpose == purposeToken && ae.Status == http.StatusBadRequest && refusedCredentialCodes[ae.Code]:
		kind, settings, hint = ConfigBadCredentials, c.credentialSettings(), c.credentialHint(r)
	case ae.Status == http.StatusForbidden:
		kind, settings = ConfigForbidden, []Setting{SettingAccessKeyID}
		hint = fmt.Sprintf("The user the access key belongs to lacks a permission this call needs: give that user a "+
			"security profile that allows it, or set %s and %s to the access key of a user who has it",
			SettingAccessKeyID, SettingAccessKeySecret)
	case ae.Status == http.StatusNotFound && r.purpose == purposeToken:
		kind, settings = ConfigUnservedPath, []Setting{SettingAuthURL}
		hint = fmt.Sprintf("CXone serves no token endpoint at %s: check %s, now %q", ae.Path, SettingAuthURL, c.cfg.AuthURL)
	case ae.Status == http.StatusNotFound && !ae.cxoneBody:
		kind, settings, hint = ConfigUnservedPath, c.pathSettings(r), c.pathHint(r)
	default:
		return ae
	}
	return &ConfigError{Kind: kind, Settings: settings, Hint: hint + ".", Err: ae}
}

// credentialSettings are the settings a refused credential can come from.
func (c *Client) credentialSettings() []Setting {
	s := []Setting{SettingAccessKeyID, SettingAccessKeySecret}
	if c.cfg.ClientID != "" {
		s = append(s, SettingClientID, SettingClientSecret)
	}
	return s
}

// credentialHint names the credentials to check. A 401 to an API call comes after a token was
// issued and a fresh one was refused too: the token is not valid for that API host.
func (c *Client) credentialHint(r *request) string {
	creds := fmt.Sprintf("%s and %s", SettingAccessKeyID, SettingAccessKeySecret)
	if c.cfg.ClientID != "" {
		creds += fmt.Sprintf(", and %s and %s of the registered application", SettingClientID, SettingClientSecret)
	}
	if r.purpose == purposeAPI {
		return fmt.Sprintf("CXone refused a freshly issued access token: check that %s belong to a user of this tenant "+
			"and that %s is the tenant's API host", creds, SettingAPIEndpoint)
	}
	return "CXone refused the credentials: check " + creds
}

// pathSettings are the settings that make up an API path: the version is part of Admin
// paths only.
func (c *Client) pathSettings(r *request) []Setting {
	if r.api == adminAPI {
		return []Setting{SettingAdminAPIVersion, SettingAPIEndpoint}
	}
	return []Setting{SettingAPIEndpoint}
}

// pathHint explains a 404 without CXone's error body: it comes from in front of the API, so
// it says nothing about the object, only that the URL is not one CXone serves.
func (c *Client) pathHint(r *request) string {
	var b strings.Builder
	b.WriteString("No CXone API is served at this path (the 404 carries no CXone error body), so it says nothing about the object: check ")
	if r.api == adminAPI {
		fmt.Fprintf(&b, "%s, now %q, and ", SettingAdminAPIVersion, c.cfg.AdminAPIVersion)
	}
	fmt.Fprintf(&b, "%s, now %q", SettingAPIEndpoint, c.apiEndpointInUse())
	if c.cfg.APIEndpoint == "" {
		fmt.Fprintf(&b, " (discovered for tenant %q)", c.cfg.TenantID)
	}
	return b.String()
}

// apiEndpointInUse is the configured api_endpoint, or the discovered one.
func (c *Client) apiEndpointInUse() string {
	if c.cfg.APIEndpoint != "" {
		return c.cfg.APIEndpoint
	}
	if eps, ok := c.disc.load(); ok {
		return eps.api
	}
	return ""
}

package provider

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// Environment variables, one per provider setting. Configuration wins over the environment.
const (
	envTenantID             = "CXONE_TENANT_ID"
	envAuthURL              = "CXONE_AUTH_URL"
	envAPIEndpoint          = "CXONE_API_ENDPOINT"
	envAccessKeyID          = "CXONE_ACCESS_KEY_ID"
	envAccessKeySecret      = "CXONE_ACCESS_KEY_SECRET"
	envClientID             = "CXONE_CLIENT_ID"
	envClientSecret         = "CXONE_CLIENT_SECRET"
	envAdminAPIVersion      = "CXONE_ADMIN_API_VERSION"
	envMaxRetries           = "CXONE_MAX_RETRIES"
	envMaxRequestsPerSecond = "CXONE_MAX_REQUESTS_PER_SECOND"
	envRetryTimeout         = "CXONE_RETRY_TIMEOUT"
)

var adminAPIVersionRE = regexp.MustCompile(`^v[0-9]+\.[0-9]+$`)

// resolveSettings merges the provider block with the environment and checks the
// result; Configure runs before every plan, so these are plan-time errors. Every
// problem is an attribute error naming the attribute and its environment variable.
// known is false when a setting is not yet known (it depends on another resource).
func resolveSettings(cfg providerModel, getenv func(string) string) (cxone.Config, bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	str := func(v types.String, env string) (string, bool) {
		if v.IsUnknown() {
			return "", false
		}
		if !v.IsNull() {
			return strings.TrimSpace(v.ValueString()), true
		}
		return strings.TrimSpace(getenv(env)), true
	}
	known := true
	get := func(v types.String, env string) string {
		s, ok := str(v, env)
		known = known && ok
		return s
	}

	out := cxone.Config{
		TenantID:        get(cfg.TenantID, envTenantID),
		AuthURL:         get(cfg.AuthURL, envAuthURL),
		APIEndpoint:     get(cfg.APIEndpoint, envAPIEndpoint),
		AccessKeyID:     get(cfg.AccessKeyID, envAccessKeyID),
		AccessKeySecret: get(cfg.AccessKeySecret, envAccessKeySecret),
		ClientID:        get(cfg.ClientID, envClientID),
		ClientSecret:    get(cfg.ClientSecret, envClientSecret),
		AdminAPIVersion: get(cfg.AdminAPIVersion, envAdminAPIVersion),
		MaxRetries:      defaultMaxRetries,
	}
	if out.AuthURL == "" {
		out.AuthURL = defaultAuthURL
	}
	if out.AdminAPIVersion == "" {
		out.AdminAPIVersion = defaultAdminAPIVersion
	}

	switch {
	case !cfg.MaxRetries.IsNull() && !cfg.MaxRetries.IsUnknown():
		out.MaxRetries = int(cfg.MaxRetries.ValueInt64())
	case cfg.MaxRetries.IsNull() && getenv(envMaxRetries) != "":
		n, err := strconv.Atoi(getenv(envMaxRetries))
		if err != nil || n < 0 || n > 20 {
			diags.AddAttributeError(attrPath("max_retries"), "Invalid Provider Setting",
				fmt.Sprintf("max_retries (or %s) must be a whole number from 0 to 20, got %q.", envMaxRetries, getenv(envMaxRetries)))
		} else {
			out.MaxRetries = n
		}
	}
	switch {
	case !cfg.MaxRequestsPerSecond.IsNull() && !cfg.MaxRequestsPerSecond.IsUnknown():
		out.MaxRequestsPerSecond = cfg.MaxRequestsPerSecond.ValueFloat64()
	case cfg.MaxRequestsPerSecond.IsNull() && getenv(envMaxRequestsPerSecond) != "":
		f, err := strconv.ParseFloat(getenv(envMaxRequestsPerSecond), 64)
		if err != nil || f < 0 || f > 10000 {
			diags.AddAttributeError(attrPath("max_requests_per_second"), "Invalid Provider Setting",
				fmt.Sprintf("max_requests_per_second (or %s) must be a number from 0 to 10000, got %q.", envMaxRequestsPerSecond, getenv(envMaxRequestsPerSecond)))
		} else {
			out.MaxRequestsPerSecond = f
		}
	}

	if v, ok := str(cfg.RetryTimeout, envRetryTimeout); ok && v != "" {
		d, msg := parseRetryTimeout(v)
		if msg != "" {
			diags.AddAttributeError(attrPath("retry_timeout"), "Invalid Provider Setting",
				fmt.Sprintf("retry_timeout (or %s) %s", envRetryTimeout, msg))
		}
		out.RetryTimeout = d
	}

	// Values from the environment skip the schema validators, so check them here too.
	for _, u := range []struct{ attr, env, value string }{
		{"auth_url", envAuthURL, out.AuthURL},
		{"api_endpoint", envAPIEndpoint, out.APIEndpoint},
	} {
		if u.value == "" {
			continue
		}
		if msg := checkURL(u.value); msg != "" {
			diags.AddAttributeError(attrPath(u.attr), "Invalid Provider Setting",
				fmt.Sprintf("%s (or %s) %s", u.attr, u.env, msg))
		}
	}
	if !adminAPIVersionRE.MatchString(out.AdminAPIVersion) {
		diags.AddAttributeError(attrPath("admin_api_version"), "Invalid Provider Setting",
			fmt.Sprintf("admin_api_version (or %s) must look like v34.0, got %q.", envAdminAPIVersion, out.AdminAPIVersion))
	}

	if !known {
		return out, known, diags
	}
	if (out.ClientID == "") != (out.ClientSecret == "") {
		attr, env, other, otherEnv := "client_secret", envClientSecret, "client_id", envClientID
		if out.ClientID == "" {
			attr, env, other, otherEnv = "client_id", envClientID, "client_secret", envClientSecret
		}
		diags.AddAttributeError(attrPath(attr), "Incomplete Provider Credentials",
			fmt.Sprintf("%s (or %s) is set, so %s (or %s) must be set too: the password grant needs both. "+
				"Remove both to use the access-key grant.", other, otherEnv, attr, env))
	}
	if out.TenantID == "" && out.APIEndpoint == "" {
		diags.AddAttributeError(attrPath("tenant_id"), "Missing Provider Setting",
			fmt.Sprintf("Set tenant_id (or %s) so the provider can discover the tenant's API endpoint, "+
				"or set api_endpoint (or %s).", envTenantID, envAPIEndpoint))
	}
	if out.AccessKeyID == "" {
		diags.AddAttributeError(attrPath("access_key_id"), "Missing Provider Setting",
			fmt.Sprintf("Set access_key_id (or %s): every token grant needs a CXone access key.", envAccessKeyID))
	}
	if out.AccessKeySecret == "" {
		diags.AddAttributeError(attrPath("access_key_secret"), "Missing Provider Setting",
			fmt.Sprintf("Set access_key_secret (or %s): every token grant needs a CXone access key.", envAccessKeySecret))
	}
	return out, known, diags
}

// checkURL explains what is wrong with a base URL, or returns "" when it is fine.
// Plain http is allowed only for loopback hosts, so that credentials never cross a
// network unencrypted while the bundled mock server still works.
func checkURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return fmt.Sprintf("must be an absolute https:// URL, got %q.", raw)
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return fmt.Sprintf("must use https:// (http:// is accepted only for loopback hosts such as 127.0.0.1), got %q.", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return fmt.Sprintf("must be a base URL without query or fragment, got %q.", raw)
	}
	return ""
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// urlValidator applies checkURL at plan time to values written in configuration.
type urlValidator struct{}

func (urlValidator) Description(context.Context) string {
	return "must be an absolute https:// URL (http:// only for loopback hosts)"
}

func (v urlValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (urlValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if msg := checkURL(req.ConfigValue.ValueString()); msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Provider Setting", req.Path.String()+" "+msg)
	}
}

// parseRetryTimeout reads retry_timeout, or explains what is wrong with it.
func parseRetryTimeout(v string) (time.Duration, string) {
	d, err := time.ParseDuration(v)
	if err != nil || d < time.Second || d > time.Hour {
		return 0, fmt.Sprintf("must be a duration from 1s to 1h such as 90s or 5m, got %q.", v)
	}
	return d, ""
}

// retryTimeoutValidator applies parseRetryTimeout at plan time to a configured value.
type retryTimeoutValidator struct{}

func (retryTimeoutValidator) Description(context.Context) string {
	return "must be a duration from 1s to 1h such as 90s or 5m"
}

func (v retryTimeoutValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (retryTimeoutValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, msg := parseRetryTimeout(strings.TrimSpace(req.ConfigValue.ValueString())); msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Provider Setting", req.Path.String()+" "+msg)
	}
}

package provider

import (
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

var adminAPIVersionRE = regexp.MustCompile(`^v[0-9]+\.[0-9]+$`)

// resolveSettings merges the provider block with the environment and checks the
// result; Configure runs before every plan, so these are plan-time errors. Every
// problem is an attribute error naming the attribute and its environment variable.
// known is false when a setting is not yet known (it depends on another resource).
func resolveSettings(cfg providerModel, getenv func(string) string) (cxone.Config, bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	known := true
	get := func(v types.String, s cxone.Setting) string {
		switch {
		case v.IsUnknown():
			known = false
			return ""
		case !v.IsNull():
			return strings.TrimSpace(v.ValueString())
		}
		return strings.TrimSpace(getenv(s.EnvVar()))
	}

	out := cxone.Config{
		TenantID:        get(cfg.TenantID, cxone.SettingTenantID),
		AuthURL:         get(cfg.AuthURL, cxone.SettingAuthURL),
		APIEndpoint:     get(cfg.APIEndpoint, cxone.SettingAPIEndpoint),
		AccessKeyID:     get(cfg.AccessKeyID, cxone.SettingAccessKeyID),
		AccessKeySecret: get(cfg.AccessKeySecret, cxone.SettingAccessKeySecret),
		ClientID:        get(cfg.ClientID, cxone.SettingClientID),
		ClientSecret:    get(cfg.ClientSecret, cxone.SettingClientSecret),
		AdminAPIVersion: get(cfg.AdminAPIVersion, cxone.SettingAdminAPIVersion),
		MaxRetries:      defaultMaxRetries,
	}
	if out.AuthURL == "" {
		out.AuthURL = defaultAuthURL
	}
	if out.AdminAPIVersion == "" {
		out.AdminAPIVersion = defaultAdminAPIVersion
	}
	invalid := func(s cxone.Setting, format string, args ...any) {
		diags.AddAttributeError(attrPath(s), "Invalid Provider Setting", s.String()+" "+fmt.Sprintf(format, args...))
	}

	switch env := getenv(cxone.SettingMaxRetries.EnvVar()); {
	case !cfg.MaxRetries.IsNull() && !cfg.MaxRetries.IsUnknown():
		out.MaxRetries = int(cfg.MaxRetries.ValueInt64())
	case cfg.MaxRetries.IsNull() && env != "":
		n, err := strconv.Atoi(env)
		if err != nil || n < 0 || n > 20 {
			invalid(cxone.SettingMaxRetries, "must be a whole number from 0 to 20, got %q.", env)
		} else {
			out.MaxRetries = n
		}
	}
	switch env := getenv(cxone.SettingMaxRequestsPerSecond.EnvVar()); {
	case !cfg.MaxRequestsPerSecond.IsNull() && !cfg.MaxRequestsPerSecond.IsUnknown():
		out.MaxRequestsPerSecond = cfg.MaxRequestsPerSecond.ValueFloat64()
	case cfg.MaxRequestsPerSecond.IsNull() && env != "":
		f, err := strconv.ParseFloat(env, 64)
		if err != nil || f < 0 || f > 10000 {
			invalid(cxone.SettingMaxRequestsPerSecond, "must be a number from 0 to 10000, got %q.", env)
		} else {
			out.MaxRequestsPerSecond = f
		}
	}

	if v := get(cfg.RetryTimeout, cxone.SettingRetryTimeout); v != "" {
		d, msg := parseRetryTimeout(v)
		if msg != "" {
			invalid(cxone.SettingRetryTimeout, "%s", msg)
		}
		out.RetryTimeout = d
	}

	// Values from the environment skip the schema validators, so check them here too.
	for s, value := range map[cxone.Setting]string{cxone.SettingAuthURL: out.AuthURL, cxone.SettingAPIEndpoint: out.APIEndpoint} {
		if value == "" {
			continue
		}
		if msg := checkURL(value); msg != "" {
			invalid(s, "%s", msg)
		}
	}
	if !adminAPIVersionRE.MatchString(out.AdminAPIVersion) {
		invalid(cxone.SettingAdminAPIVersion, "must look like v34.0, got %q.", out.AdminAPIVersion)
	}

	if !known {
		return out, known, diags
	}
	if (out.ClientID == "") != (out.ClientSecret == "") {
		missing, set := cxone.SettingClientSecret, cxone.SettingClientID
		if out.ClientID == "" {
			missing, set = set, missing
		}
		diags.AddAttributeError(attrPath(missing), "Incomplete Provider Credentials",
			fmt.Sprintf("%s is set, so %s must be set too: the password grant needs both. "+
				"Remove both to use the access-key grant.", set, missing))
	}
	if out.TenantID == "" && out.APIEndpoint == "" {
		diags.AddAttributeError(attrPath(cxone.SettingTenantID), "Missing Provider Setting",
			fmt.Sprintf("Set %s so the provider can discover the tenant's API endpoint, or set %s.",
				cxone.SettingTenantID, cxone.SettingAPIEndpoint))
	}
	for s, value := range map[cxone.Setting]string{cxone.SettingAccessKeyID: out.AccessKeyID, cxone.SettingAccessKeySecret: out.AccessKeySecret} {
		if value == "" {
			diags.AddAttributeError(attrPath(s), "Missing Provider Setting",
				fmt.Sprintf("Set %s: every token grant needs a CXone access key.", s))
		}
	}
	return out, known, diags
}

// skipCredentialsValidation reads skip_credentials_validation, from the provider block
// or its environment variable ("true" or "1"); unknown counts as false, since the
// check is then skipped anyway (settings not yet known are not checked).
func skipCredentialsValidation(v types.Bool, getenv func(string) string) (bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	if !v.IsNull() {
		return v.ValueBool(), diags
	}
	env := strings.TrimSpace(getenv(cxone.SettingSkipCredentialsValidation.EnvVar()))
	if env == "" {
		return false, diags
	}
	b, err := strconv.ParseBool(env)
	if err != nil {
		diags.AddAttributeError(attrPath(cxone.SettingSkipCredentialsValidation), "Invalid Provider Setting",
			fmt.Sprintf("%s must be true or false, got %q.", cxone.SettingSkipCredentialsValidation, env))
	}
	return b, diags
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
type urlValidator = ruleValidator[baseURLRule]

type baseURLRule struct{}

func (baseURLRule) description() string {
	return "must be an absolute https:// URL (http:// only for loopback hosts)"
}

func (baseURLRule) problem(at path.Path, value string) (summary, detail string) {
	return invalidSetting(at, checkURL(value))
}

// invalidSetting is the error of a provider setting at the path at, which msg
// says is wrong ("" for none).
func invalidSetting(at path.Path, msg string) (summary, detail string) {
	if msg == "" {
		return "", ""
	}
	return "Invalid Provider Setting", at.String() + " " + msg
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
type retryTimeoutValidator = ruleValidator[retryTimeoutRule]

type retryTimeoutRule struct{}

func (retryTimeoutRule) description() string {
	return "must be a duration from 1s to 1h such as 90s or 5m"
}

func (retryTimeoutRule) problem(at path.Path, value string) (summary, detail string) {
	_, msg := parseRetryTimeout(strings.TrimSpace(value))
	return invalidSetting(at, msg)
}

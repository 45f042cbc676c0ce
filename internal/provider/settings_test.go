package provider

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

func envFrom(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func nullModel() providerModel {
	return providerModel{
		TenantID: types.StringNull(), AuthURL: types.StringNull(), APIEndpoint: types.StringNull(),
		AccessKeyID: types.StringNull(), AccessKeySecret: types.StringNull(),
		ClientID: types.StringNull(), ClientSecret: types.StringNull(),
		AdminAPIVersion: types.StringNull(), MaxRetries: types.Int64Null(), MaxRequestsPerSecond: types.Float64Null(),
	}
}

func TestResolveSettings_envAndDefaults(t *testing.T) {
	cfg, known, diags := resolveSettings(nullModel(), envFrom(map[string]string{
		cxone.SettingTenantID.EnvVar(): "t1", cxone.SettingAccessKeyID.EnvVar(): "k", cxone.SettingAccessKeySecret.EnvVar(): "s",
		cxone.SettingMaxRetries.EnvVar(): "7", cxone.SettingMaxRequestsPerSecond.EnvVar(): "2.5", cxone.SettingRetryTimeout.EnvVar(): "90s",
	}))
	if diags.HasError() || !known {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if cfg.AuthURL != defaultAuthURL || cfg.AdminAPIVersion != defaultAdminAPIVersion {
		t.Errorf("defaults not applied: %+v", cfg)
	}
	if cfg.TenantID != "t1" || cfg.AccessKeyID != "k" || cfg.AccessKeySecret != "s" || cfg.MaxRetries != 7 || cfg.MaxRequestsPerSecond != 2.5 ||
		cfg.RetryTimeout != 90*time.Second {
		t.Errorf("environment not applied: %+v", cfg)
	}
}

func TestResolveSettings_configWinsOverEnv(t *testing.T) {
	m := nullModel()
	m.TenantID = types.StringValue("from-config")
	m.MaxRetries = types.Int64Value(1)
	cfg, _, diags := resolveSettings(m, envFrom(map[string]string{
		cxone.SettingTenantID.EnvVar(): "from-env", cxone.SettingAccessKeyID.EnvVar(): "k", cxone.SettingAccessKeySecret.EnvVar(): "s", cxone.SettingMaxRetries.EnvVar(): "9",
	}))
	if diags.HasError() {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if cfg.TenantID != "from-config" || cfg.MaxRetries != 1 {
		t.Errorf("configuration should win: %+v", cfg)
	}
}

func TestResolveSettings_errorsNameAttributeAndEnv(t *testing.T) {
	cases := map[string]struct {
		env  map[string]string
		attr string
		want string
	}{
		"missing tenant and endpoint": {map[string]string{cxone.SettingAccessKeyID.EnvVar(): "k", cxone.SettingAccessKeySecret.EnvVar(): "s"}, "tenant_id", cxone.SettingTenantID.EnvVar()},
		"missing key id":              {map[string]string{cxone.SettingTenantID.EnvVar(): "t", cxone.SettingAccessKeySecret.EnvVar(): "s"}, "access_key_id", cxone.SettingAccessKeyID.EnvVar()},
		"missing key secret":          {map[string]string{cxone.SettingTenantID.EnvVar(): "t", cxone.SettingAccessKeyID.EnvVar(): "k"}, "access_key_secret", cxone.SettingAccessKeySecret.EnvVar()},
		"client id without secret":    {map[string]string{cxone.SettingTenantID.EnvVar(): "t", cxone.SettingAccessKeyID.EnvVar(): "k", cxone.SettingAccessKeySecret.EnvVar(): "s", cxone.SettingClientID.EnvVar(): "c"}, "client_secret", cxone.SettingClientSecret.EnvVar()},
		"client secret without id":    {map[string]string{cxone.SettingTenantID.EnvVar(): "t", cxone.SettingAccessKeyID.EnvVar(): "k", cxone.SettingAccessKeySecret.EnvVar(): "s", cxone.SettingClientSecret.EnvVar(): "c"}, "client_id", cxone.SettingClientID.EnvVar()},
		"http auth url not loopback":  {map[string]string{cxone.SettingTenantID.EnvVar(): "t", cxone.SettingAccessKeyID.EnvVar(): "k", cxone.SettingAccessKeySecret.EnvVar(): "s", cxone.SettingAuthURL.EnvVar(): "http://cxone.example.com"}, "auth_url", cxone.SettingAuthURL.EnvVar()},
		"bad api endpoint":            {map[string]string{cxone.SettingAccessKeyID.EnvVar(): "k", cxone.SettingAccessKeySecret.EnvVar(): "s", cxone.SettingAPIEndpoint.EnvVar(): "api.example.com"}, "api_endpoint", cxone.SettingAPIEndpoint.EnvVar()},
		"bad max retries":             {map[string]string{cxone.SettingTenantID.EnvVar(): "t", cxone.SettingAccessKeyID.EnvVar(): "k", cxone.SettingAccessKeySecret.EnvVar(): "s", cxone.SettingMaxRetries.EnvVar(): "many"}, "max_retries", cxone.SettingMaxRetries.EnvVar()},
		"bad version":                 {map[string]string{cxone.SettingTenantID.EnvVar(): "t", cxone.SettingAccessKeyID.EnvVar(): "k", cxone.SettingAccessKeySecret.EnvVar(): "s", cxone.SettingAdminAPIVersion.EnvVar(): "34"}, "admin_api_version", cxone.SettingAdminAPIVersion.EnvVar()},
		"bad retry timeout":           {map[string]string{cxone.SettingTenantID.EnvVar(): "t", cxone.SettingAccessKeyID.EnvVar(): "k", cxone.SettingAccessKeySecret.EnvVar(): "s", cxone.SettingRetryTimeout.EnvVar(): "forever"}, "retry_timeout", cxone.SettingRetryTimeout.EnvVar()},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, _, diags := resolveSettings(nullModel(), envFrom(tc.env))
			if !diags.HasError() {
				t.Fatal("expected an error")
			}
			found := false
			for _, d := range diags.Errors() {
				if strings.Contains(d.Detail(), tc.want) && strings.Contains(d.Detail(), tc.attr) {
					found = true
				}
			}
			if !found {
				t.Errorf("no error names %s and %s: %v", tc.attr, tc.want, diags)
			}
		})
	}
}

func TestResolveSettings_unknownSkipsMissingChecks(t *testing.T) {
	m := nullModel()
	m.AccessKeyID = types.StringUnknown()
	_, known, diags := resolveSettings(m, envFrom(nil))
	if known || diags.HasError() {
		t.Errorf("unknown settings must defer the checks: known=%v diags=%v", known, diags)
	}
}

func TestCheckURL(t *testing.T) {
	ok := []string{"https://cxone.niceincontact.com", "http://127.0.0.1:8765", "http://localhost:1", "http://[::1]:80", "https://api-na1.niceincontact.com/"}
	bad := []string{"", "cxone.example.com", "ftp://x", "http://10.0.0.1", "http://example.com", "https://x?y=1", "https://"}
	for _, u := range ok {
		if msg := checkURL(u); msg != "" {
			t.Errorf("checkURL(%q) = %q, want ok", u, msg)
		}
	}
	for _, u := range bad {
		if checkURL(u) == "" {
			t.Errorf("checkURL(%q) accepted a bad URL", u)
		}
	}
}

func TestParseCompositeID(t *testing.T) {
	got, err := parseCompositeID("1001/2002", "agent_id", "skill_id")
	if err != nil || got[0] != "1001" || got[1] != "2002" {
		t.Fatalf("got %v, %v", got, err)
	}
	for _, bad := range []string{"", "1001", "1001/", "/2", "1/2/3"} {
		if _, err := parseCompositeID(bad, "agent_id", "skill_id"); err == nil || !strings.Contains(err.Error(), "agent_id/skill_id") {
			t.Errorf("parseCompositeID(%q) error %v should show the expected form", bad, err)
		}
	}
}

package provider

import (
	"net"
	"slices"
	"strings"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// testAccSettingsCheckConfig holds a few objects of different types, so that a wrong
// setting met by each refresh would show as several errors.
const testAccSettingsCheckConfig = testAccCLIRequiredProviders + `
provider "cxone" {}

resource "cxone_digital_skill" "chat" {
  name = "Settings check chat"
}

resource "cxone_digital_skill" "email" {
  name = "Settings check email"
}

resource "cxone_digital_user_permissions" "mowgli" {
  agent_id          = 1001
  digital_threshold = 2
}
`

// TestAccSettings_oneErrorPerWrongSetting: with objects in state, a plan with one wrong
// setting fails with exactly one error, on the provider block, naming the setting; no
// object reports it again. Each case changes one environment variable of a working run.
func TestAccSettings_oneErrorPerWrongSetting(t *testing.T) {
	m := testAccParallelStart(t)
	tf := newTFCLI(t, m, cxone.SettingMaxRetries.EnvVar()+"=0")
	tf.write("main.tf", testAccSettingsCheckConfig)
	tf.mustRun("apply", "-auto-approve", "-no-color")

	// A loopback port nothing listens on: connections to it are refused at once.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name    string
		setting cxone.Setting
		value   string
		want    string // what the detail must say besides the setting
	}{
		{"wrong tenant", cxone.SettingTenantID, "mock-tenent", "does not know tenant"},
		{"wrong secret", cxone.SettingAccessKeySecret, "not-the-secret", "refused the credentials"},
		{"unreachable auth URL", cxone.SettingAuthURL, closed, "could not be reached"},
		{"wrong endpoint", cxone.SettingAPIEndpoint, m.URL + "/api", "No CXone API is served"},
		{"wrong version", cxone.SettingAdminAPIVersion, "v99.0", "No CXone API is served"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			run := *tf
			run.t = t
			run.env = append(slices.Clone(tf.env), tc.setting.EnvVar()+"="+tc.value)
			stdout, stderr, code := run.run("plan", "-no-color")
			if code == 0 {
				t.Fatalf("the plan succeeded:\n%s", stdout)
			}
			if n := strings.Count(stderr, "Error: "); n != 1 {
				t.Errorf("%d errors, want 1:\n%s", n, stderr)
			}
			for _, want := range []string{"Error: " + connectSummary, "with provider[", "on main.tf line", string(tc.setting), tc.setting.EnvVar(), tc.want} {
				if !strings.Contains(stderr, want) {
					t.Errorf("the error does not say %q:\n%s", want, stderr)
				}
			}
			if strings.Contains(stderr, "Unable to Read") {
				t.Errorf("an object repeats the error:\n%s", stderr)
			}
		})
	}

	// Nothing was lost: the right settings plan nothing.
	tf.mustRun("plan", "-detailed-exitcode", "-no-color")
}

// TestAccSettings_checkSkipped: a plan that refreshes fetches one token and runs one
// discovery, the check's, which the refresh then uses; a plan that calls CXone for
// nothing (-refresh=false, nothing to change) costs the check's two requests, and with
// skip_credentials_validation none at all.
func TestAccSettings_checkSkipped(t *testing.T) {
	m := testAccParallelStart(t)
	tf := newTFCLI(t, m)
	tf.write("main.tf", testAccSettingsCheckConfig)
	tf.mustRun("apply", "-auto-approve", "-no-color")

	// A plan that refreshes uses the checked token: one token and one discovery per plan.
	counts := m.Requests()
	tf.mustRun("plan", "-detailed-exitcode", "-no-color")
	for _, route := range settingsCheckRoutes[:2] {
		if n := m.Requests().ByRoute[route] - counts.ByRoute[route]; n != 1 {
			t.Errorf("the plan made %d requests %s, want 1", n, route)
		}
	}

	before := m.Requests().Total
	tf.mustRun("plan", "-refresh=false", "-detailed-exitcode", "-no-color")
	if n := m.Requests().Total - before; n != 2 {
		t.Errorf("the checked plan made %d requests, want 2 (discovery and the token)", n)
	}
	before = m.Requests().Total
	tf.env = append(tf.env, cxone.SettingSkipCredentialsValidation.EnvVar()+"=true")
	tf.mustRun("plan", "-refresh=false", "-detailed-exitcode", "-no-color")
	if n := m.Requests().Total - before; n != 0 {
		t.Errorf("the plan made %d requests, want none", n)
	}
}

// settingsCheckRoutes are the requests of the provider's settings check: discovery and
// the token, either grant.
var settingsCheckRoutes = []string{
	"GET " + mockcxone.DiscoveryPath, "POST /authentication/v1/token/access-key", "POST /auth/token",
}

// requestsBeyondSettingsCheck counts the requests m got other than the settings check's,
// for tests that prove plan-time validation calls nothing of CXone's API.
func requestsBeyondSettingsCheck(m *mockcxone.Server) int {
	counts := m.Requests()
	n := counts.Total
	for _, route := range settingsCheckRoutes {
		n -= counts.ByRoute[route]
	}
	return n
}

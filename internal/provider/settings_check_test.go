package provider

import (
	"context"
	"fmt"
	"net"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

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

// testAccScenarioAddresses are the resources of testAccScenarioConfig.
var testAccScenarioAddresses = []string{
	"cxone_digital_user_permissions.mowgli", "cxone_digital_user_permissions.baloo",
	"cxone_digital_skill.watering_hole",
	"cxone_skill_assignment.mowgli", "cxone_skill_assignment.baloo",
	"cxone_byoc_integration.watering_hole",
	"cxone_digital_channel.public", "cxone_digital_channel.dm",
	"cxone_routing_queue_binding.public", "cxone_routing_queue_binding.dm",
}

// TestAccSettings_wrongSettingKeepsState applies the scenario, then plans and applies
// it with a wrong tenant, a wrong api_endpoint and a wrong admin_api_version: each
// fails with a diagnostic naming the setting, and the state still holds every object,
// so the correct settings plan nothing. A channel deleted outside Terraform is still
// found missing and planned for creation.
func TestAccSettings_wrongSettingKeepsState(t *testing.T) {
	m := testAccStart(t)
	good := testAccScenarioConfig(m, "The Watering Hole", 5, "The Watering Hole direct messages")
	wrong := func(setting string) string {
		switch setting {
		case "tenant_id":
			return strings.Replace(good, `tenant_id         = "mock-tenant"`, `tenant_id         = "mock-tenent"`, 1)
		case "api_endpoint":
			return strings.Replace(good, "\n}\n", fmt.Sprintf("\n  api_endpoint = %q\n}\n", m.URL+"/api"), 1)
		default:
			return strings.Replace(good, "\n}\n", "\n  admin_api_version = \"v99.0\"\n}\n", 1)
		}
	}
	stateKept := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	steps := []resource.TestStep{{Config: good}}
	for _, setting := range []string{"tenant_id", "api_endpoint", "admin_api_version"} {
		steps = append(steps,
			planError(wrong(setting), setting, "CXONE_"+strings.ToUpper(setting)),
			resource.TestStep{Config: wrong(setting), ExpectError: expectErrorText(setting, "CXONE_"+strings.ToUpper(setting))},
			resource.TestStep{Config: good, ConfigPlanChecks: stateKept, ConfigStateChecks: testAccExpectScenarioState()},
		)
	}
	steps = append(steps, resource.TestStep{
		PreConfig: func() {
			id := channelIDByExternal(t, m, "watering-hole-dm")
			if err := testAccClient(t, m).DeleteChannel(context.Background(), id); err != nil {
				t.Fatal(err)
			}
		},
		Config: good,
		ConfigPlanChecks: plannedAction("cxone_digital_channel.dm", plancheck.ResourceActionCreate,
			plancheck.ExpectResourceAction("cxone_digital_channel.public", plancheck.ResourceActionNoop)),
	})
	testAccSteps(t, nil, steps)
}

// testAccExpectScenarioState checks that the state lists every object of the scenario.
func testAccExpectScenarioState() []statecheck.StateCheck {
	checks := make([]statecheck.StateCheck, 0, len(testAccScenarioAddresses))
	for _, a := range testAccScenarioAddresses {
		checks = append(checks, stateIs(a, "id", knownvalue.NotNull()))
	}
	return checks
}

// channelIDByExternal is the ID of the mock's channel with external ID ext.
func channelIDByExternal(t *testing.T, m *mockcxone.Server, ext string) string {
	t.Helper()
	for _, ch := range m.State().Channels {
		if ch.IDOnExternalPlatform == ext {
			return ch.ID
		}
	}
	t.Fatalf("no channel with external ID %q in the mock", ext)
	return ""
}

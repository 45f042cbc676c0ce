package provider

import (
	"context"
	"fmt"
	"maps"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

const (
	testAccByocName     = "cxone_byoc_integration.test"
	testAccByocBoxURL   = "https://middleware.thejungle.example/watering-hole"
	testAccByocAuthURL  = "https://middleware.thejungle.example/oauth/token"
	testAccByocClientID = "watering-hole"
)

func TestAccByocIntegration_basic(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckByocIntegrationDestroy(t, m), []resource.TestStep{{
		Config: testAccByocIntegrationConfig_secret(m, "The Watering Hole", "bare-necessities"),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("id"), knownvalue.NotNull()),
			statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("name"), knownvalue.StringExact("The Watering Hole")),
			statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("integration_box_url"), knownvalue.StringExact(testAccByocBoxURL)),
			statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("authorization_url"), knownvalue.StringExact(testAccByocAuthURL)),
			statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("client_id"), knownvalue.StringExact(testAccByocClientID)),
			statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("client_secret"), knownvalue.StringExact("bare-necessities")),
			statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("client_secret_wo"), knownvalue.Null()),
			statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("use_dfo3_outbound_api"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("add_action_url"), knownvalue.Null()),
			statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("color"), knownvalue.StringExact("")),
			statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("has_client_secret"), knownvalue.Bool(true)),
		},
		ConfigPlanChecks: planAction(testAccByocName, plancheck.ResourceActionCreate),
		Check:            testAccCheckByocSecret(m, "bare-necessities"),
	}})
}

func TestAccByocIntegration_update(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckByocIntegrationDestroy(t, m), []resource.TestStep{
		{
			Config: testAccByocIntegrationConfig_secret(m, "The Watering Hole", "bare-necessities"),
			Check:  testAccCheckByocSecret(m, "bare-necessities"),
		},
		{
			Config: testAccByocIntegrationConfig_full(m, "The Watering Hole (renamed)", "new-necessities", "#1F8A70",
				"https://middleware.thejungle.example/add", false),
			ConfigPlanChecks: planAction(testAccByocName, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("name"), knownvalue.StringExact("The Watering Hole (renamed)")),
				statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("color"), knownvalue.StringExact("#1F8A70")),
				statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("add_action_url"), knownvalue.StringExact("https://middleware.thejungle.example/add")),
				statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("use_dfo3_outbound_api"), knownvalue.Bool(false)),
			},
			Check: testAccCheckByocSecret(m, "new-necessities"),
		},
		{
			// Dropping the optional URL clears it; the colour, not configured any more, keeps CXone's value.
			Config:           testAccByocIntegrationConfig_secret(m, "The Watering Hole (renamed)", "new-necessities"),
			ConfigPlanChecks: planAction(testAccByocName, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("add_action_url"), knownvalue.Null()),
				statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("color"), knownvalue.StringExact("#1F8A70")),
				statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("use_dfo3_outbound_api"), knownvalue.Bool(true)),
			},
			Check: testAccCheckByocSecret(m, "new-necessities"),
		},
	})
}

func TestAccByocIntegration_import(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckByocIntegrationDestroy(t, m), []resource.TestStep{
		{Config: testAccByocIntegrationConfig_full(m, "The Watering Hole", "bare-necessities", "#1F8A70", "https://middleware.thejungle.example/add", false)},
		{
			ResourceName:      testAccByocName,
			ImportState:       true,
			ImportStateVerify: true,
			// CXone never returns the secret: it is null in the imported state.
			ImportStateVerifyIgnore: []string{"client_secret"},
		},
		{
			// The import block plans an in-place update that sends the configured secret, as documented.
			ResourceName:       testAccByocName,
			ImportState:        true,
			ImportStateKind:    resource.ImportBlockWithID,
			ExpectNonEmptyPlan: true,
			ImportPlanChecks: resource.ImportPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccByocName, plancheck.ResourceActionUpdate)},
			},
		},
	})
}

func TestAccByocIntegration_disappears(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckByocIntegrationDestroy(t, m), []resource.TestStep{{
		Config: testAccByocIntegrationConfig_secret(m, "The Watering Hole", "bare-necessities"),
		Check: func(s *terraform.State) error {
			return testAccClient(t, m).DeleteIntegration(context.Background(), s.RootModule().Resources[testAccByocName].Primary.ID)
		},
		ConfigPlanChecks:   planRecreates(testAccByocName),
		ExpectNonEmptyPlan: true,
	}})
}

func TestAccByocIntegration_validation(t *testing.T) {
	m := testAccStart(t)
	good := map[string]string{
		"name": `"The Watering Hole"`, "integration_box_url": fmt.Sprintf("%q", testAccByocBoxURL),
		"authorization_url": fmt.Sprintf("%q", testAccByocAuthURL), "client_id": fmt.Sprintf("%q", testAccByocClientID),
		"client_secret": `"bare-necessities"`,
	}
	cases := []struct {
		set  map[string]string
		want []string // parts of the error, in order
	}{
		{map[string]string{"integration_box_url": `"http://middleware.thejungle.example/"`}, []string{"integration_box_url must use https://"}},
		{map[string]string{"authorization_url": `"/oauth/token"`}, []string{"authorization_url must be an absolute https:// URL"}},
		{map[string]string{"add_action_url": `"http://middleware.thejungle.example/add"`}, []string{"add_action_url must use https://"}},
		{map[string]string{"reconnect_action_url": `"reconnect"`}, []string{"reconnect_action_url must be an absolute https:// URL"}},
		{map[string]string{"remove_action_url": `"ftp://x.example/remove"`}, []string{"remove_action_url must use https://"}},
		{map[string]string{"color": `"green"`}, []string{"color", "#RRGGBB"}},
		{map[string]string{"name": `""`}, []string{"name", "must not be empty or blank"}},
		{map[string]string{"client_id": `" "`}, []string{"client_id", "must not be empty or blank"}},
		{map[string]string{"client_secret_wo": `"also"`}, []string{"client_secret", "client_secret_wo"}},
		{map[string]string{"client_secret": "null"}, []string{"client_secret", "client_secret_wo"}},
		{map[string]string{"client_secret_wo_version": "1"}, []string{"client_secret_wo_version", "client_secret_wo"}},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		attrs := maps.Clone(good)
		maps.Copy(attrs, c.set)
		steps = append(steps, planError(testAccBlockConfig(m, `resource "cxone_byoc_integration" "test"`, attrs), c.want...))
	}
	testAccPlanErrors(t, m, steps)
}

func TestAccByocIntegration_apiError(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, nil, []resource.TestStep{{
		PreConfig: func() {
			testAccSetFaults(t, m, mockcxone.FaultRule{Method: "POST", Path: mockcxone.DFOBase + "/channel-integrations", Status: 422})
		},
		Config:      testAccByocIntegrationConfig_secret(m, "The Watering Hole", "bare-necessities"),
		ExpectError: expectErrorText("Unable to Create BYOC Integration", `"The Watering Hole"`, "fault injected by the mock"),
	}})
}

// testAccCheckByocIntegrationDestroy checks that every integration in state is gone.
func testAccCheckByocIntegrationDestroy(t *testing.T, m *mockcxone.Server) resource.TestCheckFunc {
	return testAccCheckDestroyed(t, m, "cxone_byoc_integration", func(ctx context.Context, c *cxone.Client, rs *terraform.ResourceState) (string, error) {
		_, err := c.GetIntegration(ctx, rs.Primary.ID)
		return "BYOC integration " + rs.Primary.ID + " still exists", err
	})
}

// testAccCheckByocSecret checks the secret CXone holds for the integration in state.
func testAccCheckByocSecret(m *mockcxone.Server, want string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[testAccByocName]
		if !ok {
			return fmt.Errorf("%s is not in the state", testAccByocName)
		}
		got, ok := m.IntegrationSecret(rs.Primary.ID)
		if !ok {
			return fmt.Errorf("the mock has no integration %s", rs.Primary.ID)
		}
		if got != want {
			return fmt.Errorf("CXone holds the secret %q, want %q", got, want)
		}
		return nil
	}
}

func testAccByocIntegrationConfig_secret(m *mockcxone.Server, name, secret string) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_byoc_integration" "test" {
  name                = %[1]q
  integration_box_url = %[2]q
  authorization_url   = %[3]q
  client_id           = %[4]q
  client_secret       = %[5]q
}
`, name, testAccByocBoxURL, testAccByocAuthURL, testAccByocClientID, secret)
}

func testAccByocIntegrationConfig_full(m *mockcxone.Server, name, secret, color, addURL string, dfo3 bool) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_byoc_integration" "test" {
  name                  = %[1]q
  integration_box_url   = %[2]q
  authorization_url     = %[3]q
  client_id             = %[4]q
  client_secret         = %[5]q
  color                 = %[6]q
  add_action_url        = %[7]q
  use_dfo3_outbound_api = %[8]t
}
`, name, testAccByocBoxURL, testAccByocAuthURL, testAccByocClientID, secret, color, addURL, dfo3)
}

package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

func TestAccByocIntegrationDataSource_byIDAndName(t *testing.T) {
	m := testAccStart(t)
	checks := func(addr string) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			stateIs(addr, "name", knownvalue.StringExact("The Watering Hole")),
			stateIs(addr, "integration_box_url", knownvalue.StringExact(testAccByocBoxURL)),
			stateIs(addr, "authorization_url", knownvalue.StringExact(testAccByocAuthURL)),
			stateIs(addr, "client_id", knownvalue.StringExact(testAccByocClientID)),
			stateIs(addr, "use_dfo3_outbound_api", knownvalue.Bool(false)),
			stateIs(addr, "add_action_url", knownvalue.StringExact("https://middleware.thejungle.example/add")),
			stateIs(addr, "reconnect_action_url", knownvalue.Null()),
			stateIs(addr, "remove_action_url", knownvalue.Null()),
			stateIs(addr, "color", knownvalue.StringExact("#1F8A70")),
			stateIs(addr, "has_client_secret", knownvalue.Bool(true)),
			sameAt(addr, "id", testAccByocName, "id"),
		}
	}
	testAccSteps(t, nil, []resource.TestStep{{
		Config: testAccByocIntegrationConfig_full(m, "The Watering Hole", "bare-necessities", "#1F8A70",
			"https://middleware.thejungle.example/add", false) + `
data "cxone_byoc_integration" "by_id" {
  id = cxone_byoc_integration.test.id
}

data "cxone_byoc_integration" "by_name" {
  name = cxone_byoc_integration.test.name
}
`,
		ConfigStateChecks: append(checks("data.cxone_byoc_integration.by_id"), checks("data.cxone_byoc_integration.by_name")...),
	}})
}

func TestAccByocIntegrationDataSource_ambiguous(t *testing.T) {
	m := testAccStart(t)
	var dupID string
	testAccSteps(t, nil, []resource.TestStep{
		{
			Config: testAccByocIntegrationConfig_secret(m, "The Watering Hole", "bare-necessities"),
			Check: func(s *terraform.State) error {
				if dupID = m.AddDuplicateIntegrationForTest(s.RootModule().Resources[testAccByocName].Primary.ID); dupID == "" {
					return fmt.Errorf("could not duplicate the integration")
				}
				return nil
			},
		},
		{
			Config: testAccByocIntegrationConfig_secret(m, "The Watering Hole", "bare-necessities") + `
data "cxone_byoc_integration" "test" {
  name = "The Watering Hole"
}
`,
			ExpectError: expectErrorText(`CXone has 2 BYOC integrations named "The Watering Hole"`),
		},
		{
			// The duplicate is not Terraform's: remove it so the integration can be destroyed cleanly.
			PreConfig: func() {
				if err := testAccClient(t, m).DeleteIntegration(t.Context(), dupID); err != nil {
					t.Fatalf("deleting the duplicate: %v", err)
				}
			},
			Config: testAccByocIntegrationConfig_secret(m, "The Watering Hole", "bare-necessities"),
		},
	})
}

package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// Seed users (provider.md, "Seed") the tests use.
const (
	mowgliAgentID = 1001
	balooAgentID  = 1002
	rakshaAgentID = 1009 // the inactive one
)

const userPermissionsAddr = "cxone_digital_user_permissions.test"

func TestAccDigitalUserPermissions_basic(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckDigitalEngagementOff(t, m, balooAgentID), []resource.TestStep{{
		Config: testAccDigitalUserPermissionsConfig_basic(m, balooAgentID),
		ConfigStateChecks: []statecheck.StateCheck{
			stateIs(userPermissionsAddr, "id", knownvalue.StringExact("1002")),
			stateIs(userPermissionsAddr, "digital_engagement_enabled", knownvalue.Bool(true)),
			// Left out of the configuration: CXone's values are kept and shown.
			stateIs(userPermissionsAddr, "digital_threshold", knownvalue.Int64Exact(1)),
			stateIs(userPermissionsAddr, "use_team_digital_threshold", knownvalue.Bool(true)),
			stateIs(userPermissionsAddr, "digital_refusal_timeout", knownvalue.Int64Exact(30)),
			stateIs(userPermissionsAddr, "user_name", knownvalue.StringExact("baloo")),
			stateIs(userPermissionsAddr, "email_address", knownvalue.StringExact("baloo@thejungle.example")),
		},
		ConfigPlanChecks: planAction(userPermissionsAddr, plancheck.ResourceActionCreate),
		Check: testAccCheckAgent(t, m, balooAgentID, func(a *cxone.Agent) error {
			if !a.DigitalEngagementEnabled || a.DigitalThreshold != 1 || a.DigitalRefusalTimeout != 30 {
				return fmt.Errorf("CXone holds %+v, want engagement on and the seed's threshold 1 and refusal 30", a)
			}
			return nil
		}),
	}})
}

func TestAccDigitalUserPermissions_update(t *testing.T) {
	m := testAccStart(t)
	update := plannedAction(userPermissionsAddr, plancheck.ResourceActionUpdate)
	testAccSteps(t, resource.ComposeTestCheckFunc(
		testAccCheckDigitalEngagementOff(t, m, mowgliAgentID),
		testAccCheckDigitalEngagementOff(t, m, balooAgentID),
	), []resource.TestStep{
		{
			Config: testAccDigitalUserPermissionsConfig_settings(m, mowgliAgentID, true, 2, true, 60),
			ConfigStateChecks: expectValues(userPermissionsAddr, map[string]knownvalue.Check{
				"digital_threshold":          knownvalue.Int64Exact(2),
				"use_team_digital_threshold": knownvalue.Bool(true),
				"digital_refusal_timeout":    knownvalue.Int64Exact(60),
			}),
		},
		{
			Config:           testAccDigitalUserPermissionsConfig_settings(m, mowgliAgentID, true, 5, false, 120),
			ConfigPlanChecks: update,
			ConfigStateChecks: expectValues(userPermissionsAddr, map[string]knownvalue.Check{
				"digital_threshold":          knownvalue.Int64Exact(5),
				"use_team_digital_threshold": knownvalue.Bool(false),
				"digital_refusal_timeout":    knownvalue.Int64Exact(120),
			}),
			Check: testAccCheckAgent(t, m, mowgliAgentID, func(a *cxone.Agent) error {
				if a.DigitalThreshold != 5 || a.DigitalRefusalTimeout != 120 || a.UseTeamDigitalThreshold {
					return fmt.Errorf("CXone holds %+v, want threshold 5, refusal 120, team threshold off", a)
				}
				return nil
			}),
		},
		{
			// Settings taken out of the configuration are left as they are: no change.
			Config:           testAccDigitalUserPermissionsConfig_basic(m, mowgliAgentID),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			ConfigStateChecks: expectValues(userPermissionsAddr, map[string]knownvalue.Check{
				"digital_threshold":       knownvalue.Int64Exact(5),
				"digital_refusal_timeout": knownvalue.Int64Exact(120),
			}),
		},
		{
			// Another user: the permissions move, which is a replacement; the first
			// user's digital engagement is turned off.
			Config:           testAccDigitalUserPermissionsConfig_basic(m, balooAgentID),
			ConfigPlanChecks: plannedAction(userPermissionsAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				stateIs(userPermissionsAddr, "user_name", knownvalue.StringExact("baloo")),
			},
			Check: testAccCheckDigitalEngagementOff(t, m, mowgliAgentID),
		},
		{
			Config:           testAccDigitalUserPermissionsConfig_settings(m, balooAgentID, false, 5, false, 120),
			ConfigPlanChecks: update,
			ConfigStateChecks: expectValues(userPermissionsAddr, map[string]knownvalue.Check{
				"digital_engagement_enabled": knownvalue.Bool(false),
				"digital_threshold":          knownvalue.Int64Exact(5),
			}),
			Check: testAccCheckDigitalEngagementOff(t, m, balooAgentID),
		},
	})
}

func TestAccDigitalUserPermissions_import(t *testing.T) {
	m := testAccStart(t)
	cfg := testAccDigitalUserPermissionsConfig_settings(m, balooAgentID, true, 3, false, 90)
	testAccSteps(t, testAccCheckDigitalEngagementOff(t, m, balooAgentID), testAccImportByIDSteps(cfg, userPermissionsAddr, "baloo",
		"Unable to Import Digital User Permissions", "agent ID", `got "baloo"`))
}

// TestAccDigitalUserPermissions_disappears turns digital engagement off outside
// Terraform: the user cannot disappear, so the next plan turns it on again.
func TestAccDigitalUserPermissions_disappears(t *testing.T) {
	m := testAccStart(t)
	client := testAccClient(t, m)
	cfg := testAccDigitalUserPermissionsConfig_basic(m, balooAgentID)
	testAccSteps(t, testAccCheckDigitalEngagementOff(t, m, balooAgentID), []resource.TestStep{
		{Config: cfg},
		{
			PreConfig: func() {
				err := client.UpdateAgentDigitalSettings(context.Background(),
					cxone.AgentDigitalSettings{AgentID: balooAgentID, DigitalEngagementEnabled: new(false)})
				if err != nil {
					t.Fatalf("turning digital engagement off outside Terraform: %v", err)
				}
			},
			Config:           cfg,
			ConfigPlanChecks: plannedAction(userPermissionsAddr, plancheck.ResourceActionUpdate, planIs(userPermissionsAddr, "digital_engagement_enabled", knownvalue.Bool(true))),
			Check: testAccCheckAgent(t, m, balooAgentID, func(a *cxone.Agent) error {
				if !a.DigitalEngagementEnabled {
					return fmt.Errorf("digital engagement is still off after the apply")
				}
				return nil
			}),
		},
	})
}

// TestAccDigitalUserPermissions_userDeleted removes the user itself: the resource
// leaves the state with a warning and is planned for creation, and destroy is done.
func TestAccDigitalUserPermissions_userDeleted(t *testing.T) {
	m := testAccStart(t)
	cfg := testAccDigitalUserPermissionsConfig_basic(m, balooAgentID)
	testAccSteps(t, testAccCheckDigitalEngagementOff(t, m, balooAgentID), []resource.TestStep{
		{Config: cfg},
		testAccGoneStep(userPermissionsAddr, cfg, func() {
			if !m.RemoveAgentForTest(balooAgentID) {
				t.Fatal("baloo was not in the mock")
			}
		}),
	})
}

func TestAccDigitalUserPermissions_validation(t *testing.T) {
	m := testAccStart(t)
	bad := func(attr, value, want string) resource.TestStep {
		return planError(testAccDigitalUserPermissionsConfig_raw(m, attr, value), attr, want)
	}
	testAccPlanErrors(t, m, []resource.TestStep{
		bad("digital_threshold", "0", "between 1 and 100, got: 0"),
		bad("digital_threshold", "101", "between 1 and 100, got: 101"),
		bad("digital_refusal_timeout", "9", "between 10 and 3600, got: 9"),
		bad("digital_refusal_timeout", "3601", "between 10 and 3600, got: 3601"),
		planError(testAccDigitalUserPermissionsConfig_basic(m, 0), "agent_id", "at least 1, got: 0"),
	})
}

func TestAccDigitalUserPermissions_apiError(t *testing.T) {
	m := testAccStart(t)
	testAccSetFaults(t, m, mockcxone.FaultRule{Method: "PUT", Path: "/inContactAPI/services/v34.0/agents", Status: 500})
	testAccSteps(t, testAccCheckDigitalEngagementOff(t, m, balooAgentID), []resource.TestStep{
		{
			Config:      testAccDigitalUserPermissionsConfig_basic(m, balooAgentID),
			ExpectError: expectErrorText("Unable to Create Digital User Permissions", "agent ID 1002", "500", "fault injected by the mock"),
		},
		{
			// An inactive user is refused at plan time, naming the user.
			Config:      testAccDigitalUserPermissionsConfig_basic(m, rakshaAgentID),
			PlanOnly:    true,
			ExpectError: expectErrorText(`User "raksha" (agent ID 1009) is inactive; reactivate it`),
		},
		{
			Config:      testAccDigitalUserPermissionsConfig_basic(m, 999999),
			ExpectError: expectErrorText("no user with agent ID 999999"),
		},
	})
}

// testAccCheckAgent reads an agent through the API and applies check to it.
func testAccCheckAgent(t *testing.T, m *mockcxone.Server, agentID int64, check func(*cxone.Agent) error) resource.TestCheckFunc {
	client := testAccClient(t, m)
	return func(*terraform.State) error {
		a, err := client.GetAgent(context.Background(), agentID)
		if err != nil {
			return fmt.Errorf("reading agent %d: %w", agentID, err)
		}
		return check(a)
	}
}

// testAccCheckDigitalEngagementOff is the CheckDestroy of the permissions: the user
// is still there (or was deleted by the test) and digital engagement is off.
func testAccCheckDigitalEngagementOff(t *testing.T, m *mockcxone.Server, agentID int64) resource.TestCheckFunc {
	client := testAccClient(t, m)
	return func(*terraform.State) error {
		a, err := client.GetAgent(context.Background(), agentID)
		if cxone.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading agent %d: %w", agentID, err)
		}
		if a.DigitalEngagementEnabled {
			return fmt.Errorf("digital engagement of agent %d (%s) is still on", agentID, a.UserName)
		}
		return nil
	}
}

func testAccDigitalUserPermissionsConfig_basic(m *mockcxone.Server, agentID int64) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_digital_user_permissions" "test" {
  agent_id = %[1]d
}
`, agentID)
}

func testAccDigitalUserPermissionsConfig_settings(m *mockcxone.Server, agentID int64, enabled bool, threshold int, team bool, refusal int) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_digital_user_permissions" "test" {
  agent_id                   = %[1]d
  digital_engagement_enabled = %[2]t
  digital_threshold          = %[3]d
  use_team_digital_threshold = %[4]t
  digital_refusal_timeout    = %[5]d
}
`, agentID, enabled, threshold, team, refusal)
}

// testAccDigitalUserPermissionsConfig_raw sets one attribute to a literal HCL value.
func testAccDigitalUserPermissionsConfig_raw(m *mockcxone.Server, attr, value string) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_digital_user_permissions" "test" {
  agent_id = 1001

  %[1]s = %[2]s
}
`, attr, value)
}

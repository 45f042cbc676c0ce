package provider

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

const skillAssignmentAddr = "cxone_skill_assignment.test"

func TestAccSkillAssignment_basic(t *testing.T) {
	m := testAccStart(t)
	skillID := testAccCreateSkill(t, m, "The Watering Hole")
	testAccSteps(t, testAccCheckSkillAssignmentGone(t, m, mowgliAgentID, skillID), []resource.TestStep{{
		// skill_id written as a string, as cxone_digital_skill.x.id is: Terraform converts it.
		Config: testAccSkillAssignmentConfig_basic(m, mowgliAgentID, strconv.FormatInt(skillID, 10)),
		ConfigStateChecks: expectValues(skillAssignmentAddr, map[string]knownvalue.Check{
			"id":          knownvalue.StringExact(assignmentKey(mowgliAgentID, skillID)),
			"agent_id":    knownvalue.Int64Exact(mowgliAgentID),
			"skill_id":    knownvalue.Int64Exact(skillID),
			"proficiency": knownvalue.Int64Exact(1),
			"is_active":   knownvalue.Bool(true),
			"skill_name":  knownvalue.StringExact("The Watering Hole"),
		}),
		ConfigPlanChecks: emptyReplan,
		Check:            testAccCheckSkillAssignment(t, m, mowgliAgentID, skillID, 1, true),
	}})
}

func TestAccSkillAssignment_update(t *testing.T) {
	m := testAccStart(t)
	first := testAccCreateSkill(t, m, "The Watering Hole")
	second := testAccCreateSkill(t, m, "Council Rock")
	action := func(a plancheck.ResourceActionType) resource.ConfigPlanChecks {
		return plannedAction(skillAssignmentAddr, a)
	}
	testAccSteps(t, resource.ComposeTestCheckFunc(
		testAccCheckSkillAssignmentGone(t, m, balooAgentID, first),
		testAccCheckSkillAssignmentGone(t, m, balooAgentID, second),
		testAccCheckSkillAssignmentGone(t, m, mowgliAgentID, second),
	), []resource.TestStep{
		{Config: testAccSkillAssignmentConfig_full(m, balooAgentID, first, 5, true)},
		{
			Config:           testAccSkillAssignmentConfig_full(m, balooAgentID, first, 12, false),
			ConfigPlanChecks: action(plancheck.ResourceActionUpdate),
			ConfigStateChecks: expectValues(skillAssignmentAddr, map[string]knownvalue.Check{
				"proficiency": knownvalue.Int64Exact(12),
				"is_active":   knownvalue.Bool(false),
			}),
			Check: testAccCheckSkillAssignment(t, m, balooAgentID, first, 12, false),
		},
		{
			Config:           testAccSkillAssignmentConfig_full(m, balooAgentID, second, 12, false),
			ConfigPlanChecks: action(plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				stateIs(skillAssignmentAddr, "skill_name", knownvalue.StringExact("Council Rock")),
			},
			Check: resource.ComposeTestCheckFunc(
				testAccCheckSkillAssignmentGone(t, m, balooAgentID, first),
				testAccCheckSkillAssignment(t, m, balooAgentID, second, 12, false),
			),
		},
		{
			Config:           testAccSkillAssignmentConfig_full(m, mowgliAgentID, second, 12, true),
			ConfigPlanChecks: action(plancheck.ResourceActionDestroyBeforeCreate),
			Check: resource.ComposeTestCheckFunc(
				testAccCheckSkillAssignmentGone(t, m, balooAgentID, second),
				testAccCheckSkillAssignment(t, m, mowgliAgentID, second, 12, true),
			),
		},
	})
}

func TestAccSkillAssignment_import(t *testing.T) {
	m := testAccStart(t)
	skillID := testAccCreateSkill(t, m, "The Watering Hole")
	cfg := testAccSkillAssignmentConfig_full(m, balooAgentID, skillID, 5, false)
	testAccSteps(t, testAccCheckSkillAssignmentGone(t, m, balooAgentID, skillID), testAccImportByIDSteps(cfg, skillAssignmentAddr, "1002",
		"Unable to Import Skill Assignment", `of the form "agent_id/skill_id", got "1002"`))
}

// TestAccSkillAssignment_disappears unassigns the skill outside Terraform, then
// changes the proficiency outside: each shows in the next plan and is put back.
func TestAccSkillAssignment_disappears(t *testing.T) {
	m := testAccStart(t)
	client := testAccClient(t, m)
	skillID := testAccCreateSkill(t, m, "The Watering Hole")
	cfg := testAccSkillAssignmentConfig_full(m, mowgliAgentID, skillID, 3, true)
	testAccSteps(t, testAccCheckSkillAssignmentGone(t, m, mowgliAgentID, skillID), []resource.TestStep{
		{Config: cfg},
		{
			PreConfig: func() {
				if err := client.UnassignSkill(context.Background(), mowgliAgentID, skillID); err != nil {
					t.Fatalf("unassigning outside Terraform: %v", err)
				}
			},
			Config:           cfg,
			ConfigPlanChecks: plannedAction(skillAssignmentAddr, plancheck.ResourceActionCreate),
			Check:            testAccCheckSkillAssignment(t, m, mowgliAgentID, skillID, 3, true),
		},
		{
			PreConfig: func() {
				err := client.UpdateSkillAssignments(context.Background(), mowgliAgentID,
					[]cxone.SkillAssignmentInput{{SkillID: skillID, Proficiency: 9, IsActive: true}})
				if err != nil {
					t.Fatalf("changing the proficiency outside Terraform: %v", err)
				}
			},
			Config:           cfg,
			ConfigPlanChecks: plannedAction(skillAssignmentAddr, plancheck.ResourceActionUpdate),
			Check:            testAccCheckSkillAssignment(t, m, mowgliAgentID, skillID, 3, true),
		},
	})
}

func TestAccSkillAssignment_validation(t *testing.T) {
	m := testAccStart(t)
	bad := func(agentID, skillID, proficiency int64, want ...string) resource.TestStep {
		return planError(testAccSkillAssignmentConfig_full(m, agentID, skillID, proficiency, true), want...)
	}
	testAccPlanErrors(t, m, []resource.TestStep{
		bad(1001, 4000001, 0, "proficiency", "whole number from 1 to 20, got 0"),
		bad(1001, 4000001, 21, "proficiency", "whole number from 1 to 20, got 21"),
		{
			Config: strings.Replace(testAccSkillAssignmentConfig_full(m, 1001, 4000001, 1, true),
				"proficiency = 1", "proficiency = 1.5", 1),
			PlanOnly:    true,
			ExpectError: expectErrorText("Invalid Attribute Value", "proficiency must be a whole number from 1 to 20, got 1.5"),
		},
		bad(0, 4000001, 1, "agent_id", "at least 1, got: 0"),
		bad(1001, 0, 1, "skill_id", "at least 1, got: 0"),
	})
}

func TestAccSkillAssignment_apiError(t *testing.T) {
	m := testAccStart(t)
	skillID := testAccCreateSkill(t, m, "The Watering Hole")
	testAccSteps(t, testAccCheckSkillAssignmentGone(t, m, mowgliAgentID, skillID), []resource.TestStep{
		{
			PreConfig: func() {
				testAccSetFaults(t, m, mockcxone.FaultRule{Method: "POST", Path: "/inContactAPI/services/v34.0/agents/", Status: 422})
			},
			Config: testAccSkillAssignmentConfig_full(m, mowgliAgentID, skillID, 1, true),
			ExpectError: expectErrorText("Unable to Create Skill Assignment",
				fmt.Sprintf("of skill %d to agent 1001", skillID), "422", "fault injected by the mock"),
		},
	})
}

// TestAccSkillAssignment_adoptExisting creates an assignment the agent already has (an
// apply cut off after the assignment was made): it is adopted, with a warning, and brought
// to the declared values; the next plan is empty and destroy removes it.
func TestAccSkillAssignment_adoptExisting(t *testing.T) {
	m := testAccStart(t)
	taken := testAccAssignedSkill(t, m, "Council Rock", 1004, false)
	testAccSteps(t, testAccCheckSkillAssignmentGone(t, m, 1004, taken), []resource.TestStep{{
		Config:           testAccSkillAssignmentConfig_full(m, 1004, taken, 7, true),
		ConfigPlanChecks: planAction(skillAssignmentAddr, plancheck.ResourceActionCreate),
		ConfigStateChecks: expectValues(skillAssignmentAddr, map[string]knownvalue.Check{
			"proficiency": knownvalue.Int64Exact(7),
			"id":          knownvalue.StringExact(assignmentKey(1004, taken)),
		}),
		Check: testAccCheckSkillAssignment(t, m, 1004, taken, 7, true),
	}})
}

// TestAccSkillAssignment_lostAnswer drops the answer to the create: the assignment
// was made, so the apply succeeds without a second POST and without a duplicate.
func TestAccSkillAssignment_lostAnswer(t *testing.T) {
	m := testAccStart(t)
	skillID := testAccCreateSkill(t, m, "The Watering Hole")
	const route = "POST /inContactAPI/services/{version}/agents/{agentId}/skills"
	testAccSteps(t, testAccCheckSkillAssignmentGone(t, m, balooAgentID, skillID), []resource.TestStep{{
		PreConfig: func() {
			testAccSetFaults(t, m, mockcxone.FaultRule{Method: "POST", Path: "/inContactAPI/services/v34.0/agents/", DropResponse: true, Count: 1})
		},
		Config: testAccSkillAssignmentConfig_full(m, balooAgentID, skillID, 4, true),
		ConfigStateChecks: []statecheck.StateCheck{
			stateIs(skillAssignmentAddr, "proficiency", knownvalue.Int64Exact(4)),
		},
		Check: resource.ComposeTestCheckFunc(
			testAccCheckSkillAssignment(t, m, balooAgentID, skillID, 4, true),
			func(*terraform.State) error {
				if n := m.Requests().ByRoute[route]; n != 1 {
					return fmt.Errorf("%s was sent %d times, want once", route, n)
				}
				return nil
			},
		),
	}})
}

// testAccCreateSkill creates a digital skill through the API for a test to assign.
func testAccCreateSkill(t *testing.T, m *mockcxone.Server, name string) int64 {
	t.Helper()
	sk, err := testAccClient(t, m).CreateSkill(context.Background(), cxone.SkillInput{
		SkillName: name, InitialPriority: 0, Acceleration: 1, MaxPriority: 1000, ServiceLevelThreshold: 30, ServiceLevelGoal: 80,
	})
	if err != nil {
		t.Fatalf("creating skill %q: %v", name, err)
	}
	return sk.SkillID
}

// testAccCheckSkillAssignment checks an assignment as CXone holds it.
func testAccCheckSkillAssignment(t *testing.T, m *mockcxone.Server, agentID, skillID int64, proficiency int, active bool) resource.TestCheckFunc {
	client := testAccClient(t, m)
	return func(*terraform.State) error {
		a, err := client.GetSkillAssignment(context.Background(), agentID, skillID)
		if err != nil {
			return fmt.Errorf("reading the assignment of skill %d to agent %d: %w", skillID, agentID, err)
		}
		if a.Proficiency != proficiency || a.IsActive != active {
			return fmt.Errorf("CXone holds proficiency %d, active %t; want %d, %t", a.Proficiency, a.IsActive, proficiency, active)
		}
		return nil
	}
}

// testAccCheckSkillAssignmentGone is a CheckDestroy: the skill is not assigned to
// the agent; any error but not-found fails.
func testAccCheckSkillAssignmentGone(t *testing.T, m *mockcxone.Server, agentID, skillID int64) resource.TestCheckFunc {
	client := testAccClient(t, m)
	return func(*terraform.State) error {
		_, err := client.GetSkillAssignment(context.Background(), agentID, skillID)
		switch {
		case cxone.IsNotFound(err):
			return nil
		case err != nil:
			return fmt.Errorf("reading the assignment of skill %d to agent %d: %w", skillID, agentID, err)
		}
		return fmt.Errorf("skill %d is still assigned to agent %d", skillID, agentID)
	}
}

func testAccSkillAssignmentConfig_basic(m *mockcxone.Server, agentID int64, skillID string) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_skill_assignment" "test" {
  agent_id = %[1]d
  skill_id = %[2]q
}
`, agentID, skillID)
}

func testAccSkillAssignmentConfig_full(m *mockcxone.Server, agentID, skillID, proficiency int64, active bool) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_skill_assignment" "test" {
  agent_id    = %[1]d
  skill_id    = %[2]d
  proficiency = %[3]d
  is_active   = %[4]t
}
`, agentID, skillID, proficiency, active)
}

// TestAccSkillAssignment_importReversed: an import ID written skill first gets a hint
// with the right ID.
func TestAccSkillAssignment_importReversed(t *testing.T) {
	m := testAccStart(t)
	skillID := testAccAssignedSkill(t, m, "Council Rock", 1004, true)
	testAccSteps(t, nil, []resource.TestStep{{
		Config:        testAccSkillAssignmentConfig_full(m, 1004, skillID, 2, true),
		ResourceName:  skillAssignmentAddr,
		ImportState:   true,
		ImportStateId: assignmentKey(skillID, 1004),
		ExpectError: expectErrorText("agent first", "Import it with the ID",
			strconv.Quote(assignmentKey(1004, skillID))),
	}})
}

// testAccAssignedSkill creates a skill and assigns it to agentID outside Terraform,
// with proficiency 2; it returns the skill's ID.
func testAccAssignedSkill(t *testing.T, m *mockcxone.Server, name string, agentID int64, active bool) int64 {
	t.Helper()
	skillID := testAccCreateSkill(t, m, name)
	if err := testAccClient(t, m).AssignSkills(context.Background(), agentID,
		[]cxone.SkillAssignmentInput{{SkillID: skillID, Proficiency: 2, IsActive: active}}); err != nil {
		t.Fatal(err)
	}
	return skillID
}

package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

const (
	dncGroupAddr      = "cxone_dnc_group.test"
	dncGroupSkillAddr = "cxone_dnc_group_skill.test"
)

// TestAccDNCGroup_lifecycle: create, an empty re-plan, update in place, import by ID,
// drift both ways, a create over an active name that names the import, destroy
// deactivating and a re-create that reactivates the same group.
func TestAccDNCGroup_lifecycle(t *testing.T) {
	m := testAccStart(t)
	sameID := sameValue(dncGroupAddr, "id")
	id := func() int64 { return testAccDNCGroupID(t, m, "The Jungle opt-outs") }
	final := testAccDNCGroupConfig(m, "The Jungle opt-outs", "STOP replies")
	steps := append([]resource.TestStep{
		{
			Config: testAccDNCGroupConfig(m, "Opt-outs", ""),
			ConfigStateChecks: expectValues(dncGroupAddr, map[string]knownvalue.Check{
				"id":          knownvalue.StringRegexp(numericRE),
				"description": knownvalue.StringExact(""),
			}, sameID()),
			ConfigPlanChecks: planAction(dncGroupAddr, plancheck.ResourceActionCreate),
		},
		{
			Config:           final,
			ConfigPlanChecks: planAction(dncGroupAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: expectValues(dncGroupAddr, map[string]knownvalue.Check{
				"name":        knownvalue.StringExact("The Jungle opt-outs"),
				"description": knownvalue.StringExact("STOP replies"),
			}, sameID()),
		},
	}, testAccImportSteps(dncGroupAddr, "opt-outs", "Expected a DNC group ID, a whole number such as 8001", "64999")...)
	steps = append(steps,
		// Changed outside Terraform: the plan puts it back.
		testAccDriftStep(t, dncGroupAddr, final, func() error {
			_, err := testAccClient(t, m).UpdateDNCGroup(context.Background(), id(),
				cxone.DNCGroupInput{DNCGroupName: "The Jungle opt-outs", DNCGroupDescription: "changed outside"})
			return err
		}),
		// Deactivated outside Terraform: planned for creation, which reactivates it.
		testAccReactivateStep(t, dncGroupAddr, final, sameID,
			func() error { return testAccClient(t, m).DeactivateDNCGroup(context.Background(), id()) }),
		testAccNameTakenStep(final, "cxone_dnc_group", "DNC Group", "DNC group", "The Jungle opt-outs"),
	)
	// Destroy deactivates; the same name created again is the same group.
	steps = append(steps, testAccRecreateSteps(final, sameID,
		func(active bool) error { return testAccCheckDNCGroupState(m, "The Jungle opt-outs", active) })...)
	testAccSteps(t, testAccCheckDNCGroupDestroy(t, m), steps)
}

// TestAccDNCGroupSkill_lifecycle: a link made, re-planned empty, replaced by a change of
// relation, imported, removed outside Terraform (planned again), and deleted by destroy.
func TestAccDNCGroupSkill_lifecycle(t *testing.T) {
	m := testAccStart(t)
	skillID := testAccCreateSkill(t, m, "Launch")
	groupID := func() int64 { return testAccDNCGroupID(t, m, "Opt-outs") }
	testAccSteps(t, func(*terraform.State) error {
		if links := m.State().DNCGroupSkills; len(links) != 0 {
			return fmt.Errorf("links left after destroy: %+v", links)
		}
		return nil
	}, append([]resource.TestStep{
		{
			Config: testAccDNCGroupSkillConfig(m, skillID, "scrubbed"),
			// The ID is known at plan time once the group's is: here it is not.
			ConfigPlanChecks: planAction(dncGroupSkillAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				stateIs(dncGroupSkillAddr, "relation", knownvalue.StringExact("scrubbed")),
				checkMock(func() error { return testAccCheckDNCLinks(m, groupID(), skillID, "scrubbed") }),
			},
		},
		{
			Config: testAccDNCGroupSkillConfig(m, skillID, "contributing"),
			ConfigPlanChecks: planAction(dncGroupSkillAddr, plancheck.ResourceActionDestroyBeforeCreate, planIs(dncGroupSkillAddr, "id",
				knownvalue.StringRegexp(numericSlashRE("contributing")))),
			ConfigStateChecks: []statecheck.StateCheck{
				checkMock(func() error { return testAccCheckDNCLinks(m, groupID(), skillID, "contributing") }),
			},
		},
	}, append(testAccImportSteps(dncGroupSkillAddr, "64001/4000001/opted", `Relation in the import ID must be "scrubbed" or "contributing"`,
		fmt.Sprintf("64999/%d/scrubbed", skillID)),
		resource.TestStep{
			ResourceName: dncGroupSkillAddr, ImportState: true, ImportStateId: "64001/4000001",
			ExpectError: expectErrorText(`Expected an import ID of the form "dnc_group_id/skill_id/relation"`),
		},
		resource.TestStep{
			// Removed outside Terraform: planned again, and made again.
			PreConfig: outside(t, func() error {
				return testAccClient(t, m).RemoveDNCGroupSkill(context.Background(), groupID(), skillID, cxone.DNCContributing)
			}),
			Config:           testAccDNCGroupSkillConfig(m, skillID, "contributing"),
			ConfigPlanChecks: plannedAction(dncGroupSkillAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				checkMock(func() error { return testAccCheckDNCLinks(m, groupID(), skillID, "contributing") }),
			},
		},
		resource.TestStep{
			// Made outside Terraform too (an apply cut off after the link): a create
			// converges on the existing link.
			PreConfig: outside(t, func() error {
				return testAccClient(t, m).AddDNCGroupSkill(context.Background(), groupID(), skillID, cxone.DNCScrubbed)
			}),
			Config:           testAccDNCGroupSkillConfig(m, skillID, "contributing") + testAccDNCGroupSkillBlock("scrubbed", skillID, "scrubbed"),
			ConfigPlanChecks: emptyReplan,
		},
	)...))
}

func TestAccDNCGroup_identity(t *testing.T) {
	m := testAccStart(t)
	testAccIdentity(t, identityCase{
		addr:     dncGroupAddr,
		create:   testAccDNCGroupConfig(m, "Opt-outs", ""),
		update:   testAccDNCGroupConfig(m, "Opt-outs", "STOP replies"),
		identity: map[string]identityFrom{"dnc_group_id": {stateAttr: "id", number: true}},
		remove: func(map[string]any) error {
			return testAccClient(t, m).DeactivateDNCGroup(t.Context(), testAccDNCGroupID(t, m, "Opt-outs"))
		},
	})
}

func TestAccDNCGroupSkill_identity(t *testing.T) {
	m := testAccStart(t)
	skillID := testAccCreateSkill(t, m, "Launch")
	testAccIdentity(t, identityCase{
		addr:   dncGroupSkillAddr,
		create: testAccDNCGroupSkillConfig(m, skillID, "scrubbed"),
		// A link has nothing to update: the apply changes its group's description instead.
		update: testAccDNCGroupConfig(m, "Opt-outs", "STOP replies") + testAccDNCGroupSkillBlock("test", skillID, "scrubbed"),
		identity: map[string]identityFrom{
			"dnc_group_id": {stateAttr: "dnc_group_id", number: true},
			"skill_id":     {stateAttr: "skill_id", number: true},
			"relation":     {stateAttr: "relation"},
		},
		remove: func(map[string]any) error {
			return testAccClient(t, m).RemoveDNCGroupSkill(t.Context(), testAccDNCGroupID(t, m, "Opt-outs"), skillID, cxone.DNCScrubbed)
		},
	})
}

// testAccCheckDNCGroupDestroy checks that every group the test managed is inactive.
func testAccCheckDNCGroupDestroy(t *testing.T, m *mockcxone.Server) resource.TestCheckFunc {
	return testAccCheckDeactivated(t, m, "cxone_dnc_group", "DNC group", (*cxone.Client).GetDNCGroup,
		func(g *cxone.DNCGroup) (string, bool) { return g.DNCGroupName, g.IsActive })
}

// testAccCheckDNCGroupState checks in the mock's state that exactly one group has this
// name, active or not as given.
func testAccCheckDNCGroupState(m *mockcxone.Server, name string, active bool) error {
	return checkOneInMock(fmt.Sprintf("DNC groups named %q", name), m.State().DNCGroups,
		func(g mockcxone.DNCGroup) (bool, bool) { return g.DNCGroupName == name, g.IsActive }, active)
}

// testAccCheckDNCLinks checks in the mock's state that the skill's only link is the
// one given.
func testAccCheckDNCLinks(m *mockcxone.Server, groupID, skillID int64, relation string) error {
	want := mockcxone.DNCGroupSkill{DNCGroupID: groupID, SkillID: skillID, Relation: relation}
	if links := m.State().DNCGroupSkills; len(links) != 1 || links[0] != want {
		return fmt.Errorf("DNC links %+v, want only %+v", links, want)
	}
	return nil
}

func testAccDNCGroupID(t *testing.T, m *mockcxone.Server, name string) int64 {
	t.Helper()
	return testAccFind(t, m, (*cxone.Client).FindDNCGroupByName, name).DNCGroupID
}

func testAccDNCGroupConfig(m *mockcxone.Server, name, description string) string {
	desc := ""
	if description != "" {
		desc = fmt.Sprintf("description = %q", description)
	}
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_dnc_group" "test" {
  name = %[1]q
  %[2]s
}
`, name, desc)
}

// testAccDNCGroupSkillConfig is a group "Opt-outs" and cxone_dnc_group_skill.test
// linking a skill to it.
func testAccDNCGroupSkillConfig(m *mockcxone.Server, skillID int64, relation string) string {
	return testAccDNCGroupConfig(m, "Opt-outs", "") + testAccDNCGroupSkillBlock("test", skillID, relation)
}

// testAccDNCGroupSkillBlock links a skill to cxone_dnc_group.test.
func testAccDNCGroupSkillBlock(name string, skillID int64, relation string) string {
	return fmt.Sprintf(`
resource "cxone_dnc_group_skill" %[1]q {
  dnc_group_id = cxone_dnc_group.test.id
  skill_id     = %[2]d
  relation     = %[3]q
}
`, name, skillID, relation)
}

// numericSlashRE matches a link's ID, dnc_group_id/skill_id/relation.
func numericSlashRE(relation string) *regexp.Regexp {
	return regexp.MustCompile(`^[1-9][0-9]*/[1-9][0-9]*/` + relation + `$`)
}

package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// Skill names are unique in CXone, active or not, so a lookup by name cannot be
// ambiguous: the tests cover found by each key and not found.
func TestAccDigitalSkillDataSource_basic(t *testing.T) {
	m := testAccStart(t)
	same := func(attr string) statecheck.StateCheck {
		return sameAt(testAccSkillAddr, attr, "data.cxone_digital_skill.by_id", attr)
	}
	sameByName := func(attr string) statecheck.StateCheck {
		return sameAt(testAccSkillAddr, attr, "data.cxone_digital_skill.by_name", attr)
	}
	testAccSteps(t, testAccCheckDigitalSkillDestroy(t, m), []resource.TestStep{
		{
			Config: testAccDigitalSkillDataSourceConfig_lookups(m, "The Watering Hole"),
			ConfigStateChecks: []statecheck.StateCheck{
				same("id"), same("name"), same("notes"), same("media_type_id"), same("initial_priority"),
				same("acceleration"), same("max_priority"), same("service_level_threshold"),
				same("service_level_goal"), same("routing_queue_id"),
				sameByName("id"), sameByName("routing_queue_id"), sameByName("notes"),
				stateIs("data.cxone_digital_skill.by_id", "is_active", knownvalue.Bool(true)),
				stateIs("data.cxone_digital_skill.by_name", "notes", knownvalue.StringExact("lookup")),
			},
		},
		{
			// Inactive skills are found too.
			PreConfig: func() {
				testAccCreateSkill(t, m, "Inactive Hole")
				testAccDeactivateSkill(t, m, "Inactive Hole")
			},
			Config: testAccLookUpConfig(m, "cxone_digital_skill", "name", "Inactive Hole"),
			ConfigStateChecks: expectValues("data.cxone_digital_skill.test", map[string]knownvalue.Check{
				"is_active": knownvalue.Bool(false),
				"id":        knownvalue.StringRegexp(numericRE),
			}),
		},
	})
}

func TestAccDigitalSkillDataSource_notFound(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, nil, []resource.TestStep{
		{
			PreConfig: func() { testAccCreateSkill(t, m, "The Watering Hole") },
			// Exact and case-sensitive: neither a part of a name nor another case matches.
			Config:      testAccLookUpConfig(m, "cxone_digital_skill", "name", "the watering hole"),
			ExpectError: expectErrorText(`CXone has no skill named "the watering hole", active or not`),
		},
		{
			Config:      testAccLookUpConfig(m, "cxone_digital_skill", "name", "Watering"),
			ExpectError: expectErrorText(`CXone has no skill named "Watering"`),
		},
		{
			Config:      testAccLookUpConfig(m, "cxone_digital_skill", "id", "4999999"),
			ExpectError: expectErrorText(`CXone has no skill with ID 4999999`),
		},
	})
}

// testAccDigitalSkillDataSourceConfig_lookups manages a skill and looks it up by id
// and by name.
func testAccDigitalSkillDataSourceConfig_lookups(m *mockcxone.Server, name string) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_digital_skill" "test" {
  name  = %[1]q
  notes = "lookup"
}

data "cxone_digital_skill" "by_id" {
  id = cxone_digital_skill.test.id
}

data "cxone_digital_skill" "by_name" {
  name = cxone_digital_skill.test.name
}
`, name)
}

// A look-up by name that depends on the provider's own write in the same apply sees
// that write: the skill created, then renamed, is found by its new name, and so is
// the routing queue that mirrors it, although the data sources and the resource share
// the operation's read cache.
func TestAccDigitalSkillDataSource_afterOwnWrite(t *testing.T) {
	m := testAccStart(t)
	same := sameAt(testAccSkillAddr, "id", "data.cxone_digital_skill.after", "id")
	sameQueue := sameAt(testAccSkillAddr, "routing_queue_id", "data.cxone_routing_queue.after", "id")
	testAccSteps(t, nil, []resource.TestStep{
		{
			PreConfig: func() {
				testAccCreateSkill(t, m, "Council Rock")
				m.SyncNow()
			},
			Config: testAccSkillLookupAfterWriteConfig(m, "Seeonee Pack"),
			ConfigStateChecks: []statecheck.StateCheck{
				same, sameQueue,
				stateIs("data.cxone_digital_skill.after", "name", knownvalue.StringExact("Seeonee Pack")),
				stateIs("data.cxone_digital_skill.other", "name", knownvalue.StringExact("Council Rock")),
				stateIs("data.cxone_routing_queue.after", "name", knownvalue.StringExact("Seeonee Pack")),
				stateIs("data.cxone_routing_queue.other", "name", knownvalue.StringExact("Council Rock")),
			},
		},
		{
			// The rename and the look-up of the new name in one apply.
			Config: testAccSkillLookupAfterWriteConfig(m, "Free People"),
			ConfigStateChecks: []statecheck.StateCheck{
				same, sameQueue,
				stateIs("data.cxone_digital_skill.after", "name", knownvalue.StringExact("Free People")),
				stateIs("data.cxone_routing_queue.after", "name", knownvalue.StringExact("Free People")),
			},
		},
	})
}

// testAccSkillLookupAfterWriteConfig manages a skill named name and looks it and its
// routing queue up by that name (a literal, so only depends_on orders the look-ups
// after the write), and looks up another skill and queue, which take the lists of
// skills and queues in the same operation.
func testAccSkillLookupAfterWriteConfig(m *mockcxone.Server, name string) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_digital_skill" "test" {
  name = %[1]q
}

data "cxone_digital_skill" "other" {
  name = "Council Rock"
}

data "cxone_digital_skill" "after" {
  name       = %[1]q
  depends_on = [cxone_digital_skill.test]
}

data "cxone_routing_queue" "other" {
  name = "Council Rock"
}

data "cxone_routing_queue" "after" {
  name       = %[1]q
  depends_on = [cxone_digital_skill.test]
}
`, name)
}

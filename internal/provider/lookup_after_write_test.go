package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

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

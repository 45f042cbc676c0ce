package provider

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func TestAccRoutingQueueDataSource_basic(t *testing.T) {
	m := testAccStart(t)
	queueOf := func(ds string) statecheck.StateCheck {
		return sameAt(testAccSkillAddr, "routing_queue_id", "data.cxone_routing_queue."+ds, "id")
	}
	testAccSteps(t, testAccCheckDigitalSkillDestroy(t, m), []resource.TestStep{
		{
			Config: testAccRoutingQueueDataSourceConfig_lookups(m, "The Watering Hole"),
			ConfigStateChecks: []statecheck.StateCheck{
				queueOf("by_skill"), queueOf("by_id"), queueOf("by_name"),
				stateIs("data.cxone_routing_queue.by_skill", "name", knownvalue.StringExact("The Watering Hole")),
				stateIs("data.cxone_routing_queue.by_id", "name", knownvalue.StringExact("The Watering Hole")),
				stateIs("data.cxone_routing_queue.by_name", "is_deleted", knownvalue.Bool(false)),
				stateIs("data.cxone_routing_queue.by_name", "is_subqueue", knownvalue.Bool(false)),
				stateIs("data.cxone_routing_queue.by_name", "skill_id", knownvalue.Null()),
			},
		},
		{
			// The queue of a deactivated skill is deleted, and still found by id and skill.
			PreConfig: func() { testAccDeactivateSkill(t, m, "The Watering Hole") },
			Config:    testAccRoutingQueueDataSourceConfig_skillID(m, "4000001"),
			ConfigStateChecks: expectValues("data.cxone_routing_queue.test", map[string]knownvalue.Check{
				"is_deleted": knownvalue.Bool(true),
				"skill_id":   knownvalue.Int64Exact(4000001),
			}),
		},
	})
}

func TestAccRoutingQueueDataSource_notFound(t *testing.T) {
	m := testAccStart(t, func(o *mockcxone.Options) { o.SyncDelay = time.Hour })
	testAccSteps(t, nil, []resource.TestStep{
		{
			// Created, but CXone has not synced it yet.
			PreConfig:   func() { testAccCreateSkill(t, m, "Dry Hole") },
			Config:      testAccRoutingQueueDataSourceConfig_skillID(m, "4000001"),
			ExpectError: expectErrorText(`Skill "Dry Hole" (ID 4000001) has no routing queue yet: CXone has not synced it`),
		},
		{
			Config:      testAccRoutingQueueDataSourceConfig_skillID(m, "4999999"),
			ExpectError: expectErrorText(`CXone has no skill with ID 4999999, so it has no routing queue for it`),
		},
		{
			Config:      testAccLookUpConfig(m, "cxone_routing_queue", "id", "99"),
			ExpectError: expectErrorText(`CXone has no routing queue with ID "99", deleted or not`),
		},
		{
			Config:      testAccLookUpConfig(m, "cxone_routing_queue", "name", "Dry Hole"),
			ExpectError: expectErrorText(`CXone has no routing queue named "Dry Hole" that is not deleted`),
		},
	})
}

func TestAccRoutingQueueDataSource_ambiguous(t *testing.T) {
	m := testAccStart(t, func(o *mockcxone.Options) { o.SyncDelay = -1 })
	var first, second string
	testAccSteps(t, nil, []resource.TestStep{{
		PreConfig: func() {
			testAccCreateSkill(t, m, "The Watering Hole")
			// A queue made in the Digital Experience UI, under the skill's name;
			// one of another name that only contains it must not count.
			first = m.State().RoutingQueues[0].ID
			second = m.AddRoutingQueueForTest("The Watering Hole")
			m.AddRoutingQueueForTest("The Watering Hole (overflow)")
		},
		Config:      testAccLookUpConfig(m, "cxone_routing_queue", "name", "The Watering Hole"),
		ExpectError: expectErrorText("More Than One Routing Queue Found", `CXone has 2 routing queues named "The Watering Hole"`),
	}})
	if first == "" || first == second {
		t.Errorf("queue ids %q and %q: the test did not set up two queues", first, second)
	}
}

// testAccRoutingQueueDataSourceConfig_lookups manages a skill and looks its queue up
// by each key.
func testAccRoutingQueueDataSourceConfig_lookups(m *mockcxone.Server, name string) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_digital_skill" "test" {
  name = %[1]q
}

data "cxone_routing_queue" "by_skill" {
  skill_id = cxone_digital_skill.test.id
}

data "cxone_routing_queue" "by_id" {
  id = cxone_digital_skill.test.routing_queue_id
}

data "cxone_routing_queue" "by_name" {
  name = cxone_digital_skill.test.name
}
`, name)
}

// testAccRoutingQueueDataSourceConfig_skillID looks a queue up by a raw skill_id value.
func testAccRoutingQueueDataSourceConfig_skillID(m *mockcxone.Server, skillID string) string {
	return testAccBlockConfig(m, `data "cxone_routing_queue" "test"`, map[string]string{"skill_id": skillID})
}

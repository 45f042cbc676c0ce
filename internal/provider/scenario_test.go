package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestAccScenario_wateringHole runs the seed's story end to end: The Jungle connects
// The Watering Hole. Two users become digital agents, a digital skill is created and
// both are assigned with different proficiencies, a BYOC integration with two
// channels is bound to the skill's routing queue; then an in-place update, and a
// destroy that leaves CXone as the story found it (skills are only deactivated).
func TestAccScenario_wateringHole(t *testing.T) {
	m := testAccStart(t)

	testAccSteps(t, testAccCheckScenarioDestroyed(t, m), []resource.TestStep{
		{
			Config:           testAccScenarioConfig(m, "The Watering Hole", 5, "The Watering Hole direct messages"),
			ConfigPlanChecks: emptyReplan,
			ConfigStateChecks: []statecheck.StateCheck{
				stateIs("cxone_digital_user_permissions.mowgli", "user_name", knownvalue.StringExact("mowgli")),
				stateIs("cxone_digital_user_permissions.baloo", "email_address", knownvalue.StringExact("baloo@thejungle.example")),
				stateIs("cxone_skill_assignment.mowgli", "proficiency", knownvalue.Int64Exact(1)),
				stateIs("cxone_skill_assignment.baloo", "proficiency", knownvalue.Int64Exact(5)),
				stateIs("cxone_digital_skill.watering_hole", "routing_queue_id", knownvalue.NotNull()),
				stateIs("cxone_digital_channel.dm", "is_private", knownvalue.Bool(true)),
				stateIs("cxone_digital_channel.public", "has_tree_structure", knownvalue.Bool(true)),
				sameAt("cxone_routing_queue_binding.public", "routing_queue_id", "cxone_digital_skill.watering_hole", "routing_queue_id"),
				sameAt("cxone_routing_queue_binding.dm", "channel_id", "cxone_digital_channel.dm", "id"),
			},
			Check: testAccCheckScenarioInCXone(t, m, 5, "The Watering Hole direct messages"),
		},
		{
			// A proficiency, a channel name and the skill's name change in place, in
			// one apply: nothing is replaced, and the updated assignment reads back
			// the skill's new name (the other one shows it from the next refresh).
			Config: testAccScenarioConfig(m, "The Watering Hole (BYOC)", 3, "The Watering Hole DMs"),
			ConfigPlanChecks: planActions(map[string]plancheck.ResourceActionType{
				"cxone_skill_assignment.baloo":      plancheck.ResourceActionUpdate,
				"cxone_digital_channel.dm":          plancheck.ResourceActionUpdate,
				"cxone_routing_queue_binding.dm":    plancheck.ResourceActionNoop,
				"cxone_digital_skill.watering_hole": plancheck.ResourceActionUpdate,
			}),
			// skill_name is kept from the state in plans (no noise on unrelated changes),
			// so the rename reaches the assignments at the next refresh.
			ConfigStateChecks: []statecheck.StateCheck{
				stateIs("cxone_skill_assignment.baloo", "skill_name", knownvalue.StringExact("The Watering Hole")),
			},
			Check: testAccCheckScenarioInCXone(t, m, 3, "The Watering Hole DMs"),
		},
		{
			Config: testAccScenarioConfig(m, "The Watering Hole (BYOC)", 3, "The Watering Hole DMs"),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				stateIs("cxone_skill_assignment.baloo", "skill_name", knownvalue.StringExact("The Watering Hole (BYOC)")),
				stateIs("cxone_skill_assignment.mowgli", "skill_name", knownvalue.StringExact("The Watering Hole (BYOC)")),
			},
		},
	})
}

func testAccCheckScenarioInCXone(t *testing.T, m *mockcxone.Server, balooProficiency int, dmName string) resource.TestCheckFunc {
	t.Helper()
	return func(*terraform.State) error {
		st := m.State()
		digital := map[string]bool{}
		for _, a := range st.Agents {
			digital[a.UserName] = a.DigitalEngagementEnabled
		}
		if !digital["mowgli"] || !digital["baloo"] || digital["kaa"] {
			return fmt.Errorf("digital engagement should be on for mowgli and baloo only: %v", digital)
		}
		if len(st.Skills) != 1 || !st.Skills[0].IsActive || st.Skills[0].RoutingQueueID == "" {
			return fmt.Errorf("expected one active, synced skill, got %+v", st.Skills)
		}
		if len(st.Assignments) != 2 {
			return fmt.Errorf("expected 2 skill assignments, got %+v", st.Assignments)
		}
		for _, a := range st.Assignments {
			want := 1
			if a.AgentID != agentIDByName(st, "mowgli") {
				want = balooProficiency
			}
			if a.AgentProficiencyValue != want {
				return fmt.Errorf("assignment of agent %d: proficiency %d, want %d", a.AgentID, a.AgentProficiencyValue, want)
			}
		}
		if len(st.Integrations) != 1 || st.Integrations[0].Name != "The Watering Hole" {
			return fmt.Errorf("expected the Watering Hole integration, got %+v", st.Integrations)
		}
		names := map[string]bool{}
		for _, c := range st.Channels {
			names[c.Name] = true
		}
		if len(st.Channels) != 2 || !names["The Watering Hole public posts"] || !names[dmName] {
			return fmt.Errorf("expected the public and %q channels, got %+v", dmName, st.Channels)
		}
		if len(st.Bindings) != 2 {
			return fmt.Errorf("expected 2 routing-queue bindings, got %+v", st.Bindings)
		}
		for _, b := range st.Bindings {
			if b.RoutingQueueID != st.Skills[0].RoutingQueueID {
				return fmt.Errorf("binding %+v is not on the skill's queue %s", b, st.Skills[0].RoutingQueueID)
			}
		}
		return nil
	}
}

func agentIDByName(st mockcxone.State, name string) int64 {
	for _, a := range st.Agents {
		if a.UserName == name {
			return a.AgentID
		}
	}
	return 0
}

// testAccCheckScenarioDestroyed asserts what destroy leaves: no channel, integration
// or binding, the skill inactive (CXone cannot delete skills), digital engagement
// off, and the users themselves untouched.
func testAccCheckScenarioDestroyed(t *testing.T, m *mockcxone.Server) resource.TestCheckFunc {
	t.Helper()
	return func(*terraform.State) error {
		st := m.State()
		if len(st.Channels) != 0 || len(st.Integrations) != 0 || len(st.Bindings) != 0 || len(st.Assignments) != 0 {
			return fmt.Errorf("destroy left objects behind: channels %d, integrations %d, bindings %d, assignments %d",
				len(st.Channels), len(st.Integrations), len(st.Bindings), len(st.Assignments))
		}
		if len(st.Skills) != 1 || st.Skills[0].IsActive {
			return fmt.Errorf("expected the skill to remain, inactive: %+v", st.Skills)
		}
		if len(st.Agents) != 9 {
			return fmt.Errorf("destroy must never delete users: %d left of 9", len(st.Agents))
		}
		for _, a := range st.Agents {
			if a.DigitalEngagementEnabled {
				return fmt.Errorf("digital engagement still on for %s", a.UserName)
			}
		}
		return nil
	}
}

func testAccScenarioConfig(m *mockcxone.Server, skillName string, balooProficiency int, dmName string) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
data "cxone_user" "mowgli" {
  user_name = "mowgli"
}

data "cxone_user" "baloo" {
  user_name = "baloo"
}

resource "cxone_digital_user_permissions" "mowgli" {
  agent_id = data.cxone_user.mowgli.agent_id
}

resource "cxone_digital_user_permissions" "baloo" {
  agent_id          = data.cxone_user.baloo.agent_id
  digital_threshold = 3
}

resource "cxone_digital_skill" "watering_hole" {
  name  = %[3]q
  notes = "Public posts and direct messages from The Watering Hole"
}

resource "cxone_skill_assignment" "mowgli" {
  agent_id    = cxone_digital_user_permissions.mowgli.agent_id
  skill_id    = cxone_digital_skill.watering_hole.id
  proficiency = 1
}

resource "cxone_skill_assignment" "baloo" {
  agent_id    = cxone_digital_user_permissions.baloo.agent_id
  skill_id    = cxone_digital_skill.watering_hole.id
  proficiency = %[1]d
}

resource "cxone_byoc_integration" "watering_hole" {
  name                     = "The Watering Hole"
  integration_box_url      = "https://middleware.thejungle.example/watering-hole"
  authorization_url        = "https://middleware.thejungle.example/oauth/token"
  client_id                = "watering-hole"
  client_secret_wo         = "scenario-middleware-secret"
  client_secret_wo_version = 1
}

resource "cxone_digital_channel" "public" {
  integration_id     = cxone_byoc_integration.watering_hole.id
  external_id        = "watering-hole-public"
  name               = "The Watering Hole public posts"
  has_tree_structure = true
}

resource "cxone_digital_channel" "dm" {
  integration_id = cxone_byoc_integration.watering_hole.id
  external_id    = "watering-hole-dm"
  name           = %[2]q
  is_private     = true
}

resource "cxone_routing_queue_binding" "public" {
  routing_queue_id = cxone_digital_skill.watering_hole.routing_queue_id
  channel_id       = cxone_digital_channel.public.id
}

resource "cxone_routing_queue_binding" "dm" {
  routing_queue_id = cxone_digital_skill.watering_hole.routing_queue_id
  channel_id       = cxone_digital_channel.dm.id
}
`, balooProficiency, dmName, skillName)
}

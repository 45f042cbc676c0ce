package provider

import (
	"fmt"
	"strings"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// The fleet is a configuration of 65 objects of all six resource types, for tests
// that need volume: 7 digital agents, 2 skills, 14 assignments, 2 integrations,
// 20 channels and 20 bindings. version ("v1", "v2") changes a value of every type
// in place.
const (
	fleetAgents   = 7
	fleetSkills   = 2
	fleetChannels = 20
)

var fleetUserNames = []string{"mowgli", "baloo", "bagheera", "kaa", "hathi", "akela", "king.louie"}

func testAccFleetConfig(m *mockcxone.Server, maxRetries int, version string) string {
	threshold, proficiencyBase := 2, 1
	if version != "v1" {
		threshold, proficiencyBase = 4, 3
	}
	return testAccProviderConfigWith(m, fmt.Sprintf("max_retries = %d", maxRetries)) + fmt.Sprintf(`
locals {
  agents = [%[1]s]
  skills = ["Fleet A", "Fleet B"]
  # count, not for_each: the test framework's state shim cannot take for_each keys.
  pairs = setproduct(range(length(local.agents)), range(length(local.skills)))
}

data "cxone_user" "u" {
  count     = length(local.agents)
  user_name = local.agents[count.index]
}

resource "cxone_digital_user_permissions" "u" {
  count             = length(local.agents)
  agent_id          = data.cxone_user.u[count.index].agent_id
  digital_threshold = %[3]d
}

resource "cxone_digital_skill" "s" {
  count = length(local.skills)
  name  = local.skills[count.index]
  notes = "fleet %[4]s"
}

resource "cxone_skill_assignment" "a" {
  count       = length(local.pairs)
  agent_id    = cxone_digital_user_permissions.u[local.pairs[count.index][0]].agent_id
  skill_id    = cxone_digital_skill.s[local.pairs[count.index][1]].id
  proficiency = %[5]d + local.pairs[count.index][0]
}

resource "cxone_byoc_integration" "i" {
  count               = 2
  name                = "Fleet ${count.index}"
  integration_box_url = "https://middleware.thejungle.example/fleet-%[4]s/${count.index}"
  authorization_url   = "https://middleware.thejungle.example/oauth/token"
  client_id           = "fleet-${count.index}"
  client_secret       = "fleet-secret"
}

resource "cxone_digital_channel" "c" {
  count          = %[2]d
  integration_id = cxone_byoc_integration.i[count.index %% 2].id
  external_id    = format("fleet-%%02d", count.index)
  name           = format("Fleet channel %%02d %[4]s", count.index)
}

resource "cxone_routing_queue_binding" "b" {
  count            = %[2]d
  routing_queue_id = cxone_digital_skill.s[count.index %% 2].routing_queue_id
  channel_id       = cxone_digital_channel.c[count.index].id
}
`, quoteList(fleetUserNames), fleetChannels, threshold, version, proficiencyBase)
}

func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// testAccCheckFleetInCXone asserts that CXone holds exactly the fleet's objects,
// each once, with the values of version.
func testAccCheckFleetInCXone(m *mockcxone.Server, version string) checkMock {
	return func() error {
		st := m.State()
		digital := 0
		for _, a := range st.Agents {
			if a.DigitalEngagementEnabled {
				digital++
			}
		}
		var errs []string
		check := func(what string, got, want int) {
			if got != want {
				errs = append(errs, fmt.Sprintf("%s: %d, want %d", what, got, want))
			}
		}
		check("digital agents", digital, fleetAgents)
		check("skills", len(st.Skills), fleetSkills)
		check("assignments", len(st.Assignments), fleetAgents*fleetSkills)
		check("integrations", len(st.Integrations), 2)
		check("channels", len(st.Channels), fleetChannels)
		check("bindings", len(st.Bindings), fleetChannels)
		for _, s := range st.Skills {
			if !s.IsActive || s.Notes != "fleet "+version {
				errs = append(errs, fmt.Sprintf("skill %q: active %v, notes %q", s.SkillName, s.IsActive, s.Notes))
			}
		}
		for _, c := range st.Channels {
			if !strings.HasSuffix(c.Name, " "+version) {
				errs = append(errs, fmt.Sprintf("channel %q not at %s", c.Name, version))
			}
		}
		if len(errs) > 0 {
			return fmt.Errorf("CXone does not hold exactly the declared objects:\n%s", strings.Join(errs, "\n"))
		}
		return nil
	}
}

// testAccCheckFleetDestroyed asserts that destroy removed everything it can and
// deactivated the skills.
func testAccCheckFleetDestroyed(m *mockcxone.Server) checkMock {
	return func() error {
		st := m.State()
		if len(st.Channels)+len(st.Integrations)+len(st.Bindings)+len(st.Assignments) != 0 {
			return fmt.Errorf("destroy left channels %d, integrations %d, bindings %d, assignments %d",
				len(st.Channels), len(st.Integrations), len(st.Bindings), len(st.Assignments))
		}
		for _, s := range st.Skills {
			if s.IsActive {
				return fmt.Errorf("skill %q still active after destroy", s.SkillName)
			}
		}
		for _, a := range st.Agents {
			if a.DigitalEngagementEnabled {
				return fmt.Errorf("digital engagement still on for %s", a.UserName)
			}
		}
		return nil
	}
}

package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// testAccScenarioAddresses are the resources of testAccScenarioConfig.
var testAccScenarioAddresses = []string{
	"cxone_digital_user_permissions.mowgli", "cxone_digital_user_permissions.baloo",
	"cxone_digital_skill.watering_hole",
	"cxone_skill_assignment.mowgli", "cxone_skill_assignment.baloo",
	"cxone_byoc_integration.watering_hole",
	"cxone_digital_channel.public", "cxone_digital_channel.dm",
	"cxone_routing_queue_binding.public", "cxone_routing_queue_binding.dm",
}

// TestAccSettings_wrongSettingKeepsState applies the scenario, then plans and applies
// it with a wrong tenant, a wrong api_endpoint and a wrong admin_api_version: each
// fails with a diagnostic naming the setting, and the state still holds every object,
// so the correct settings plan nothing. A channel deleted outside Terraform is still
// found missing and planned for creation.
func TestAccSettings_wrongSettingKeepsState(t *testing.T) {
	m := testAccStart(t)
	good := testAccScenarioConfig(m, "The Watering Hole", 5, "The Watering Hole direct messages")
	wrong := func(setting string) string {
		switch setting {
		case "tenant_id":
			return strings.Replace(good, `tenant_id         = "mock-tenant"`, `tenant_id         = "mock-tenent"`, 1)
		case "api_endpoint":
			return strings.Replace(good, "\n}\n", fmt.Sprintf("\n  api_endpoint = %q\n}\n", m.URL+"/api"), 1)
		default:
			return strings.Replace(good, "\n}\n", "\n  admin_api_version = \"v99.0\"\n}\n", 1)
		}
	}
	stateKept := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	steps := []resource.TestStep{{Config: good}}
	for _, setting := range []string{"tenant_id", "api_endpoint", "admin_api_version"} {
		steps = append(steps,
			planError(wrong(setting), setting, "CXONE_"+strings.ToUpper(setting)),
			resource.TestStep{Config: wrong(setting), ExpectError: expectErrorText(setting, "CXONE_"+strings.ToUpper(setting))},
			resource.TestStep{Config: good, ConfigPlanChecks: stateKept, ConfigStateChecks: testAccExpectScenarioState()},
		)
	}
	steps = append(steps, resource.TestStep{
		PreConfig: func() {
			id := channelIDByExternal(t, m, "watering-hole-dm")
			if err := testAccClient(t, m).DeleteChannel(context.Background(), id); err != nil {
				t.Fatal(err)
			}
		},
		Config: good,
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction("cxone_digital_channel.dm", plancheck.ResourceActionCreate),
			plancheck.ExpectResourceAction("cxone_digital_channel.public", plancheck.ResourceActionNoop),
		}},
	})
	testAccSteps(t, nil, steps)
}

// testAccExpectScenarioState checks that the state lists every object of the scenario.
func testAccExpectScenarioState() []statecheck.StateCheck {
	checks := make([]statecheck.StateCheck, 0, len(testAccScenarioAddresses))
	for _, a := range testAccScenarioAddresses {
		checks = append(checks, stateIs(a, "id", knownvalue.NotNull()))
	}
	return checks
}

// channelIDByExternal is the ID of the mock's channel with external ID ext.
func channelIDByExternal(t *testing.T, m *mockcxone.Server, ext string) string {
	t.Helper()
	for _, ch := range m.State().Channels {
		if ch.IDOnExternalPlatform == ext {
			return ch.ID
		}
	}
	t.Fatalf("no channel with external ID %q in the mock", ext)
	return ""
}

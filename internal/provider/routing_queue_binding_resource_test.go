package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

const bindingAddr = "cxone_routing_queue_binding.test"

func TestAccRoutingQueueBinding_basic(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")
	queueID := testAccRoutingQueueFixture(t, m, "The Watering Hole")

	testAccSteps(t, testAccCheckBindingDestroy(t, m), []resource.TestStep{{
		Config: testAccRoutingQueueBindingConfig_basic(m, integrationID, queueID),
		ConfigStateChecks: []statecheck.StateCheck{
			stateIs(bindingAddr, "routing_queue_id", knownvalue.StringExact(queueID)),
			sameAt(bindingAddr, "channel_id", channelAddr, "id"),
			statecheck.ExpectKnownValue(bindingAddr, tfjsonpath.New("id"),
				knownvalue.StringRegexp(regexpForBindingID(queueID))),
		},
		Check:            testAccCheckMockBindings(m, queueID),
		ConfigPlanChecks: emptyReplan,
	}})
}

func TestAccRoutingQueueBinding_update(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")
	queueID := testAccRoutingQueueFixture(t, m, "The Watering Hole")
	otherQueueID := testAccRoutingQueueFixture(t, m, "The Council Rock")

	testAccSteps(t, testAccCheckBindingDestroy(t, m), []resource.TestStep{
		{
			Config: testAccRoutingQueueBindingConfig_basic(m, integrationID, queueID),
			Check:  testAccCheckMockBindings(m, queueID),
		},
		{
			// Another queue is another binding: the old one goes, the new one comes.
			Config:           testAccRoutingQueueBindingConfig_basic(m, integrationID, otherQueueID),
			ConfigPlanChecks: plannedAction(bindingAddr, plancheck.ResourceActionReplace),
			ConfigStateChecks: []statecheck.StateCheck{
				stateIs(bindingAddr, "routing_queue_id", knownvalue.StringExact(otherQueueID)),
			},
			Check: testAccCheckMockBindings(m, otherQueueID),
		},
		{
			// Another channel (its integration replaced it) is another binding too.
			Config: testAccRoutingQueueBindingConfig_basic(m, testAccIntegrationFixture(t, m, "The Council Rock"), otherQueueID),
			ConfigPlanChecks: plannedAction(channelAddr, plancheck.ResourceActionReplace,
				plancheck.ExpectResourceAction(bindingAddr, plancheck.ResourceActionReplace)),
			Check: testAccCheckMockBindings(m, otherQueueID),
		},
	})
}

func TestAccRoutingQueueBinding_import(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")
	queueID := testAccRoutingQueueFixture(t, m, "The Watering Hole")

	testAccSteps(t, testAccCheckBindingDestroy(t, m), []resource.TestStep{
		{Config: testAccRoutingQueueBindingConfig_basic(m, integrationID, queueID)},
		{ResourceName: bindingAddr, ImportState: true, ImportStateVerify: true},
		{
			ResourceName:    bindingAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(bindingAddr, plancheck.ResourceActionNoop),
				planIs(bindingAddr, "routing_queue_id", knownvalue.StringExact(queueID)),
			}},
		},
		{
			ResourceName:  bindingAddr,
			ImportState:   true,
			ImportStateId: queueID,
			ExpectError:   expectErrorText("Unable to Import Routing Queue Binding", "routing_queue_id/channel_id", fmt.Sprintf("%q", queueID)),
		},
		{
			ResourceName:  bindingAddr,
			ImportState:   true,
			ImportStateId: queueID + "/watering-hole-dm",
			ExpectError:   expectErrorText("Unable to Import Routing Queue Binding", "channel_id must be a UUID"),
		},
	})
}

func TestAccRoutingQueueBinding_disappears(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")
	queueID := testAccRoutingQueueFixture(t, m, "The Watering Hole")
	config := testAccRoutingQueueBindingConfig_basic(m, integrationID, queueID)

	testAccSteps(t, testAccCheckBindingDestroy(t, m), []resource.TestStep{
		{
			// Unbound outside Terraform: the binding is planned again.
			Config: config,
			Check: func(s *terraform.State) error {
				return testAccClient(t, m).UnbindChannel(t.Context(), queueID, s.RootModule().Resources[channelAddr].Primary.ID)
			},
			ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(bindingAddr, plancheck.ResourceActionCreate),
				plancheck.ExpectResourceAction(channelAddr, plancheck.ResourceActionNoop),
			}},
		},
		{
			// The channel deleted outside Terraform takes its binding with it: both come back.
			Config: config,
			Check: func(s *terraform.State) error {
				if err := testAccCheckMockBindings(m, queueID)(s); err != nil {
					return err
				}
				return testAccClient(t, m).DeleteChannel(t.Context(), s.RootModule().Resources[channelAddr].Primary.ID)
			},
			ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(bindingAddr, plancheck.ResourceActionCreate),
				plancheck.ExpectResourceAction(channelAddr, plancheck.ResourceActionCreate),
			}},
		},
	})
}

func TestAccRoutingQueueBinding_validation(t *testing.T) {
	m := testAccStart(t)

	testAccPlanErrors(t, m, []resource.TestStep{
		planError(testAccRoutingQueueBindingConfig_ids(m, "5", "watering-hole-dm"), "Attribute channel_id must be a channel ID, a UUID", "got: watering-hole-dm"),
		planError(testAccRoutingQueueBindingConfig_ids(m, "", "0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10"), "Attribute routing_queue_id must be a routing queue ID"),
	})
}

func TestAccRoutingQueueBinding_apiError(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")
	queueID := testAccRoutingQueueFixture(t, m, "The Watering Hole")
	deletedQueueID := testAccRoutingQueueFixture(t, m, "Cold Lairs")
	testAccDeactivateSkillFixture(t, m, "Cold Lairs")
	const unknownChannel = "0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10"

	testAccSteps(t, testAccCheckBindingDestroy(t, m), []resource.TestStep{
		{
			Config: testAccRoutingQueueBindingConfig_ids(m, "999999", unknownChannel),
			ExpectError: expectErrorText("Unable to Create Routing Queue Binding", "CXone has no routing queue 999999",
				"Check routing_queue_id", "404", "routing queue 999999 was not found"),
		},
		{
			Config: testAccRoutingQueueBindingConfig_ids(m, queueID, unknownChannel),
			ExpectError: expectErrorText("Unable to Create Routing Queue Binding", "CXone has no channel "+unknownChannel,
				"Check channel_id", "404", "channel "+unknownChannel+" was not found"),
		},
		{
			Config: testAccRoutingQueueBindingConfig_basic(m, integrationID, deletedQueueID),
			ExpectError: expectErrorText("Unable to Create Routing Queue Binding", "the routing queue is deleted",
				"digital skill is inactive", "409", "is deleted (its skill is inactive)"),
		},
		{
			PreConfig: func() {
				testAccSetFaults(t, m, mockcxone.FaultRule{Method: "PUT", Path: "/dfo/3.0/routing-queues/", Status: 422})
			},
			Config: testAccRoutingQueueBindingConfig_basic(m, integrationID, queueID),
			ExpectError: expectErrorText("Unable to Create Routing Queue Binding", "to routing queue "+queueID,
				"422 Unprocessable Entity", "fault injected by the mock"),
		},
	})
	if n := len(m.State().Bindings); n != 0 {
		t.Errorf("failed binds left %d bindings in CXone, want 0", n)
	}
}

// regexpForBindingID matches "queueID/<a channel UUID>".
func regexpForBindingID(queueID string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(queueID) + `/` + strings.TrimPrefix(uuidPattern.String(), `^`))
}

// testAccCheckMockBindings checks that CXone holds exactly one binding: the state's channel
// on queueID.
func testAccCheckMockBindings(m *mockcxone.Server, queueID string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		want := mockcxone.Binding{RoutingQueueID: queueID, ChannelID: s.RootModule().Resources[channelAddr].Primary.ID}
		if got := m.State().Bindings; len(got) != 1 || got[0] != want {
			return fmt.Errorf("CXone holds bindings %+v, want only %+v", got, want)
		}
		return nil
	}
}

func testAccRoutingQueueBindingConfig_basic(m *mockcxone.Server, integrationID, queueID string) string {
	return testAccDigitalChannelConfig_basic(m, integrationID, "The Watering Hole public posts") + fmt.Sprintf(`
resource "cxone_routing_queue_binding" "test" {
  routing_queue_id = %[1]q
  channel_id       = cxone_digital_channel.test.id
}
`, queueID)
}

func testAccRoutingQueueBindingConfig_ids(m *mockcxone.Server, queueID, channelID string) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_routing_queue_binding" "test" {
  routing_queue_id = %[1]q
  channel_id       = %[2]q
}
`, queueID, channelID)
}

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
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// An apply cut off after CXone made an object but before Terraform saved it leaves the
// object in CXone and not in the state. These tests make such objects first, then apply:
// the creates converge on them, with no duplicate.

func TestChannelID(t *testing.T) {
	a := channelID("11111111-1111-1111-1111-111111111111", "watering-hole-dm", "custom")
	if a != channelID("11111111-1111-1111-1111-111111111111", "watering-hole-dm", "custom") {
		t.Fatal("channelID is not the same for the same channel")
	}
	// Channels made by earlier versions keep being found after a cut-off apply: the ID of
	// a channel on the default platform never changes.
	if want := "ea52daaa-bf27-5a7c-b143-b8a7f1eca86e"; a != want {
		t.Fatalf("channelID = %q, want %q as every earlier version derived it", a, want)
	}
	for _, other := range []string{
		// Another platform: a replacement under create_before_destroy gets an ID of its own.
		channelID("11111111-1111-1111-1111-111111111111", "watering-hole-dm", "other-platform"),
		channelID("11111111-1111-1111-1111-111111111111", "watering-hole-public", "custom"),
		channelID("22222222-2222-2222-2222-222222222222", "watering-hole-dm", "custom"),
		// The separator keeps the two parts apart.
		channelID("11111111-1111-1111-1111-111111111111w", "atering-hole-dm", "custom"),
	} {
		if other == a {
			t.Fatalf("channelID gives %q to two different channels", a)
		}
	}
}

// TestAccRoutingQueueBinding_rerunAfterCrash: the channel and its binding were made by a
// cut-off apply; the re-run upserts the same channel (its ID is derived from the integration
// and the external ID) and binds it again: CXone holds one of each.
func TestAccRoutingQueueBinding_rerunAfterCrash(t *testing.T) {
	m := testAccStart(t)
	c := testAccClient(t, m)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")
	queueID := testAccRoutingQueueFixture(t, m, "The Watering Hole")
	id := channelID(integrationID, "watering-hole-public", defaultExternalPlatform)
	ctx := context.Background()
	if _, err := c.UpsertChannel(ctx, cxone.Channel{ID: id, IDOnExternalPlatform: "watering-hole-public",
		ChannelIntegrationID: integrationID, RealExternalPlatformID: "custom", Name: "half made"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.BindChannel(ctx, queueID, id); err != nil {
		t.Fatal(err)
	}
	testAccSteps(t, testAccCheckBindingDestroy(t, m), []resource.TestStep{{
		Config: testAccRoutingQueueBindingConfig_basic(m, integrationID, queueID),
		ConfigPlanChecks: planActions(map[string]plancheck.ResourceActionType{
			channelAddr: plancheck.ResourceActionCreate,
			bindingAddr: plancheck.ResourceActionCreate,
		}),
		ConfigStateChecks: []statecheck.StateCheck{stateIs(channelAddr, "id", knownvalue.StringExact(id))},
		Check: resource.ComposeTestCheckFunc(
			testAccCheckMockBindings(m, queueID),
			func(*terraform.State) error {
				if chs := m.State().Channels; len(chs) != 1 || chs[0].Name != "The Watering Hole public posts" {
					return fmt.Errorf("CXone holds channels %+v, want the declared one only", chs)
				}
				return nil
			},
		),
	}})
}

// TestAccDigitalUserPermissions_rerunAfterCrash: digital engagement was turned on by a
// cut-off apply; the re-run's create sets the same settings again and succeeds.
func TestAccDigitalUserPermissions_rerunAfterCrash(t *testing.T) {
	m := testAccStart(t)
	on, threshold := true, 3
	if err := testAccClient(t, m).UpdateAgentDigitalSettings(context.Background(), cxone.AgentDigitalSettings{
		AgentID: balooAgentID, DigitalEngagementEnabled: &on, DigitalThreshold: &threshold}); err != nil {
		t.Fatal(err)
	}
	testAccSteps(t, testAccCheckDigitalEngagementOff(t, m, balooAgentID), []resource.TestStep{{
		Config:           testAccDigitalUserPermissionsConfig_settings(m, balooAgentID, true, 3, false, 30),
		ConfigPlanChecks: planAction(userPermissionsAddr, plancheck.ResourceActionCreate),
		ConfigStateChecks: expectValues(userPermissionsAddr, map[string]knownvalue.Check{
			"digital_engagement_enabled": knownvalue.Bool(true),
			"digital_threshold":          knownvalue.Int64Exact(3),
		}),
	}})
}

// TestAccDigitalChannel_externalIDReused: a channel whose external_id was changed in place
// keeps its ID, which was derived from the old external ID; a new channel declared with the
// old external ID is a different channel and gets an ID of its own instead of overwriting it.
func TestAccDigitalChannel_externalIDReused(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")
	first := testAccDigitalChannelResource(integrationID, "First")
	moved := strings.Replace(first, `"watering-hole-public"`, `"watering-hole-moved"`, 1)
	second := strings.NewReplacer(`"test"`, `"second"`, `"First"`, `"Second"`).Replace(first)
	testAccSteps(t, testAccCheckChannelDestroy(t, m), []resource.TestStep{
		{Config: testAccProviderConfig(m) + first},
		{Config: testAccProviderConfig(m) + moved},
		{
			Config:           testAccProviderConfig(m) + moved + second,
			ConfigPlanChecks: emptyReplan,
			Check: func(*terraform.State) error {
				names := map[string]string{}
				for _, ch := range m.State().Channels {
					names[ch.IDOnExternalPlatform] = ch.Name
				}
				if len(names) != 2 || names["watering-hole-moved"] != "First" || names["watering-hole-public"] != "Second" {
					return fmt.Errorf("CXone holds channels %v, want First (moved) and Second", names)
				}
				return nil
			},
		},
	})
}

// TestAccDigitalChannel_replacedBeforeDestroy: a change of external_platform replaces the
// channel; under create_before_destroy the new channel is made while the old one still
// exists, with the same integration and external ID. It gets an ID of its own, so that
// deleting the old channel afterwards leaves the new one in place.
func TestAccDigitalChannel_replacedBeforeDestroy(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")
	config := func(platform string) string {
		return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_digital_channel" "test" {
  integration_id    = %q
  external_id       = "watering-hole-public"
  name              = "Public posts"
  external_platform = %q
  lifecycle {
    create_before_destroy = true
  }
}
`, integrationID, platform)
	}
	testAccSteps(t, testAccCheckChannelDestroy(t, m), []resource.TestStep{
		{Config: config("custom")},
		{
			Config:           config("other-platform"),
			ConfigPlanChecks: planAction(channelAddr, plancheck.ResourceActionCreateBeforeDestroy),
			Check: func(s *terraform.State) error {
				chs := m.State().Channels
				if len(chs) != 1 || chs[0].RealExternalPlatformID != "other-platform" {
					return fmt.Errorf("CXone holds channels %+v, want the replacement only", chs)
				}
				if id := s.RootModule().Resources[channelAddr].Primary.ID; chs[0].ID != id {
					return fmt.Errorf("the state has channel %s, CXone %s", id, chs[0].ID)
				}
				return nil
			},
		},
	})
}

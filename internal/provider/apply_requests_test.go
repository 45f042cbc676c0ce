package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestAccApply_noRequestPerObjectBeyondItsWrite: an apply of 20 channels and 3 users'
// digital permissions makes the writes and few reads. The new channels' IDs are checked
// against one list of the channels after the first few (not one read per channel); a
// user's permissions are neither read before the write (the plan read the user in the
// same operation) nor read back after it (PUT /agents leaves what it is not sent as it
// was), and the state still holds what CXone holds: the next plan is empty. Two of the
// channels were made by an apply that was cut off: they are upserted, not made a second
// time. The ID one would derive belongs to a channel whose external ID was changed in
// place: checked against the list, it is left alone and the new channel gets its own.
func TestAccApply_noRequestPerObjectBeyondItsWrite(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")
	for i, ext := range map[int]string{17: "moved-elsewhere", 18: "watering-hole-18", 19: "watering-hole-19"} {
		name := map[bool]string{true: "moved", false: "half made"}[i == 17]
		if _, err := testAccClient(t, m).UpsertChannel(context.Background(), cxone.Channel{
			ID: channelID(integrationID, fmt.Sprintf("watering-hole-%d", i), defaultExternalPlatform), IDOnExternalPlatform: ext,
			ChannelIntegrationID: integrationID, RealExternalPlatformID: defaultExternalPlatform, Name: name,
		}); err != nil {
			t.Fatal(err)
		}
	}
	config := testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_digital_channel" "many" {
  count          = 20
  integration_id = %q
  external_id    = "watering-hole-${count.index}"
  name           = "Watering hole ${count.index}"
}

resource "cxone_digital_user_permissions" "team" {
  count                      = 3
  agent_id                   = 1001 + count.index
  digital_engagement_enabled = true
  digital_threshold          = 3
}
`, integrationID)
	var before mockcxone.RequestCounts
	testAccSteps(t, testAccCheckChannelDestroy(t, m), []resource.TestStep{{
		PreConfig:        func() { before = m.Requests() },
		Config:           config,
		ConfigPlanChecks: emptyReplan,
		ConfigStateChecks: expectValues(`cxone_digital_user_permissions.team[1]`, map[string]knownvalue.Check{
			"user_name":         knownvalue.StringExact("baloo"),
			"digital_threshold": knownvalue.Int64Exact(3),
		}),
		Check: func(*terraform.State) error {
			after := m.Requests()
			count := func(route string) int { return after.ByRoute[route] - before.ByRoute[route] }
			if n := count("POST " + mockcxone.DFOBase + "/channels"); n != 20 {
				return fmt.Errorf("the apply saved %d channels, want 20", n)
			}
			byExternal := map[string]int{}
			for _, ch := range m.State().Channels {
				byExternal[ch.IDOnExternalPlatform]++
				if ch.Name == "half made" {
					return fmt.Errorf("channel %s was left as the cut-off apply made it", ch.IDOnExternalPlatform)
				}
			}
			if len(byExternal) != 21 || byExternal["watering-hole-17"] != 1 || byExternal["watering-hole-18"] != 1 ||
				byExternal["moved-elsewhere"] != 1 {
				return fmt.Errorf("CXone holds channels by external ID %v, want one of each of the 20 and the moved one", byExternal)
			}
			for _, ch := range m.State().Channels {
				if ch.IDOnExternalPlatform == "moved-elsewhere" && ch.Name != "moved" {
					return fmt.Errorf("the channel whose external ID was changed in place was overwritten: %+v", ch)
				}
			}
			// Five one by one (readcache's freeChannelChecks), then the one page of the list.
			if n := count("GET " + mockcxone.DFOBase + "/channels"); n > 6 {
				return fmt.Errorf("20 new channels were checked with %d reads, want at most 6 (the first few one by one, then one list)", n)
			}
			// The plan checks each user is active, in the plan and again in the apply.
			if n := count("GET " + mockcxone.AdminBase + "/agents/{agentId}"); n > 2*3 {
				return fmt.Errorf("3 users' permissions were saved with %d reads of a user, want at most 6: none before or after the write", n)
			}
			return nil
		},
	}})
}

package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// TestAccFleet_driftDetected changes objects outside Terraform in a configuration
// large enough that its refresh is served by list calls (see internal/readcache): every
// change still shows in the plan, and the apply puts it right.
func TestAccFleet_driftDetected(t *testing.T) {
	m := testAccStart(t)
	c := testAccClient(t, m)
	ctx := context.Background()
	// c[3] is the channel "fleet-03"; b[5] binds "fleet-05"; a[2] assigns the second
	// agent (baloo) to the first skill ("Fleet A").
	drift := func() {
		st := m.State()
		byExternal := map[string]string{}
		for _, ch := range st.Channels {
			byExternal[ch.IDOnExternalPlatform] = ch.ID
		}
		ch, err := c.GetChannel(ctx, byExternal["fleet-03"])
		if err != nil {
			t.Fatal(err)
		}
		ch.Name = "renamed outside Terraform"
		if _, err := c.UpsertChannel(ctx, *ch); err != nil {
			t.Fatal(err)
		}
		for _, b := range st.Bindings {
			if b.ChannelID == byExternal["fleet-05"] {
				if err := c.UnbindChannel(ctx, b.RoutingQueueID, b.ChannelID); err != nil {
					t.Fatal(err)
				}
			}
		}
		var skillID int64
		for _, sk := range st.Skills {
			if sk.SkillName == "Fleet A" {
				skillID = sk.SkillID
			}
		}
		err = c.UpdateSkillAssignments(ctx, agentIDByName(st, "baloo"),
			[]cxone.SkillAssignmentInput{{SkillID: skillID, Proficiency: 20, IsActive: true}})
		if err != nil {
			t.Fatal(err)
		}
	}
	testAccSteps(t, func(*terraform.State) error { return testAccCheckFleetDestroyed(m)() }, []resource.TestStep{
		{
			Config: testAccFleetConfig(m, 3, "v1"),
		},
		{
			PreConfig: drift,
			Config:    testAccFleetConfig(m, 3, "v1"),
			ConfigPlanChecks: planActions(map[string]plancheck.ResourceActionType{
				"cxone_digital_channel.c[3]":       plancheck.ResourceActionUpdate,
				"cxone_digital_channel.c[4]":       plancheck.ResourceActionNoop,
				"cxone_routing_queue_binding.b[5]": plancheck.ResourceActionCreate,
				"cxone_routing_queue_binding.b[6]": plancheck.ResourceActionNoop,
				"cxone_skill_assignment.a[2]":      plancheck.ResourceActionUpdate,
				"cxone_skill_assignment.a[3]":      plancheck.ResourceActionNoop,
			}),
			ConfigStateChecks: []statecheck.StateCheck{testAccCheckFleetInCXone(m, "v1")},
		},
	})
}

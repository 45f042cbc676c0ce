package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// TestAccPlan_knownAtCreate: a create plan shows every value that the configuration or a
// look-up determines, not "known after apply": a digital skill's media type, the
// permissions' ID, and the user's name, e-mail address and the digital settings the
// configuration leaves out (read at plan time), and the IDs
// of an assignment and a binding (made of their configured parts). The apply stores
// exactly these values (no "inconsistent result"), and the next plan is empty.
func TestAccPlan_knownAtCreate(t *testing.T) {
	m := testAccStart(t)
	c := testAccClient(t, m)
	skill, err := c.CreateSkill(t.Context(), testAccSkillInput("Known at plan", true))
	if err != nil {
		t.Fatal(err)
	}
	queueID := testAccRoutingQueueFixture(t, m, "Known at plan queue")
	integrationID := testAccIntegrationFixture(t, m, "Known at plan")
	ch, err := c.UpsertChannel(t.Context(), cxone.Channel{
		ID: channelID(integrationID, "known-at-plan", defaultExternalPlatform), IDOnExternalPlatform: "known-at-plan",
		ChannelIntegrationID: integrationID, RealExternalPlatformID: defaultExternalPlatform, Name: "Known at plan",
	})
	if err != nil {
		t.Fatal(err)
	}
	config := testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_digital_skill" "new" {
  name = "Known at plan, new"
}

resource "cxone_digital_user_permissions" "mowgli" {
  agent_id = 1001
}

resource "cxone_skill_assignment" "mowgli" {
  agent_id = 1001
  skill_id = %[1]d
}

resource "cxone_routing_queue_binding" "known" {
  routing_queue_id = %[2]q
  channel_id       = %[3]q
}
`, skill.SkillID, queueID, ch.ID)
	testAccSteps(t, nil, []resource.TestStep{{
		Config: config,
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			planIs("cxone_digital_skill.new", "media_type_id", knownvalue.Int64Exact(cxone.MediaTypeDigital)),
			planIs("cxone_digital_user_permissions.mowgli", "id", knownvalue.StringExact("1001")),
			planIs("cxone_digital_user_permissions.mowgli", "user_name", knownvalue.StringExact("mowgli")),
			planIs("cxone_digital_user_permissions.mowgli", "email_address", knownvalue.NotNull()),
			planIs("cxone_digital_user_permissions.mowgli", "digital_threshold", knownvalue.NotNull()),
			planIs("cxone_digital_user_permissions.mowgli", "use_team_digital_threshold", knownvalue.NotNull()),
			planIs("cxone_digital_user_permissions.mowgli", "digital_refusal_timeout", knownvalue.NotNull()),
			planIs("cxone_skill_assignment.mowgli", "id", knownvalue.StringExact(fmt.Sprintf("1001/%d", skill.SkillID))),
			planIs("cxone_routing_queue_binding.known", "id", knownvalue.StringExact(queueID+"/"+ch.ID)),
		}},
	}})
}

// TestKeepPlannedLookups: a user changed between plan and create keeps the planned
// values in the create's result (Terraform refuses a known planned value changed); an
// unknown planned value takes what the create read.
func TestKeepPlannedLookups(t *testing.T) {
	read := digitalUserPermissionsModel{
		UserName: types.StringValue("mowgli.new"), EmailAddress: types.StringValue("new@thejungle.example"),
		DigitalThreshold: types.Int64Value(4), UseTeamDigitalThreshold: types.BoolValue(true), DigitalRefusalTimeout: types.Int64Value(60),
	}
	planned := digitalUserPermissionsModel{
		UserName: types.StringValue("mowgli"), EmailAddress: types.StringUnknown(),
		DigitalThreshold: types.Int64Value(2), UseTeamDigitalThreshold: types.BoolValue(true), DigitalRefusalTimeout: types.Int64Unknown(),
	}
	got := read
	keepPlannedLookups(t.Context(), planned, &got)
	want := read
	want.UserName, want.DigitalThreshold = planned.UserName, planned.DigitalThreshold
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

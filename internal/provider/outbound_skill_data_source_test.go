package provider

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

func TestAccOutboundSkillDataSource(t *testing.T) {
	m := testAccStart(t)
	f := testAccOutboundFixture(t, m)
	c := testAccClient(t, m)
	sk, err := c.CreateOutboundSkill(t.Context(), cxone.OutboundSkillInput{SkillName: "Launch", CampaignID: f.campaignID,
		MessageTemplateID: f.templateID, Notes: "launch", MediaTypeID: 7})
	if err != nil {
		t.Fatal(err)
	}
	if !m.StartSkillForTest(sk.SkillID) {
		t.Fatal("no skill to start")
	}
	inbound := testAccCreateSkill(t, m, "Inbound")
	id := strconv.FormatInt(sk.SkillID, 10)
	byID, byName := "data.cxone_outbound_skill.by_id", "data.cxone_outbound_skill.by_name"
	testAccSteps(t, nil, []resource.TestStep{
		planError(testAccLookUpConfig(m, "cxone_outbound_skill", "name", "Nobody"), "Outbound Skill Not Found", `named "Nobody"`),
		planError(testAccLookUpConfig(m, "cxone_outbound_skill", "id", strconv.FormatInt(inbound, 10)), "Outbound Skill Not Found", "is an inbound skill"),
		planError(testAccProviderConfig(m)+"data \"cxone_outbound_skill\" \"x\" {\n  id = \"1\"\n  name = \"Launch\"\n}\n", "Invalid Attribute Combination"),
		{
			Config: testAccProviderConfig(m) + fmt.Sprintf(`
data "cxone_outbound_skill" "by_id" {
  id = %q
}

data "cxone_outbound_skill" "by_name" {
  name = "Launch"
}
`, id),
			ConfigStateChecks: []statecheck.StateCheck{
				stateIs(byID, "name", knownvalue.StringExact("Launch")),
				stateIs(byID, "is_running", knownvalue.Bool(true)),
				stateIs(byID, "media_type", knownvalue.StringExact("sms")),
				stateIs(byID, "strategy", knownvalue.StringExact("personal_connection")),
				stateIs(byID, "campaign_id", knownvalue.StringExact(strconv.FormatInt(f.campaignID, 10))),
				stateIs(byID, "message_template_id", knownvalue.StringExact(strconv.FormatInt(f.templateID, 10))),
				stateIs(byID, "routing_queue_id", knownvalue.Null()),
				stateIs(byName, "id", knownvalue.StringExact(id)),
				stateIs(byName, "is_running", knownvalue.Bool(true)),
				stateIs(byName, "is_active", knownvalue.Bool(true)),
				stateIs(byName, "notes", knownvalue.StringExact("launch")),
			},
		},
	})
}

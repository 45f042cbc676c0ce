package provider

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

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
	at := tfjsonpath.New[string]
	testAccSteps(t, nil, []resource.TestStep{
		planError(testAccProviderConfig(m)+"data \"cxone_outbound_skill\" \"x\" {\n  name = \"Nobody\"\n}\n", "Outbound Skill Not Found", `named "Nobody"`),
		planError(testAccProviderConfig(m)+fmt.Sprintf("data \"cxone_outbound_skill\" \"x\" {\n  id = \"%d\"\n}\n", inbound), "Outbound Skill Not Found", "is an inbound skill"),
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
				statecheck.ExpectKnownValue(byID, at("name"), knownvalue.StringExact("Launch")),
				statecheck.ExpectKnownValue(byID, at("is_running"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(byID, at("media_type"), knownvalue.StringExact("sms")),
				statecheck.ExpectKnownValue(byID, at("strategy"), knownvalue.StringExact("personal_connection")),
				statecheck.ExpectKnownValue(byID, at("campaign_id"), knownvalue.StringExact(strconv.FormatInt(f.campaignID, 10))),
				statecheck.ExpectKnownValue(byID, at("message_template_id"), knownvalue.StringExact(strconv.FormatInt(f.templateID, 10))),
				statecheck.ExpectKnownValue(byID, at("routing_queue_id"), knownvalue.Null()),
				statecheck.ExpectKnownValue(byName, at("id"), knownvalue.StringExact(id)),
				statecheck.ExpectKnownValue(byName, at("is_running"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(byName, at("is_active"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(byName, at("notes"), knownvalue.StringExact("launch")),
			},
		},
	})
}

package provider

import (
	"fmt"
	"slices"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// The look-ups and list resources of message templates and campaigns, over a set-up
// made by hand: an active e-mail template, an active SMS template and an inactive
// one; an active campaign and an inactive one.
const (
	fixtureEmailTemplateID, fixtureSMSTemplateID, fixtureRetiredTemplateID = 61201, 61202, 61203
	fixtureCampaignID, fixtureRetiredCampaignID                            = 62201, 62202
)

func testAccTemplateCampaignFixture(t *testing.T, m *mockcxone.Server) {
	t.Helper()
	for _, tmpl := range []mockcxone.MessageTemplate{
		{TemplateID: fixtureEmailTemplateID, TemplateName: "Launch e-mail", TemplateTypeID: 1, TemplateTypeDesc: "Email",
			IsActive: true, Subject: "Open", Body: "<p>Hello</p>", IsHTML: true, FromAddress: "louie@jungle.example"},
		{TemplateID: fixtureSMSTemplateID, TemplateName: "Launch SMS", TemplateTypeID: 2, TemplateTypeDesc: "SMS", IsActive: true, Body: "Hello"},
		{TemplateID: fixtureRetiredTemplateID, TemplateName: "Old launch", TemplateTypeID: 2, TemplateTypeDesc: "SMS", Body: "Bye"},
	} {
		if _, err := m.AddMessageTemplateForTest(tmpl); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []mockcxone.Campaign{
		{ID: fixtureCampaignID, Name: "The Watering Hole launch", Description: "Launch", IsActive: true},
		{ID: fixtureRetiredCampaignID, Name: "Old launch", Notes: "retired"},
	} {
		if _, err := m.AddCampaignForTest(c); err != nil {
			t.Fatal(err)
		}
	}
}

// fixtureLookUp is a look-up data source over the fixture: an object it finds by ID and
// the values read, those read by the name "Old launch", and look-ups that find nothing.
type fixtureLookUp struct {
	typ          string
	id           int64
	byID, byName map[string]knownvalue.Check
	missing      []lookUpStep
}

// testAccFixtureLookUp runs c: both look-ups in one configuration, then each of the
// missing ones, which must fail.
func testAccFixtureLookUp(t *testing.T, c fixtureLookUp) {
	m := testAccStart(t)
	testAccTemplateCampaignFixture(t, m)
	steps := []resource.TestStep{{
		Config: testAccProviderConfig(m) + fmt.Sprintf("data %[1]q \"by_id\" {\n  id = \"%[2]d\"\n}\ndata %[1]q \"by_name\" {\n  name = \"Old launch\"\n}\n",
			c.typ, c.id),
		ConfigStateChecks: append(expectValues("data."+c.typ+".by_id", c.byID), expectValues("data."+c.typ+".by_name", c.byName)...),
	}}
	for _, s := range c.missing {
		steps = append(steps, resource.TestStep{
			Config:      testAccProviderConfig(m) + fmt.Sprintf("data %q \"x\" {\n  %s\n}\n", c.typ, s.body),
			ExpectError: expectErrorText(s.want...),
		})
	}
	testAccSteps(t, nil, steps)
}

func TestAccMessageTemplateDataSource(t *testing.T) {
	testAccFixtureLookUp(t, fixtureLookUp{
		typ: "cxone_message_template",
		id:  fixtureEmailTemplateID,
		byID: map[string]knownvalue.Check{
			"name":         knownvalue.StringExact("Launch e-mail"),
			"type":         knownvalue.StringExact("email"),
			"is_html":      knownvalue.Bool(true),
			"from_address": knownvalue.StringExact("louie@jungle.example"),
			"is_active":    knownvalue.Bool(true),
		},
		byName: map[string]knownvalue.Check{
			"id":        knownvalue.StringExact(fmt.Sprint(fixtureRetiredTemplateID)),
			"type":      knownvalue.StringExact("sms"),
			"is_active": knownvalue.Bool(false),
		},
		missing: []lookUpStep{
			{`name = "old launch"`, []string{"Message Template Not Found",
				`CXone has no message template named "old launch", active or not. Names match exactly, including case.`}},
			{`id = "69999"`, []string{"Message Template Not Found", "CXone has no message template with ID 69999"}},
		},
	})
}

func TestAccCampaignDataSource(t *testing.T) {
	testAccFixtureLookUp(t, fixtureLookUp{
		typ: "cxone_campaign",
		id:  fixtureCampaignID,
		byID: map[string]knownvalue.Check{
			"name":        knownvalue.StringExact("The Watering Hole launch"),
			"description": knownvalue.StringExact("Launch"),
			"is_active":   knownvalue.Bool(true),
		},
		byName: map[string]knownvalue.Check{
			"id":        knownvalue.StringExact(fmt.Sprint(fixtureRetiredCampaignID)),
			"notes":     knownvalue.StringExact("retired"),
			"is_active": knownvalue.Bool(false),
		},
		missing: []lookUpStep{
			// CXone's search matches parts of names; the look-up wants the whole name.
			{`name = "launch"`, []string{"Campaign Not Found", `CXone has no campaign named "launch", active or not.`}},
			{`id = "69999"`, []string{"Campaign Not Found", "CXone has no campaign with ID 69999"}},
		},
	})
}

// TestAccMessageTemplateList and TestAccCampaignList (Terraform 1.14): the active
// objects, named by name, with their identities and resources; the filters.
func TestAccMessageTemplateList(t *testing.T) {
	m := testAccStart(t)
	testAccTemplateCampaignFixture(t, m)
	email := map[string]knownvalue.Check{"template_id": knownvalue.Int64Exact(fixtureEmailTemplateID)}
	sms := map[string]knownvalue.Check{"template_id": knownvalue.Int64Exact(fixtureSMSTemplateID)}
	testAccQuery(t, m, resource.TestStep{
		Query: true,
		Config: testAccListConfig("cxone_message_template", "") +
			`list "cxone_message_template" "sms" {
  provider = cxone
  config {
    type          = "sms"
    name_contains = "LAUNCH"
  }
}
`,
		QueryResultChecks: slices.Concat(
			[]querycheck.QueryResultCheck{
				querycheck.ExpectLength("cxone_message_template.all", 2),
				querycheck.ExpectIdentity("cxone_message_template.all", sms),
			},
			listed("cxone_message_template.all", email, knownvalue.StringExact("Launch e-mail"), map[string]knownvalue.Check{
				"type":             knownvalue.StringExact("email"),
				"from_address":     knownvalue.StringExact("louie@jungle.example"),
				"reply_to_address": knownvalue.Null(),
			}),
			[]querycheck.QueryResultCheck{
				querycheck.ExpectLength("cxone_message_template.sms", 1),
				querycheck.ExpectIdentity("cxone_message_template.sms", sms),
			},
		),
	})
}

func TestAccCampaignList(t *testing.T) {
	m := testAccStart(t)
	testAccTemplateCampaignFixture(t, m)
	campaign := map[string]knownvalue.Check{"campaign_id": knownvalue.Int64Exact(fixtureCampaignID)}
	testAccQuery(t, m, resource.TestStep{
		Query: true,
		Config: testAccListConfig("cxone_campaign", "") + `list "cxone_campaign" "none" {
  provider = cxone
  config {
    name_contains = "nothing like it"
  }
}
`,
		QueryResultChecks: slices.Concat(
			[]querycheck.QueryResultCheck{querycheck.ExpectLength("cxone_campaign.all", 1)},
			listed("cxone_campaign.all", campaign, knownvalue.StringExact("The Watering Hole launch"), map[string]knownvalue.Check{
				"description": knownvalue.StringExact("Launch"),
				"notes":       knownvalue.StringExact(""),
			}),
			[]querycheck.QueryResultCheck{querycheck.ExpectLength("cxone_campaign.none", 0)},
		),
	})
}

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

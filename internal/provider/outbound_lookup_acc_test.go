package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

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

func TestAccMessageTemplateDataSource(t *testing.T) {
	m := testAccStart(t)
	testAccTemplateCampaignFixture(t, m)
	byID, byName := "data.cxone_message_template.by_id", "data.cxone_message_template.by_name"
	testAccSteps(t, nil, []resource.TestStep{
		{
			Config: testAccProviderConfig(m) + fmt.Sprintf(`
data "cxone_message_template" "by_id" {
  id = "%d"
}
data "cxone_message_template" "by_name" {
  name = "Old launch"
}
`, fixtureEmailTemplateID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("name"), knownvalue.StringExact("Launch e-mail")),
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("type"), knownvalue.StringExact("email")),
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("is_html"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("from_address"), knownvalue.StringExact("louie@jungle.example")),
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("is_active"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprint(fixtureRetiredTemplateID))),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("type"), knownvalue.StringExact("sms")),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("is_active"), knownvalue.Bool(false)),
			},
		},
		{
			Config:      testAccProviderConfig(m) + "data \"cxone_message_template\" \"x\" {\n  name = \"old launch\"\n}\n",
			ExpectError: expectErrorText("Message Template Not Found", `CXone has no message template named "old launch", active or not. Names match exactly, including case.`),
		},
		{
			Config:      testAccProviderConfig(m) + "data \"cxone_message_template\" \"x\" {\n  id = \"69999\"\n}\n",
			ExpectError: expectErrorText("Message Template Not Found", "CXone has no message template with ID 69999"),
		},
	})
}

func TestAccCampaignDataSource(t *testing.T) {
	m := testAccStart(t)
	testAccTemplateCampaignFixture(t, m)
	byID, byName := "data.cxone_campaign.by_id", "data.cxone_campaign.by_name"
	testAccSteps(t, nil, []resource.TestStep{
		{
			Config: testAccProviderConfig(m) + fmt.Sprintf(`
data "cxone_campaign" "by_id" {
  id = "%d"
}
data "cxone_campaign" "by_name" {
  name = "Old launch"
}
`, fixtureCampaignID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("name"), knownvalue.StringExact("The Watering Hole launch")),
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("description"), knownvalue.StringExact("Launch")),
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("is_active"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprint(fixtureRetiredCampaignID))),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("notes"), knownvalue.StringExact("retired")),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("is_active"), knownvalue.Bool(false)),
			},
		},
		{
			// CXone's search matches parts of names; the look-up wants the whole name.
			Config:      testAccProviderConfig(m) + "data \"cxone_campaign\" \"x\" {\n  name = \"launch\"\n}\n",
			ExpectError: expectErrorText("Campaign Not Found", `CXone has no campaign named "launch", active or not.`),
		},
		{
			Config:      testAccProviderConfig(m) + "data \"cxone_campaign\" \"x\" {\n  id = \"69999\"\n}\n",
			ExpectError: expectErrorText("Campaign Not Found", "CXone has no campaign with ID 69999"),
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
		QueryResultChecks: []querycheck.QueryResultCheck{
			querycheck.ExpectLength("cxone_message_template.all", 2),
			querycheck.ExpectIdentity("cxone_message_template.all", email),
			querycheck.ExpectIdentity("cxone_message_template.all", sms),
			querycheck.ExpectResourceDisplayName("cxone_message_template.all", queryfilter.ByResourceIdentity(email), knownvalue.StringExact("Launch e-mail")),
			querycheck.ExpectResourceKnownValues("cxone_message_template.all", queryfilter.ByResourceIdentity(email), []querycheck.KnownValueCheck{
				{Path: tfjsonpath.New("type"), KnownValue: knownvalue.StringExact("email")},
				{Path: tfjsonpath.New("from_address"), KnownValue: knownvalue.StringExact("louie@jungle.example")},
				{Path: tfjsonpath.New("reply_to_address"), KnownValue: knownvalue.Null()},
			}),
			querycheck.ExpectLength("cxone_message_template.sms", 1),
			querycheck.ExpectIdentity("cxone_message_template.sms", sms),
		},
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
		QueryResultChecks: []querycheck.QueryResultCheck{
			querycheck.ExpectLength("cxone_campaign.all", 1),
			querycheck.ExpectIdentity("cxone_campaign.all", campaign),
			querycheck.ExpectResourceDisplayName("cxone_campaign.all", queryfilter.ByResourceIdentity(campaign), knownvalue.StringExact("The Watering Hole launch")),
			querycheck.ExpectResourceKnownValues("cxone_campaign.all", queryfilter.ByResourceIdentity(campaign), []querycheck.KnownValueCheck{
				{Path: tfjsonpath.New("description"), KnownValue: knownvalue.StringExact("Launch")},
				{Path: tfjsonpath.New("notes"), KnownValue: knownvalue.StringExact("")},
			}),
			querycheck.ExpectLength("cxone_campaign.none", 0),
		},
	})
}

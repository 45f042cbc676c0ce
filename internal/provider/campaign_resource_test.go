package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

const testAccCampaignAddr = "cxone_campaign.test"

// testAccCampaignConfig is cxone_campaign.test; extra goes inside the block.
func testAccCampaignConfig(m *mockcxone.Server, name, extra string) string {
	return testAccProviderConfig(m) + fmt.Sprintf("resource \"cxone_campaign\" \"test\" {\n  name = %q\n%s}\n", name, extra)
}

// TestAccCampaign_lifecycle: create, an empty re-plan, update in place, import, drift
// both ways, destroy deactivates, re-create adopts, and a campaign deleted outside
// Terraform is planned for creation.
func TestAccCampaign_lifecycle(t *testing.T) {
	m := testAccStart(t)
	sameID := sameValue(testAccCampaignAddr, "id")
	full := testAccCampaignConfig(m, "The Watering Hole launch", "  description = \"Launch\"\n  notes = \"first\"\n")
	renamed := testAccCampaignConfig(m, "Launch", "  notes = \"second\"\n")
	var id int64
	steps := append([]resource.TestStep{
		{
			Config: full,
			ConfigStateChecks: expectValues(testAccCampaignAddr, map[string]knownvalue.Check{
				"id":          knownvalue.StringRegexp(numericRE),
				"description": knownvalue.StringExact("Launch"),
			}, sameID()),
			Check: func(s *terraform.State) (err error) {
				id, err = parseNumericID(s.RootModule().Resources[testAccCampaignAddr].Primary.ID, "id")
				return err
			},
			ConfigPlanChecks: emptyReplan,
		},
		{
			// Renamed, the description back to its default.
			Config:           renamed,
			ConfigPlanChecks: planOnlyChanges(testAccCampaignAddr, "description", "name", "notes"),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID(),
				stateIs(testAccCampaignAddr, "description", knownvalue.StringExact("")),
			},
		},
	}, testAccImportSteps(testAccCampaignAddr, "launch", "Expected a campaign ID, a whole number such as 62001", "69999")...)
	steps = append(steps,
		resource.TestStep{
			// Changed outside Terraform: the plan puts the configuration back.
			PreConfig: func() {
				testAccChangeCampaign(t, m, id, func(in *cxone.CampaignInput) { in.Notes = "changed by hand" })
			},
			Config:           renamed,
			ConfigPlanChecks: planOnlyChanges(testAccCampaignAddr, "notes"),
		},
		// Deactivated outside Terraform: gone, so planned for creation, which
		// reactivates the same campaign.
		testAccReactivateStep(t, testAccCampaignAddr, renamed, sameID,
			func() error { return testAccClient(t, m).SetCampaignActive(context.Background(), id, false) }))
	// Destroy deactivates: the campaign stays in CXone, inactive; created again, the
	// inactive campaign of the same name is adopted.
	steps = append(steps, testAccRecreateSteps(renamed, sameID,
		func(active bool) error { return testAccCampaignInMock(m, id, active) })...)
	// Gone from CXone altogether (404): planned for creation.
	testAccSteps(t, testAccCheckCampaignDestroy(t, m), append(steps, testAccGoneStep(testAccCampaignAddr, renamed, m.Reset)))
}

// TestAccCampaign_errors: the plan-time check names its attribute and makes no API
// request; a create over an active campaign of the same name fails and gives the
// import to run.
func TestAccCampaign_errors(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckCampaignDestroy(t, m), []resource.TestStep{
		planError(testAccCampaignConfig(m, " ", ""), `Attribute name must not be empty or blank`),
		{
			PreConfig: func() {
				checkNoRequests(t, m)
				if _, err := m.AddCampaignForTest(mockcxone.Campaign{ID: 62500, Name: "Taken", IsActive: true}); err != nil {
					t.Fatal(err)
				}
			},
			Config: testAccCampaignConfig(m, "Taken", ""),
			ExpectError: expectErrorText(`already has an active campaign named "Taken" (ID 62500)`,
				`terraform import cxone_campaign.<name> 62500`),
		},
	})
}

func TestAccCampaign_identity(t *testing.T) {
	m := testAccStart(t)
	testAccIdentity(t, identityCase{
		addr:     testAccCampaignAddr,
		create:   testAccCampaignConfig(m, "Launch", ""),
		update:   testAccCampaignConfig(m, "Launch", "  notes = \"more\"\n"),
		identity: map[string]identityFrom{"campaign_id": {stateAttr: "id", number: true}},
		remove: func(v map[string]any) error {
			id, err := parseNumericID(stateString(v, "id"), "id")
			if err != nil {
				return err
			}
			return testAccClient(t, m).SetCampaignActive(t.Context(), id, false)
		},
	})
}

// TestCampaign_adoptWarns: a create over an inactive campaign of the same name
// reactivates it with the configured values, with a warning.
func TestCampaign_adoptWarns(t *testing.T) {
	m := testAccMock(t)
	if _, err := m.AddCampaignForTest(mockcxone.Campaign{ID: 62100, Name: "Retired", Notes: "old"}); err != nil {
		t.Fatal(err)
	}
	r, ok := NewCampaignResource().(*campaignResource)
	if !ok {
		t.Fatal("NewCampaignResource is not a *campaignResource")
	}
	r.Client = readcache.New(testAccClient(t, m))
	var diags diag.Diagnostics
	plan := campaignModel{Name: types.StringValue("Retired"), Description: types.StringValue(""), Notes: types.StringValue("new")}
	got, err := r.CreateObject(t.Context(), &framework.Write[campaignModel]{Plan: plan, Diags: &diags})
	if err != nil || diags.HasError() {
		t.Fatalf("%v %v", err, diags)
	}
	if len(diags) != 1 || diags[0].Summary() != "Reactivated Existing Campaign" || !strings.Contains(diags[0].Detail(), "(ID 62100)") {
		t.Errorf("diagnostics %v, want the reactivation warning", diags)
	}
	if got.ID.ValueString() != "62100" || got.Notes.ValueString() != "new" {
		t.Errorf("adopted %+v", got)
	}
	if err := testAccCampaignInMock(m, 62100, true); err != nil {
		t.Error(err)
	}
}

// testAccChangeCampaign changes a campaign outside Terraform: change edits its current
// values.
func testAccChangeCampaign(t *testing.T, m *mockcxone.Server, id int64, change func(*cxone.CampaignInput)) {
	t.Helper()
	c := testAccClient(t, m)
	cur, err := c.GetCampaign(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	in := cxone.CampaignInput{Name: cur.Name, Description: cur.Description, Notes: cur.Notes}
	change(&in)
	if _, err := c.UpdateCampaign(context.Background(), id, in); err != nil {
		t.Fatal(err)
	}
}

// testAccCampaignInMock checks the mock's own state (what /_mock/state shows) for
// whether campaign id is active.
func testAccCampaignInMock(m *mockcxone.Server, id int64, active bool) error {
	return checkOneInMock(fmt.Sprintf("campaign %d", id), m.State().Campaigns,
		func(c mockcxone.Campaign) (bool, bool) { return c.ID == id, c.IsActive }, active)
}

// testAccCheckCampaignDestroy checks that every campaign the test managed is inactive:
// destroy deactivates, since CXone cannot delete campaigns.
func testAccCheckCampaignDestroy(t *testing.T, m *mockcxone.Server) resource.TestCheckFunc {
	return testAccCheckDeactivated(t, m, "cxone_campaign", "campaign", (*cxone.Client).GetCampaign,
		func(c *cxone.Campaign) (string, bool) { return c.Name, c.IsActive })
}

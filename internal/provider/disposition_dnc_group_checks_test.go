package provider

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// TestAccDispositionDNC_validation: every value the three resources can refuse is an
// attribute error at plan time, before any request; a classification CXone does not
// know is refused by CXone, and the error names classification_id.
func TestAccDispositionDNC_validation(t *testing.T) {
	m := testAccStart(t)
	bad := func(typ, body, want string) resource.TestStep {
		return planError(testAccProviderConfig(m)+fmt.Sprintf("resource %q \"test\" {\n%s\n}\n", typ, body), want)
	}
	link := func(group, skill, relation string) string {
		return fmt.Sprintf("dnc_group_id = %s\nskill_id = %s\nrelation = %s", group, skill, relation)
	}
	testAccSteps(t, nil, []resource.TestStep{
		bad("cxone_disposition", `name = ""`, "Attribute name must not be empty or blank"),
		bad("cxone_disposition", `name = "   "`, "Attribute name must not be empty or blank"),
		bad("cxone_disposition", "name = \"x\"\nclassification_id = 0", "Attribute classification_id value must be at least 1, got: 0"),
		bad("cxone_dnc_group", `name = " "`, "Attribute name must not be empty or blank"),
		bad("cxone_dnc_group_skill", link("1", "2", `"blocked"`), `Attribute relation value must be one of: ["scrubbed" "contributing"]`),
		bad("cxone_dnc_group_skill", link("0", "2", `"scrubbed"`), "Attribute dnc_group_id value must be at least 1, got: 0"),
		bad("cxone_dnc_group_skill", link("1", "-2", `"scrubbed"`), "Attribute skill_id value must be at least 1, got: -2"),
		{
			PreConfig: func() {
				checkNoRequests(t, m)
			},
			Config: testAccDispositionConfig(m, "Replied", "classification_id = 99"),
			ExpectError: expectErrorText("Unable to Create Disposition", "classification_id = 99", `disposition "Replied"`,
				"classification_id 99 is not a known classification"),
		},
	})
	if n := len(m.State().Dispositions); n != 0 {
		t.Errorf("a refused create left %d dispositions", n)
	}
}

// TestAccDispositionDNC_dataSources: each data source finds its object by ID and by name,
// inactive ones too, and says so when there is none.
func TestAccDispositionDNC_dataSources(t *testing.T) {
	m := testAccStart(t)
	d, err := m.AddDispositionForTest(mockcxone.Disposition{DispositionName: "Replied", ClassificationID: 1,
		ClassificationName: "Success", Notes: "n", IsActive: false})
	if err != nil {
		t.Fatal(err)
	}
	g, err := m.AddDNCGroupForTest(mockcxone.DNCGroup{DNCGroupName: "Opt-outs", DNCGroupDescription: "STOP", IsActive: true, ValidRecords: 3})
	if err != nil {
		t.Fatal(err)
	}
	dID, gID := strconv.FormatInt(d.DispositionID, 10), strconv.FormatInt(g.DNCGroupID, 10)
	config := testAccProviderConfig(m) + fmt.Sprintf(`
data "cxone_disposition" "by_id" {
  id = %[1]q
}
data "cxone_disposition" "by_name" {
  name = "Replied"
}
data "cxone_dnc_group" "by_id" {
  id = %[2]q
}
data "cxone_dnc_group" "by_name" {
  name = "Opt-outs"
}
`, dID, gID)
	disposition := map[string]knownvalue.Check{
		"id":                  knownvalue.StringExact(dID),
		"name":                knownvalue.StringExact("Replied"),
		"classification_id":   knownvalue.Int64Exact(1),
		"classification_name": knownvalue.StringExact("Success"),
		"is_active":           knownvalue.Bool(false),
	}
	group := map[string]knownvalue.Check{
		"id":            knownvalue.StringExact(gID),
		"name":          knownvalue.StringExact("Opt-outs"),
		"description":   knownvalue.StringExact("STOP"),
		"valid_records": knownvalue.Int64Exact(3),
		"is_active":     knownvalue.Bool(true),
	}
	checks := slices.Concat(
		expectValues("data.cxone_disposition.by_id", disposition), expectValues("data.cxone_disposition.by_name", disposition),
		expectValues("data.cxone_dnc_group.by_id", group), expectValues("data.cxone_dnc_group.by_name", group))
	missing := func(typ, key, value string, want ...string) resource.TestStep {
		return resource.TestStep{Config: testAccLookUpConfig(m, typ, key, value), ExpectError: expectErrorText(want...)}
	}
	testAccSteps(t, nil, []resource.TestStep{
		missing("cxone_disposition", "name", "replied", "Disposition Not Found", `CXone has no disposition named "replied", active or not. Names match exactly`),
		missing("cxone_disposition", "id", "63999", "Disposition Not Found", "CXone has no disposition with ID 63999, active or not"),
		missing("cxone_dnc_group", "name", "Nobody", "DNC Group Not Found", `CXone has no DNC group named "Nobody", active or not`),
		missing("cxone_dnc_group", "id", "64999", "DNC Group Not Found", "CXone has no DNC group with ID 64999"),
		missing("cxone_dnc_group", "id", "x1", "Attribute id must be a positive whole number"),
		// Last, so that the test's final destroy has a configuration that works.
		{Config: config, ConfigStateChecks: checks},
	})
}

// TestAccDispositionDNC_list: the three list resources find what was made by hand,
// active objects only, with names a person recognises.
func TestAccDispositionDNC_list(t *testing.T) {
	m := testAccStart(t)
	c := testAccClient(t, m)
	replied, err := c.CreateDisposition(t.Context(), cxone.DispositionInput{DispositionName: "Replied", ClassificationID: 1, Notes: "n"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.AddDispositionForTest(mockcxone.Disposition{DispositionName: "Retired"}); err != nil {
		t.Fatal(err)
	}
	group, err := c.CreateDNCGroup(t.Context(), cxone.DNCGroupInput{DNCGroupName: "Opt-outs", DNCGroupDescription: "STOP"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.AddDNCGroupForTest(mockcxone.DNCGroup{DNCGroupName: "Old opt-outs"}); err != nil {
		t.Fatal(err)
	}
	skillID := testAccCreateSkill(t, m, "Launch")
	for _, rel := range []cxone.DNCRelation{cxone.DNCScrubbed, cxone.DNCContributing} {
		if err := c.AddDNCGroupSkill(t.Context(), group.DNCGroupID, skillID, rel); err != nil {
			t.Fatal(err)
		}
	}
	disposition := map[string]knownvalue.Check{"disposition_id": knownvalue.Int64Exact(replied.DispositionID)}
	dncGroup := map[string]knownvalue.Check{"dnc_group_id": knownvalue.Int64Exact(group.DNCGroupID)}
	scrubbed := map[string]knownvalue.Check{"dnc_group_id": knownvalue.Int64Exact(group.DNCGroupID),
		"skill_id": knownvalue.Int64Exact(skillID), "relation": knownvalue.StringExact("scrubbed")}
	contributing := map[string]knownvalue.Check{"dnc_group_id": knownvalue.Int64Exact(group.DNCGroupID),
		"skill_id": knownvalue.Int64Exact(skillID), "relation": knownvalue.StringExact("contributing")}
	testAccQuery(t, m, resource.TestStep{
		Query: true,
		Config: testAccListConfig("cxone_disposition", "") + testAccListConfig("cxone_dnc_group", "") +
			testAccListConfig("cxone_dnc_group_skill", "") +
			strings.Replace(testAccListConfig("cxone_dnc_group_skill", "  config {\n    relation = \"contributing\"\n  }\n"), `"all"`, `"contributing"`, 1),
		QueryResultChecks: slices.Concat(
			[]querycheck.QueryResultCheck{querycheck.ExpectLength("cxone_disposition.all", 1)},
			listed("cxone_disposition.all", disposition, knownvalue.StringExact("Replied"), map[string]knownvalue.Check{
				"classification_id": knownvalue.Int64Exact(1),
				"notes":             knownvalue.StringExact("n"),
			}),
			[]querycheck.QueryResultCheck{querycheck.ExpectLength("cxone_dnc_group.all", 1)},
			listed("cxone_dnc_group.all", dncGroup, knownvalue.StringExact("Opt-outs"), nil),
			[]querycheck.QueryResultCheck{
				querycheck.ExpectLength("cxone_dnc_group_skill.all", 2),
				querycheck.ExpectResourceDisplayName("cxone_dnc_group_skill.all", queryfilter.ByResourceIdentity(scrubbed), knownvalue.StringExact("Opt-outs scrubs Launch")),
				querycheck.ExpectResourceDisplayName("cxone_dnc_group_skill.all", queryfilter.ByResourceIdentity(contributing),
					knownvalue.StringExact("Launch contributes to Opt-outs")),
				querycheck.ExpectLength("cxone_dnc_group_skill.contributing", 1),
				querycheck.ExpectIdentity("cxone_dnc_group_skill.contributing", contributing),
			},
		),
	})
}

// TestDispositionDNC_adoptWarns: a create over an inactive object of the same name
// reactivates it with a warning; over an active one, it is an error on name that gives
// the import.
func TestDispositionDNC_adoptWarns(t *testing.T) {
	m := testAccMock(t)
	client := readcache.New(testAccClient(t, m))
	dr, ok := NewDispositionResource().(*dispositionResource)
	gr, ok2 := NewDNCGroupResource().(*dncGroupResource)
	if !ok || !ok2 {
		t.Fatal("the resources are not the expected types")
	}
	dr.Client, gr.Client = client, client
	wantAdoption(t, "cxone_disposition", "Reactivated Existing Disposition", "Replied",
		func(name string, active bool) (int64, error) {
			d, err := m.AddDispositionForTest(mockcxone.Disposition{DispositionName: name, IsActive: active})
			return d.DispositionID, err
		},
		func(name string, diags *diag.Diagnostics) *cxone.Disposition {
			return dr.adoptInactive(t.Context(), name, cxone.DispositionInput{DispositionName: name, Notes: "back"}, diags)
		},
		func(d *cxone.Disposition) (int64, bool) { return d.DispositionID, d.IsActive && d.Notes == "back" })
	wantAdoption(t, "cxone_dnc_group", "Reactivated Existing DNC Group", "Opt-outs",
		func(name string, active bool) (int64, error) {
			g, err := m.AddDNCGroupForTest(mockcxone.DNCGroup{DNCGroupName: name, IsActive: active})
			return g.DNCGroupID, err
		},
		func(name string, diags *diag.Diagnostics) *cxone.DNCGroup {
			return gr.adoptInactive(t.Context(), name, cxone.DNCGroupInput{DNCGroupName: name, DNCGroupDescription: "back"}, diags)
		},
		func(g *cxone.DNCGroup) (int64, bool) {
			return g.DNCGroupID, g.IsActive && g.DNCGroupDescription == "back"
		})
}

// wantAdoption checks the adoptInactive of a resource type typ through adopt, whose
// configured values are "back", against an inactive object named inactive and an
// active one named "Busy" that add puts in the mock: a create over the inactive name
// reactivates that object (adopted gives its ID and whether it is active with the
// configured values) with a warning (summary); a create over "Busy" adopts nothing and
// is an error on name that gives the import.
func wantAdoption[T any](t *testing.T, typ, summary, inactive string, add func(name string, active bool) (int64, error),
	adopt func(name string, diags *diag.Diagnostics) *T, adopted func(*T) (id int64, activeAsConfigured bool)) {
	t.Helper()
	inactiveID, err := add(inactive, false)
	if err != nil {
		t.Fatal(err)
	}
	activeID, err := add("Busy", true)
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.Diagnostics
	obj := adopt(inactive, &diags)
	wantWarning(t, diags, summary, fmt.Sprintf("ID %d", inactiveID))
	if obj == nil {
		t.Errorf("%s: adopted nothing, want %d", typ, inactiveID)
	} else if id, ok := adopted(obj); id != inactiveID || !ok {
		t.Errorf("%s: adopted %+v, want %d active with the configured values", typ, obj, inactiveID)
	}
	diags = nil
	if obj := adopt("Busy", &diags); obj != nil {
		t.Errorf("%s: adopted an active object: %+v", typ, obj)
	}
	wantNameError(t, diags, fmt.Sprintf("terraform import %s.<name> %d", typ, activeID))
}

func wantWarning(t *testing.T, diags diag.Diagnostics, summary, inDetail string) {
	t.Helper()
	if diags.HasError() || diags.WarningsCount() != 1 || diags[0].Summary() != summary || !strings.Contains(diags[0].Detail(), inDetail) {
		t.Errorf("diagnostics %v, want one warning %q mentioning %q", diags, summary, inDetail)
	}
}

func wantNameError(t *testing.T, diags diag.Diagnostics, inDetail string) {
	t.Helper()
	errs := diags.Errors()
	if len(errs) != 1 {
		t.Fatalf("diagnostics %v, want one error", diags)
	}
	withPath, ok := errs[0].(diag.DiagnosticWithPath)
	if !ok || !withPath.Path().Equal(path.Root("name")) || !strings.Contains(errs[0].Detail(), inDetail) {
		t.Errorf("diagnostics %v, want one error on name mentioning %q", diags, inDetail)
	}
}

// TestAccDispositionDNC_lostAnswers: creates whose answers are lost (CXone made the
// object, the provider never heard) end in one object each, not two: the disposition
// and the group are found by name, the link is made again harmlessly.
func TestAccDispositionDNC_lostAnswers(t *testing.T) {
	m := testAccStart(t)
	skillID := testAccCreateSkill(t, m, "Launch")
	const admin = "/inContactAPI/services/v34.0"
	testAccSetFaults(t, m,
		mockcxone.FaultRule{Method: "POST", Path: admin + "/dispositions", DropResponse: true, Count: 1},
		mockcxone.FaultRule{Method: "POST", Path: admin + "/dnc-groups/", DropResponse: true, Count: 1},
		mockcxone.FaultRule{Method: "POST", Path: admin + "/dnc-groups", DropResponse: true, Count: 1},
	)
	testAccSteps(t, nil, []resource.TestStep{{
		Config: testAccDispositionConfig(m, "Replied", "classification_id = 1") +
			strings.TrimPrefix(testAccDNCGroupSkillConfig(m, skillID, "scrubbed"), testAccProviderConfig(m)),
		ConfigStateChecks: []statecheck.StateCheck{checkMock(func() error {
			st := m.State()
			if len(st.Dispositions) != 1 || len(st.DNCGroups) != 1 || len(st.DNCGroupSkills) != 1 {
				return fmt.Errorf("after lost answers: %d dispositions, %d DNC groups, %d links; want 1 each",
					len(st.Dispositions), len(st.DNCGroups), len(st.DNCGroupSkills))
			}
			return nil
		})},
	}})
	if n := m.Requests().ByStatus["none"]; n != 3 {
		t.Errorf("%d answers were dropped, want 3 (one per create): the test did not test lost answers", n)
	}
}

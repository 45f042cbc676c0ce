package provider

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

const callingListAddr = "cxone_calling_list.test"

// callingListConfig is a cxone_calling_list.test; mappings are field_name/column pairs and
// extra holds more attribute lines (column mappings), written as they are.
type callingListConfig struct {
	name, externalID string
	mappings         [][2]string
	extra            string
}

func (c callingListConfig) hcl(m *mockcxone.Server) string {
	var b strings.Builder
	for _, d := range c.mappings {
		fmt.Fprintf(&b, "    { field_name = %q, column = %q },\n", d[0], d[1])
	}
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_calling_list" "test" {
  name               = %q
  external_id_column = %q
  destination_mappings = [
%s  ]
%s
}
`, c.name, c.externalID, b.String(), c.extra)
}

// jungleList is the list the tests start from.
var jungleList = callingListConfig{name: "The Jungle mailing list", externalID: "member",
	mappings: [][2]string{{"PhoneNumber", "handle"}}, extra: `  first_name_column = "first"`}

// replaced is a step that applies cfg and expects the list replaced, then an empty plan.
// (The mock gives the new list the ID the deleted one freed, so the IDs may not differ.)
func replaced(m *mockcxone.Server, cfg callingListConfig) resource.TestStep {
	return resource.TestStep{
		Config:           cfg.hcl(m),
		ConfigPlanChecks: planAction(callingListAddr, plancheck.ResourceActionDestroyBeforeCreate),
		Check:            testAccCheckCallingLists(m, cfg.name),
	}
}

func TestAccCallingList_lifecycle(t *testing.T) {
	m := testAccStart(t)
	renamed := jungleList
	renamed.name = "The Watering Hole regulars"
	otherID := renamed
	otherID.externalID = "member_no"
	twoDestinations := otherID
	twoDestinations.mappings = [][2]string{{"PhoneNumber", "mobile"}, {"PhoneNumber", "handle"}}
	moreColumns := twoDestinations
	moreColumns.extra = "  first_name_column = \"given\"\n  time_zone_column = \"tz\"\n  score_column = \"score\""
	testAccSteps(t, testAccCheckCallingListDestroy(t, m), append([]resource.TestStep{
		{
			Config:           jungleList.hcl(m),
			ConfigPlanChecks: planAction(callingListAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: expectValues(callingListAddr, map[string]knownvalue.Check{
				"id": knownvalue.StringRegexp(numericRE),
				"destination_mappings": knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{"field_name": knownvalue.StringExact("PhoneNumber"), "column": knownvalue.StringExact("handle")}),
				}),
				"first_name_column": knownvalue.StringExact("first"),
				"last_name_column":  knownvalue.Null(),
			}),
			Check: testAccCheckCallingLists(m, jungleList.name),
		},
		{
			// Records uploaded (the upload action's deed) are not in the state: no drift.
			PreConfig: func() { testAccUploadRecords(t, m, jungleList.name) },
			Config:    jungleList.hcl(m),
			PlanOnly:  true,
		},
		// Each change replaces the list: CXone has no update.
		replaced(m, renamed),
		replaced(m, otherID),
		replaced(m, twoDestinations),
		replaced(m, moreColumns),
		// Deleted outside Terraform: planned for creation.
		testAccGoneStep(callingListAddr, moreColumns.hcl(m), func() { testAccDeleteCallingList(t, m, moreColumns.name) }),
		{Config: moreColumns.hcl(m), Check: testAccCheckCallingLists(m, moreColumns.name)},
	}, testAccImportSteps(callingListAddr, "The Jungle mailing list", "Expected a calling list ID, a whole number such as 65001", "69999")...))
}

func TestAccCallingList_identity(t *testing.T) {
	m := testAccStart(t)
	testAccIdentity(t, identityCase{
		addr: callingListAddr,
		// Every change replaces a list (a new identity): the update step changes nothing.
		create:   jungleList.hcl(m),
		update:   jungleList.hcl(m),
		identity: map[string]identityFrom{"list_id": {stateAttr: "id", number: true}},
		remove: func(map[string]any) error {
			testAccDeleteCallingList(t, m, jungleList.name)
			return nil
		},
	})
}

func TestAccCallingList_validation(t *testing.T) {
	m := testAccStart(t)
	bad := func(cfg callingListConfig, want ...string) resource.TestStep {
		return planError(cfg.hcl(m), want...)
	}
	with := func(f func(*callingListConfig)) callingListConfig {
		c := jungleList
		f(&c)
		return c
	}
	testAccPlanErrors(t, m, []resource.TestStep{
		bad(with(func(c *callingListConfig) { c.name = " " }), "Attribute name must not be empty or blank"),
		bad(with(func(c *callingListConfig) { c.externalID = "" }), "Attribute external_id_column must not be empty or blank"),
		bad(with(func(c *callingListConfig) { c.mappings = nil }), "Attribute destination_mappings list must contain at least 1 elements, got: 0"),
		bad(with(func(c *callingListConfig) {
			c.mappings = [][2]string{{"PhoneNumber", "handle"}, {"PhoneNumber", "handle"}}
		}),
			"Duplicate List Value", "destination_mappings = [", "This attribute contains duplicate values"),
		bad(with(func(c *callingListConfig) { c.mappings = [][2]string{{"", "handle"}} }),
			"Attribute destination_mappings[0].field_name must not be empty or blank"),
		bad(with(func(c *callingListConfig) { c.mappings = [][2]string{{"PhoneNumber", "  "}} }),
			"Attribute destination_mappings[0].column must not be empty or blank"),
		bad(with(func(c *callingListConfig) { c.extra = `  zip_column = ""` }), "Attribute zip_column must not be empty or blank"),
		planError(jungleList.hcl(m)+"\nimport {\n  to = cxone_calling_list.test\n  id = \"jungle\"\n}\n", "Expected a calling list ID, a whole number such as 65001", `got "jungle"`),
	})
}

// TestAccCallingList_rerun: a create whose answer was lost keeps the list it made (found by
// name, every mapping matching) without sending the create again; a name another list
// holds (an apply cut off before it saved the list) fails with the import to run, and
// following it converges with nothing duplicated.
func TestAccCallingList_rerun(t *testing.T) {
	m := testAccStart(t)
	post := mockcxone.FaultRule{Method: "POST", Path: "/inContactAPI/services/v34.0/lists/call-lists", DropResponse: true, Count: 1}
	// The other list, as a cut-off apply would have left it: same name, same mapping.
	other := testAccClient(t, m)
	in := expandCallingList(callingListModelOf(t, jungleList))
	in.ListName = "Left by a cut-off apply"
	made, err := other.CreateCallingList(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	cutOff := jungleList
	cutOff.name = in.ListName
	importID := strconv.FormatInt(made.ListID, 10)
	testAccSteps(t, testAccCheckCallingListDestroy(t, m), []resource.TestStep{
		{
			PreConfig: func() { testAccSetFaults(t, m, post) },
			Config:    jungleList.hcl(m),
			Check: func(*terraform.State) error {
				if n := m.Requests().ByRoute["POST "+mockcxone.AdminBase+"/lists/call-lists"]; n != 2 {
					return fmt.Errorf("the create was sent %d times, want 2 (one by the set-up, one by the apply)", n)
				}
				return testAccCheckCallingLists(m, jungleList.name, cutOff.name)(nil)
			},
			ConfigPlanChecks: emptyReplan,
		},
		{
			Config: cutOff.hcl(m),
			ExpectError: regexp.MustCompile(`(?s)` + expectErrorText("Unable to Create Calling List",
				fmt.Sprintf(`calling list named %q (ID %s)`, cutOff.name, importID),
				"terraform import cxone_calling_list.<name> "+importID).String()),
		},
		{
			Config:           cutOff.hcl(m) + fmt.Sprintf("\nimport {\n  to = cxone_calling_list.test\n  id = %q\n}\n", importID),
			ConfigPlanChecks: planAction(callingListAddr, plancheck.ResourceActionNoop),
			ConfigStateChecks: []statecheck.StateCheck{
				stateIs(callingListAddr, "id", knownvalue.StringExact(importID)),
			},
			Check: testAccCheckCallingLists(m, cutOff.name),
		},
	})
}

func TestAccCallingList_query(t *testing.T) {
	m := testAccStart(t)
	c := testAccClient(t, m)
	var ids []int64
	for _, cfg := range []callingListConfig{jungleList, {name: "Council Rock", externalID: "id", mappings: [][2]string{{"PhoneNumber", "phone"}}}} {
		l, err := c.CreateCallingList(t.Context(), expandCallingList(callingListModelOf(t, cfg)))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, l.ListID)
	}
	jungle := map[string]knownvalue.Check{"list_id": knownvalue.Int64Exact(ids[0])}
	testAccQuery(t, m, resource.TestStep{
		Query: true,
		Config: testAccListConfig("cxone_calling_list", "") +
			strings.Replace(testAccListConfig("cxone_calling_list", "  config {\n    name_contains = \"COUNCIL\"\n  }\n"), `"all"`, `"council"`, 1),
		QueryResultChecks: []querycheck.QueryResultCheck{
			querycheck.ExpectLength("cxone_calling_list.all", 2),
			querycheck.ExpectIdentity("cxone_calling_list.all", jungle),
			querycheck.ExpectResourceDisplayName("cxone_calling_list.all", queryfilter.ByResourceIdentity(jungle), knownvalue.StringExact(jungleList.name)),
			querycheck.ExpectResourceKnownValues("cxone_calling_list.all", queryfilter.ByResourceIdentity(jungle), []querycheck.KnownValueCheck{
				{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(strconv.FormatInt(ids[0], 10))},
				{Path: tfjsonpath.New("external_id_column"), KnownValue: knownvalue.StringExact("member")},
				{Path: tfjsonpath.New("first_name_column"), KnownValue: knownvalue.StringExact("first")},
				{Path: tfjsonpath.New("destination_mappings").AtSliceIndex(0).AtMapKey("column"), KnownValue: knownvalue.StringExact("handle")},
			}),
			querycheck.ExpectLength("cxone_calling_list.council", 1),
			querycheck.ExpectIdentity("cxone_calling_list.council", map[string]knownvalue.Check{"list_id": knownvalue.Int64Exact(ids[1])}),
		},
	})
}

// TestCallingListColumns_coverTheClient: the column table names every field of
// cxone.CallingListColumns, in order, with the attribute spelt from its query parameter.
func TestCallingListColumns_coverTheClient(t *testing.T) {
	typ := reflect.TypeFor[cxone.CallingListColumns]()
	if typ.NumField() != len(callingListColumns) {
		t.Fatalf("%d columns in the client, %d in the table", typ.NumField(), len(callingListColumns))
	}
	fields := callingListAPIFields()
	for i, c := range callingListColumns {
		f := typ.Field(i)
		param, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Name != c.field || fields[param] != c.attr || c.attr != camelToSnake(param) {
			t.Errorf("table row %d is %+v; the client's field is %s (%s)", i, c, f.Name, param)
		}
		var m callingListModel
		*m.columnOf(c) = types.StringValue(param)
		if got := expandCallingList(m); reflect.ValueOf(got.Columns).Field(i).String() != param {
			t.Errorf("%s does not reach %s", c.attr, f.Name)
		}
	}
}

// camelToSnake spells a query parameter as an attribute name: callerIdColumn, caller_id_column.
func camelToSnake(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte('_')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// callingListModelOf is the model of cfg, for creating a list outside Terraform.
func callingListModelOf(t *testing.T, cfg callingListConfig) callingListModel {
	t.Helper()
	m := callingListModel{Name: types.StringValue(cfg.name), ExternalIDColumn: types.StringValue(cfg.externalID)}
	for _, d := range cfg.mappings {
		m.DestinationMappings = append(m.DestinationMappings, callingListDestinationModel{FieldName: types.StringValue(d[0]), Column: types.StringValue(d[1])})
	}
	if cfg.extra == jungleList.extra {
		m.FirstNameColumn = types.StringValue("first")
	} else if cfg.extra != "" {
		t.Fatalf("callingListModelOf reads no extra %q", cfg.extra)
	}
	return m
}

// testAccUploadRecords uploads two records to the list named name and waits for the job.
func testAccUploadRecords(t *testing.T, m *mockcxone.Server, name string) {
	t.Helper()
	c := testAccClient(t, m)
	l := testAccFind(t, m, (*cxone.Client).FindCallingListByName, name)
	if _, err := c.UploadCallingList(t.Context(), l.ListID, cxone.CallingListUpload{
		Content: []byte("member,first,handle\nm1,Mowgli,@mowgli\nm2,Baloo,@baloo\n"), ExpirationDate: "2030-01-01",
	}); err != nil {
		t.Fatal(err)
	}
	m.CompleteUploadsForTest()
	l, err := c.GetCallingList(t.Context(), l.ListID)
	if err != nil || l.TotalRecords != 2 {
		t.Fatalf("after the upload: %+v %v", l, err)
	}
}

// testAccDeleteCallingList deletes the list named name outside Terraform.
func testAccDeleteCallingList(t *testing.T, m *mockcxone.Server, name string) {
	t.Helper()
	l := testAccFind(t, m, (*cxone.Client).FindCallingListByName, name)
	if err := testAccClient(t, m).DeleteCallingList(t.Context(), l.ListID, cxone.CallingListDeleteOptions{}); err != nil {
		t.Fatal(err)
	}
}

// testAccCheckCallingLists checks that the mock holds exactly the lists named names.
func testAccCheckCallingLists(m *mockcxone.Server, names ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		var got []string
		for _, l := range m.State().CallingLists {
			got = append(got, l.ListName)
		}
		if !sameStrings(got, names) {
			return fmt.Errorf("the mock holds the calling lists %q, want %q", got, names)
		}
		return nil
	}
}

// sameStrings reports whether a and b hold the same strings, in any order.
func sameStrings(a, b []string) bool {
	count := map[string]int{}
	for _, s := range a {
		count[s]++
	}
	for _, s := range b {
		count[s]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return len(a) == len(b)
}

// testAccCheckCallingListDestroy checks that every list the test managed is deleted.
func testAccCheckCallingListDestroy(t *testing.T, m *mockcxone.Server) resource.TestCheckFunc {
	return testAccCheckDestroyed(t, m, "cxone_calling_list", func(ctx context.Context, c *cxone.Client, rs *terraform.ResourceState) (string, error) {
		id, err := parseNumericID(rs.Primary.ID, "list ID")
		if err != nil {
			return "", err
		}
		l, err := c.GetCallingList(ctx, id)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("calling list %d (%q) is still there after destroy", id, l.ListName), nil
	})
}

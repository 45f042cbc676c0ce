package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// lookUpStep is one data block of a look-up data source (its body, in HCL) and the
// parts of the error it must end in.
type lookUpStep struct {
	body string
	want []string
}

// testAccLookUpSteps runs steps, each a data block of typ named "test".
func testAccLookUpSteps(t *testing.T, m *mockcxone.Server, typ string, planOnly bool, steps []lookUpStep) {
	t.Helper()
	var ts []resource.TestStep
	for _, s := range steps {
		ts = append(ts, resource.TestStep{
			Config:   testAccProviderConfig(m) + fmt.Sprintf("data %q \"test\" {\n%s\n}\n", typ, s.body),
			PlanOnly: planOnly, ExpectError: expectErrorText(s.want...),
		})
	}
	testAccSteps(t, nil, ts)
}

// TestAccLookUps_invalid: every look-up refuses a configuration that sets none or
// several of its keys, or a bad value, at plan time and without asking CXone.
func TestAccLookUps_invalid(t *testing.T) {
	badID := lookUpStep{`id = "digital"`, []string{"must be a positive whole number"}}
	for typ, steps := range map[string][]lookUpStep{
		"cxone_team": {{"", []string{"Missing Attribute Configuration", "id", "name"}}, badID,
			{"id = \"301\"\nname = \"Jungle Digital\"", []string{"Invalid Attribute Combination"}}},
		"cxone_security_profile": {{"", []string{"Missing Attribute Configuration", "id", "name"}}, badID,
			{"id = \"5\"\nname = \"Agent\"", []string{"Invalid Attribute Combination"}}},
		"cxone_digital_skill": {{"", []string{"Missing Attribute Configuration"}}, badID,
			{"id = \"4000001\"\nname = \"The Watering Hole\"", []string{"Invalid Attribute Combination"}}},
		"cxone_routing_queue": {{"", []string{"Missing Attribute Configuration"}},
			{"name = \"The Watering Hole\"\nskill_id = 4000001", []string{"Invalid Attribute Combination"}},
			{"skill_id = 0", []string{"skill_id value must be at least 1, got: 0"}}},
		"cxone_user": {
			{"", []string{"Missing Attribute Configuration", "Exactly one of these attributes must be configured", "agent_id", "user_name", "email_address"}},
			{"agent_id = 1001\nuser_name = \"mowgli\"", []string{"Invalid Attribute Combination", "agent_id", "user_name"}},
			{`user_name = ""`, []string{"user_name", "at least 1"}},
			{"agent_id = 0", []string{"agent_id", "at least 1, got: 0"}}},
		"cxone_byoc_integration": {{"", []string{"Missing Attribute Configuration", "id", "name"}}},
	} {
		t.Run(typ, func(t *testing.T) {
			m := testAccStart(t)
			testAccLookUpSteps(t, m, typ, true, steps)
			if n := m.Requests().Total; n != 0 {
				t.Errorf("plan-time validation made %d API requests, want 0: %v", n, m.Requests().ByRoute)
			}
		})
	}
}

// TestAccLookUps_notFound: what a look-up says when nothing matches, by ID and by
// name; the API's search matches parts of names, the look-up wants the whole name.
func TestAccLookUps_notFound(t *testing.T) {
	for typ, steps := range map[string][]lookUpStep{
		"cxone_team": {
			{`id = "999"`, []string{"Team Not Found", "CXone has no team with ID 999"}},
			{`name = "Jungle"`, []string{"Team Not Found", `CXone has no team named "Jungle"`}},
			{`name = "jungle digital"`, []string{"Team Not Found", "Names match exactly, including case"}}},
		"cxone_security_profile": {
			{`id = "999"`, []string{"Security Profile Not Found", "CXone has no security profile with ID 999"}},
			{`name = "agent"`, []string{"Security Profile Not Found", `CXone has no security profile named "agent"`, "including case"}}},
		"cxone_byoc_integration": {
			{`name = "Nobody's Hole"`, []string{`CXone has no BYOC integration named "Nobody's Hole"`}},
			{`id = "00000000-0000-4000-8000-000000000000"`,
				[]string{`CXone has no BYOC integration with ID "00000000-0000-4000-8000-000000000000"`}}},
		"cxone_user": {
			{"agent_id = 999999", []string{"User Not Found", "no user with agent_id 999999"}},
			{`user_name = "mowg"`, []string{"User Not Found", `no user with user_name "mowg"`}},
			{`email_address = "mowgli@elsewhere.example"`, []string{"User Not Found", `no user with email_address "mowgli@elsewhere.example"`}}},
	} {
		t.Run(typ, func(t *testing.T) {
			testAccLookUpSteps(t, testAccStart(t), typ, false, steps)
		})
	}
}

// TestAccLookUps_teamAndSecurityProfile finds each by name and by ID, and lists
// the IDs of a name that two share.
func TestAccLookUps_teamAndSecurityProfile(t *testing.T) {
	for _, tc := range []struct {
		typ, byName, byID string
		found             map[string]knownvalue.Check // "by_name.attr" or "by_id.attr"
		twin              func(*mockcxone.Server) (name string, id int64, err error)
		ambiguous         string // the error's detail, %d the twin's ID
	}{
		{
			typ: "cxone_team", byName: "Jungle Digital", byID: "302",
			found: map[string]knownvalue.Check{
				"by_name.id": knownvalue.StringExact("301"), "by_name.team_id": knownvalue.Int64Exact(301),
				"by_name.is_active":   knownvalue.Bool(true),
				"by_name.description": knownvalue.StringExact("Agents of the digital channels"),
				"by_id.name":          knownvalue.StringExact("Jungle Voice"), "by_id.team_id": knownvalue.Int64Exact(302),
			},
			twin: func(m *mockcxone.Server) (string, int64, error) {
				twin, err := m.AddTeamForTest(mockcxone.Team{TeamName: "Jungle Digital", IsActive: true})
				return twin.TeamName, twin.TeamID, err
			},
			ambiguous: `CXone has 2 teams named "Jungle Digital" (IDs 301, %d)`,
		},
		{
			typ: "cxone_security_profile", byName: "Agent", byID: "7",
			found: map[string]knownvalue.Check{
				"by_name.id": knownvalue.StringExact("5"), "by_name.security_profile_id": knownvalue.Int64Exact(5),
				"by_name.description": knownvalue.StringExact("Handles contacts"),
				"by_id.name":          knownvalue.StringExact("Administrator"), "by_id.security_profile_id": knownvalue.Int64Exact(7),
			},
			twin: func(m *mockcxone.Server) (string, int64, error) {
				twin, err := m.AddSecurityProfileForTest(mockcxone.SecurityProfile{SecurityProfileName: "Supervisor"})
				return twin.SecurityProfileName, twin.SecurityProfileID, err
			},
			ambiguous: `CXone has 2 security profiles named "Supervisor" (IDs 6, %d)`,
		},
	} {
		t.Run(tc.typ, func(t *testing.T) {
			testAccPreCheck(t)
			m, twinned := testAccMock(t), testAccMock(t)
			var checks []statecheck.StateCheck
			for key, check := range tc.found {
				block, attr, _ := strings.Cut(key, ".")
				checks = append(checks, stateIs("data."+tc.typ+"."+block, attr, check))
			}
			name, twinID, err := tc.twin(twinned)
			if err != nil {
				t.Fatal(err)
			}
			testAccSteps(t, nil, []resource.TestStep{
				{
					Config: testAccProviderConfig(m) + fmt.Sprintf("data %[1]q \"by_name\" {\n  name = %[2]q\n}\n\n"+
						"data %[1]q \"by_id\" {\n  id = %[3]q\n}\n", tc.typ, tc.byName, tc.byID),
					ConfigStateChecks: checks,
				},
				{
					Config:      testAccProviderConfig(twinned) + fmt.Sprintf("data %q \"test\" {\n  name = %q\n}\n", tc.typ, name),
					ExpectError: expectErrorText("More Than One", fmt.Sprintf(tc.ambiguous, twinID), "by id instead"),
				},
			})
		})
	}
}

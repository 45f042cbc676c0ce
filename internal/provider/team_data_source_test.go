package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func TestAccTeamDataSource_found(t *testing.T) {
	testAccPreCheck(t)
	m := testAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: testAccProviderConfig(m) + `
data "cxone_team" "by_name" {
  name = "Jungle Digital"
}

data "cxone_team" "by_id" {
  id = "302"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				stateIs("data.cxone_team.by_name", "id", knownvalue.StringExact("301")),
				stateIs("data.cxone_team.by_name", "team_id", knownvalue.Int64Exact(301)),
				stateIs("data.cxone_team.by_name", "is_active", knownvalue.Bool(true)),
				stateIs("data.cxone_team.by_name", "description", knownvalue.StringExact("Agents of the digital channels")),
				stateIs("data.cxone_team.by_id", "name", knownvalue.StringExact("Jungle Voice")),
				stateIs("data.cxone_team.by_id", "team_id", knownvalue.Int64Exact(302)),
			},
		}},
	})
}

func TestAccTeamDataSource_notFound(t *testing.T) {
	testAccPreCheck(t)
	m := testAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      testAccProviderConfig(m) + "data \"cxone_team\" \"test\" {\n  id = \"999\"\n}\n",
				ExpectError: errorRE("Team Not Found", "CXone has no team with ID 999"),
			},
			{
				// The API's search matches parts of names; the data source wants the whole name.
				Config:      testAccProviderConfig(m) + "data \"cxone_team\" \"test\" {\n  name = \"Jungle\"\n}\n",
				ExpectError: errorRE("Team Not Found", `CXone has no team named "Jungle"`),
			},
			{
				Config:      testAccProviderConfig(m) + "data \"cxone_team\" \"test\" {\n  name = \"jungle digital\"\n}\n",
				ExpectError: errorRE("Team Not Found", "Names match exactly, including case"),
			},
		},
	})
}

func TestAccTeamDataSource_ambiguous(t *testing.T) {
	testAccPreCheck(t)
	m := testAccMock(t)
	twin, err := m.AddTeamForTest(mockcxone.Team{TeamName: "Jungle Digital", IsActive: true})
	if err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: testAccProviderConfig(m) + "data \"cxone_team\" \"test\" {\n  name = \"Jungle Digital\"\n}\n",
			ExpectError: errorRE("More Than One Team Found",
				fmt.Sprintf(`CXone has 2 teams named "Jungle Digital" (IDs 301, %d)`, twin.TeamID), "by id instead"),
		}},
	})
}

func TestAccTeamDataSource_validation(t *testing.T) {
	testAccPreCheck(t)
	m := testAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      testAccProviderConfig(m) + "data \"cxone_team\" \"test\" {}\n",
				PlanOnly:    true,
				ExpectError: errorRE("Missing Attribute Configuration", "id", "name"),
			},
			{
				Config:      testAccProviderConfig(m) + "data \"cxone_team\" \"test\" {\n  id = \"digital\"\n}\n",
				PlanOnly:    true,
				ExpectError: errorRE("must be a positive whole number"),
			},
			{
				Config:      testAccProviderConfig(m) + "data \"cxone_team\" \"test\" {\n  id   = \"301\"\n  name = \"Jungle Digital\"\n}\n",
				PlanOnly:    true,
				ExpectError: errorRE("Invalid Attribute Combination"),
			},
		},
	})
	if n := requestsBeyondSettingsCheck(m); n != 0 {
		t.Errorf("plan-time validation made %d API requests, want 0: %v", n, m.Requests().ByRoute)
	}
}

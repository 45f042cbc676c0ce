package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestAccUserDataSource_found looks users up by each key, with names and
// addresses in another case than CXone's, and finds an inactive user too.
func TestAccUserDataSource_found(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, nil, []resource.TestStep{{
		Config: testAccProviderConfig(m) + `
data "cxone_user" "by_id" {
  agent_id = 1003
}

data "cxone_user" "by_name" {
  user_name = "Baloo"
}

data "cxone_user" "by_email" {
  email_address = "KAA@thejungle.example"
}

data "cxone_user" "inactive" {
  user_name = "raksha"
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			stateIs("data.cxone_user.by_id", "id", knownvalue.StringExact("1003")),
			stateIs("data.cxone_user.by_id", "agent_id", knownvalue.Int64Exact(1003)),
			stateIs("data.cxone_user.by_id", "user_name", knownvalue.StringExact("bagheera")),
			stateIs("data.cxone_user.by_id", "first_name", knownvalue.StringExact("Bagheera")),
			stateIs("data.cxone_user.by_id", "last_name", knownvalue.StringExact("Panther")),
			stateIs("data.cxone_user.by_id", "email_address", knownvalue.StringExact("bagheera@thejungle.example")),
			stateIs("data.cxone_user.by_id", "user_id", knownvalue.StringRegexp(uuidRE)),
			stateIs("data.cxone_user.by_id", "is_active", knownvalue.Bool(true)),
			stateIs("data.cxone_user.by_id", "team_id", knownvalue.Int64Exact(301)),
			stateIs("data.cxone_user.by_id", "profile_id", knownvalue.Int64Exact(5)),
			stateIs("data.cxone_user.by_id", "digital_engagement_enabled", knownvalue.Bool(false)),

			// CXone's spelling is what the data source gives back.
			stateIs("data.cxone_user.by_name", "agent_id", knownvalue.Int64Exact(balooAgentID)),
			stateIs("data.cxone_user.by_name", "user_name", knownvalue.StringExact("baloo")),
			stateIs("data.cxone_user.by_email", "agent_id", knownvalue.Int64Exact(1004)),
			stateIs("data.cxone_user.by_email", "email_address", knownvalue.StringExact("kaa@thejungle.example")),
			stateIs("data.cxone_user.inactive", "agent_id", knownvalue.Int64Exact(rakshaAgentID)),
			stateIs("data.cxone_user.inactive", "is_active", knownvalue.Bool(false)),
		},
	}})
}

// TestAccUserDataSource_withPermissions feeds a looked-up user to the permissions
// resource, as the example configuration does.
func TestAccUserDataSource_withPermissions(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckDigitalEngagementOff(t, m, mowgliAgentID), []resource.TestStep{{
		Config: testAccProviderConfig(m) + `
data "cxone_user" "mowgli" {
  user_name = "mowgli"
}

resource "cxone_digital_user_permissions" "test" {
  agent_id = data.cxone_user.mowgli.agent_id
}
`,
		ConfigStateChecks: expectValues(userPermissionsAddr, map[string]knownvalue.Check{
			"agent_id":      knownvalue.Int64Exact(mowgliAgentID),
			"email_address": knownvalue.StringExact("mowgli@thejungle.example"),
		}),
	}})
}

func TestAccUserDataSource_ambiguous(t *testing.T) {
	m := testAccStart(t)
	// CXone does not keep e-mail addresses unique; the API cannot make such a user, the mock can.
	twin, err := m.AddAgentForTest(mockcxone.Agent{UserName: "mowgli.twin", FirstName: "Mowgli", LastName: "Twin",
		EmailAddress: "Mowgli@TheJungle.example", IsActive: true, TeamID: 301, ProfileID: 5})
	if err != nil {
		t.Fatal(err)
	}
	testAccSteps(t, nil, []resource.TestStep{{
		Config: testAccLookUpConfig(m, "cxone_user", "email_address", "mowgli@thejungle.example"),
		ExpectError: expectErrorText("More Than One User Found",
			fmt.Sprintf(`CXone has 2 users with email_address "mowgli@thejungle.example" (IDs 1001, %d)`, twin.AgentID),
			"by agent_id instead"),
	}})
}

package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func TestAccSecurityProfileDataSource_found(t *testing.T) {
	testAccPreCheck(t)
	m := testAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: testAccProviderConfig(m) + `
data "cxone_security_profile" "by_name" {
  name = "Agent"
}

data "cxone_security_profile" "by_id" {
  id = "7"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				stateIs("data.cxone_security_profile.by_name", "id", knownvalue.StringExact("5")),
				stateIs("data.cxone_security_profile.by_name", "security_profile_id", knownvalue.Int64Exact(5)),
				stateIs("data.cxone_security_profile.by_name", "description", knownvalue.StringExact("Handles contacts")),
				stateIs("data.cxone_security_profile.by_id", "name", knownvalue.StringExact("Administrator")),
				stateIs("data.cxone_security_profile.by_id", "security_profile_id", knownvalue.Int64Exact(7)),
			},
		}},
	})
}

func TestAccSecurityProfileDataSource_notFound(t *testing.T) {
	testAccPreCheck(t)
	m := testAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      testAccProviderConfig(m) + "data \"cxone_security_profile\" \"test\" {\n  id = \"999\"\n}\n",
				ExpectError: errorRE("Security Profile Not Found", "CXone has no security profile with ID 999"),
			},
			{
				Config:      testAccProviderConfig(m) + "data \"cxone_security_profile\" \"test\" {\n  name = \"agent\"\n}\n",
				ExpectError: errorRE("Security Profile Not Found", `CXone has no security profile named "agent"`, "including case"),
			},
		},
	})
}

func TestAccSecurityProfileDataSource_ambiguous(t *testing.T) {
	testAccPreCheck(t)
	m := testAccMock(t)
	twin, err := m.AddSecurityProfileForTest(mockcxone.SecurityProfile{SecurityProfileName: "Supervisor"})
	if err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: testAccProviderConfig(m) + "data \"cxone_security_profile\" \"test\" {\n  name = \"Supervisor\"\n}\n",
			ExpectError: errorRE("More Than One Security Profile Found",
				fmt.Sprintf(`CXone has 2 security profiles named "Supervisor" (IDs 6, %d)`, twin.SecurityProfileID), "by id instead"),
		}},
	})
}

func TestAccSecurityProfileDataSource_validation(t *testing.T) {
	testAccPreCheck(t)
	m := testAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      testAccProviderConfig(m) + "data \"cxone_security_profile\" \"test\" {}\n",
				PlanOnly:    true,
				ExpectError: errorRE("Missing Attribute Configuration", "id", "name"),
			},
			{
				Config:      testAccProviderConfig(m) + "data \"cxone_security_profile\" \"test\" {\n  id = \"agent\"\n}\n",
				PlanOnly:    true,
				ExpectError: errorRE("must be a positive whole number"),
			},
			{
				Config:      testAccProviderConfig(m) + "data \"cxone_security_profile\" \"test\" {\n  id   = \"5\"\n  name = \"Agent\"\n}\n",
				PlanOnly:    true,
				ExpectError: errorRE("Invalid Attribute Combination"),
			},
		},
	})
	if n := requestsBeyondSettingsCheck(m); n != 0 {
		t.Errorf("plan-time validation made %d API requests, want 0: %v", n, m.Requests().ByRoute)
	}
}

package provider

import (
	"strconv"
	"strings"
	"testing"
)

// testAccImportMissingConfig imports, for every resource type, a well-formed ID that
// names nothing in the mock.
const testAccImportMissingConfig = testAccCLIRequiredProviders + `
provider "cxone" {}

import {
  to = cxone_digital_skill.missing
  id = "4999999"
}

resource "cxone_digital_skill" "missing" {
  name = "Missing skill"
}

import {
  to = cxone_user.missing
  id = "999999"
}

resource "cxone_user" "missing" {
  user_name           = "missing"
  first_name          = "Missing"
  last_name           = "User"
  email_address       = "missing@thejungle.example"
  team_id             = 1
  security_profile_id = 1
  time_zone           = "UTC"
  country             = "IN"
  city                = "Seoni"
}

import {
  to = cxone_user.inactive
  id = "1009"
}

resource "cxone_user" "inactive" {
  user_name           = "raksha"
  first_name          = "Raksha"
  last_name           = "Wolf"
  email_address       = "raksha@thejungle.example"
  team_id             = 1
  security_profile_id = 1
  time_zone           = "UTC"
  country             = "IN"
  city                = "Seoni"
}

import {
  to = cxone_digital_user_permissions.missing
  id = "999999"
}

resource "cxone_digital_user_permissions" "missing" {
  agent_id = 999999
}

import {
  to = cxone_skill_assignment.missing
  id = "1001/4999999"
}

resource "cxone_skill_assignment" "missing" {
  agent_id = 1001
  skill_id = 4999999
}

import {
  to = cxone_byoc_integration.missing
  id = "00000000-0000-4000-8000-000000000001"
}

resource "cxone_byoc_integration" "missing" {
  name                = "Missing"
  integration_box_url = "https://middleware.thejungle.example/missing"
  authorization_url   = "https://middleware.thejungle.example/oauth/token"
  client_id           = "missing"
}

import {
  to = cxone_digital_channel.missing
  id = "00000000-0000-4000-8000-000000000002"
}

resource "cxone_digital_channel" "missing" {
  integration_id = "00000000-0000-4000-8000-000000000001"
  external_id    = "missing"
  name           = "Missing"
}

import {
  to = cxone_routing_queue_binding.missing
  id = "999/00000000-0000-4000-8000-000000000002"
}

resource "cxone_routing_queue_binding" "missing" {
  routing_queue_id = "999"
  channel_id       = "00000000-0000-4000-8000-000000000002"
}
`

// TestAccImport_missingObject: importing a well-formed ID that names no object fails with
// one error per import, "Unable to Import <Type>", that names the type and the ID, rather
// than Terraform's generic "Cannot import non-existent remote object"; so does importing
// an inactive user, which a refresh would take for deleted.
func TestAccImport_missingObject(t *testing.T) {
	tf := newTFCLI(t, testAccParallelStart(t))
	tf.write("main.tf", testAccImportMissingConfig)
	stdout, stderr, code := tf.run("plan", "-no-color")
	if code == 0 {
		t.Fatalf("the plan succeeded:\n%s", stdout)
	}
	for _, want := range []string{
		"Unable to Import Digital Skill|digital skill with ID 4999999",
		"Unable to Import User|user with ID 999999|2",
		"Unable to Import Digital User Permissions|digital user permissions with ID 999999",
		"Unable to Import Skill Assignment|skill assignment with ID 1001/4999999",
		"Unable to Import BYOC Integration|BYOC integration with ID 00000000-0000-4000-8000-000000000001",
		"Unable to Import Digital Channel|digital channel with ID 00000000-0000-4000-8000-000000000002",
		"Unable to Import Routing Queue Binding|routing queue binding with ID 999/00000000-0000-4000-8000-000000000002",
	} {
		parts := strings.Split(want, "|")
		summary, detail, count := parts[0], parts[1], "1"
		if len(parts) > 2 {
			count = parts[2]
		}
		if n := strings.Count(stderr, "Error: "+summary+"\n"); strconv.Itoa(n) != count {
			t.Errorf("%d errors %q, want %s", n, summary, count)
		}
		if !strings.Contains(strings.Join(strings.Fields(stderr), " "), "There is no "+detail+" in CXone") {
			t.Errorf("no error says there is no %s", detail)
		}
	}
	// An inactive user is kept by CXone, so it is not missing: the import says so.
	if !strings.Contains(strings.Join(strings.Fields(stderr), " "), `User with agent ID 1009 is inactive`) {
		t.Error("no error says that user 1009 is inactive")
	}
	if n := strings.Count(stderr, "Error: "); n != 8 {
		t.Errorf("%d errors, want 8", n)
	}
	if strings.Contains(stderr, "non-existent remote object") {
		t.Error("Terraform's generic error shows")
	}
	if t.Failed() {
		t.Logf("stderr:\n%s", stderr)
	}
}

// TestAccImport_markLastsOneRead: the mark an import leaves is for the Read that follows
// it only. A skill imported, then deactivated outside Terraform, is gone for the next
// plan (planned for creation, which reactivates it), not an import error.
func TestAccImport_markLastsOneRead(t *testing.T) {
	m := testAccParallelStart(t)
	skill, err := testAccClient(t, m).CreateSkill(t.Context(), testAccSkillInput("Imported then retired", true))
	if err != nil {
		t.Fatal(err)
	}
	tf := newTFCLI(t, m)
	tf.write("main.tf", testAccCLIRequiredProviders+`
resource "cxone_digital_skill" "test" {
  name = "Imported then retired"
}
`)
	tf.mustRun("import", "-no-color", "cxone_digital_skill.test", strconv.FormatInt(skill.SkillID, 10))
	testAccDeactivateSkill(t, m, "Imported then retired")
	stdout, stderr, code := tf.run("plan", "-no-color", "-detailed-exitcode")
	if code != 2 || !strings.Contains(stdout, "cxone_digital_skill.test will be created") {
		t.Errorf("plan exited %d, want 2 with the skill planned for creation:\n%s\n%s", code, stdout, stderr)
	}
}

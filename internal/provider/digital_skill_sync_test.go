package provider

import (
	"context"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// A sync that takes several polls still ends with a known routing_queue_id.
func TestAccDigitalSkill_slowSync(t *testing.T) {
	m := testAccStart(t, func(o *mockcxone.Options) { o.SyncDelay = 1500 * time.Millisecond })
	testAccSteps(t, testAccCheckDigitalSkillDestroy(t, m), []resource.TestStep{{
		Config: testAccDigitalSkillConfig_basic(m, "Slow Hole"),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(testAccSkillAddr, tfjsonpath.New("routing_queue_id"), knownvalue.StringRegexp(numericRE)),
		},
		Check: testAccCheckSkillQueue(t, m, "Slow Hole"),
	}})
	if n := m.Requests().ByRoute["GET "+mockcxone.AdminBase+"/skills/{skillId}"]; n < 2 || n > 10 {
		t.Errorf("waiting for a 1.5s sync read the skill %d times, want a few", n)
	}
}

// A sync that never comes ends the wait at timeouts.create; the skill stays in state,
// tainted, so it is neither lost nor created twice.
func TestAccDigitalSkill_neverSyncs(t *testing.T) {
	m := testAccStart(t, func(o *mockcxone.Options) { o.SyncDelay = time.Hour })
	const name = "Dry Hole"
	testAccSteps(t, testAccCheckDigitalSkillDestroy(t, m), []resource.TestStep{
		{
			Config: testAccDigitalSkillConfig_timeout(m, name, "2s"),
			ExpectError: regexp.MustCompile(`(?s)Unable to Create Digital Skill.*` +
				expectErrorText(`Digital skill "Dry Hole" (ID`).String() + `.*` +
				expectErrorText(`within the create timeout of 2s`).String() + `.*` +
				expectErrorText(`marked tainted`).String()),
		},
		{
			PreConfig: func() {
				skills, err := testAccClient(t, m).ListSkills(context.Background(), cxone.SkillListOptions{SearchString: name})
				if err != nil {
					t.Fatal(err)
				}
				if len(skills) != 1 || !skills[0].IsActive || skills[0].RoutingQueueID != "" {
					t.Fatalf("after the timed-out create CXone has %+v, want one active, unsynced skill", skills)
				}
			},
			Config:             testAccDigitalSkillConfig_timeout(m, name, "2s"),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccSkillAddr, plancheck.ResourceActionReplace),
				},
			},
		},
	})
}

// Creating a skill whose name belongs to an inactive skill reactivates and adopts it.
func TestAccDigitalSkill_reactivatesInactive(t *testing.T) {
	m := testAccStart(t)
	const name = "Old Hole"
	var oldID string
	testAccSteps(t, testAccCheckDigitalSkillDestroy(t, m), []resource.TestStep{{
		PreConfig: func() {
			sk := strconv.FormatInt(testAccCreateSkill(t, m, name), 10)
			testAccDeactivateSkill(t, m, name)
			oldID = sk
		},
		Config: testAccDigitalSkillConfig_full(m, name, "reactivated", 7, 3, 700, 10, 60),
		ConfigStateChecks: expectValues(testAccSkillAddr, map[string]knownvalue.Check{
			"notes":            knownvalue.StringExact("reactivated"),
			"max_priority":     knownvalue.Int64Exact(700),
			"routing_queue_id": knownvalue.StringRegexp(numericRE),
		}),
		Check: resource.ComposeTestCheckFunc(
			func(s *terraform.State) error {
				return resource.TestCheckResourceAttr(testAccSkillAddr, "id", oldID)(s)
			},
			testAccCheckSkillQueue(t, m, name),
			func(*terraform.State) error {
				if n := len(m.State().Skills); n != 1 {
					t.Errorf("CXone has %d skills, want the one reactivated", n)
				}
				return nil
			},
		),
	}})
}

// Creating a skill whose name belongs to an active skill fails and shows how to import it.
func TestAccDigitalSkill_activeConflict(t *testing.T) {
	m := testAccStart(t)
	const name = "Taken Hole"
	testAccSteps(t, testAccCheckDigitalSkillDestroy(t, m), []resource.TestStep{{
		PreConfig: func() { testAccCreateSkill(t, m, name) },
		Config:    testAccDigitalSkillConfig_basic(m, name),
		ExpectError: regexp.MustCompile(`(?s)` + expectErrorText(`already has an active digital skill named "Taken Hole"`).String() +
			`.*terraform import cxone_digital_skill\.<name> [0-9]+` +
			`.*import \{[\s│]+to = cxone_digital_skill\.<name>[\s│]+id = "[0-9]+"`),
	}})
	sks := m.State().Skills
	if len(sks) != 1 || !sks[0].IsActive {
		t.Errorf("CXone has %+v, want the one active skill untouched", sks)
	}
}

// testAccCreateSkill creates a digital skill outside Terraform and returns its ID.

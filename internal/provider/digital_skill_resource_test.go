package provider

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

const testAccSkillAddr = "cxone_digital_skill.test"

var numericRE = regexp.MustCompile(`^[1-9][0-9]*$`)

func TestAccDigitalSkill_basic(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckDigitalSkillDestroy(t, m), []resource.TestStep{{
		Config: testAccDigitalSkillConfig_basic(m, "The Watering Hole"),
		ConfigStateChecks: expectValues(testAccSkillAddr, map[string]knownvalue.Check{
			"id":                      knownvalue.StringRegexp(numericRE),
			"name":                    knownvalue.StringExact("The Watering Hole"),
			"notes":                   knownvalue.StringExact(""),
			"initial_priority":        knownvalue.Int64Exact(0),
			"acceleration":            knownvalue.Int64Exact(1),
			"max_priority":            knownvalue.Int64Exact(1000),
			"service_level_threshold": knownvalue.Int64Exact(30),
			"service_level_goal":      knownvalue.Int64Exact(80),
			"media_type_id":           knownvalue.Int64Exact(9),
			// Known right after apply: create waited for the sync.
			"routing_queue_id": knownvalue.StringRegexp(numericRE),
		}),
		Check:            testAccCheckSkillQueue(t, m, "The Watering Hole"),
		ConfigPlanChecks: planAction(testAccSkillAddr, plancheck.ResourceActionCreate),
	}})
}

func TestAccDigitalSkill_update(t *testing.T) {
	m := testAccStart(t)
	sameID := sameValue(testAccSkillAddr, "id")
	sameQueue := sameValue(testAccSkillAddr, "routing_queue_id")
	testAccSteps(t, testAccCheckDigitalSkillDestroy(t, m), []resource.TestStep{
		{
			Config: testAccDigitalSkillConfig_full(m, "Watering Hole", "first", 1, 2, 500, 20, 90),
			ConfigStateChecks: expectValues(testAccSkillAddr, map[string]knownvalue.Check{
				"notes":        knownvalue.StringExact("first"),
				"max_priority": knownvalue.Int64Exact(500),
			}, sameID(), sameQueue()),
		},
		{
			Config: testAccDigitalSkillConfig_full(m, "The Watering Hole", "second", 10, 0, 1000, 0, 100),
			// Bindings use the queue ID: an update must not make it unknown.
			ConfigPlanChecks: planAction(testAccSkillAddr, plancheck.ResourceActionUpdate,
				planIs(testAccSkillAddr, "routing_queue_id", knownvalue.StringRegexp(numericRE))),
			ConfigStateChecks: expectValues(testAccSkillAddr, map[string]knownvalue.Check{
				"name":                    knownvalue.StringExact("The Watering Hole"),
				"notes":                   knownvalue.StringExact("second"),
				"initial_priority":        knownvalue.Int64Exact(10),
				"acceleration":            knownvalue.Int64Exact(0),
				"max_priority":            knownvalue.Int64Exact(1000),
				"service_level_threshold": knownvalue.Int64Exact(0),
				"service_level_goal":      knownvalue.Int64Exact(100),
			}, sameID(), sameQueue()),
			// Renaming the skill renames its queue.
			Check: testAccCheckSkillQueue(t, m, "The Watering Hole"),
		},
		{
			// Back to the defaults when the optional values are removed.
			Config: testAccDigitalSkillConfig_basic(m, "The Watering Hole"),
			ConfigStateChecks: expectValues(testAccSkillAddr, map[string]knownvalue.Check{
				"notes":              knownvalue.StringExact(""),
				"acceleration":       knownvalue.Int64Exact(1),
				"service_level_goal": knownvalue.Int64Exact(80),
			}, sameID()),
		},
	})
}

func TestAccDigitalSkill_import(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckDigitalSkillDestroy(t, m), append([]resource.TestStep{{Config: testAccDigitalSkillConfig_full(m, "The Watering Hole", "imported", 3, 4, 600, 15, 75)}},
		testAccImportSteps(testAccSkillAddr, "the-watering-hole", "Expected a skill ID, a whole number such as 4000001", "4999999")...))
}

func TestAccDigitalSkill_disappears(t *testing.T) {
	m := testAccStart(t)
	sameID := sameValue(testAccSkillAddr, "id")
	config := testAccDigitalSkillConfig_basic(m, "The Watering Hole")
	// Deactivated outside Terraform: gone for Terraform, so planned for creation, which
	// reactivates the same skill.
	reactivate := testAccReactivateStep(t, testAccSkillAddr, config, sameID, func() error {
		testAccDeactivateSkill(t, m, "The Watering Hole")
		return nil
	})
	reactivate.Check = testAccCheckSkillQueue(t, m, "The Watering Hole")
	testAccSteps(t, testAccCheckDigitalSkillDestroy(t, m), []resource.TestStep{
		{Config: config, ConfigStateChecks: []statecheck.StateCheck{sameID()}},
		reactivate,
		// Gone from CXone altogether (404).
		testAccGoneStep(testAccSkillAddr, config, m.Reset),
	})
}

func TestAccDigitalSkill_validation(t *testing.T) {
	m := testAccStart(t)
	bad := func(attr, value, want string) resource.TestStep {
		return planError(testAccDigitalSkillConfig_attr(m, attr, value), want)
	}
	testAccPlanErrors(t, m, []resource.TestStep{
		bad("name", `""`, "string length must be between 1 and 200"),
		bad("name", `"   "`, "must not be empty or blank"),
		bad("name", fmt.Sprintf("%q", strings.Repeat("x", 201)), "string length must be between 1 and 200"),
		bad("initial_priority", "1001", "initial_priority value must be between 0 and 1000, got: 1001"),
		bad("acceleration", "-1", "acceleration value must be between 0 and 1000, got: -1"),
		bad("max_priority", "2000", "max_priority value must be between 0 and 1000, got: 2000"),
		bad("service_level_threshold", "-5", "service_level_threshold value must be at least 0, got: -5"),
		bad("service_level_goal", "101", "service_level_goal value must be between 0 and 100, got: 101"),
		{
			Config:      testAccDigitalSkillConfig_timeout(m, "x", "soon"),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?i)duration`),
		},
		planError(testAccDigitalSkillConfig_timeout(m, "x", "-5m"), `timeouts.create must be a positive duration such as "15m", got "-5m"`),
		planError(testAccDigitalSkillConfig_timeout(m, "x", "0s"), `timeouts.create must be a positive duration`),
	})
}

func TestAccDigitalSkill_apiError(t *testing.T) {
	m := testAccStart(t)
	testAccSetFaults(t, m, mockcxone.FaultRule{Method: "POST", Path: "/inContactAPI/services/v34.0/skills", Status: 422})
	testAccSteps(t, testAccCheckDigitalSkillDestroy(t, m), []resource.TestStep{{
		Config: testAccDigitalSkillConfig_basic(m, "The Watering Hole"),
		ExpectError: regexp.MustCompile(`(?s)Unable to Create Digital Skill.*` +
			expectErrorText(`digital skill "The Watering Hole"`).String() + `.*` +
			expectErrorText(`fault injected by the mock: 422`).String()),
	}})
	if n := len(m.State().Skills); n != 0 {
		t.Errorf("a failed create left %d skills", n)
	}
}

// testAccCheckDigitalSkillDestroy checks that every skill the test managed is
// inactive: destroy deactivates, since CXone cannot delete skills.
func testAccCheckDigitalSkillDestroy(t *testing.T, m *mockcxone.Server) resource.TestCheckFunc {
	return testAccCheckDeactivated(t, m, "cxone_digital_skill", "skill", (*cxone.Client).GetSkill,
		func(sk *cxone.Skill) (string, bool) { return sk.SkillName, sk.IsActive })
}

// testAccCheckSkillQueue checks through the API that the skill named name is active
// and that its routing queue exists under the same name and is not deleted.
func testAccCheckSkillQueue(t *testing.T, m *mockcxone.Server, name string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		c := testAccClient(t, m)
		sk, err := c.FindSkillByName(context.Background(), name)
		if err != nil {
			return err
		}
		if !sk.IsActive || sk.RoutingQueueID == "" {
			return fmt.Errorf("skill %q: active %v, routing queue %q", name, sk.IsActive, sk.RoutingQueueID)
		}
		q, err := c.GetRoutingQueue(context.Background(), sk.RoutingQueueID)
		if err != nil {
			return err
		}
		if q.Name != name || q.IsDeleted {
			return fmt.Errorf("routing queue %s: name %q deleted %v, want %q not deleted", q.ID, q.Name, q.IsDeleted, name)
		}
		return nil
	}
}

// testAccDeactivateSkill deactivates a skill outside Terraform, keeping its values.
func testAccDeactivateSkill(t *testing.T, m *mockcxone.Server, name string) {
	t.Helper()
	c := testAccClient(t, m)
	ctx := context.Background()
	sk, err := c.FindSkillByName(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateSkill(ctx, sk.SkillID, cxone.SkillInput{SkillName: sk.SkillName, Notes: sk.Notes,
		InitialPriority: sk.InitialPriority, Acceleration: sk.Acceleration, MaxPriority: sk.MaxPriority,
		ServiceLevelThreshold: sk.ServiceLevelThreshold, ServiceLevelGoal: sk.ServiceLevelGoal, IsActive: new(false)}); err != nil {
		t.Fatal(err)
	}
}

func testAccDigitalSkillConfig_basic(m *mockcxone.Server, name string) string {
	return testAccBlockConfig(m, `resource "cxone_digital_skill" "test"`, map[string]string{"name": strconv.Quote(name)})
}

func testAccDigitalSkillConfig_full(m *mockcxone.Server, name, notes string, initial, accel, maxPrio, slt, slg int) string {
	return testAccBlockConfig(m, `resource "cxone_digital_skill" "test"`, map[string]string{
		"name": strconv.Quote(name), "notes": strconv.Quote(notes), "initial_priority": strconv.Itoa(initial),
		"acceleration": strconv.Itoa(accel), "max_priority": strconv.Itoa(maxPrio),
		"service_level_threshold": strconv.Itoa(slt), "service_level_goal": strconv.Itoa(slg),
	})
}

// testAccDigitalSkillConfig_attr sets one attribute to a raw HCL value.
func testAccDigitalSkillConfig_attr(m *mockcxone.Server, attr, value string) string {
	attrs := map[string]string{"name": `"x"`}
	attrs[attr] = value
	return testAccBlockConfig(m, `resource "cxone_digital_skill" "test"`, attrs)
}

func testAccDigitalSkillConfig_timeout(m *mockcxone.Server, name, create string) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_digital_skill" "test" {
  name = %[1]q

  timeouts {
    create = %[2]q
  }
}
`, name, create)
}

// A sync that takes several polls still ends with a known routing_queue_id.
func TestAccDigitalSkill_slowSync(t *testing.T) {
	m := testAccStart(t, func(o *mockcxone.Options) { o.SyncDelay = 1500 * time.Millisecond })
	testAccSteps(t, testAccCheckDigitalSkillDestroy(t, m), []resource.TestStep{{
		Config: testAccDigitalSkillConfig_basic(m, "Slow Hole"),
		ConfigStateChecks: []statecheck.StateCheck{
			stateIs(testAccSkillAddr, "routing_queue_id", knownvalue.StringRegexp(numericRE)),
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

// cxone_digital_skill manages inbound digital skills only. Outbound skills share the
// digital media type, so an outbound skill's ID is refused by import and by the look-up,
// and a create whose name is taken by an outbound skill, active or not, neither adopts
// nor reactivates it.
func TestAccDigitalSkill_refusesOutboundSkills(t *testing.T) {
	m := testAccStart(t)
	c := testAccClient(t, m)
	launch, err := c.CreateOutboundSkill(t.Context(), cxone.OutboundSkillInput{SkillName: "Launch"})
	if err != nil {
		t.Fatal(err)
	}
	retired, err := c.CreateOutboundSkill(t.Context(), cxone.OutboundSkillInput{SkillName: "Launch-Retired", IsActive: new(false)})
	if err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(launch.SkillID, 10)
	outbound := "an outbound Digital skill (manage it with cxone_outbound_skill)"
	taken := func(name string, id int64) *regexp.Regexp {
		return expectErrorText(fmt.Sprintf(`CXone already has a skill named %q (ID %d): %s`, name, id, outbound), "choose another name")
	}
	testAccSteps(t, testAccCheckDigitalSkillDestroy(t, m), []resource.TestStep{
		{
			Config: testAccDigitalSkillConfig_basic(m, "Launch"), ResourceName: testAccSkillAddr,
			ImportState: true, ImportStateId: id,
			ExpectError: expectErrorText("Skill " + id + " is " + outbound + "; cxone_digital_skill manages inbound digital skills only"),
		},
		{
			Config:      testAccLookUpConfig(m, "cxone_digital_skill", "name", "Launch"),
			ExpectError: expectErrorText(`The skill named "Launch" (ID ` + id + `) is ` + outbound + `, not an inbound digital skill`),
		},
		{
			Config:      testAccLookUpConfig(m, "cxone_digital_skill", "id", id),
			ExpectError: expectErrorText(`(ID ` + id + `) is ` + outbound),
		},
		{Config: testAccDigitalSkillConfig_basic(m, "Launch"), ExpectError: taken("Launch", launch.SkillID)},
		{Config: testAccDigitalSkillConfig_basic(m, "Launch-Retired"), ExpectError: taken("Launch-Retired", retired.SkillID)},
	})
	for _, want := range []*cxone.OutboundSkill{launch, retired} {
		got, err := c.GetOutboundSkill(t.Context(), want.SkillID)
		if err != nil || !got.IsOutbound || got.IsActive != want.IsActive || got.Notes != want.Notes {
			t.Errorf("outbound skill %q after the refusals: %+v, %v; want it untouched (active %t)", want.SkillName, got, err, want.IsActive)
		}
	}
}

// testAccCreateSkill creates a digital skill outside Terraform and returns its ID.

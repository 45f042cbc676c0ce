package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

const testAccOutboundSkillAddr = "cxone_outbound_skill.test"

// outboundFixture is what an outbound skill refers to, made through the mock's test
// hooks: a campaign, an active message template and two dispositions.
type outboundFixture struct {
	campaignID, templateID int64
	dispositionIDs         [2]int64
}

func testAccOutboundFixture(t *testing.T, m *mockcxone.Server) outboundFixture {
	t.Helper()
	var f outboundFixture
	c, err := m.AddCampaignForTest(mockcxone.Campaign{Name: "Jungle Launch", IsActive: true})
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := m.AddMessageTemplateForTest(mockcxone.MessageTemplate{TemplateName: "Launch message", TemplateTypeID: 2,
		TemplateTypeDesc: "SMS", IsActive: true, Subject: "Launch", Body: "The Watering Hole is open, {FirstName}!"})
	if err != nil {
		t.Fatal(err)
	}
	f.campaignID, f.templateID = c.ID, tpl.TemplateID
	for i, name := range []string{"Interested", "Not Interested"} {
		d, err := m.AddDispositionForTest(mockcxone.Disposition{DispositionName: name, IsActive: true})
		if err != nil {
			t.Fatal(err)
		}
		f.dispositionIDs[i] = d.DispositionID
	}
	return f
}

// outboundSkillConfig is the configuration of cxone_outbound_skill.test: attrs are
// attribute lines, blocks the blocks, both as written inside the resource.
func outboundSkillConfig(m *mockcxone.Server, name string, attrs, blocks string) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_outbound_skill" "test" {
  name = %q
%s
%s
}
`, name, attrs, blocks)
}

// full is a configuration using every attribute and block.
func (f outboundFixture) full(notes string, priority, attempts int, saturday string) (attrs, blocks string) {
	attrs = fmt.Sprintf(`  campaign_id         = "%d"
  message_template_id = "%d"
  notes               = %q
  require_disposition = true
  dispositions = [
    { disposition_id = "%d", priority = %d },
    { disposition_id = "%d", priority = 2 },
  ]`, f.campaignID, f.templateID, notes, f.dispositionIDs[0], priority, f.dispositionIDs[1])
	blocks = fmt.Sprintf(`  schedule {
    monday    = { start = "09:00", end = "17:00" }
    wednesday = { start = "10:00", end = "18:30" }
%s  }
  retry {
    maximum_attempts      = %d
    minimum_retry_minutes = 30
  }
  time_zones {
    name  = "Eastern Standard Time"
    start = "08:00"
    end   = "20:00"
  }`, saturday, attempts)
	return attrs, blocks
}

func TestAccOutboundSkill_basic(t *testing.T) {
	m := testAccStart(t)
	f := testAccOutboundFixture(t, m)
	sameID := sameValue(testAccOutboundSkillAddr, "id")
	sameQueue := sameValue(testAccOutboundSkillAddr, "routing_queue_id")
	a1, b1 := f.full("first", 1, 3, "")
	a2, b2 := f.full("second", 5, 7, `    saturday  = { start = "10:00", end = "12:00" }
`)
	testAccSteps(t, testAccCheckOutboundSkillDestroy(t, m), append([]resource.TestStep{
		{
			// CXone's list lags a new skill: the create finds it by name all the same.
			PreConfig: func() { m.LagSkillListForTest(2) },
			Config:    outboundSkillConfig(m, "Launch.SMS", a1, b1),
			ConfigStateChecks: expectValues(testAccOutboundSkillAddr, map[string]knownvalue.Check{
				"id":               knownvalue.StringRegexp(numericRE),
				"routing_queue_id": knownvalue.StringRegexp(numericRE),
				"media_type":       knownvalue.StringExact("digital"),
				"strategy":         knownvalue.StringExact("personal_connection"),
				"is_running":       knownvalue.Bool(false),
			}, sameID(), sameQueue(), statecheck.ExpectKnownValue(testAccOutboundSkillAddr, tfjsonpath.New("retry").AtMapKey("finalize_when_exhausted"), knownvalue.Bool(true))),
			ConfigPlanChecks: planAction(testAccOutboundSkillAddr, plancheck.ResourceActionCreate),
			Check: testAccCheckOutboundSkill(t, m, "Launch.SMS", func(s *cxone.OutboundSkill, p *cxone.SkillParameters) string {
				if s.CampaignID != f.campaignID || s.MessageTemplateID != f.templateID || !s.RequireDisposition || len(s.Dispositions) != 2 {
					return fmt.Sprintf("skill %+v", s)
				}
				if !p.ScheduleSettings.IsScheduled || p.ScheduleSettings.Days[1].StartTime != "09:00" || p.ScheduleSettings.Days[2].IsActive ||
					*p.RetrySettings.MaximumAttempts != 3 || *p.RetrySettings.MinimumRetryMinutes != 30 || len(p.TimeZoneSettings) != 1 {
					return fmt.Sprintf("parameters %+v %+v %+v", p.ScheduleSettings, p.RetrySettings, p.TimeZoneSettings)
				}
				return ""
			}),
		},
		{
			// Every attribute and block in place.
			Config:           outboundSkillConfig(m, "Launch:SMS", a2, strings.Replace(b2, `"Eastern Standard Time"`, `"GMT Standard Time"`, 1)),
			ConfigPlanChecks: planAction(testAccOutboundSkillAddr, plancheck.ResourceActionUpdate, planIs(testAccOutboundSkillAddr, "routing_queue_id", knownvalue.StringRegexp(numericRE)), planIs(testAccOutboundSkillAddr, "is_running", knownvalue.Bool(false))),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID(),
				sameQueue(),
			},
			Check: testAccCheckOutboundSkill(t, m, "Launch:SMS", func(s *cxone.OutboundSkill, p *cxone.SkillParameters) string {
				if s.Notes != "second" || p.ScheduleSettings.Days[6].EndTime != "12:00" || *p.RetrySettings.MaximumAttempts != 7 ||
					p.TimeZoneSettings[0].StandardName != "GMT Standard Time" {
					return fmt.Sprintf("skill %+v parameters %+v %+v", s, p.ScheduleSettings, p.TimeZoneSettings)
				}
				for _, d := range s.Dispositions {
					if d.DispositionID == f.dispositionIDs[0] && d.Priority != 5 {
						return fmt.Sprintf("dispositions %+v", s.Dispositions)
					}
				}
				return ""
			}),
		},
		{
			// Blocks and dispositions removed: unscheduled, no time zones, no dispositions;
			// the retry settings stay as they are.
			Config: outboundSkillConfig(m, "Launch:SMS", "", ""),
			ConfigStateChecks: expectValues(testAccOutboundSkillAddr, map[string]knownvalue.Check{
				"schedule":     knownvalue.Null(),
				"dispositions": knownvalue.Null(),
				"time_zones":   knownvalue.ListSizeExact(0),
			}, sameID()),
			ConfigPlanChecks: emptyReplan,
			Check: testAccCheckOutboundSkill(t, m, "Launch:SMS", func(s *cxone.OutboundSkill, p *cxone.SkillParameters) string {
				if len(s.Dispositions) != 0 || p.ScheduleSettings.IsScheduled || len(p.TimeZoneSettings) != 0 || *p.RetrySettings.MaximumAttempts != 7 {
					return fmt.Sprintf("skill %+v parameters %+v", s, p)
				}
				return ""
			}),
		},
		{Config: outboundSkillConfig(m, "Launch:SMS", a2, b2)},
	},
		append(testAccImportSteps(testAccOutboundSkillAddr, "launch", "Expected a skill ID, a whole number such as 4000001", "4999999"),
			resource.TestStep{
				// Replaced on media_type: the old skill, deactivated, gives up its name.
				Config:           outboundSkillConfig(m, "Launch:SMS", `  media_type = "sms"`, ""),
				ConfigPlanChecks: plannedAction(testAccOutboundSkillAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateIs(testAccOutboundSkillAddr, "routing_queue_id", knownvalue.Null()),
				},
				Check: testAccCheckRetired(m, "Launch:SMS", 1),
			},
			resource.TestStep{
				// Replaced on strategy.
				Config:           outboundSkillConfig(m, "Launch:SMS", "  media_type = \"sms\"\n  strategy = \"manual\"", ""),
				ConfigPlanChecks: planAction(testAccOutboundSkillAddr, plancheck.ResourceActionDestroyBeforeCreate),
				Check:            testAccCheckRetired(m, "Launch:SMS", 2),
			},
		)...))
}

func TestAccOutboundSkill_driftAndAdoption(t *testing.T) {
	m := testAccStart(t)
	f := testAccOutboundFixture(t, m)
	a, b := f.full("launch", 1, 3, "")
	config := outboundSkillConfig(m, "Launch", a, b)
	sameID := sameValue(testAccOutboundSkillAddr, "id")
	idCheck := func() statecheck.StateCheck {
		return sameID()
	}
	testAccSteps(t, testAccCheckOutboundSkillDestroy(t, m), []resource.TestStep{
		{Config: config, ConfigStateChecks: []statecheck.StateCheck{idCheck()}},
		{
			// Changed outside Terraform: the plan puts it back.
			PreConfig:         func() { testAccOutboundSkillDrift(t, m, "Launch") },
			Config:            config,
			ConfigPlanChecks:  planAction(testAccOutboundSkillAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{idCheck()},
		},
		{
			// Deactivated outside Terraform: gone, and created again by
			// reactivating the same skill.
			PreConfig: outside(t, func() error {
				return testAccClient(t, m).SetOutboundSkillActive(t.Context(), testAccOutboundSkillID(t, m, "Launch"), false)
			}),
			Config:            config,
			ConfigPlanChecks:  plannedAction(testAccOutboundSkillAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{idCheck()},
		},
		{
			// Destroy deactivates (the mock's state shows it)...
			Config:  config,
			Destroy: true,
			Check: func(*terraform.State) error {
				for _, s := range m.State().Skills {
					if s.SkillName == "Launch" && (s.IsActive || s.IsRunning) {
						return fmt.Errorf("after destroy: %+v", s)
					}
				}
				return nil
			},
		},
		{
			// ...and the same name configured again adopts the inactive skill.
			Config:            config,
			ConfigStateChecks: []statecheck.StateCheck{idCheck()},
			ConfigPlanChecks:  emptyReplan,
		},
		// Gone from CXone altogether (404).
		testAccGoneStep(testAccOutboundSkillAddr, outboundSkillConfig(m, "Launch", "", ""), m.Reset),
	})
}

func TestAccOutboundSkill_running(t *testing.T) {
	m := testAccStart(t)
	start := func() {
		if !m.StartSkillForTest(testAccOutboundSkillID(t, m, "Launch")) {
			t.Fatal("no skill to start")
		}
	}
	testAccSteps(t, testAccCheckOutboundSkillDestroy(t, m), []resource.TestStep{
		{Config: outboundSkillConfig(m, "Launch", `  notes = "first"`, "")},
		{
			// Running: the update is refused and names the stop action.
			PreConfig: start,
			Config:    outboundSkillConfig(m, "Launch", `  notes = "second"`, ""),
			ExpectError: expectErrorText("Outbound Skill Is Running", `Outbound skill "Launch"`, "is running",
				"cxone_outbound_skill_stop", "restart_to_update = true"),
		},
		{
			// Opted in: stopped, updated, started again.
			Config: outboundSkillConfig(m, "Launch", "  notes = \"second\"\n  restart_to_update = true", ""),
			ConfigStateChecks: []statecheck.StateCheck{
				stateIs(testAccOutboundSkillAddr, "is_running", knownvalue.Bool(true)),
			},
			ConfigPlanChecks: emptyReplan,
			Check: testAccCheckOutboundSkill(t, m, "Launch", func(s *cxone.OutboundSkill, _ *cxone.SkillParameters) string {
				if s.Notes != "second" || !s.IsRunning {
					return fmt.Sprintf("skill %+v", s)
				}
				return ""
			}),
		},
		// Destroy (CheckDestroy) stops the running skill, then deactivates it.
	})
}

func TestAccOutboundSkill_createCutOff(t *testing.T) {
	m := testAccStart(t)
	// A skill an earlier, cut-off apply created: the create says how to import it.
	sk, err := testAccClient(t, m).CreateOutboundSkill(context.Background(), cxone.OutboundSkillInput{SkillName: "Launch"})
	if err != nil {
		t.Fatal(err)
	}
	config := outboundSkillConfig(m, "Launch", "", "")
	testAccSteps(t, testAccCheckOutboundSkillDestroy(t, m), []resource.TestStep{
		{
			Config: config,
			ExpectError: expectErrorText("Unable to Create Outbound Skill", `active outbound skill named "Launch"`,
				fmt.Sprintf("terraform import cxone_outbound_skill.<name> %d", sk.SkillID)),
		},
		{
			// Following it converges.
			Config:           config + fmt.Sprintf("\nimport {\n  to = %s\n  id = \"%d\"\n}\n", testAccOutboundSkillAddr, sk.SkillID),
			ConfigPlanChecks: emptyReplan,
		},
	})
}

func TestAccOutboundSkill_identity(t *testing.T) {
	m := testAccStart(t)
	testAccIdentity(t, identityCase{
		addr: testAccOutboundSkillAddr,
		// With a retry block: an import reads the retry settings, which a configuration
		// without the block would plan to stop managing (an update).
		create:   outboundSkillConfig(m, "Launch", "", "  retry {\n    maximum_attempts = 2\n  }"),
		update:   outboundSkillConfig(m, "Launch", `  notes = "later"`, "  retry {\n    maximum_attempts = 2\n  }"),
		identity: map[string]identityFrom{"skill_id": {stateAttr: "id", number: true}},
		remove: func(map[string]any) error {
			return testAccClient(t, m).SetOutboundSkillActive(t.Context(), testAccOutboundSkillID(t, m, "Launch"), false)
		},
	})
}

func TestAccOutboundSkill_validation(t *testing.T) {
	m := testAccStart(t)
	bad := func(attrs, blocks string, want ...string) resource.TestStep {
		return planError(outboundSkillConfig(m, "Launch", attrs, blocks), want...)
	}
	window := func(start, end string) string {
		return fmt.Sprintf("  schedule {\n    monday = { start = %q, end = %q }\n  }", start, end)
	}
	testAccPlanErrors(t, m, []resource.TestStep{
		planError(outboundSkillConfig(m, "L", "", ""), "Attribute name must be 2 to 30 characters"),
		planError(outboundSkillConfig(m, "The Watering Hole", "", ""), "Attribute name must be 2 to 30"),
		bad(`  media_type = "chat"`, "", "Attribute media_type value must be one of", `"digital"`, `"voice"`),
		bad(`  strategy = "predictive"`, "", "Attribute strategy value must be one of", `"personal_connection"`, `"manual"`),
		bad(`  campaign_id = "abc"`, "", "campaign_id"),
		bad(`  dispositions = [{ disposition_id = "1", priority = 0 }]`, "", "priority value must be between 1 and 100, got: 0"),
		bad(`  dispositions = [{ disposition_id = "1", priority = 1 }, { disposition_id = "1", priority = 2 }]`, "",
			"Duplicate Disposition", "disposition_id 1 more than once"),
		bad("", window("9:00", "17:00"), "Attribute schedule.monday.start must be a time of day HH:MM"),
		bad("", window("09:00", "24:00"), "Attribute schedule.monday.end must be a time of day HH:MM"),
		bad("", window("17:00", "09:00"), "Invalid Time Window", "schedule.monday.end must be after start (17:00), got: 09:00"),
		bad("", "  retry {\n    maximum_attempts = 0\n  }", "Attribute retry.maximum_attempts value must be between 1 and 100, got: 0"),
		bad("", "  retry {\n    minimum_retry_minutes = 20000\n  }", "Attribute retry.minimum_retry_minutes value must be between 1 and 10080"),
		bad("", "  time_zones {\n    name = \"+05:00\"\n    start = \"08:00\"\n    end = \"20:00\"\n  }",
			"Attribute time_zones[0].name must be CXone's standard name of a time zone"),
		bad("", "  time_zones {\n    name = \"UTC\"\n    start = \"20:00\"\n    end = \"08:00\"\n  }",
			"time_zones[0].end must be after start"),
		bad(`  strategy = "manual"`, "  retry {\n    maximum_attempts = 2\n  }",
			"retry applies to Personal Connection skills only"),
	})
}

func TestAccOutboundSkill_list(t *testing.T) {
	m := testAccStart(t)
	f := testAccOutboundFixture(t, m)
	c := testAccClient(t, m)
	sk, err := c.CreateOutboundSkill(t.Context(), cxone.OutboundSkillInput{SkillName: "Launch", CampaignID: f.campaignID,
		Dispositions: []cxone.SkillDispositionInput{{DispositionID: f.dispositionIDs[0], Priority: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.UpdateSkillScheduleSettings(t.Context(), sk.SkillID, cxone.ScheduleSettings{IsScheduled: true,
		Days: [7]cxone.DaySchedule{1: {StartTime: "09:00", EndTime: "17:00", IsActive: true}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateOutboundSkill(t.Context(), cxone.OutboundSkillInput{SkillName: "Other", OutboundStrategy: cxone.StrategyManual}); err != nil {
		t.Fatal(err)
	}
	testAccCreateSkill(t, m, "Inbound") // not listed
	testAccQuery(t, m, resource.TestStep{
		Query:  true,
		Config: testAccListConfig("cxone_outbound_skill", "  config {\n    name_contains = \"laun\"\n  }\n"),
		QueryResultChecks: []querycheck.QueryResultCheck{
			querycheck.ExpectLength("cxone_outbound_skill.all", 1),
			querycheck.ExpectIdentity("cxone_outbound_skill.all", map[string]knownvalue.Check{"skill_id": querySkillID(sk.SkillID)}),
		},
	}, resource.TestStep{
		Query:  true,
		Config: testAccListConfig("cxone_outbound_skill", "") + testAccListConfig("cxone_digital_skill", ""),
		QueryResultChecks: []querycheck.QueryResultCheck{
			querycheck.ExpectLength("cxone_outbound_skill.all", 2),
			// The outbound digital skill is not listed as a cxone_digital_skill too.
			querycheck.ExpectLength("cxone_digital_skill.all", 1),
		},
	})
}

// testAccOutboundSkillID finds a skill's ID by name through the API.
func testAccOutboundSkillID(t *testing.T, m *mockcxone.Server, name string) int64 {
	t.Helper()
	return testAccFind(t, m, (*cxone.Client).FindOutboundSkillByName, name).SkillID
}

// testAccOutboundSkillDrift changes a skill's notes and schedule outside Terraform.
func testAccOutboundSkillDrift(t *testing.T, m *mockcxone.Server, name string) {
	t.Helper()
	c := testAccClient(t, m)
	id := testAccOutboundSkillID(t, m, name)
	sk, err := c.GetOutboundSkill(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	in := cxone.OutboundSkillInput{SkillName: sk.SkillName, Notes: "changed by hand", CampaignID: sk.CampaignID,
		MessageTemplateID: sk.MessageTemplateID, RequireDisposition: sk.RequireDisposition}
	for _, d := range sk.Dispositions {
		in.Dispositions = append(in.Dispositions, cxone.SkillDispositionInput{DispositionID: d.DispositionID, Priority: d.Priority})
	}
	if _, err := c.UpdateOutboundSkill(t.Context(), id, in); err != nil {
		t.Fatal(err)
	}
	if err := c.UpdateSkillScheduleSettings(t.Context(), id, cxone.ScheduleSettings{}); err != nil {
		t.Fatal(err)
	}
}

// testAccCheckOutboundSkill checks the skill named name and its parameter groups
// through the API: bad says what is wrong, "" when nothing.
func testAccCheckOutboundSkill(t *testing.T, m *mockcxone.Server, name string, bad func(*cxone.OutboundSkill, *cxone.SkillParameters) string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		c := testAccClient(t, m)
		sk, err := c.FindOutboundSkillByName(context.Background(), name)
		if err != nil {
			return err
		}
		p, err := c.GetSkillParameters(context.Background(), sk.SkillID)
		if err != nil {
			return err
		}
		if what := bad(sk, p); what != "" {
			return fmt.Errorf("skill %q: %s", name, what)
		}
		return nil
	}
}

// testAccCheckRetired checks that a replace left n inactive skills renamed out of the way.
func testAccCheckRetired(m *mockcxone.Server, name string, n int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		retired, active := 0, 0
		for _, s := range m.State().Skills {
			switch {
			case strings.HasPrefix(s.SkillName, "retired:") && !s.IsActive:
				retired++
			case s.SkillName == name && s.IsActive:
				active++
			}
		}
		if retired != n || active != 1 {
			return fmt.Errorf("%d retired skills and %d active %q, want %d and 1", retired, active, name, n)
		}
		return nil
	}
}

// testAccCheckOutboundSkillDestroy checks that every outbound skill the test managed is
// inactive and stopped: destroy stops and deactivates, since CXone cannot delete skills.
func testAccCheckOutboundSkillDestroy(t *testing.T, m *mockcxone.Server) resource.TestCheckFunc {
	return testAccCheckDeactivated(t, m, "cxone_outbound_skill", "outbound skill", (*cxone.Client).GetOutboundSkill,
		func(sk *cxone.OutboundSkill) (string, bool) { return sk.SkillName, sk.IsActive || sk.IsRunning })
}

// TestAccOutboundSkill_refreshReadsLists: a plan of N outbound skills reads them from the
// list of skills and their parameter groups from one read of every skill's, not each one
// by ID (before the read cache served them: three requests per skill, now one, for its
// dispositions, which CXone lists only per skill).
func TestAccOutboundSkill_refreshReadsLists(t *testing.T) {
	m := testAccStart(t)
	f := testAccOutboundFixture(t, m)
	const n = 6
	config := testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_outbound_skill" "many" {
  count               = %d
  name                = "Refresh-${count.index}"
  campaign_id         = "%d"
  message_template_id = "%d"
  dispositions        = [{ disposition_id = "%d", priority = 1 }]
  retry {
    maximum_attempts = 3 + count.index
  }
}
`, n, f.campaignID, f.templateID, f.dispositionIDs[0])
	const (
		byID        = "GET /inContactAPI/services/{version}/skills/{skillId}"
		paramsByID  = "GET /inContactAPI/services/{version}/skills/{skillId}/parameters"
		dispsByID   = "GET /inContactAPI/services/{version}/skills/{skillId}/dispositions"
		everyParams = "GET /inContactAPI/services/{version}/skills/parameters"
		skillList   = "GET /inContactAPI/services/{version}/skills"
	)
	var before mockcxone.RequestCounts
	testAccSteps(t, testAccCheckOutboundSkillDestroy(t, m), []resource.TestStep{
		{Config: config},
		{PreConfig: func() { before = m.Requests() }, Config: config, PlanOnly: true},
		{
			PreConfig: func() {
				after := m.Requests()
				got := func(route string) int { return after.ByRoute[route] - before.ByRoute[route] }
				plans := got(dispsByID) / n // each plan reads each skill's dispositions once
				reads := got(skillList) + got(everyParams) + got(dispsByID) + got(byID) + got(paramsByID)
				t.Logf("%d plans of %d outbound skills: %d reads of skills (besides the token): %d lists of skills, "+
					"%d reads of every skill's parameters, %d of dispositions, %d skills and %d parameters read by ID",
					plans, n, reads, got(skillList), got(everyParams), got(dispsByID), got(byID), got(paramsByID))
				if plans < 1 || got(dispsByID) != plans*n || got(byID) != 0 || got(paramsByID) != 0 ||
					got(everyParams) != plans || got(skillList) != plans || reads != plans*(n+2) {
					t.Errorf("want per plan one list of skills, one read of every skill's parameters and %d of "+
						"dispositions (%d requests), none by ID: %v", n, n+2, after.ByRoute)
				}
			},
			Config: config, PlanOnly: true,
		},
	})
}

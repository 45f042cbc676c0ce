package provider

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

const testAccUserAddr = "cxone_user.test"

// testAccUser is the values of a cxone_user configuration; "" leaves an optional
// attribute out.
type testAccUser struct {
	userName, first, middle, last, email string
	team, profile                        int64
	timeZone, country, state, city       string
	notes, federatedID                   string
}

// newHire is the user most tests create: the seed's team and profile, no optionals.
func newHire(userName string) testAccUser {
	return testAccUser{
		userName: userName, first: "Akru", last: "Wolf", email: userName + "@thejungle.example",
		team: 301, profile: 5, timeZone: "Africa/Nairobi", country: "KE", city: "Seeonee",
	}
}

func TestAccUser_basic(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckUserDestroy(t, m), []resource.TestStep{{
		Config:           testAccUserConfig(m, newHire("akru")),
		ConfigPlanChecks: planAction(testAccUserAddr, plancheck.ResourceActionCreate),
		Check:            resource.TestCheckResourceAttrPair(testAccUserAddr, "id", testAccUserAddr, "agent_id"),
		ConfigStateChecks: expectValues(testAccUserAddr, map[string]knownvalue.Check{
			"id":                  knownvalue.StringRegexp(numericRE),
			"agent_id":            knownvalue.NotNull(),
			"user_id":             knownvalue.StringRegexp(uuidRE),
			"user_name":           knownvalue.StringExact("akru"),
			"email_address":       knownvalue.StringExact("akru@thejungle.example"),
			"team_id":             knownvalue.Int64Exact(301),
			"security_profile_id": knownvalue.Int64Exact(5),
			"city":                knownvalue.StringExact("Seeonee"),
			"middle_name":         knownvalue.Null(),
			"state":               knownvalue.Null(),
			"notes":               knownvalue.Null(),
			"federated_id":        knownvalue.Null(),
		}, checkMock(func() error { return testAccUserInMock(m, "akru", true) })),
	}})
}

func TestAccUser_update(t *testing.T) {
	m := testAccStart(t)
	sameID := sameValue(testAccUserAddr, "agent_id")
	full := testAccUser{
		userName: "akru.wolf", first: "Akru", middle: "Grey", last: "Wolfson", email: "akru.wolf@seeonee.example",
		team: 302, profile: 6, timeZone: "Africa/Dar_es_Salaam", country: "TZ", state: "Arusha", city: "Council Rock",
		notes: "Leads the pack", federatedID: "akru@idp.example",
	}
	testAccSteps(t, testAccCheckUserDestroy(t, m), []resource.TestStep{
		{
			Config:            testAccUserConfig(m, newHire("akru")),
			ConfigStateChecks: []statecheck.StateCheck{sameID()},
		},
		{
			// Every field, the user name included, changes in place.
			Config:           testAccUserConfig(m, full),
			ConfigPlanChecks: planAction(testAccUserAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: expectValues(testAccUserAddr, map[string]knownvalue.Check{
				"user_name":           knownvalue.StringExact("akru.wolf"),
				"middle_name":         knownvalue.StringExact("Grey"),
				"last_name":           knownvalue.StringExact("Wolfson"),
				"email_address":       knownvalue.StringExact("akru.wolf@seeonee.example"),
				"team_id":             knownvalue.Int64Exact(302),
				"security_profile_id": knownvalue.Int64Exact(6),
				"time_zone":           knownvalue.StringExact("Africa/Dar_es_Salaam"),
				"country":             knownvalue.StringExact("TZ"),
				"state":               knownvalue.StringExact("Arusha"),
				"city":                knownvalue.StringExact("Council Rock"),
				"notes":               knownvalue.StringExact("Leads the pack"),
				"federated_id":        knownvalue.StringExact("akru@idp.example"),
			}, sameID()),
			Check: testAccCheckUserNamed(t, m, "akru.wolf", func(a *cxone.Agent) error {
				if a.TeamName != "Jungle Voice" || a.ProfileName != "Supervisor" {
					return fmt.Errorf("team %q profile %q, want Jungle Voice and Supervisor", a.TeamName, a.ProfileName)
				}
				return nil
			}),
		},
		{
			// Optional values removed from the configuration are cleared in CXone.
			Config: testAccUserConfig(m, newHire("akru")),
			ConfigStateChecks: expectValues(testAccUserAddr, map[string]knownvalue.Check{
				"middle_name": knownvalue.Null(),
				"notes":       knownvalue.Null(),
			}, sameID()),
			Check: testAccCheckUserNamed(t, m, "akru", func(a *cxone.Agent) error {
				if a.MiddleName != "" || a.State != "" || a.Notes != "" || a.FederatedID != "" {
					return fmt.Errorf("optional fields not cleared: %+v", a)
				}
				return nil
			}),
		},
		{
			// A change made outside Terraform shows as an update.
			PreConfig:         func() { testAccChangeUser(t, m, "akru", cxone.AgentChanges{City: new("Elsewhere")}) },
			Config:            testAccUserConfig(m, newHire("akru")),
			ConfigPlanChecks:  plannedAction(testAccUserAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{stateIs(testAccUserAddr, "city", knownvalue.StringExact("Seeonee"))},
		},
	})
}

func TestAccUser_import(t *testing.T) {
	m := testAccStart(t)
	u := newHire("akru")
	u.notes, u.state = "imported", "Arusha"
	testAccSteps(t, testAccCheckUserDestroy(t, m), append([]resource.TestStep{{Config: testAccUserConfig(m, u)}},
		testAccImportSteps(testAccUserAddr, "akru", "Expected an agent ID, a whole number such as 1001", "999999")...))
}

func TestAccUser_disappears(t *testing.T) {
	m := testAccStart(t)
	sameID := sameValue(testAccUserAddr, "agent_id")
	cfg := testAccUserConfig(m, newHire("akru"))
	testAccSteps(t, testAccCheckUserDestroy(t, m), []resource.TestStep{
		{
			Config:            cfg,
			ConfigStateChecks: []statecheck.StateCheck{sameID()},
		},
		{
			// Deactivated outside Terraform: gone for Terraform, so planned for
			// creation, which reactivates the same user.
			PreConfig:        func() { testAccChangeUser(t, m, "akru", cxone.AgentChanges{IsActive: new(false)}) },
			Config:           cfg,
			ConfigPlanChecks: plannedAction(testAccUserAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID(),
				checkMock(func() error { return testAccUserInMock(m, "akru", true) }),
			},
		},
		// Gone from CXone altogether (404).
		testAccGoneStep(testAccUserAddr, cfg, func() {
			a, err := testAccClient(t, m).FindAgentByUserName(context.Background(), "akru")
			if err != nil || !m.RemoveAgentForTest(a.AgentID) {
				t.Fatalf("removing akru: %v", err)
			}
		}),
	})
}

func TestAccUser_validation(t *testing.T) {
	m := testAccStart(t)
	bad := func(change func(*testAccUser), want ...string) resource.TestStep {
		u := newHire("akru")
		change(&u)
		return planError(testAccUserConfig(m, u), want...)
	}
	raw := func(attr, value string, want ...string) resource.TestStep {
		cfg := strings.Replace(testAccUserConfig(m, newHire("akru")), "resource \"cxone_user\" \"test\" {",
			"resource \"cxone_user\" \"test\" {\n  "+attr+" = "+value, 1)
		return planError(cfg, want...)
	}
	testAccPlanErrors(t, m, []resource.TestStep{
		bad(func(u *testAccUser) { u.userName = "  " }, "user_name", "must not be empty or blank"),
		bad(func(u *testAccUser) { u.first = "" }, "first_name", "must not be empty or blank"),
		bad(func(u *testAccUser) { u.last = " " }, "last_name", "must not be empty or blank"),
		bad(func(u *testAccUser) { u.email = "akru" }, "email_address", "must be an e-mail address"),
		bad(func(u *testAccUser) { u.email = "Akru <akru@thejungle.example>" }, "email_address", "must be an e-mail address"),
		bad(func(u *testAccUser) { u.email = "akru@localhost" }, "email_address", "must be an e-mail address"),
		bad(func(u *testAccUser) { u.team = 0 }, "team_id value must be at least 1"),
		bad(func(u *testAccUser) { u.profile = -5 }, "security_profile_id value must be at least 1"),
		bad(func(u *testAccUser) { u.timeZone = " " }, "time_zone", "must not be empty or blank"),
		bad(func(u *testAccUser) { u.country = "\t" }, "country", "must not be empty or blank"),
		bad(func(u *testAccUser) { u.city = " " }, "city", "must not be empty or blank"),
		raw("middle_name", `""`, "middle_name", "must not be empty or blank"),
		raw("state", `" "`, "state", "must not be empty or blank"),
		raw("notes", `""`, "notes", "must not be empty or blank"),
		raw("federated_id", `""`, "federated_id", "must not be empty or blank"),
		raw("agent_id", "5", "Invalid Configuration for Read-Only Attribute", "agent_id = 5"),
	})
}

func TestAccUser_apiError(t *testing.T) {
	m := testAccStart(t)
	seeded := len(m.State().Agents)
	testAccSetFaults(t, m, mockcxone.FaultRule{Method: "POST", Path: "/inContactAPI/services/v34.0/agents", Status: 422})
	testAccSteps(t, testAccCheckUserDestroy(t, m), []resource.TestStep{
		{
			Config: testAccUserConfig(m, newHire("akru")),
			ExpectError: expectErrorText("Unable to Create User", `While trying to create user "akru"`,
				"fault injected by the mock: 422"),
		},
		{
			// CXone refuses the item inside its 200 answer: a team that does not exist.
			PreConfig: func() { testAccSetFaults(t, m) },
			Config: testAccUserConfig(m, func() testAccUser {
				u := newHire("akru")
				u.team = 999
				return u
			}()),
			ExpectError: expectErrorText("Unable to Create User", "team_id 999 is not a team"),
		},
		{
			// The create's answer is lost after CXone made the user: the look-up by
			// user name finds it, and no second user is made.
			PreConfig: func() {
				testAccSetFaults(t, m, mockcxone.FaultRule{Method: "POST", Path: "/inContactAPI/services/v34.0/agents",
					DropResponse: true, Count: 1})
			},
			Config:            testAccUserConfig(m, newHire("akru")),
			ConfigStateChecks: []statecheck.StateCheck{stateIs(testAccUserAddr, "user_name", knownvalue.StringExact("akru"))},
			Check: func(*terraform.State) error {
				if n := len(m.State().Agents); n != seeded+1 {
					return fmt.Errorf("CXone has %d users, want the %d seeded and one new", n, seeded)
				}
				return nil
			},
		},
	})
}

// Creating a user whose user name belongs to an inactive user reactivates and
// adopts it, with the configured values.
func TestAccUser_reactivate(t *testing.T) {
	m := testAccStart(t)
	seeded := len(m.State().Agents)
	u := newHire("Raksha") // the seed's inactive raksha; user names ignore case
	u.notes = "back from the pack"
	testAccSteps(t, testAccCheckUserDestroy(t, m), []resource.TestStep{{
		Config:           testAccUserConfig(m, u),
		ConfigPlanChecks: emptyReplan,
		ConfigStateChecks: expectValues(testAccUserAddr, map[string]knownvalue.Check{
			"agent_id":  knownvalue.Int64Exact(rakshaAgentID),
			"user_name": knownvalue.StringExact("Raksha"),
			"notes":     knownvalue.StringExact("back from the pack"),
			"city":      knownvalue.StringExact("Seeonee"),
		}),
		Check: testAccCheckAgent(t, m, rakshaAgentID, func(a *cxone.Agent) error {
			if !a.IsActive || a.InactiveDate != "" {
				return fmt.Errorf("raksha: active %v, inactive date %q; want reactivated", a.IsActive, a.InactiveDate)
			}
			if n := len(m.State().Agents); n != seeded {
				return fmt.Errorf("CXone has %d users, want the %d seeded", n, seeded)
			}
			return nil
		}),
	}})
}

// Creating a user whose user name belongs to an active user fails and shows how to
// import it.
func TestAccUser_refuseActive(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, nil, []resource.TestStep{{
		Config: testAccUserConfig(m, newHire("MOWGLI")),
		ExpectError: regexp.MustCompile(`(?s)` + expectErrorText(`already has an active user named "mowgli" (agent ID 1001)`).String() +
			`.*terraform import cxone_user\.<resource name> 1001` +
			`.*import \{[\s│]+to = cxone_user\.<resource name>[\s│]+id = "1001"`),
	}})
	a, err := testAccClient(t, m).GetAgent(context.Background(), mowgliAgentID)
	if err != nil || !a.IsActive || a.City == "Seeonee" {
		t.Errorf("mowgli after the refused create: %+v, %v; want untouched", a, err)
	}
}

// testAccCheckUserDestroy checks that every user the test managed is inactive:
// destroy deactivates, since CXone never deletes users.
func testAccCheckUserDestroy(t *testing.T, m *mockcxone.Server) resource.TestCheckFunc {
	return testAccCheckDeactivated(t, m, "cxone_user", "user", (*cxone.Client).GetAgent,
		func(a *cxone.Agent) (string, bool) { return a.UserName, a.IsActive || a.InactiveDate == "" })
}

// testAccUserInMock checks the mock's own state for a user of this user name.
func testAccUserInMock(m *mockcxone.Server, userName string, active bool) error {
	return checkOneInMock(fmt.Sprintf("users named %q", userName), m.State().Agents,
		func(a mockcxone.Agent) (bool, bool) { return a.UserName == userName, a.IsActive }, active)
}

// testAccCheckUserNamed reads a user by user name through the API and applies check.
func testAccCheckUserNamed(t *testing.T, m *mockcxone.Server, userName string, check func(*cxone.Agent) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		a, err := testAccClient(t, m).FindAgentByUserName(context.Background(), userName)
		if err != nil {
			return err
		}
		return check(a)
	}
}

// testAccChangeUser changes a user outside Terraform.
func testAccChangeUser(t *testing.T, m *mockcxone.Server, userName string, ch cxone.AgentChanges) {
	t.Helper()
	c := testAccClient(t, m)
	a, err := c.FindAgentByUserName(context.Background(), userName)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateAgent(context.Background(), a.AgentID, ch); err != nil {
		t.Fatal(err)
	}
}

// testAccUserConfig is a cxone_user configuration with u's values.
func testAccUserConfig(m *mockcxone.Server, u testAccUser) string {
	var b strings.Builder
	line := func(attr, v string) {
		if v != "" {
			fmt.Fprintf(&b, "  %-19s = %q\n", attr, v)
		}
	}
	line("user_name", u.userName)
	line("first_name", u.first)
	line("middle_name", u.middle)
	line("last_name", u.last)
	line("email_address", u.email)
	fmt.Fprintf(&b, "  %-19s = %d\n  %-19s = %d\n", "team_id", u.team, "security_profile_id", u.profile)
	line("time_zone", u.timeZone)
	line("country", u.country)
	line("state", u.state)
	line("city", u.city)
	line("notes", u.notes)
	line("federated_id", u.federatedID)
	// Blank required values are written as they are, so validation sees them.
	for attr, v := range map[string]string{"user_name": u.userName, "first_name": u.first, "last_name": u.last,
		"time_zone": u.timeZone, "country": u.country, "city": u.city} {
		if v == "" {
			fmt.Fprintf(&b, "  %s = %q\n", attr, v)
		}
	}
	return testAccProviderConfig(m) + "\nresource \"cxone_user\" \"test\" {\n" + b.String() + "}\n"
}

func TestAccUser_identity(t *testing.T) {
	m := testAccStart(t)
	c := testAccClient(t, m)
	renamed := newHire("akru")
	renamed.city = "Council Rock"
	testAccIdentity(t, identityCase{
		addr:     testAccUserAddr,
		create:   testAccUserConfig(m, newHire("akru")),
		update:   testAccUserConfig(m, renamed),
		identity: map[string]identityFrom{"agent_id": {stateAttr: "agent_id", number: true}},
		// Deactivated outside Terraform: the read finds it gone, and the apply
		// reactivates the same user, whose identity is the same agent ID.
		remove: func(values map[string]any) error {
			id, err := parseNumericID(stateString(values, "id"), "id")
			if err == nil {
				_, err = c.UpdateAgent(t.Context(), id, cxone.AgentChanges{IsActive: new(false)})
			}
			return err
		},
	})
}

func TestAccUser_list(t *testing.T) {
	m := testAccStart(t)
	mowgli := map[string]knownvalue.Check{"agent_id": knownvalue.Int64Exact(mowgliAgentID)}
	testAccQuery(t, m,
		resource.TestStep{
			Query:  true,
			Config: testAccListConfig("cxone_user", ""),
			// The seed's eight active users; raksha is inactive.
			QueryResultChecks: append([]querycheck.QueryResultCheck{querycheck.ExpectLength("cxone_user.all", 8)},
				listed("cxone_user.all", mowgli, knownvalue.StringRegexp(regexp.MustCompile(`^mowgli \(.+\)$`)), map[string]knownvalue.Check{
					"user_name":     knownvalue.StringExact("mowgli"),
					"email_address": knownvalue.StringExact("mowgli@thejungle.example"),
					"id":            knownvalue.StringExact(strconv.FormatInt(mowgliAgentID, 10)),
				})...),
		},
		resource.TestStep{
			Query:  true,
			Config: testAccListConfig("cxone_user", "  config {\n    user_name_contains = \"BAL\"\n  }\n"),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength("cxone_user.all", 1),
				querycheck.ExpectIdentity("cxone_user.all", map[string]knownvalue.Check{"agent_id": knownvalue.Int64Exact(balooAgentID)}),
			},
		},
	)
}

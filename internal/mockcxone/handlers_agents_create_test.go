package mockcxone

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// newUser is a valid POST /agents item for user name userName.
func newUser(userName string) map[string]any {
	return map[string]any{
		"userName": userName, "firstName": "Grey", "lastName": "Brother", "emailAddress": userName + "@thejungle.example",
		"teamId": seedTeamID, "profileId": seedProfileID, "timeZone": "Asia/Kolkata", "country": "IN", "city": "Seoni",
	}
}

// postUsers sends POST /agents with items and returns the bulk answer.
func (c *tclient) postUsers(items ...map[string]any) bulkResult {
	c.t.Helper()
	return decode[bulkResult](c.t, c.admin("POST", "/agents", map[string]any{"agents": items}).want(c.t, http.StatusOK))
}

// agentByID finds a user in the mock's state.
func (c *tclient) agentByID(id int64) Agent {
	c.t.Helper()
	for _, a := range c.s.State().Agents {
		if a.AgentID == id {
			return a
		}
	}
	c.t.Fatalf("no agent %d", id)
	return Agent{}
}

func TestCreateAgents(t *testing.T) {
	c := newClient(t, Options{})
	full := newUser("grey.brother")
	full["middleName"], full["state"], full["notes"], full["federatedId"] = "Wolf", "Madhya Pradesh", "new cub", "gb@idp"
	full["teamId"] = "302" // a string: CXone takes both
	res := c.postUsers(full)
	if res.ErrorCount != 0 || len(res.AgentResults) != 1 || !res.AgentResults[0].Success || res.AgentResults[0].AgentID == 0 {
		t.Fatalf("create: %+v", res)
	}
	a := c.agentByID(res.AgentResults[0].AgentID)
	if a.UserName != "grey.brother" || a.MiddleName != "Wolf" || a.TeamID != 302 || a.TeamName != "Jungle Voice" ||
		a.ProfileName != "Agent" || !a.IsActive || a.InactiveDate != "" || a.Notes != "new cub" || a.FederatedID != "gb@idp" ||
		a.DigitalEngagementEnabled || a.UserID == "" || a.AgentID != firstAgentID+int64(len(seedUsers)) {
		t.Fatalf("created user: %+v", a)
	}
	if _, err := time.Parse(time.RFC3339, a.CreateDate); err != nil {
		t.Errorf("createDate %q: %v", a.CreateDate, err)
	}
	// The read calls see it.
	got := decode[agentsPage](t, c.admin("GET", fmt.Sprintf("/agents/%d", a.AgentID), nil).want(t, http.StatusOK))
	if len(got.Agents) != 1 || got.Agents[0] != a {
		t.Fatalf("GET the new user: %+v, want %+v", got.Agents, a)
	}

	// Per-item failures in a 200, each item on its own.
	missing := newUser("no.city")
	delete(missing, "city")
	badMail := newUser("bad.mail")
	badMail["emailAddress"] = "not an address"
	blank := newUser("blank")
	blank["firstName"] = "  "
	inactiveDE := newUser("sleepy")
	inactiveDE["isActive"], inactiveDE["digitalEngagementEnabled"] = false, true
	for _, tc := range []struct {
		item map[string]any
		want string
	}{
		{missing, "city is required"},
		{badMail, "not an e-mail address"},
		{blank, "firstName must not be empty"},
		{newUser("MOWGLI"), `a user named "mowgli" already exists (active`},
		{newUser("Raksha"), `a user named "raksha" already exists (inactive`},
		{newUser("Grey.Brother"), "already exists"},
		{mergeItem(newUser("teamless"), "teamId", 999), "teamId 999 is not a team"},
		{mergeItem(newUser("profileless"), "profileId", 999), "profileId 999 is not a security profile"},
		{inactiveDE, "cannot be turned on for an inactive user"},
	} {
		res := c.postUsers(newUser("ok."+fmt.Sprint(len(c.s.State().Agents))), tc.item)
		if res.ErrorCount != 1 || !res.AgentResults[0].Success || res.AgentResults[1].Success ||
			res.AgentResults[1].AgentID != 0 || !strings.Contains(*res.AgentResults[1].Error, tc.want) {
			t.Errorf("item %v: %+v, want the second item refused with %q", tc.item, res, tc.want)
		}
	}
	// An inactive user can be created, without digital engagement.
	asleep := newUser("asleep")
	asleep["isActive"] = false
	res = c.postUsers(asleep)
	if a := c.agentByID(res.AgentResults[0].AgentID); a.IsActive || a.InactiveDate == "" {
		t.Errorf("inactive new user: %+v", a)
	}
	c.admin("POST", "/agents", `{"agents":[]}`).want(t, http.StatusBadRequest)
	c.admin("POST", "/agents", `{"agents":[{"teamId":"three"}]}`).want(t, http.StatusBadRequest)
}

func mergeItem(item map[string]any, k string, v any) map[string]any {
	item[k] = v
	return item
}

func TestUpdateAgentsEveryField(t *testing.T) {
	c := newClient(t, Options{})
	body := map[string]any{"agents": []map[string]any{{
		"agentId": 1002, "userName": "baloo.bear", "firstName": "Baloo", "middleName": "The", "lastName": "Bear",
		"emailAddress": "baloo.bear@thejungle.example", "teamId": "302", "profileId": 6, "timeZone": "Europe/London",
		"country": "GB", "state": "", "city": "London", "notes": "teacher", "federatedId": "baloo@idp",
	}}}
	res := decode[bulkResult](t, c.admin("PUT", "/agents", body).want(t, http.StatusOK))
	if res.ErrorCount != 0 {
		t.Fatalf("update: %+v", res)
	}
	a := c.agentByID(1002)
	if a.UserName != "baloo.bear" || a.MiddleName != "The" || a.TeamName != "Jungle Voice" || a.ProfileName != "Supervisor" ||
		a.TimeZone != "Europe/London" || a.State != "" || a.City != "London" || a.FederatedID != "baloo@idp" ||
		a.CreateDate != seedCreateDate || a.DigitalThreshold != seedThreshold {
		t.Fatalf("after update: %+v", a)
	}

	// Deactivation sets inactiveDate and leaves digital engagement off; turning it on is refused.
	put := func(item string) bulkResult {
		return decode[bulkResult](t, c.admin("PUT", "/agents", `{"agents":[`+item+`]}`).want(t, http.StatusOK))
	}
	if res := put(`{"agentId":1003,"isActive":false}`); res.ErrorCount != 0 {
		t.Fatalf("deactivate: %+v", res)
	}
	if a := c.agentByID(1003); a.IsActive || a.InactiveDate == "" {
		t.Fatalf("deactivated: %+v", a)
	}
	if res := put(`{"agentId":1003,"digitalEngagementEnabled":true}`); res.ErrorCount != 1 || !strings.Contains(*res.AgentResults[0].Error, "inactive") {
		t.Fatalf("digital engagement for an inactive user: %+v", res)
	}
	if res := put(`{"agentId":1003,"digitalEngagementEnabled":false}`); res.ErrorCount != 0 {
		t.Fatalf("turning digital engagement off for an inactive user: %+v", res)
	}
	if res := put(`{"agentId":1003,"isActive":true,"digitalEngagementEnabled":true}`); res.ErrorCount != 0 {
		t.Fatalf("reactivate with digital engagement: %+v", res)
	}
	if a := c.agentByID(1003); !a.IsActive || a.InactiveDate != "" || !a.DigitalEngagementEnabled {
		t.Fatalf("reactivated: %+v", a)
	}
	// A rename onto another user's name (ignoring case) or to a blank fails; renaming to its own name does not.
	for item, want := range map[string]string{
		`{"agentId":1004,"userName":"MOWGLI"}`:        "already exists",
		`{"agentId":1004,"emailAddress":"kaa"}`:       "not an e-mail address",
		`{"agentId":1004,"city":""}`:                  "city must not be empty",
		`{"agentId":1004,"teamId":1}`:                 "not a team",
		`{"agentId":424242,"firstName":"Nobody"}`:     "agent 424242 was not found",
		`{"agentId":1004,"digitalRefusalTimeout":5}`:  "digitalRefusalTimeout",
		`{"userName":"nobody"}`:                       "agentId is required",
		`{"agentId":1004,"userName":"kaa","city":""}`: "city",
	} {
		if res := put(item); res.ErrorCount != 1 || !strings.Contains(*res.AgentResults[0].Error, want) {
			t.Errorf("%s: %+v, want %q", item, res, want)
		}
	}
	if a := c.agentByID(1004); a.UserName != "kaa" || a.City != seedCity {
		t.Errorf("a refused item changed the user: %+v", a)
	}
	if res := put(`{"agentId":1004,"userName":"KAA"}`); res.ErrorCount != 0 {
		t.Errorf("renaming a user to its own name in other case: %+v", res)
	}
}

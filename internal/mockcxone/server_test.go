package mockcxone

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRequestCountsByRouteTemplate(t *testing.T) {
	c := newClient(t, Options{})
	c.admin("GET", "/agents/1001", nil)
	c.admin("GET", "/agents/1002", nil)
	c.call("GET", "/inContactAPI/services/v33.0/agents/1003", nil)
	c.dfo("GET", "/channels", nil)
	c.dfo("DELETE", "/channels/nope", nil)
	c.raw("GET", "/_mock/state", nil, "")
	got := c.s.Requests()
	want := map[string]int{
		"POST /authentication/v1/token/access-key":              1,
		"GET /inContactAPI/services/{version}/agents/{agentId}": 3,
		"GET /dfo/3.0/channels":                                 1,
		"DELETE /dfo/3.0/channels/{channelId}":                  1,
	}
	for k, n := range want {
		if got.ByRoute[k] != n {
			t.Errorf("by_route[%q] = %d, want %d (all: %v)", k, got.ByRoute[k], n, got.ByRoute)
		}
	}
	if got.Total != 6 || len(got.ByRoute) != len(want) {
		t.Errorf("total %d, routes %v; /_mock/ must not count", got.Total, got.ByRoute)
	}
	rc := decode[RequestCounts](t, c.raw("GET", "/_mock/requests", nil, "").want(t, http.StatusOK))
	if rc.Total != got.Total {
		t.Errorf("/_mock/requests total %d, Requests() %d", rc.Total, got.Total)
	}
}

func TestResetRestoresSeed(t *testing.T) {
	c := newClient(t, Options{SyncDelay: -1})
	c.createSkill("Ephemeral")
	c.createIntegration("Box")
	list := "/lists/call-lists?externalIdColumn=member&listName="
	c.admin("POST", list+"Gone", listMapping).want(t, http.StatusOK)
	if err := c.s.SetFaults([]FaultRule{{Path: "/nothing", Status: 500}}); err != nil {
		t.Fatal(err)
	}
	c.raw("POST", "/_mock/reset", nil, "").want(t, http.StatusOK)
	st := c.s.State()
	if len(st.Skills) != 0 || len(st.Integrations) != 0 || len(st.RoutingQueues) != 0 || len(st.Agents) != 9 {
		t.Errorf("state after reset: %+v", st)
	}
	if len(c.s.Faults()) != 0 || c.s.Requests().Total != 0 {
		t.Errorf("faults %v, requests %v after reset", c.s.Faults(), c.s.Requests())
	}
	// Ids start over, and the token survives.
	sk := c.createSkill("Again")
	if sk.SkillID != firstSkillID || sk.RoutingQueueID != fmt.Sprint(firstQueueID) {
		t.Errorf("after reset skill %d queue %s", sk.SkillID, sk.RoutingQueueID)
	}
	again := decode[struct {
		ListID int64 `json:"listId"`
	}](t, c.admin("POST", list+"Again", listMapping).want(t, http.StatusOK))
	if again.ListID != firstListID {
		t.Errorf("after reset calling list %d, want %d", again.ListID, firstListID)
	}
}

func TestStateJSONShape(t *testing.T) {
	c := newClient(t, Options{ExtraUsers: 2})
	raw := decode[map[string][]map[string]any](t, c.raw("GET", "/_mock/state", nil, "").want(t, http.StatusOK))
	for _, k := range []string{"agents", "teams", "security_profiles", "skills", "assignments", "routing_queues", "integrations", "channels", "bindings"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("state lacks %q", k)
		}
	}
	agents := raw["agents"]
	if len(agents) != 11 {
		t.Fatalf("%d agents, want 9 seed + 2 extra", len(agents))
	}
	last := agents[10]
	if last["userName"] != "user0002" || last["emailAddress"] != "user0002@thejungle.example" || last["isActive"] != true {
		t.Errorf("generated user: %v", last)
	}
	if _, ok := agents[0]["DigitalEngagementEnabled"]; !ok {
		t.Errorf("agent lacks capital-D DigitalEngagementEnabled: %v", agents[0])
	}
}

func TestSeedUsers(t *testing.T) {
	st := New(Options{}).State()
	other := New(Options{}).State()
	byName := map[string]Agent{}
	for i, a := range st.Agents {
		byName[a.UserName] = a
		if a.UserID != other.Agents[i].UserID || len(a.UserID) != 36 {
			t.Errorf("userId of %s not a stable GUID: %q vs %q", a.UserName, a.UserID, other.Agents[i].UserID)
		}
		if a.EmailAddress != a.UserName+"@thejungle.example" || a.DigitalEngagementEnabled {
			t.Errorf("seed user %+v", a)
		}
		if a.TeamName != "Jungle Digital" || a.ProfileName != "Agent" || a.CreateDate != seedCreateDate ||
			a.TimeZone == "" || a.Country == "" || a.City == "" || (a.InactiveDate == "") != a.IsActive {
			t.Errorf("seed user %s: team, profile, dates or place: %+v", a.UserName, a)
		}
	}
	for _, n := range []string{"mowgli", "baloo", "bagheera", "kaa", "hathi", "akela", "shere.khan", "king.louie"} {
		if !byName[n].IsActive {
			t.Errorf("%s missing or inactive", n)
		}
	}
	if r, ok := byName["raksha"]; !ok || r.IsActive {
		t.Errorf("raksha must exist and be inactive: %+v", r)
	}
	if sk := byName["shere.khan"]; sk.FirstName != "Shere" || sk.LastName != "Khan" {
		t.Errorf("shere.khan names: %+v", sk)
	}
}

func TestConcurrentUse(t *testing.T) {
	c := newClient(t, Options{SyncDelay: time.Millisecond})
	integ := c.createIntegration("Box")
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			name := fmt.Sprintf("Skill %d", i)
			c.admin("POST", "/skills", map[string]any{"skills": []map[string]any{{"mediaTypeId": 9, "skillName": name}}})
			c.admin("GET", "/skills?top=5", nil)
			c.admin("PUT", "/agents", map[string]any{"agents": []map[string]any{{"agentId": 1001 + i, "digitalEngagementEnabled": true}}})
			ch := fmt.Sprintf("ch-%d", i)
			c.dfo("POST", "/channels", map[string]any{"id": ch, "idOnExternalPlatform": ch, "channelIntegrationId": integ,
				"realExternalPlatformId": "custom", "name": ch, "isPrivate": true, "hasTreeStructure": false})
			c.dfo("GET", "/routing-queues?withDeleted=true", nil)
			_ = c.s.State()
			_ = c.s.Requests()
		})
	}
	wg.Wait()
	c.s.SyncNow()
	st := c.s.State()
	if len(st.Skills) != 8 || len(st.Channels) != 8 || len(st.RoutingQueues) != 8 {
		t.Errorf("after concurrent writes: %d skills, %d channels, %d queues", len(st.Skills), len(st.Channels), len(st.RoutingQueues))
	}
}

// TestRequestCountsByStatus: every API request is counted under the status it was answered
// with, faults and the gateway's 404 included, and a dropped answer under "none".
func TestRequestCountsByStatus(t *testing.T) {
	c := newClient(t, Options{}) // one token request: 200
	c.admin("GET", "/agents/1001", nil).want(t, http.StatusOK)
	c.admin("GET", "/agents/1", nil).want(t, http.StatusNotFound)
	c.call("GET", "/inContactAPI/services/v99.0/agents/1001", nil).want(t, http.StatusNotFound)
	setFaults(t, c.s, FaultRule{Method: "GET", Path: "/dfo/3.0/channels", Status: 429, Count: 2},
		FaultRule{Method: "POST", Path: "/dfo/3.0/channel-integrations", DropResponse: true, Count: 1})
	for range 3 {
		c.dfo("GET", "/channels", nil)
	}
	req, err := http.NewRequest("POST", c.s.URL+"/dfo/3.0/channel-integrations", strings.NewReader(encodeBody(t, validIntegration("Dropped"))))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if resp, err := c.hc.Do(req); err == nil {
		resp.Body.Close()
		t.Fatal("the dropped request got an answer")
	}
	want := map[string]int{"200": 3, "404": 2, "429": 2, "none": 1}
	got := c.s.Requests()
	if fmt.Sprint(got.ByStatus) != fmt.Sprint(want) || got.Total != 8 {
		t.Fatalf("by_status %v (total %d), want %v (total 8)", got.ByStatus, got.Total, want)
	}
	rc := decode[map[string]any](t, c.raw("GET", "/_mock/requests", nil, "").want(t, http.StatusOK))
	if fmt.Sprint(rc["by_status"]) != fmt.Sprint(map[string]any{"200": 3.0, "404": 2.0, "429": 2.0, "none": 1.0}) {
		t.Fatalf("GET /_mock/requests by_status: %v", rc["by_status"])
	}
	c.s.Reset()
	if n := len(c.s.Requests().ByStatus); n != 0 {
		t.Fatalf("Reset left %d status counts", n)
	}
}

package mockcxone

import (
	"net/http"
	"strings"
	"testing"
)

func TestAgentsPaging(t *testing.T) {
	c := newClient(t, Options{ExtraUsers: 241})
	var seen []int64
	path := "/agents?isActive=true&top=100"
	pages := 0
	for {
		p := decode[agentsPage](t, c.admin("GET", path, nil).want(t, http.StatusOK))
		pages++
		if p.TotalRecords != 249 || p.BusinessUnitID == 0 {
			t.Fatalf("totalRecords %d", p.TotalRecords)
		}
		for _, a := range p.Agents {
			seen = append(seen, a.AgentID)
		}
		if pages == 1 && p.Links.Previous != nil {
			t.Errorf("first page has previous %q", *p.Links.Previous)
		}
		if p.Links.Next == nil {
			break
		}
		if pages > 1 && p.Links.Previous == nil {
			t.Errorf("page %d has no previous link", pages)
		}
		path = strings.TrimPrefix(*p.Links.Next, c.s.URL+adminPrefix)
	}
	if pages != 3 || len(seen) != 249 {
		t.Errorf("%d pages, %d agents; want 3 pages of 249 active agents", pages, len(seen))
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] <= seen[i-1] {
			t.Fatalf("agents not in id order or repeated: %d then %d", seen[i-1], seen[i])
		}
	}
	c.admin("GET", "/agents?top=101", nil).want(t, http.StatusBadRequest)
	c.admin("GET", "/agents?skip=-1", nil).want(t, http.StatusBadRequest)
	c.admin("GET", "/agents?isActive=maybe", nil).want(t, http.StatusBadRequest)
}

func TestAgentsSearch(t *testing.T) {
	c := newClient(t, Options{})
	for search, want := range map[string]int{
		"KHAN": 1, "wolf": 2, "@THEJUNGLE.example": 9, "shere.k": 1, "nobody": 0,
	} {
		p := decode[agentsPage](t, c.admin("GET", "/agents?searchString="+search, nil).want(t, http.StatusOK))
		if p.TotalRecords != want || len(p.Agents) != want {
			t.Errorf("searchString %q: %d agents, want %d", search, p.TotalRecords, want)
		}
	}
	p := decode[agentsPage](t, c.admin("GET", "/agents?isActive=false", nil))
	if len(p.Agents) != 1 || p.Agents[0].UserName != "raksha" {
		t.Errorf("inactive agents: %+v", p.Agents)
	}
}

func TestGetAgent(t *testing.T) {
	c := newClient(t, Options{})
	a := c.admin("GET", "/agents/1001", nil).want(t, http.StatusOK)
	if !strings.Contains(string(a.body), `"DigitalEngagementEnabled":false`) {
		t.Errorf("answer must spell DigitalEngagementEnabled with a capital D: %s", a.body)
	}
	p := decode[agentsPage](t, a)
	if len(p.Agents) != 1 || p.Agents[0].UserName != "mowgli" {
		t.Errorf("agent 1001: %+v", p.Agents)
	}
	c.admin("GET", "/agents/999999", nil).want(t, http.StatusNotFound)
	c.admin("GET", "/agents/abc", nil).want(t, http.StatusBadRequest)
}

func TestUpdateAgents(t *testing.T) {
	c := newClient(t, Options{})
	body := `{"agents":[
		{"agentId":1001,"digitalEngagementEnabled":true,"digitalThreshold":5,"digitalRefusalTimeout":60},
		{"agentId":1002,"digitalThreshold":101},
		{"agentId":1003,"digitalRefusalTimeout":9},
		{"agentId":424242,"digitalEngagementEnabled":true},
		{"agentId":1004,"useTeamDigitalThreshold":false}]}`
	res := decode[bulkResult](t, c.admin("PUT", "/agents", body).want(t, http.StatusOK))
	if res.ErrorCount != 3 || len(res.AgentResults) != 5 {
		t.Fatalf("result %+v", res)
	}
	for i, want := range []bool{true, false, false, false, true} {
		r := res.AgentResults[i]
		if r.Success != want || (r.Error == nil) != want {
			t.Errorf("item %d: %+v", i, r)
		}
	}
	if r := res.AgentResults[3]; r.AgentID != 424242 || !strings.Contains(*r.Error, "424242") {
		t.Errorf("unknown agent item: %+v", r)
	}
	byID := map[int64]Agent{}
	for _, a := range c.s.State().Agents {
		byID[a.AgentID] = a
	}
	if a := byID[1001]; !a.DigitalEngagementEnabled || a.DigitalThreshold != 5 || a.DigitalRefusalTimeout != 60 || !a.UseTeamDigitalThreshold {
		t.Errorf("agent 1001 after update (untouched fields must stay): %+v", a)
	}
	if a := byID[1002]; a.DigitalThreshold != seedThreshold {
		t.Errorf("failed item changed agent 1002: %+v", a)
	}
	if a := byID[1004]; a.UseTeamDigitalThreshold || a.DigitalEngagementEnabled {
		t.Errorf("agent 1004: %+v", a)
	}
	c.admin("PUT", "/agents", `{"agents":[]}`).want(t, http.StatusBadRequest)
	c.admin("PUT", "/agents", `{not json`).want(t, http.StatusBadRequest)
}

type agentsPage struct {
	BusinessUnitID int        `json:"businessUnitId"`
	TotalRecords   int        `json:"totalRecords"`
	Links          adminLinks `json:"_links"`
	Agents         []Agent    `json:"agents"`
}

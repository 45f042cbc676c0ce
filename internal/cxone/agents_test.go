package cxone_test

import (
	"fmt"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func TestAgents_filters(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	got, err := e.c.ListAgents(e.ctx, cxone.AgentListOptions{SearchString: "BAGHEERA"})
	if err != nil || len(got) != 1 || got[0].UserName != "bagheera" || got[0].EmailAddress != "bagheera@thejungle.example" {
		t.Fatalf("search: %+v %v", got, err)
	}
	inactive, err := e.c.ListAgents(e.ctx, cxone.AgentListOptions{IsActive: new(false)})
	if err != nil || len(inactive) != 1 || inactive[0].UserName != "raksha" || inactive[0].IsActive {
		t.Fatalf("inactive: %+v %v", inactive, err)
	}
}

func TestAgents_getAndNotFound(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	id := e.agentIDs()[0]
	a, err := e.c.GetAgent(e.ctx, id)
	if err != nil || a.AgentID != id || a.UserName != "mowgli" || a.UserID == "" || a.DigitalEngagementEnabled {
		t.Fatalf("GetAgent: %+v %v", a, err)
	}
	_, err = e.c.GetAgent(e.ctx, 999999)
	if !cxone.IsNotFound(err) {
		t.Fatalf("unknown agent: %v", err)
	}
	wantAPIError(t, err, 404, "agent 999999")
}

func TestAgents_updateDigitalSettings(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	id := e.agentIDs()[1]
	err := e.c.UpdateAgentDigitalSettings(e.ctx, cxone.AgentDigitalSettings{
		AgentID: id, DigitalEngagementEnabled: new(true), DigitalThreshold: new(7), DigitalRefusalTimeout: new(45),
	})
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.c.GetAgent(e.ctx, id)
	if err != nil || !a.DigitalEngagementEnabled || a.DigitalThreshold != 7 || a.DigitalRefusalTimeout != 45 || !a.UseTeamDigitalThreshold {
		t.Fatalf("after update (useTeamDigitalThreshold left out must stay true): %+v %v", a, err)
	}

	// Validation failures arrive inside a 200 answer.
	err = e.c.UpdateAgentDigitalSettings(e.ctx, cxone.AgentDigitalSettings{AgentID: id, DigitalThreshold: new(500)})
	wantItemError(t, err, 0, "digitalThreshold must be from 1 to 100")
	if cxone.IsConflict(err) {
		t.Fatal("a range error is not a conflict")
	}
	err = e.c.UpdateAgentDigitalSettings(e.ctx, cxone.AgentDigitalSettings{AgentID: 999999, DigitalEngagementEnabled: new(true)})
	wantItemError(t, err, 0, "not found")
}

// FirstPage.All gives the same list as ListAgents without reading the first page
// again, and follows the pages of users added after the first page was read.
func TestAgents_listAfterFirstPage(t *testing.T) {
	e := newEnv(t, mockcxone.Options{ExtraUsers: 650})
	ids := func(agents []cxone.Agent) map[int64]bool {
		t.Helper()
		m := map[int64]bool{}
		for _, a := range agents {
			if m[a.AgentID] {
				t.Fatalf("agent %d listed twice", a.AgentID)
			}
			m[a.AgentID] = true
		}
		return m
	}
	first, err := e.c.ListAgentsFirstPage(e.ctx)
	if err != nil || first.Complete || first.Total != len(e.s.State().Agents) {
		t.Fatalf("first page: %d agents of %d, complete %v, %v", len(first.Items), first.Total, first.Complete, err)
	}
	before := e.count("GET " + adminKey + "/agents")
	got, err := first.All(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n := e.count("GET "+adminKey+"/agents") - before; n != 6 {
		t.Errorf("%d requests after the first page for %d agents, want 6", n, first.Total)
	}
	want, err := e.c.ListAgents(e.ctx, cxone.AgentListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if g, w := ids(got), ids(want); len(g) != len(w) {
		t.Fatalf("All listed %d agents, ListAgents %d", len(g), len(w))
	}

	// Users added after the first page was read: the list follows them past its total.
	for i := range 150 {
		if _, err := e.s.AddAgentForTest(mockcxone.Agent{UserName: fmt.Sprintf("late.%03d", i), IsActive: true}); err != nil {
			t.Fatal(err)
		}
	}
	got, err = first.All(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := len(ids(got)), len(e.s.State().Agents); g != w {
		t.Errorf("after 150 users were added, All listed %d agents, the mock holds %d", g, w)
	}
}

package mockcxone

import (
	"net/http"
	"strconv"
	"sync"
	"testing"
)

func TestAddAgentForTest(t *testing.T) {
	c := newClient(t, Options{SyncDelay: -1})
	twin, err := c.s.AddAgentForTest(Agent{UserName: "mowgli.twin", EmailAddress: "mowgli@thejungle.example", IsActive: true})
	if err != nil {
		t.Fatal(err)
	}
	if twin.AgentID != firstAgentID+int64(len(seedUsers)) || twin.UserID == "" {
		t.Fatalf("added agent %+v: want the next free id %d and a user id", twin, firstAgentID+len(seedUsers))
	}

	// The API sees it: by id and in a search that now finds two users with one address.
	got := decode[struct{ Agents []Agent }](t, c.admin("GET", "/agents/"+strconv.FormatInt(twin.AgentID, 10), nil).want(t, http.StatusOK))
	if len(got.Agents) != 1 || got.Agents[0] != twin {
		t.Fatalf("GET agent = %+v, want %+v", got.Agents, twin)
	}
	list := decode[struct{ Agents []Agent }](t, c.admin("GET", "/agents?searchString=MOWGLI@thejungle.example", nil).want(t, http.StatusOK))
	if len(list.Agents) != 2 {
		t.Fatalf("search by the shared e-mail found %d agents, want 2", len(list.Agents))
	}

	if _, err := c.s.AddAgentForTest(Agent{AgentID: twin.AgentID, UserName: "again"}); err == nil {
		t.Fatal("adding an agent with a taken id succeeded")
	}
	if _, err := c.s.AddAgentForTest(Agent{}); err == nil {
		t.Fatal("adding an agent without a user name succeeded")
	}
	c.s.Reset()
	if n := len(c.s.State().Agents); n != len(seedUsers) {
		t.Fatalf("after Reset the tenant has %d agents, want the %d of the seed", n, len(seedUsers))
	}
}

func TestRemoveAgentForTest(t *testing.T) {
	c := newClient(t, Options{SyncDelay: -1})
	sk := c.createSkill("Pack Hunting")
	c.admin("POST", "/agents/1006/skills", map[string]any{"skills": []map[string]any{{"skillId": sk.SkillID, "proficiency": 3}}}).want(t, http.StatusOK)

	if !c.s.RemoveAgentForTest(1006) {
		t.Fatal("removing akela reported no such agent")
	}
	if c.s.RemoveAgentForTest(1006) {
		t.Fatal("removing akela twice reported success")
	}
	c.admin("GET", "/agents/1006", nil).want(t, http.StatusNotFound)
	st := c.s.State()
	for _, a := range st.Agents {
		if a.AgentID == 1006 {
			t.Fatal("akela is still listed")
		}
	}
	if len(st.Assignments) != 0 {
		t.Fatalf("akela's assignments are left behind: %+v", st.Assignments)
	}
}

// TestAgentHooksConcurrent runs the hooks alongside reads of the store, for the race detector.
func TestAgentHooksConcurrent(t *testing.T) {
	c := newClient(t, Options{SyncDelay: -1})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			a, err := c.s.AddAgentForTest(Agent{UserName: "cub" + strconv.Itoa(i), IsActive: true})
			if err != nil {
				t.Error(err)
				return
			}
			c.s.RemoveAgentForTest(a.AgentID)
		})
		wg.Go(func() { _ = c.s.State() })
	}
	wg.Wait()
	if n := len(c.s.State().Agents); n != len(seedUsers) {
		t.Fatalf("after adding and removing, the tenant has %d agents, want %d", n, len(seedUsers))
	}
}

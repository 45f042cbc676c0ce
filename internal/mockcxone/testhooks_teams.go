package mockcxone

import "fmt"

// AddTeamForTest adds a team to the tenant, for tests that need more teams than the seed
// (paging, look-ups by name, an inactive team); the API offers no call to create one. A
// zero TeamID takes the next free ID. The team lasts until Reset.
func (s *Server) AddTeamForTest(t Team) (Team, error) {
	if t.TeamName == "" {
		return Team{}, fmt.Errorf("AddTeamForTest: TeamName is required")
	}
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	if t.TeamID == 0 {
		t.TeamID = nextFreeID(st.teams, 1)
	}
	if t.TeamID < 0 || st.teams[t.TeamID] != nil {
		return Team{}, fmt.Errorf("AddTeamForTest: team ID %d is negative or taken", t.TeamID)
	}
	stored := t
	st.teams[t.TeamID] = &stored
	return t, nil
}

package mockcxone

import (
	"cmp"
	"fmt"
	"slices"
)

// AddAgentForTest adds a user to the tenant as it is given, bypassing the checks of
// POST /agents, for tests that need users the API would refuse or could not make:
// for example a second user with an e-mail address already in use, or one with a
// chosen AgentID. A zero AgentID takes the next free ID, an empty UserID is derived
// from the user name, an empty EmailAddress is "<user name>@thejungle.example", a
// zero TeamID or ProfileID is the seed's, and TeamName and ProfileName follow the
// IDs. The user lasts until Reset.
func (s *Server) AddAgentForTest(a Agent) (Agent, error) {
	if a.UserName == "" {
		return Agent{}, fmt.Errorf("AddAgentForTest: UserName is required")
	}
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	if a.AgentID == 0 {
		a.AgentID = st.nextAgentIDLocked()
	}
	if a.AgentID < 0 {
		return Agent{}, fmt.Errorf("AddAgentForTest: AgentID must be positive, got %d", a.AgentID)
	}
	if st.agents[a.AgentID] != nil {
		return Agent{}, fmt.Errorf("AddAgentForTest: agent %d already exists", a.AgentID)
	}
	if a.UserID == "" {
		a.UserID = userGUID(a.UserName)
	}
	if a.EmailAddress == "" {
		a.EmailAddress = a.UserName + "@" + emailDomain
	}
	a.TeamID = cmp.Or(a.TeamID, seedTeamID)
	a.ProfileID = cmp.Or(a.ProfileID, seedProfileID)
	stored := a
	st.putAgentLocked(&stored)
	return stored, nil
}

// RemoveAgentForTest deletes a user and the user's skill assignments, as if the
// user had been deleted in CXone's user hub, for tests of what happens to resources
// that refer to a user who is gone. It reports whether the user existed.
func (s *Server) RemoveAgentForTest(agentID int64) bool {
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.agents[agentID] == nil {
		return false
	}
	delete(st.agents, agentID)
	st.agentOrder = slices.DeleteFunc(st.agentOrder, func(id int64) bool { return id == agentID })
	for k := range st.assignments {
		if k.agentID == agentID {
			delete(st.assignments, k)
		}
	}
	return true
}

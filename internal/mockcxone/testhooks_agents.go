package mockcxone

import (
	"fmt"
	"slices"

	"github.com/google/uuid"
)

// AddAgentForTest adds a user to the tenant, for tests that need users the seed
// does not have: for example a second user with an e-mail address already in use,
// which CXone allows and the API offers no call to create. The API never creates
// users, so this hook is the only way. A zero AgentID takes the next free ID, an
// empty UserID is derived from the user name, and an empty EmailAddress is
// "<user name>@thejungle.example". The user lasts until Reset.
func (s *Server) AddAgentForTest(a Agent) (Agent, error) {
	if a.UserName == "" {
		return Agent{}, fmt.Errorf("AddAgentForTest: UserName is required")
	}
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	if a.AgentID == 0 {
		a.AgentID = firstAgentID
		for id := range st.agents {
			a.AgentID = max(a.AgentID, id+1)
		}
	}
	if a.AgentID < 0 {
		return Agent{}, fmt.Errorf("AddAgentForTest: AgentID must be positive, got %d", a.AgentID)
	}
	if st.agents[a.AgentID] != nil {
		return Agent{}, fmt.Errorf("AddAgentForTest: agent %d already exists", a.AgentID)
	}
	if a.UserID == "" {
		a.UserID = uuid.NewSHA1(userNamespace, []byte(a.UserName)).String()
	}
	if a.EmailAddress == "" {
		a.EmailAddress = a.UserName + "@" + emailDomain
	}
	stored := a
	st.agents[a.AgentID] = &stored
	st.agentOrder = append(st.agentOrder, a.AgentID)
	return a, nil
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

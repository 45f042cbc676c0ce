package mockcxone

import (
	"fmt"
	"net/http"
	"time"

	"github.com/google/uuid"
)

// listAgents lists users; searchString looks in user name, first and last name and
// e-mail address.
func (s *Server) listAgents(w http.ResponseWriter, r *http.Request) {
	serveAdminList(w, r, s.store, "agents", (*store).sortedAgents, func(q adminQuery, a *Agent) bool {
		return q.keeps(a.IsActive, a.UserName, a.FirstName, a.LastName, a.EmailAddress)
	})
}

func (s *Server) getAgent(w http.ResponseWriter, r *http.Request) {
	writeAdminOne(w, r, s.store, "agentId", "agent", "agents", agentsOf)
}

// createAgents creates users in bulk (POST /agents). Each item succeeds or fails on its own;
// unlike POST /skills, a result carries the new user's agentId.
func (s *Server) createAgents(w http.ResponseWriter, r *http.Request) {
	serveBulk(w, r, s.store, bulkAgentsShape, s.store.createAgentLocked)
}

// updateAgents changes users in bulk (PUT /agents): their digital settings and every other
// field a user has, isActive included. Fields left out stay as they are.
func (s *Server) updateAgents(w http.ResponseWriter, r *http.Request) {
	serveBulk(w, r, s.store, bulkAgentsShape, func(in agentIn) (int64, string) {
		var id int64
		if in.AgentID != nil {
			id = *in.AgentID
		}
		return id, s.store.updateAgentLocked(in)
	})
}

// createAgentLocked creates one user or says why not. A new user is active unless the item
// says otherwise, and gets the digital defaults of the seed. Caller holds st.mu.
func (st *store) createAgentLocked(in agentIn) (int64, string) {
	if f := in.missingOnCreate(); f != "" {
		return 0, f + " is required"
	}
	if msg := st.checkAgentFieldsLocked(in, 0); msg != "" {
		return 0, msg
	}
	a := &Agent{
		AgentID: st.nextAgentIDLocked(), UserID: uuid.NewString(), IsActive: true,
		CreateDate:       time.Now().UTC().Format(time.RFC3339),
		DigitalThreshold: seedThreshold, UseTeamDigitalThreshold: true, DigitalRefusalTimeout: seedRefusalSecs,
	}
	if msg := in.applyTo(a); msg != "" {
		return 0, msg
	}
	st.putAgentLocked(a)
	return a.AgentID, ""
}

// updateAgentLocked validates one item and applies it whole, or returns why not. Caller
// holds st.mu.
func (st *store) updateAgentLocked(in agentIn) string {
	if in.AgentID == nil {
		return "agentId is required"
	}
	a := st.agents[*in.AgentID]
	if a == nil {
		return fmt.Sprintf("agent %d was not found", *in.AgentID)
	}
	if msg := st.checkAgentFieldsLocked(in, a.AgentID); msg != "" {
		return msg
	}
	next := *a
	if msg := in.applyTo(&next); msg != "" {
		return msg
	}
	st.nameTeamAndProfileLocked(&next)
	*a = next
	return ""
}

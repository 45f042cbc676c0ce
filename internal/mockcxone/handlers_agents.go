package mockcxone

import (
	"fmt"
	"net/http"
	"strings"
)

// agentMatches applies the list filters: searchString looks in user name, first and
// last name and e-mail address, ignoring case.
func agentMatches(a *Agent, search string, active *bool) bool {
	if active != nil && a.IsActive != *active {
		return false
	}
	if search == "" {
		return true
	}
	for _, f := range []string{a.UserName, a.FirstName, a.LastName, a.EmailAddress} {
		if strings.Contains(strings.ToLower(f), search) {
			return true
		}
	}
	return false
}

func (s *Server) listAgents(w http.ResponseWriter, r *http.Request) {
	skip, top, err := adminPage(r)
	if err != nil {
		badRequest(w, err)
		return
	}
	active, err := parseBoolParam(r, "isActive")
	if err != nil {
		badRequest(w, err)
		return
	}
	search := strings.ToLower(r.URL.Query().Get("searchString"))

	st := s.store
	st.mu.RLock()
	var all []Agent
	for _, id := range st.agentOrder {
		if a := st.agents[id]; agentMatches(a, search, active) {
			all = append(all, *a)
		}
	}
	st.mu.RUnlock()

	writeAdminList(w, r, "agents", all, skip, top)
}

func (s *Server) getAgent(w http.ResponseWriter, r *http.Request) {
	writeAdminOne(w, r, s.store, "agentId", "agent", "agents", func(st *store, id int64) *Agent { return st.agents[id] })
}

// agentUpdate is one item of PUT /agents. Requests spell digitalEngagementEnabled
// with a lower-case d (encoding/json also takes the capitalised answer spelling).
// Fields left out are left unchanged.
type agentUpdate struct {
	AgentID                  *int64 `json:"agentId"`
	DigitalEngagementEnabled *bool  `json:"digitalEngagementEnabled"`
	DigitalThreshold         *int   `json:"digitalThreshold"`
	UseTeamDigitalThreshold  *bool  `json:"useTeamDigitalThreshold"`
	DigitalRefusalTimeout    *int   `json:"digitalRefusalTimeout"`
}

// updateAgents changes digital settings in bulk; each item succeeds or fails on its own.
func (s *Server) updateAgents(w http.ResponseWriter, r *http.Request) {
	serveBulk(w, r, s.store, bulkAgentsShape, func(u agentUpdate) (int64, string) {
		var id int64
		if u.AgentID != nil {
			id = *u.AgentID
		}
		return id, s.store.applyAgentUpdateLocked(u)
	})
}

// applyAgentUpdateLocked validates one item and applies it whole, or returns why not.
func (st *store) applyAgentUpdateLocked(u agentUpdate) string {
	if u.AgentID == nil {
		return "agentId is required"
	}
	a := st.agents[*u.AgentID]
	if a == nil {
		return fmt.Sprintf("agent %d was not found", *u.AgentID)
	}
	if u.DigitalThreshold != nil && (*u.DigitalThreshold < 1 || *u.DigitalThreshold > 100) {
		return fmt.Sprintf("digitalThreshold must be from 1 to 100, not %d", *u.DigitalThreshold)
	}
	if u.DigitalRefusalTimeout != nil && (*u.DigitalRefusalTimeout < 10 || *u.DigitalRefusalTimeout > 3600) {
		return fmt.Sprintf("digitalRefusalTimeout must be from 10 to 3600 seconds, not %d", *u.DigitalRefusalTimeout)
	}
	if u.DigitalEngagementEnabled != nil {
		a.DigitalEngagementEnabled = *u.DigitalEngagementEnabled
	}
	if u.DigitalThreshold != nil {
		a.DigitalThreshold = *u.DigitalThreshold
	}
	if u.UseTeamDigitalThreshold != nil {
		a.UseTeamDigitalThreshold = *u.UseTeamDigitalThreshold
	}
	if u.DigitalRefusalTimeout != nil {
		a.DigitalRefusalTimeout = *u.DigitalRefusalTimeout
	}
	return ""
}

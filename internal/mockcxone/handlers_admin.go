package mockcxone

import (
	"fmt"
	"net/http"
	"strings"
)

// routeAdmin registers the Admin API (cxone-api.md, section 2). Paths are written
// as in the contract so that request counts read the same.
func (s *Server) routeAdmin() {
	a := func(method, path string, h http.HandlerFunc) {
		s.route(method+" "+AdminBase+path, s.api(familyAdmin, h))
	}
	a("GET", "/agents", s.listAgents)
	a("GET", "/agents/{agentId}", s.getAgent)
	a("PUT", "/agents", s.updateAgents)
	a("GET", "/skills", s.listSkills)
	a("POST", "/skills", s.createSkills)
	a("GET", "/skills/{skillId}", s.getSkill)
	a("PUT", "/skills/{skillId}", s.updateSkill)
	a("GET", "/skills/{skillId}/agents", s.listSkillAgents)
	a("GET", "/agents/{agentId}/skills", s.listAgentSkills)
	a("POST", "/agents/{agentId}/skills", s.assignSkills)
	a("PUT", "/agents/{agentId}/skills", s.updateAssignments)
	a("DELETE", "/skills/{skillId}/agents/{agentId}", s.unassignSkill)
}

func badRequest(w http.ResponseWriter, err error) {
	adminError(w, http.StatusBadRequest, "invalid_request", err.Error())
}

func notFound(w http.ResponseWriter, what string) {
	adminError(w, http.StatusNotFound, "not_found", what+" was not found")
}

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

type agentResult struct {
	AgentID int64   `json:"agentId"`
	Success bool    `json:"success"`
	Error   *string `json:"error"`
}

// updateAgents changes digital settings in bulk. Like CXone it answers 200 even when
// items fail; each item succeeds or fails on its own.
func (s *Server) updateAgents(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Agents []agentUpdate `json:"agents"`
	}
	if err := decodeBody(r, &body); err != nil {
		badRequest(w, err)
		return
	}
	if len(body.Agents) == 0 {
		badRequest(w, fmt.Errorf("agents must hold at least one agent"))
		return
	}
	st := s.store
	st.mu.Lock()
	results := make([]agentResult, 0, len(body.Agents))
	failed := 0
	for _, u := range body.Agents {
		res := agentResult{}
		if u.AgentID != nil {
			res.AgentID = *u.AgentID
		}
		if msg := st.applyAgentUpdateLocked(u); msg != "" {
			res.Error = errText(msg)
			failed++
		} else {
			res.Success = true
		}
		results = append(results, res)
	}
	st.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"errorCount": failed, "agentResults": results})
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

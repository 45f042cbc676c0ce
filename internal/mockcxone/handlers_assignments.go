package mockcxone

import (
	"fmt"
	"net/http"
)

// assignmentList answers a paged list, in the Admin API's shape, of the assignments that
// keep accepts, under the object that the path parameter param names.
func assignmentList[T any](w http.ResponseWriter, r *http.Request, st *store, param, noun string, objects outMap[T], keep func(*T, *Assignment) bool) {
	all, q, ok := pageByID(w, r, st, param, noun, objects, func(obj *T) []Assignment {
		var all []Assignment
		for _, a := range st.sortedAssignments() {
			if keep(obj, &a) {
				all = append(all, a)
			}
		}
		return all
	})
	if ok {
		writeAdminList(w, r, "agentSkillAssignments", all, q)
	}
}

// listSkillAgents lists who has a skill, by agent id.
func (s *Server) listSkillAgents(w http.ResponseWriter, r *http.Request) {
	assignmentList(w, r, s.store, "skillId", "skill", skillsOf, func(sk *Skill, a *Assignment) bool {
		// As CXone documents it, this side of the list carries neither the skill's
		// name nor its media type: a client must not rely on them here.
		a.SkillName, a.MediaTypeID = "", 0
		return a.SkillID == sk.SkillID
	})
}

// listAgentSkills lists an agent's skills, by skill id.
func (s *Server) listAgentSkills(w http.ResponseWriter, r *http.Request) {
	assignmentList(w, r, s.store, "agentId", "agent", agentsOf, func(ag *Agent, a *Assignment) bool {
		return a.AgentID == ag.AgentID
	})
}

// assignmentIn is one item of POST and PUT /agents/{agentId}/skills.
type assignmentIn struct {
	SkillID     *int64 `json:"skillId"`
	Proficiency *int   `json:"proficiency"`
	IsActive    *bool  `json:"isActive"`
}

func (s *Server) assignSkills(w http.ResponseWriter, r *http.Request) {
	s.writeAssignments(w, r, true)
}

func (s *Server) updateAssignments(w http.ResponseWriter, r *http.Request) {
	s.writeAssignments(w, r, false)
}

// writeAssignments adds (create) or changes (!create) an agent's skills in bulk. An
// unknown agent fails the call with 404; everything else fails only its item.
func (s *Server) writeAssignments(w http.ResponseWriter, r *http.Request, create bool) {
	st := s.store
	agentID, ok := readByID(w, r, st, "agentId", "agent", agentsOf, func(a *Agent) int64 { return a.AgentID })
	if !ok {
		return
	}
	serveBulk(w, r, st, bulkAssignmentsShape, func(in assignmentIn) (int64, string) {
		var id int64
		if in.SkillID != nil {
			id = *in.SkillID
		}
		if st.agents[agentID] == nil { // removed since the check above
			return id, fmt.Sprintf("agent %d was not found", agentID)
		}
		return id, st.writeAssignmentLocked(agentID, in, create)
	})
}

// writeAssignmentLocked applies one item or says why not. Caller holds st.mu.
func (st *store) writeAssignmentLocked(agentID int64, in assignmentIn, create bool) string {
	if in.SkillID == nil {
		return "skillId is required"
	}
	k := assignKey{agentID: agentID, skillID: *in.SkillID}
	if st.skills[k.skillID] == nil {
		return fmt.Sprintf("skill %d was not found", k.skillID)
	}
	if in.Proficiency != nil && (*in.Proficiency < 1 || *in.Proficiency > 20) {
		return fmt.Sprintf("proficiency must be from 1 (highest) to 20 (lowest), not %d", *in.Proficiency)
	}
	cur := st.assignments[k]
	if create {
		if cur != nil {
			return fmt.Sprintf("skill %d is already assigned to agent %d", k.skillID, agentID)
		}
		if in.Proficiency == nil {
			return "proficiency is required"
		}
		a := &assignRec{proficiency: *in.Proficiency, isActive: true}
		setIf(&a.isActive, in.IsActive)
		st.assignments[k] = a
		return ""
	}
	if cur == nil {
		return fmt.Sprintf("skill %d is not assigned to agent %d", k.skillID, agentID)
	}
	setIf(&cur.proficiency, in.Proficiency)
	setIf(&cur.isActive, in.IsActive)
	return ""
}

// unassignSkill takes a skill from an agent; 404 when it was not assigned.
func (s *Server) unassignSkill(w http.ResponseWriter, r *http.Request) {
	st := s.store
	writeByIDPair(w, r, st, "skillId", "agentId", func(skillID, agentID int64) {
		k := assignKey{agentID: agentID, skillID: skillID}
		if _, assigned := st.assignments[k]; !assigned {
			notFound(w, fmt.Sprintf("assignment of skill %d to agent %d", skillID, agentID))
			return
		}
		delete(st.assignments, k)
		w.WriteHeader(http.StatusNoContent)
	})
}

package mockcxone

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// skillFieldsIn is the writable part of a skill in POST and PUT bodies. Pointers
// tell a field left out (unchanged, or defaulted on create) from a zero value.
type skillFieldsIn struct {
	MediaTypeID           *int    `json:"mediaTypeId"`
	SkillName             *string `json:"skillName"`
	IsActive              *bool   `json:"isActive"`
	IsOutbound            *bool   `json:"isOutbound"`
	Notes                 *string `json:"notes"`
	InitialPriority       *int    `json:"initialPriority"`
	Acceleration          *int    `json:"acceleration"`
	MaxPriority           *int    `json:"maxPriority"`
	ServiceLevelThreshold *int    `json:"serviceLevelThreshold"`
	ServiceLevelGoal      *int    `json:"serviceLevelGoal"`
	// outboundSkillIn holds the fields of outbound skills (handlers_outbound_skills.go).
	outboundSkillIn
}

// apply copies the fields that are present onto sk.
func (in skillFieldsIn) apply(sk *Skill) {
	setIf(&sk.SkillName, in.SkillName)
	setIf(&sk.IsActive, in.IsActive)
	setIf(&sk.IsOutbound, in.IsOutbound)
	setIf(&sk.Notes, in.Notes)
	setIf(&sk.InitialPriority, in.InitialPriority)
	setIf(&sk.Acceleration, in.Acceleration)
	setIf(&sk.MaxPriority, in.MaxPriority)
	setIf(&sk.ServiceLevelThreshold, in.ServiceLevelThreshold)
	setIf(&sk.ServiceLevelGoal, in.ServiceLevelGoal)
}

// validateSkill checks a skill as it would be after a write.
func validateSkill(sk *Skill) string {
	if strings.TrimSpace(sk.SkillName) == "" {
		return "skillName is required"
	}
	for _, f := range []struct {
		name  string
		value int
	}{{"initialPriority", sk.InitialPriority}, {"acceleration", sk.Acceleration}, {"maxPriority", sk.MaxPriority}} {
		if f.value < 0 || f.value > 1000 {
			return fmt.Sprintf("%s must be from 0 to 1000, not %d", f.name, f.value)
		}
	}
	if sk.ServiceLevelThreshold < 0 {
		return fmt.Sprintf("serviceLevelThreshold must be 0 or more seconds, not %d", sk.ServiceLevelThreshold)
	}
	if sk.ServiceLevelGoal < 0 || sk.ServiceLevelGoal > 100 {
		return fmt.Sprintf("serviceLevelGoal must be a percentage from 0 to 100, not %d", sk.ServiceLevelGoal)
	}
	return ""
}

// skillNamedLocked finds a skill by exact name, active or not, other than skip.
func (st *store) skillNamedLocked(name string, skip int64) *Skill {
	for _, sk := range st.skills {
		if sk.SkillName == name && sk.SkillID != skip {
			return sk
		}
	}
	return nil
}

// listSkills lists skills, also by mediaTypeId; searchString looks in the name.
func (s *Server) listSkills(w http.ResponseWriter, r *http.Request) {
	mediaType := 0
	if raw := r.URL.Query().Get("mediaTypeId"); raw != "" {
		var err error
		if mediaType, err = strconv.Atoi(raw); err != nil {
			badRequest(w, fmt.Errorf("mediaTypeId must be an integer, not %q", raw))
			return
		}
	}
	hideFrom := s.store.takeSkillListLag()
	serveAdminList(w, r, s.store, "skills", (*store).sortedSkills, func(q adminQuery, sk *Skill) bool {
		return q.keeps(sk.IsActive, sk.SkillName) && (mediaType == 0 || sk.MediaTypeID == mediaType) && keepsStrategy(r, sk) &&
			(hideFrom == 0 || sk.SkillID < hideFrom)
	})
}

func (s *Server) getSkill(w http.ResponseWriter, r *http.Request) {
	writeAdminOne(w, r, s.store, "skillId", "skill", "skills", skillsOf)
}

// createSkills creates skills in bulk. As in CXone the results carry no skill ids (clients
// find a new skill by its exact name) and failed items do not fail the call.
func (s *Server) createSkills(w http.ResponseWriter, r *http.Request) {
	shape := bulkSkillsShape
	if s.store.skillIDsAnswered() {
		shape.idField = "skillId" // as live tenants appear to (SetSkillIDInCreateAnswerForTest)
	}
	serveBulk(w, r, s.store, shape, func(in skillFieldsIn) (int64, string) {
		if msg := s.createSkillLocked(in); msg != "" {
			return 0, msg
		}
		return s.store.nextSkillID - 1, ""
	})
}

// createSkillLocked creates one skill or says why not. Caller holds st.mu.
func (s *Server) createSkillLocked(in skillFieldsIn) string {
	st := s.store
	if in.MediaTypeID == nil {
		return "mediaTypeId is required"
	}
	mediaName, ok := mediaTypeNames[*in.MediaTypeID]
	if !ok {
		return fmt.Sprintf("mediaTypeId %d is not a known media type", *in.MediaTypeID)
	}
	// Defaults for fields left out, close to what the CXone UI proposes.
	sk := &Skill{
		MediaTypeID: *in.MediaTypeID, MediaTypeName: mediaName, IsActive: true,
		Acceleration: 1, MaxPriority: 1000, ServiceLevelThreshold: 30, ServiceLevelGoal: 80,
	}
	in.apply(sk)
	if msg := validateSkill(sk); msg != "" {
		return msg
	}
	if msg := st.applyOutboundLocked(in.outboundSkillIn, sk, true); msg != "" {
		return msg
	}
	if other := st.skillNamedLocked(sk.SkillName, 0); other != nil {
		// No id in the text: clients must look the skill up by name, as with CXone.
		state := "active"
		if !other.IsActive {
			state = "inactive"
		}
		return fmt.Sprintf("a skill named %q already exists (%s)", sk.SkillName, state)
	}
	sk.SkillID = st.nextSkillID
	st.nextSkillID++
	st.skills[sk.SkillID] = sk
	st.createdOutboundLocked(sk)
	if sk.MediaTypeID == MediaTypeDigital {
		s.scheduleSync(sk.SkillID)
	}
	return ""
}

// updateSkill changes one skill. Fields left out stay as they are. Renaming or
// (de)activating a synced skill carries over to its routing queue.
func (s *Server) updateSkill(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "skillId")
	if !ok {
		return
	}
	body, ok := readBody[struct {
		Skill *skillFieldsIn `json:"skill"`
	}](w, r)
	if !ok {
		return
	}
	if body.Skill == nil {
		badRequest(w, fmt.Errorf("skill is required"))
		return
	}
	st := s.store
	writeStoppedSkill(w, st, id, func(sk *Skill) { st.updateSkillLocked(w, sk, body.Skill) })
}

// updateSkillLocked applies a PUT of skill sk and answers it, or answers why not. Caller
// holds mu for writing.
func (st *store) updateSkillLocked(w http.ResponseWriter, sk *Skill, in *skillFieldsIn) {
	id := sk.SkillID
	if mt := in.MediaTypeID; mt != nil && *mt != sk.MediaTypeID {
		badRequest(w, fmt.Errorf("mediaTypeId of skill %d cannot change from %d to %d", id, sk.MediaTypeID, *mt))
		return
	}
	if io := in.IsOutbound; io != nil && *io != sk.IsOutbound {
		badRequest(w, fmt.Errorf("isOutbound of skill %d cannot change", id))
		return
	}
	next := *sk
	in.apply(&next)
	if msg := validateSkill(&next); msg != "" {
		badRequest(w, fmt.Errorf("%s", msg))
		return
	}
	if msg := st.applyOutboundLocked(in.outboundSkillIn, &next, false); msg != "" {
		badRequest(w, fmt.Errorf("%s", msg))
		return
	}
	if other := st.skillNamedLocked(next.SkillName, id); other != nil {
		adminError(w, http.StatusConflict, "conflict",
			fmt.Sprintf("a skill named %q already exists (skillId %d)", next.SkillName, other.SkillID))
		return
	}
	*sk = next
	st.mirrorSkillLocked(sk)
	writeJSON(w, http.StatusOK, map[string]any{"success": true, "skillId": id})
}

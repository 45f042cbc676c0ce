package mockcxone

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
)

// Outbound skills (outbound-api.md section 4): POST and PUT /skills carry the outbound
// fields besides the ones handlers_skills.go reads; a Personal Connection skill also has
// parameter groups (handlers_skill_parameters.go) and is started and stopped.

// The outbound strategies.
const (
	strategyPC     = "Personal Connection"
	strategyManual = "Manual"
)

// outboundSkillNameRE is the name rule of the Personal Connection set-up pages: 2 to 30
// letters, digits and - _ . : characters.
var outboundSkillNameRE = regexp.MustCompile(`^[A-Za-z0-9_.:-]{2,30}$`)

// outboundSkillIn is the outbound part of a skill in POST and PUT /skills, embedded in
// skillFieldsIn. Pointers tell a field left out from a zero value.
type outboundSkillIn struct {
	OutboundStrategy   *string               `json:"outboundStrategy"`
	CampaignID         *int64                `json:"campaignId"`
	MessageTemplateID  *int64                `json:"messageTemplateId"`
	Dispositions       *[]skillDispositionIn `json:"dispositions"`
	RequireDisposition *bool                 `json:"requireDisposition"`
}

// skillDispositionIn is one item of a skill's dispositions; both fields are required.
type skillDispositionIn struct {
	DispositionID *int64 `json:"dispositionId"`
	Priority      *int   `json:"priority"`
}

// isPC reports whether a skill is an outbound Personal Connection skill.
func isPC(sk *Skill) bool { return sk.IsOutbound && sk.OutboundStrategy == strategyPC }

// applyOutboundLocked checks the outbound fields of a write of sk (already holding the
// other fields) and copies them onto it, or says why not. On create, the strategy is
// required of outbound skills and refused for inbound ones; on update it cannot change.
// Caller holds mu for writing.
func (st *store) applyOutboundLocked(in outboundSkillIn, sk *Skill, create bool) string {
	if in.OutboundStrategy != nil {
		switch {
		case !create && *in.OutboundStrategy != sk.OutboundStrategy:
			return fmt.Sprintf("outboundStrategy of skill %d cannot change", sk.SkillID)
		case *in.OutboundStrategy != strategyPC && *in.OutboundStrategy != strategyManual:
			return fmt.Sprintf("outboundStrategy must be %q or %q, not %q", strategyPC, strategyManual, *in.OutboundStrategy)
		}
		sk.OutboundStrategy = *in.OutboundStrategy
	}
	if !sk.IsOutbound {
		if in != (outboundSkillIn{}) {
			return "outboundStrategy, campaignId, messageTemplateId, dispositions and requireDisposition apply to outbound skills only"
		}
		return ""
	}
	if sk.OutboundStrategy == "" {
		return "outboundStrategy is required of an outbound skill"
	}
	if !outboundSkillNameRE.MatchString(sk.SkillName) {
		return fmt.Sprintf("skillName %q must be 2 to 30 letters, digits, hyphens, underscores, periods or colons", sk.SkillName)
	}
	if in.CampaignID != nil {
		c := st.out.campaigns[*in.CampaignID]
		if c == nil {
			return fmt.Sprintf("campaignId %d is not a known campaign", *in.CampaignID)
		}
		sk.CampaignID, sk.CampaignName = c.ID, c.Name
	}
	if in.MessageTemplateID != nil {
		t := st.out.templates[*in.MessageTemplateID]
		if t == nil || !t.IsActive {
			return fmt.Sprintf("messageTemplateId %d is not an active message template", *in.MessageTemplateID)
		}
		sk.MessageTemplateID = t.TemplateID
	}
	if in.Dispositions != nil {
		links := make([]SkillDisposition, 0, len(*in.Dispositions))
		for i, d := range *in.Dispositions {
			if d.DispositionID == nil || d.Priority == nil {
				return fmt.Sprintf("dispositions[%d]: dispositionId and priority are required", i)
			}
			disp := st.out.dispositions[*d.DispositionID]
			if disp == nil {
				return fmt.Sprintf("dispositions[%d]: dispositionId %d is not a known disposition", i, *d.DispositionID)
			}
			links = append(links, SkillDisposition{DispositionID: disp.DispositionID, DispositionName: disp.DispositionName,
				Priority: *d.Priority, IsPreviewDisposition: disp.IsPreviewDisposition})
		}
		sk.Dispositions = links // replaced whole: copies handed out may share the old slice
	}
	setIf(&sk.RequireDisposition, in.RequireDisposition)
	return ""
}

// createdOutboundLocked gives a new Personal Connection skill its parameter groups.
// Caller holds mu for writing.
func (st *store) createdOutboundLocked(sk *Skill) {
	if isPC(sk) {
		st.out.params[sk.SkillID] = defaultSkillParams()
	}
}

// writeStoppedSkill runs write on skill id under the write lock, or answers why not: 404
// when unknown, 400 while it runs (inferred: a running skill cannot be edited).
func writeStoppedSkill(w http.ResponseWriter, st *store, id int64, write func(sk *Skill)) {
	writeByID(w, st, id, "skill", skillsOf, func(sk *Skill) {
		if sk.IsRunning {
			badRequest(w, fmt.Errorf("skill %d is running: stop it before changing it", id))
			return
		}
		write(sk)
	})
}

// startSkillLocked starts a skill, or says why not: only an active outbound Personal
// Connection skill starts; a running one stays running. Caller holds mu for writing.
func (st *store) startSkillLocked(sk *Skill) string {
	if !sk.IsActive || !isPC(sk) {
		return fmt.Sprintf("skill %d is not an active outbound Personal Connection skill, so it cannot start", sk.SkillID)
	}
	sk.IsRunning = true
	return ""
}

func (s *Server) startSkill(w http.ResponseWriter, r *http.Request) {
	writeByParam(w, r, s.store, "skillId", "skill", skillsOf, func(sk *Skill) {
		if msg := s.store.startSkillLocked(sk); msg != "" {
			badRequest(w, fmt.Errorf("%s", msg))
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
}

// stopSkill stops a skill; a stopped one stays stopped. force is read (true or false) and
// changes nothing in the mock, which has no interactions to end.
func (s *Server) stopSkill(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "skillId")
	if !ok {
		return
	}
	if _, err := parseBoolParam(r, "force"); err != nil {
		badRequest(w, err)
		return
	}
	writeByID(w, s.store, id, "skill", skillsOf, func(sk *Skill) {
		sk.IsRunning = false
		w.WriteHeader(http.StatusNoContent)
	})
}

// skillDispositionRow is a disposition of a skill as GET /skills/{id}/dispositions shows it:
// displayOrder is the priority it was linked with.
type skillDispositionRow struct {
	DispositionID        int64  `json:"dispositionId"`
	DispositionName      string `json:"dispositionName"`
	DisplayOrder         int    `json:"displayOrder"`
	Classification       string `json:"classification"`
	SystemOutcome        string `json:"systemOutcome"`
	IsPreviewDisposition bool   `json:"isPreviewDisposition"`
}

func (s *Server) listSkillDispositions(w http.ResponseWriter, r *http.Request) {
	st := s.store
	var id int64
	var name string
	rows, q, ok := pageByID(w, r, st, "skillId", "skill", skillsOf, func(sk *Skill) []skillDispositionRow {
		id, name = sk.SkillID, sk.SkillName
		var rows []skillDispositionRow
		for _, l := range sk.Dispositions {
			row := skillDispositionRow{DispositionID: l.DispositionID, DispositionName: l.DispositionName, DisplayOrder: l.Priority}
			if d := st.out.dispositions[l.DispositionID]; d != nil {
				row.DispositionName, row.Classification = d.DispositionName, d.ClassificationName
				row.SystemOutcome, row.IsPreviewDisposition = d.SystemOutcome, d.IsPreviewDisposition
			}
			rows = append(rows, row)
		}
		return rows
	})
	if !ok {
		return
	}
	answer := adminPage(r, q, "dispositions", rows)
	answer["skillId"], answer["skillName"] = id, name
	writeJSON(w, http.StatusOK, answer)
}

// keepsStrategy is the outboundStrategy filter of GET /skills.
func keepsStrategy(r *http.Request, sk *Skill) bool {
	want := r.URL.Query().Get("outboundStrategy")
	return want == "" || sk.OutboundStrategy == want
}

// skillNo is the skill number the parameter aggregate shows.
func skillNo(id int64) string { return strconv.FormatInt(id, 10) }

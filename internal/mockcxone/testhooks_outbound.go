package mockcxone

import (
	"errors"
	"slices"
)

// CompleteUploadsForTest completes every pending calling-list upload job at once, for tests
// that do not want to wait for SyncDelay (as SyncNow does for routing queues).
func (s *Server) CompleteUploadsForTest() {
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	ids := make([]int64, 0, len(st.out.pending))
	for id := range st.out.pending {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		st.finishUploadLocked(id)
	}
}

// StartSkillForTest marks a skill running whatever kind it is, as a skill started in the
// CXone UI (Outbound > Skill Control) would be, for tests of what a running skill refuses.
// It reports whether the skill exists.
func (s *Server) StartSkillForTest(skillID int64) bool {
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	sk := st.skills[skillID]
	if sk == nil {
		return false
	}
	sk.IsRunning = true
	return true
}

// AddMessageTemplateForTest stores a template as given, bypassing the API's checks (a
// duplicate name, a template type the API refuses), for tests of what a client does with
// data the API would not produce. A zero TemplateID takes the next free ID.
func (s *Server) AddMessageTemplateForTest(t MessageTemplate) (MessageTemplate, error) {
	return addForTest(s, "AddMessageTemplateForTest", templateKind.objects, templateKind.first, t, templateKind.id)
}

// AddCampaignForTest stores a campaign as given, bypassing the API's checks (a duplicate
// name). A zero ID takes the next free ID.
func (s *Server) AddCampaignForTest(c Campaign) (Campaign, error) {
	if c.Name == "" {
		return Campaign{}, errors.New("AddCampaignForTest: Name is required")
	}
	return addForTest(s, "AddCampaignForTest", campaignKind.objects, campaignKind.first, c, campaignKind.id)
}

// AddDispositionForTest stores a disposition as given, bypassing the API's checks. A zero
// DispositionID takes the next free ID.
func (s *Server) AddDispositionForTest(d Disposition) (Disposition, error) {
	return addForTest(s, "AddDispositionForTest", dispositionKind.objects, dispositionKind.first, d, dispositionKind.id)
}

// AddDNCGroupForTest stores a DNC group as given, bypassing the API's checks. A zero
// DNCGroupID takes the next free ID.
func (s *Server) AddDNCGroupForTest(g DNCGroup) (DNCGroup, error) {
	return addForTest(s, "AddDNCGroupForTest", dncGroupKind.objects, dncGroupKind.first, g, dncGroupKind.id)
}

// LagSkillListForTest makes the next n answers of GET /skills leave out every skill created
// after this call, as CXone's list lags a new skill by a few seconds: for tests of a client
// that finds a new skill by name (POST /skills answers no id).
func (s *Server) LagSkillListForTest(n int) {
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	st.out.lagLists, st.out.lagFrom = n, st.nextSkillID
}

// takeSkillListLag counts one GET /skills against LagSkillListForTest and returns the first
// skill id to leave out, 0 for none.
func (st *store) takeSkillListLag() int64 {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.out.lagLists <= 0 {
		return 0
	}
	st.out.lagLists--
	return st.out.lagFrom
}

// SetSkillIDInCreateAnswerForTest makes POST /skills carry each new skill's skillId in its
// result, as live tenants appear to do though the spec does not (outbound-api.md §4.1), or
// stop doing so; the setting lasts until Reset.
func (s *Server) SetSkillIDInCreateAnswerForTest(on bool) {
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	st.out.skillIDs = on
}

// skillIDsAnswered reports whether POST /skills answers skill ids.
func (st *store) skillIDsAnswered() bool {
	st.mu.RLock()
	defer st.mu.RUnlock()
	return st.out.skillIDs
}

package mockcxone

import (
	"slices"
	"time"
)

// First ids of the outbound objects; the ranges differ from each other and from agents,
// skills and queues, so that a client mixing up ids fails.
const (
	firstTemplateID    = 61001
	firstCampaignID    = 62001
	firstDispositionID = 63001
	firstDNCGroupID    = 64001
	firstListID        = 65001
	firstJobID         = 66001
)

// Relations of a skill to a DNC group, as the two link paths name them.
const (
	relationScrubbed     = "scrubbed"
	relationContributing = "contributing"
)

type dncLinkKey struct {
	groupID, skillID int64
	relation         string
}

// skillParams are the parameter groups of an outbound Personal Connection skill, kept as
// the JSON objects last written (CXone's spec disagrees with itself on some field types, so
// the mock keeps what it was sent).
type skillParams struct {
	general   map[string]any
	retry     map[string]any
	schedule  map[string]any
	timeZones []map[string]any
}

// outboundStore holds the outbound objects; it lives in store and is guarded by store.mu.
type outboundStore struct {
	templates       map[int64]*MessageTemplate
	campaigns       map[int64]*Campaign
	dispositions    map[int64]*Disposition
	classifications []DispositionClassification
	mediaTypes      []MediaType
	dncGroups       map[int64]*DNCGroup
	dncLinks        map[dncLinkKey]int64  // seq
	dncRecords      map[int64][]DNCRecord // by group, oldest first
	params          map[int64]*skillParams
	lists           map[int64]*CallingList
	jobs            map[int64]*UploadJob
	pending         map[int64]func() // upload jobs not complete yet, by job id
	messages        []OutboundMessage
	// The next lagLists answers of GET /skills leave out skills with an id of lagFrom or
	// more (LagSkillListForTest).
	lagLists int
	lagFrom  int64
	// skillIDs adds skillId to the results of POST /skills.
	skillIDs bool
}

// resetOutboundLocked empties the outbound objects and puts back their seed. Caller holds mu.
func (st *store) resetOutboundLocked() {
	st.out = outboundStore{
		templates:    map[int64]*MessageTemplate{},
		campaigns:    map[int64]*Campaign{},
		dispositions: map[int64]*Disposition{},
		dncGroups:    map[int64]*DNCGroup{},
		dncLinks:     map[dncLinkKey]int64{},
		dncRecords:   map[int64][]DNCRecord{},
		params:       map[int64]*skillParams{},
		lists:        map[int64]*CallingList{},
		jobs:         map[int64]*UploadJob{},
		pending:      map[int64]func(){},
		messages:     []OutboundMessage{},
	}
	st.seedOutboundLocked()
}

// now is the time stamp of a change, as CXone writes them.
func now() string { return time.Now().UTC().Format(time.RFC3339) }

// outboundSnapshot fills the outbound part of a State. Caller holds mu.
func (st *store) outboundSnapshot(s *State) {
	o := &st.out
	s.MessageTemplates = sortedByID(o.templates, func(t *MessageTemplate) int64 { return t.TemplateID })
	s.Campaigns = sortedByID(o.campaigns, func(c *Campaign) int64 { return c.ID })
	s.Dispositions = sortedByID(o.dispositions, func(d *Disposition) int64 { return d.DispositionID })
	s.DNCGroups = sortedByID(o.dncGroups, func(g *DNCGroup) int64 { return g.DNCGroupID })
	s.DNCGroupSkills = st.sortedDNCLinks(0, "")
	s.CallingLists = []CallingList{}
	for _, l := range sortedByID(o.lists, func(l *CallingList) int64 { return l.ListID }) {
		s.CallingLists = append(s.CallingLists, l.clone())
	}
	s.UploadJobs = sortedByID(o.jobs, func(j *UploadJob) int64 { return j.JobID })
	s.OutboundMessages = slices.Clone(o.messages)
}

// sortedDNCLinks lists the links of one group and relation (0 and "": all), oldest first.
// Caller holds mu.
func (st *store) sortedDNCLinks(groupID int64, relation string) []DNCGroupSkill {
	return inSeqOrder(st.out.dncLinks, func(k dncLinkKey) (DNCGroupSkill, bool) {
		return DNCGroupSkill{DNCGroupID: k.groupID, SkillID: k.skillID, Relation: k.relation},
			(groupID == 0 || k.groupID == groupID) && (relation == "" || k.relation == relation)
	})
}

// clone copies a calling list with its slices and map, so a copy handed out never aliases
// the stored one.
func (l *CallingList) clone() CallingList {
	out := *l
	out.DestinationMappings = slices.Clone(l.DestinationMappings)
	out.Skills = slices.Clone(l.Skills)
	if l.Columns != nil {
		out.Columns = make(map[string]string, len(l.Columns))
		for k, v := range l.Columns {
			out.Columns[k] = v
		}
	}
	return out
}

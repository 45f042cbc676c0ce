package mockcxone

import (
	"cmp"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sync"
)

// Identity of the mock tenant's business unit and numbering of its objects. The
// ranges differ so that a client mixing up agent, skill and queue ids fails.
const (
	businessUnitID = 4600123
	firstAgentID   = 1001
	firstSkillID   = 4000001
	firstQueueID   = 40000000001 // beyond int32, as real queue ids are
)

// MediaTypeDigital is the media type of digital skills, the only ones that get a
// routing queue.
const MediaTypeDigital = 9

// mediaTypeNames are the media types a skill may have.
var mediaTypeNames = map[int]string{
	1: "Email", 3: "Chat", 4: "Voice", 5: "Voicemail", 6: "Work Item", 7: "SMS", MediaTypeDigital: "Digital",
}

type assignKey struct{ agentID, skillID int64 }

type bindingKey struct{ queueID, channelID string }

type assignRec struct {
	proficiency int
	isActive    bool
}

type queueRec struct {
	RoutingQueue
	skillID int64
	seq     int64
}

type integrationRec struct {
	Integration
	secret string
	seq    int64
}

type channelRec struct {
	Channel
	seq int64
}

// clone copies the channel with its optional flags, so that a copy handed out can
// never alias the stored one.
func (c *channelRec) clone() Channel {
	out := c.Channel
	for _, p := range []**bool{&out.HasReply, &out.HasAbilityToSendFiles, &out.HasOutboundFlow,
		&out.IsLiveChat, &out.HasMultipleThreadsPerEndUser, &out.CanReplyToAnyMessage} {
		if *p != nil {
			v := **p
			*p = &v
		}
	}
	return out
}

// store is the tenant's data behind one lock. seq orders objects by creation for
// listing; gen changes on reset so that syncs scheduled before it do nothing. highIDs
// (nextIDLocked), nextSkillID and nextQueueID number new objects; none goes down before
// a reset.
type store struct {
	mu sync.RWMutex

	extraUsers   int
	large        TenantSize
	agents       map[int64]*Agent
	agentOrder   []int64
	teams        map[int64]*Team
	profiles     map[int64]*SecurityProfile
	skills       map[int64]*Skill
	nextSkillID  int64
	assignments  map[assignKey]*assignRec
	queues       map[string]*queueRec
	nextQueueID  int64
	integrations map[string]*integrationRec
	channels     map[string]*channelRec
	bindings     map[bindingKey]int64
	seq          int64
	gen          uint64
	out          outboundStore
	highIDs      map[reflect.Type]int64 // by kind (its Go type): the highest id it has held
}

func newStore(extraUsers int, large TenantSize) *store {
	st := &store{extraUsers: extraUsers, large: large}
	st.reset()
	return st
}

// reset puts back the seed data. Numbering starts over too, as on a new server: Reset's
// contract (TestResetRestoresSeed) is that a run after it gets the ids a new mock gives.
// A state kept across a reset can therefore meet a reused id; between resets none is.
func (st *store) reset() {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.highIDs = map[reflect.Type]int64{}
	st.agents = map[int64]*Agent{}
	st.agentOrder = nil
	st.skills = map[int64]*Skill{}
	st.nextSkillID = firstSkillID
	st.assignments = map[assignKey]*assignRec{}
	st.queues = map[string]*queueRec{}
	st.nextQueueID = firstQueueID
	st.integrations = map[string]*integrationRec{}
	st.channels = map[string]*channelRec{}
	st.bindings = map[bindingKey]int64{}
	st.seq = 0
	st.gen++
	st.seed()
	st.resetOutboundLocked()
}

// nextSeq numbers a new object for creation-ordered listing. Caller holds mu.
func (st *store) nextSeq() int64 {
	st.seq++
	return st.seq
}

// nextIDLocked is the id the next new object of kind T gets: one past the highest id an
// object of the kind has held since the last reset (putLocked), and at least first. As in
// CXone, an id is never handed out twice: once its object is deleted, the id answers 404
// rather than reading a newer object. Caller holds mu.
func nextIDLocked[T any](st *store, first int64) int64 {
	return max(st.highIDs[reflect.TypeFor[T]()]+1, first)
}

// putLocked stores v in m, its kind's map, under id, and raises the kind's highest id
// held to id (seeded, added by a test hook or created). Caller holds mu for writing.
func putLocked[T any](st *store, m map[int64]*T, id int64, v *T) {
	m[id] = v
	k := reflect.TypeFor[T]()
	st.highIDs[k] = max(st.highIDs[k], id)
}

// proficiencyName is the label CXone shows next to a proficiency value.
func proficiencyName(v int) string { return fmt.Sprintf("Level %d", v) }

// assignmentView renders an assignment with its skill's current name. Caller holds mu.
func (st *store) assignmentView(k assignKey, a *assignRec) Assignment {
	out := Assignment{
		AgentID:               k.agentID,
		SkillID:               k.skillID,
		AgentProficiencyValue: a.proficiency,
		AgentProficiencyName:  proficiencyName(a.proficiency),
		IsActive:              a.isActive,
	}
	if sk := st.skills[k.skillID]; sk != nil {
		out.SkillName, out.MediaTypeID = sk.SkillName, sk.MediaTypeID
	}
	return out
}

// sortedAgents, sortedSkills, ... list objects in API order. Caller holds mu.
func (st *store) sortedAgents() []Agent {
	out := make([]Agent, 0, len(st.agentOrder))
	for _, id := range st.agentOrder {
		out = append(out, *st.agents[id])
	}
	return out
}

func (st *store) sortedTeams() []Team {
	return sortedByID(st.teams, func(t *Team) int64 { return t.TeamID })
}

func (st *store) sortedProfiles() []SecurityProfile {
	return sortedByID(st.profiles, func(p *SecurityProfile) int64 { return p.SecurityProfileID })
}

// sortedByID copies the objects of m in the order of their ids.
func sortedByID[T any](m map[int64]*T, id func(*T) int64) []T {
	out := make([]T, 0, len(m))
	for _, v := range m {
		out = append(out, *v)
	}
	slices.SortFunc(out, func(a, b T) int { return cmp.Compare(id(&a), id(&b)) })
	return out
}

func (st *store) sortedSkills() []Skill {
	out := make([]Skill, 0, len(st.skills))
	for _, sk := range st.skills {
		out = append(out, *sk)
	}
	slices.SortFunc(out, func(a, b Skill) int { return cmp.Compare(a.SkillID, b.SkillID) })
	return out
}

func (st *store) sortedAssignments() []Assignment {
	out := make([]Assignment, 0, len(st.assignments))
	for k, a := range st.assignments {
		out = append(out, st.assignmentView(k, a))
	}
	slices.SortFunc(out, func(a, b Assignment) int {
		return cmp.Or(cmp.Compare(a.AgentID, b.AgentID), cmp.Compare(a.SkillID, b.SkillID))
	})
	return out
}

// created is a stored object that remembers when it was created, for listing in that order.
type created interface{ createdSeq() int64 }

func (q *queueRec) createdSeq() int64        { return q.seq }
func (in *integrationRec) createdSeq() int64 { return in.seq }
func (c *channelRec) createdSeq() int64      { return c.seq }

// inCreationOrder lists the objects of m oldest first.
func inCreationOrder[T created](m map[string]T) []T {
	out := slices.Collect(maps.Values(m))
	slices.SortFunc(out, func(a, b T) int { return cmp.Compare(a.createdSeq(), b.createdSeq()) })
	return out
}

func (st *store) sortedQueues() []*queueRec { return inCreationOrder(st.queues) }

func (st *store) sortedIntegrations() []*integrationRec { return inCreationOrder(st.integrations) }

func (st *store) sortedChannels() []*channelRec { return inCreationOrder(st.channels) }

// sortedBindings lists the bindings of one queue, or of every queue when queueID is "".
func (st *store) sortedBindings(queueID string) []Binding {
	return inSeqOrder(st.bindings, func(k bindingKey) (Binding, bool) {
		return Binding{RoutingQueueID: k.queueID, ChannelID: k.channelID}, queueID == "" || k.queueID == queueID
	})
}

// inSeqOrder lists the keys of m that view keeps, as view shows them, in the order of the
// sequence numbers m holds for them: the order they were made.
func inSeqOrder[K comparable, V any](m map[K]int64, view func(K) (V, bool)) []V {
	type seqView struct {
		v   V
		seq int64
	}
	var all []seqView
	for k, seq := range m {
		if v, ok := view(k); ok {
			all = append(all, seqView{v, seq})
		}
	}
	slices.SortFunc(all, func(a, b seqView) int { return cmp.Compare(a.seq, b.seq) })
	out := make([]V, 0, len(all))
	for _, x := range all {
		out = append(out, x.v)
	}
	return out
}

// snapshot copies the whole state.
func (st *store) snapshot() State {
	st.mu.RLock()
	defer st.mu.RUnlock()
	s := State{
		Agents:           st.sortedAgents(),
		Teams:            st.sortedTeams(),
		SecurityProfiles: st.sortedProfiles(),
		Skills:           st.sortedSkills(),
		Assignments:      st.sortedAssignments(),
		RoutingQueues:    []RoutingQueue{},
		Integrations:     []Integration{},
		Channels:         []Channel{},
		Bindings:         st.sortedBindings(""),
	}
	for _, q := range st.sortedQueues() {
		s.RoutingQueues = append(s.RoutingQueues, q.RoutingQueue)
	}
	for _, in := range st.sortedIntegrations() {
		s.Integrations = append(s.Integrations, in.Integration)
	}
	for _, c := range st.sortedChannels() {
		s.Channels = append(s.Channels, c.clone())
	}
	st.outboundSnapshot(&s)
	return s
}

// State returns a copy of everything the mock holds.
func (s *Server) State() State { return s.store.snapshot() }

package mockcxone

import (
	"cmp"
	"fmt"
	"slices"
	"sync"

	"github.com/google/uuid"
)

// Identity of the mock tenant's business unit and numbering of its objects. The
// ranges differ so that a client mixing up agent, skill and queue ids fails.
const (
	businessUnitID  = 4600123
	firstAgentID    = 1001
	firstSkillID    = 4000001
	firstQueueID    = 40000000001 // beyond int32, as real queue ids are
	seedTeamID      = 301
	seedProfileID   = 5
	seedThreshold   = 1
	seedRefusalSecs = 30
	emailDomain     = "thejungle.example"
)

// MediaTypeDigital is the media type of digital skills, the only ones that get a
// routing queue.
const MediaTypeDigital = 9

// mediaTypeNames are the media types a skill may have.
var mediaTypeNames = map[int]string{
	1: "Email", 3: "Chat", 4: "Phone Call", 5: "Voice Mail", 6: "Work Item", 8: "SMS", MediaTypeDigital: "Digital",
}

// seedUsers are the tenant's users (README.md, "The mock CXone server"): user name, first and last
// name, and whether the user is active.
var seedUsers = []struct {
	userName, first, last string
	active                bool
}{
	{"mowgli", "Mowgli", "Mancub", true},
	{"baloo", "Baloo", "Bear", true},
	{"bagheera", "Bagheera", "Panther", true},
	{"kaa", "Kaa", "Python", true},
	{"hathi", "Hathi", "Elephant", true},
	{"akela", "Akela", "Wolf", true},
	{"shere.khan", "Shere", "Khan", true},
	{"king.louie", "King", "Louie", true},
	{"raksha", "Raksha", "Wolf", false},
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
// listing; gen changes on reset so that syncs scheduled before it do nothing.
type store struct {
	mu sync.RWMutex

	extraUsers   int
	agents       map[int64]*Agent
	agentOrder   []int64
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
}

func newStore(extraUsers int) *store {
	st := &store{extraUsers: extraUsers}
	st.reset()
	return st
}

// reset puts back the seed data.
func (st *store) reset() {
	st.mu.Lock()
	defer st.mu.Unlock()
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

	id := int64(firstAgentID)
	for _, u := range seedUsers {
		st.addAgent(id, u.userName, u.first, u.last, u.active)
		id++
	}
	for i := 1; i <= st.extraUsers; i++ {
		n := fmt.Sprintf("%04d", i)
		st.addAgent(id, "user"+n, "User", n, true)
		id++
	}
}

// userNamespace makes user GUIDs stable across runs and resets.
var userNamespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://mock-tenant.thejungle.example/users"))

func (st *store) addAgent(id int64, userName, first, last string, active bool) {
	st.agents[id] = &Agent{
		AgentID:                 id,
		UserID:                  uuid.NewSHA1(userNamespace, []byte(userName)).String(),
		UserName:                userName,
		FirstName:               first,
		LastName:                last,
		EmailAddress:            userName + "@" + emailDomain,
		IsActive:                active,
		TeamID:                  seedTeamID,
		ProfileID:               seedProfileID,
		DigitalThreshold:        seedThreshold,
		UseTeamDigitalThreshold: true,
		DigitalRefusalTimeout:   seedRefusalSecs,
	}
	st.agentOrder = append(st.agentOrder, id)
}

// nextSeq numbers a new object for creation-ordered listing. Caller holds mu.
func (st *store) nextSeq() int64 {
	st.seq++
	return st.seq
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

func (st *store) sortedQueues() []*queueRec {
	out := make([]*queueRec, 0, len(st.queues))
	for _, q := range st.queues {
		out = append(out, q)
	}
	slices.SortFunc(out, func(a, b *queueRec) int { return cmp.Compare(a.seq, b.seq) })
	return out
}

func (st *store) sortedIntegrations() []*integrationRec {
	out := make([]*integrationRec, 0, len(st.integrations))
	for _, in := range st.integrations {
		out = append(out, in)
	}
	slices.SortFunc(out, func(a, b *integrationRec) int { return cmp.Compare(a.seq, b.seq) })
	return out
}

func (st *store) sortedChannels() []*channelRec {
	out := make([]*channelRec, 0, len(st.channels))
	for _, c := range st.channels {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b *channelRec) int { return cmp.Compare(a.seq, b.seq) })
	return out
}

// sortedBindings lists the bindings of one queue, or of every queue when queueID is "".
func (st *store) sortedBindings(queueID string) []Binding {
	type seqBinding struct {
		Binding
		seq int64
	}
	var all []seqBinding
	for k, seq := range st.bindings {
		if queueID == "" || k.queueID == queueID {
			all = append(all, seqBinding{Binding{RoutingQueueID: k.queueID, ChannelID: k.channelID}, seq})
		}
	}
	slices.SortFunc(all, func(a, b seqBinding) int { return cmp.Compare(a.seq, b.seq) })
	out := make([]Binding, 0, len(all))
	for _, b := range all {
		out = append(out, b.Binding)
	}
	return out
}

// snapshot copies the whole state.
func (st *store) snapshot() State {
	st.mu.RLock()
	defer st.mu.RUnlock()
	s := State{
		Agents:        st.sortedAgents(),
		Skills:        st.sortedSkills(),
		Assignments:   st.sortedAssignments(),
		RoutingQueues: []RoutingQueue{},
		Integrations:  []Integration{},
		Channels:      []Channel{},
		Bindings:      st.sortedBindings(""),
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
	return s
}

// State returns a copy of everything the mock holds.
func (s *Server) State() State { return s.store.snapshot() }

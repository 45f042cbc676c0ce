// Package readcache is the CXone client as the provider's resources and data sources
// use it: reads and look-ups served from list calls during one Terraform operation
// when that is cheaper, and writes that make the written object's next read, and the
// kind's next look-up, go to CXone, whatever the write's outcome.
//
// Terraform starts a provider instance, and so calls Configure, for every graph
// walk (validate, plan, apply), and the provider makes a new Client in Configure: a
// snapshot never outlives the operation that took it, so drift made between
// operations always shows.
//
// The budget rule. A plan should cost what the configuration is, not what the
// tenant is. For agents (users), skills, integrations and routing queues, the first
// five reads and look-ups of users (freeUserReads) are served one by one: a GET by
// id, or CXone's search; the other kinds skip that step. The next read of the kind takes
// the first page of its list (one request, 100 objects, and the kind's total): when
// that page holds the whole kind, it is the kind's list. Else listing the kind costs P = ceil(total/100) requests, and reads
// and look-ups go on one by one while the requests spent on the kind, the first
// page included, stay below P; the next one lists the kind once and every later
// read and look-up is answered from that list. What CXone answers one by one is
// kept for later reads of the same object by id. This is the ski-rental rule: k
// reads of users cost k requests up to five, and at most about 2P + 1 after (of
// skills or integrations: at most about 2P), never more than about twice the better
// of "one request per object" and "list the kind" (users that fit one page: at most
// 6 requests against 1), without knowing k in advance. A configuration of a handful of objects in a tenant of thousands of
// users makes a handful of requests, and one of N objects makes at most about two
// lists of each kind. Concurrent readers may overshoot P by Terraform's parallelism.
// Digital skills and outbound skills are two views of one list (GET /skills): the first
// of them to need its first page reads it for both (skillFirstPages).
//
// Channels, and the assignments of a skill and the bindings of a routing queue,
// keep the simpler rule: the first read lists every object of the kind (pages of
// 100; per skill, per routing queue) and later reads are answered from that list.
// A new channel's ID is checked one by one for the first few channels created, then
// against the same list, which then answers "absent" by itself when it can prove it
// (ChannelBeforeCreate).
//
// Look-ups by name (FindAgents, FindSkills, FindIntegrations, FindRoutingQueues) are exact matches made
// by the caller over what this package returns: the kind's list when it has been
// taken and holds a match, else CXone's own search (one request; integrations have
// none, so their look-up takes the list). After any write of a kind in the
// operation (see writes.go), every look-up of that kind goes to CXone: a create or
// a rename may have given the name to another object, so no answer is stale.
// A write of a skill sends every later read and look-up of routing queues to CXone:
// CXone mirrors each digital skill as a routing queue, named and (de)activated with
// it.
package readcache

import (
	"context"
	"fmt"
	"sync"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// Client is the API over a cxone.Client: one cached read per kind of managed
// object (Channel, Skill, Agent, Integration, RoutingQueue, SkillAssignment and
// Binding), the reads that always ask CXone (api.go), and the writes, which forget
// what they write (writes.go). It does not embed the cxone.Client, so a method
// cxone.Client gains reaches no resource until it is declared here.
type Client struct {
	uncached // the reads that always ask CXone (api.go)
	api      *cxone.Client

	channels     snapshot[string, cxone.Channel]
	skills       budgeted[int64, cxone.Skill]
	agents       budgeted[int64, cxone.Agent]
	integrations budgeted[string, cxone.Integration]
	queues       budgeted[string, cxone.RoutingQueue] // deleted ones included

	mu          sync.Mutex
	assignments map[int64]*snapshot[int64, cxone.SkillAssignment] // by skill, keyed by agent
	bindings    map[string]*snapshot[string, cxone.Binding]       // by queue, keyed by channel
	skillNames  map[int64]string                                  // from the answers to the provider's skill writes

	out outbound // outbound_cache.go
}

// New wraps c for one Terraform operation.
func New(c *cxone.Client) *Client {
	cl := &Client{
		uncached:    c,
		api:         c,
		assignments: map[int64]*snapshot[int64, cxone.SkillAssignment]{},
		bindings:    map[string]*snapshot[string, cxone.Binding]{},
		skillNames:  map[int64]string{},
		out:         outbound{dncLinks: map[dncLinkKey]*snapshot[int64, cxone.DNCGroupSkill]{}},
	}
	skillPages := &skillFirstPages{api: c}
	cl.skills = budgeted[int64, cxone.Skill]{one: c.GetSkill, first: skillPages.skills, key: skillID,
		all: func(ctx context.Context) ([]cxone.Skill, error) { return c.ListSkills(ctx, cxone.SkillListOptions{}) },
		search: func(ctx context.Context, text string) ([]cxone.Skill, error) {
			return c.ListSkills(ctx, cxone.SkillListOptions{SearchString: text})
		}}
	cl.agents = budgeted[int64, cxone.Agent]{one: c.GetAgent, first: c.ListAgentsFirstPage, key: agentID,
		all: func(ctx context.Context) ([]cxone.Agent, error) { return c.ListAgents(ctx, cxone.AgentListOptions{}) },
		search: func(ctx context.Context, text string) ([]cxone.Agent, error) {
			return c.ListAgents(ctx, cxone.AgentListOptions{SearchString: text})
		}}
	cl.agents.free = freeUserReads
	// CXone has no search for integrations: a look-up takes the kind's list.
	cl.integrations = budgeted[string, cxone.Integration]{one: c.GetIntegration, first: c.ListIntegrationsFirstPage,
		all: c.ListIntegrations, key: func(i cxone.Integration) string { return i.ID }}
	cl.queues = budgeted[string, cxone.RoutingQueue]{one: c.GetRoutingQueue, first: c.ListRoutingQueuesFirstPage, key: routingQueueID,
		all: func(ctx context.Context) ([]cxone.RoutingQueue, error) {
			return c.ListRoutingQueues(ctx, cxone.RoutingQueueListOptions{WithDeleted: true})
		},
		search: func(ctx context.Context, text string) ([]cxone.RoutingQueue, error) {
			return c.ListRoutingQueues(ctx, cxone.RoutingQueueListOptions{NameContains: text})
		}}
	cl.out.skills = budgeted[int64, cxone.OutboundSkill]{one: c.GetOutboundSkill, first: skillPages.outbound, key: outboundSkillID,
		all: func(ctx context.Context) ([]cxone.OutboundSkill, error) {
			return c.ListOutboundSkills(ctx, cxone.OutboundSkillListOptions{IncludeInbound: true})
		}}
	return cl
}

// skillFirstPages serves the first pages of the two views of GET /skills, digital skills
// (Client.skills) and outbound skills (outbound.skills), from one request: they send the
// same one (every skill, no filters), and each view probes once per operation, so the
// first to probe reads the page for both (cxone.Client.ListSkillFirstPages). A page read
// before a write serves the other view as its own probe before the write would have: what
// the write changes is forgotten, and read by itself.
type skillFirstPages struct {
	api   *cxone.Client
	once  sync.Once
	pages cxone.SkillFirstPages
}

func (p *skillFirstPages) read(ctx context.Context) *cxone.SkillFirstPages {
	p.once.Do(func() { p.pages = p.api.ListSkillFirstPages(ctx) })
	return &p.pages
}

// skills is the first page of the digital skills' view.
func (p *skillFirstPages) skills(ctx context.Context) (cxone.FirstPage[cxone.Skill], error) {
	pages := p.read(ctx)
	return pages.Skills, pages.SkillsErr
}

// outbound is the first page of the outbound skills' view.
func (p *skillFirstPages) outbound(ctx context.Context) (cxone.FirstPage[cxone.OutboundSkill], error) {
	pages := p.read(ctx)
	return pages.Outbound, pages.OutboundErr
}

// Channel reads one channel.
func (c *Client) Channel(ctx context.Context, id string) (*cxone.Channel, error) {
	return c.channels.get(ctx, id,
		func(ctx context.Context) (*cxone.Channel, error) { return c.api.GetChannel(ctx, id) },
		c.allChannels)
}

// freeChannelChecks is how many new channels' IDs ChannelBeforeCreate checks one by
// one before it lists the channels: CXone's list of channels does not say how many
// there are, so the budget rule cannot weigh one against the other.
const freeChannelChecks = 5

// ChannelBeforeCreate reads the channel with the ID a new channel is about to take.
// The first few are asked of CXone one by one (freeChannelChecks); after them, or once
// a read has listed the channels, the operation's list answers, and a channel absent
// from it is taken as absent without asking CXone again when the list can prove it:
// it was taken without error, and no delete of a channel by the provider overlapped
// it (a list paged by offset skips objects when others are deleted meanwhile). A
// channel that a cut-off apply made, or whose external ID was changed in place, was
// made in an earlier operation, before the list: an apply of many channels reads the
// channels once, not once per channel. Absent, the error satisfies cxone.IsNotFound.
func (c *Client) ChannelBeforeCreate(ctx context.Context, id string) (*cxone.Channel, error) {
	return c.channels.getBeforeCreate(ctx, id, freeChannelChecks,
		func(ctx context.Context) (*cxone.Channel, error) { return c.api.GetChannel(ctx, id) },
		c.allChannels,
		func() error { return &cxone.NotFoundError{Kind: "channel", ID: id} })
}

func (c *Client) allChannels(ctx context.Context) (map[string]cxone.Channel, error) {
	all, err := c.api.ListChannels(ctx)
	return indexBy(all, channelID), err
}

func channelID(ch cxone.Channel) string { return ch.ID }

// Skill reads one skill.
func (c *Client) Skill(ctx context.Context, id int64) (*cxone.Skill, error) {
	return c.skills.get(ctx, id)
}

// FindSkills returns the skills for which match holds, by the budget rule (see the
// package doc); searchString is CXone's search, which match filters.
func (c *Client) FindSkills(ctx context.Context, searchString string, match func(cxone.Skill) bool) ([]cxone.Skill, error) {
	return c.skills.lookUp(ctx, searchString, match)
}

func skillID(s cxone.Skill) int64 { return s.SkillID }

// Agent reads one agent (user).
func (c *Client) Agent(ctx context.Context, id int64) (*cxone.Agent, error) {
	return c.agents.get(ctx, id)
}

// FindAgents returns the agents (users) for which match holds, by the budget rule
// (see the package doc); searchString is CXone's search, which match filters.
func (c *Client) FindAgents(ctx context.Context, searchString string, match func(cxone.Agent) bool) ([]cxone.Agent, error) {
	return c.agents.lookUp(ctx, searchString, match)
}

func agentID(a cxone.Agent) int64 { return a.AgentID }

// Integration reads one BYOC integration.
func (c *Client) Integration(ctx context.Context, id string) (*cxone.Integration, error) {
	return c.integrations.get(ctx, id)
}

// FindIntegrations returns the BYOC integrations for which match holds. CXone has no
// search for them: the look-up takes the kind's list (see the package doc).
func (c *Client) FindIntegrations(ctx context.Context, match func(cxone.Integration) bool) ([]cxone.Integration, error) {
	return c.integrations.lookUp(ctx, "", match)
}

// RoutingQueue reads one routing queue, deleted or not, by the budget rule.
func (c *Client) RoutingQueue(ctx context.Context, id string) (*cxone.RoutingQueue, error) {
	return c.queues.get(ctx, id)
}

// FindRoutingQueues returns the routing queues for which match holds, by the budget
// rule; nameContains is CXone's filter, which match narrows. The kind's list holds
// deleted queues and CXone's filter does not: match must leave deleted ones out.
func (c *Client) FindRoutingQueues(ctx context.Context, nameContains string, match func(cxone.RoutingQueue) bool) ([]cxone.RoutingQueue, error) {
	return c.queues.lookUp(ctx, nameContains, match)
}

func routingQueueID(q cxone.RoutingQueue) string { return q.ID }

// SkillAssignment reads one agent's assignment to one skill, from the skill's
// agent list.
func (c *Client) SkillAssignment(ctx context.Context, agentID, skillID int64) (*cxone.SkillAssignment, error) {
	a, err := c.assignmentsOf(skillID).get(ctx, agentID,
		func(ctx context.Context) (*cxone.SkillAssignment, error) {
			return c.api.GetSkillAssignment(ctx, agentID, skillID)
		},
		func(ctx context.Context) (map[int64]cxone.SkillAssignment, error) {
			all, err := c.api.ListSkillAgents(ctx, skillID)
			return indexBy(all, func(a cxone.SkillAssignment) int64 { return a.AgentID }), err
		})
	if err != nil || a.SkillName != "" {
		return a, err
	}
	// A skill's agent list does not carry the skill's name; the skills list does.
	sk, err := c.Skill(ctx, skillID)
	if err != nil {
		return nil, fmt.Errorf("reading the name of skill %d: %w", skillID, err)
	}
	a.SkillName = sk.SkillName
	return a, nil
}

// WrittenAssignment is the assignment that a successful AssignSkills or
// UpdateSkillAssignments of in left for the agent: CXone checks every item of those
// writes and reports each one refused (and a lost answer is settled by listing the
// agent's skills and comparing), so the assignment holds what was sent, and reading
// it back would tell nothing new. Only the skill's name is read: from the answer to
// the provider's own write of that skill in this operation, else by the budget rule.
func (c *Client) WrittenAssignment(ctx context.Context, agentID int64, in cxone.SkillAssignmentInput) (*cxone.SkillAssignment, error) {
	c.mu.Lock()
	name, ok := c.skillNames[in.SkillID]
	c.mu.Unlock()
	if !ok {
		sk, err := c.Skill(ctx, in.SkillID)
		if err != nil {
			return nil, fmt.Errorf("reading the name of skill %d: %w", in.SkillID, err)
		}
		name = sk.SkillName
	}
	return &cxone.SkillAssignment{
		AgentID: agentID, SkillID: in.SkillID, SkillName: name, Proficiency: in.Proficiency, IsActive: in.IsActive,
	}, nil
}

// Binding reads one routing-queue binding, from the queue's channel list.
func (c *Client) Binding(ctx context.Context, queueID, channelID string) (*cxone.Binding, error) {
	return c.bindingsOf(queueID).get(ctx, channelID,
		func(ctx context.Context) (*cxone.Binding, error) { return c.api.GetBinding(ctx, queueID, channelID) },
		func(ctx context.Context) (map[string]cxone.Binding, error) {
			all, err := c.api.ListQueueBindings(ctx, queueID)
			return indexBy(all, func(b cxone.Binding) string { return b.ChannelID }), err
		})
}

// assignmentsOf is the snapshot of one skill's assignments.
func (c *Client) assignmentsOf(skillID int64) *snapshot[int64, cxone.SkillAssignment] {
	return snapshotIn(&c.mu, c.assignments, skillID)
}

// bindingsOf is the snapshot of one routing queue's bindings.
func (c *Client) bindingsOf(queueID string) *snapshot[string, cxone.Binding] {
	return snapshotIn(&c.mu, c.bindings, queueID)
}

// snapshotIn returns m's snapshot for group, making it on first use.
func snapshotIn[G, K comparable, V any](mu *sync.Mutex, m map[G]*snapshot[K, V], group G) *snapshot[K, V] {
	mu.Lock()
	defer mu.Unlock()
	s, ok := m[group]
	if !ok {
		s = &snapshot[K, V]{}
		m[group] = s
	}
	return s
}

func indexBy[K comparable, V any](items []V, key func(V) K) map[K]V {
	m := make(map[K]V, len(items))
	for _, it := range items {
		m[key(it)] = it
	}
	return m
}

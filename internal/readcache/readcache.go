// Package readcache is the CXone client as the provider's resources use it: reads
// served from list calls during one Terraform operation, and writes that make the
// written object's next read go to CXone, whatever the write's outcome.
//
// Terraform starts a provider instance, and so calls Configure, for every graph
// walk (validate, plan, apply), and the provider makes a new Client in Configure: a
// snapshot never outlives the operation that took it, so drift made between
// operations always shows. Within an operation, the first read of a kind lists
// every object of that kind once (pages of 100; per skill for assignments, per
// routing queue for bindings) and the later reads are answered from that list. A
// refresh of N objects then costs about one request per hundred objects of each
// kind instead of N. The price is paid by a configuration that manages a handful
// of objects in a tenant holding thousands of that kind: it reads those thousands.
//
// Data sources do not use it: they look objects up by name, often after a write in
// the same walk, and call cxone.Client directly.
package readcache

import (
	"context"
	"fmt"
	"sync"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// Client is a cxone.Client whose write methods forget what they write (see
// writes.go) and which adds one cached read per kind of managed object: Channel,
// Skill, Agent, Integration, SkillAssignment and Binding. The Get, List and Find
// methods of cxone.Client, promoted unchanged, always ask CXone.
type Client struct {
	*cxone.Client

	channels     snapshot[string, cxone.Channel]
	skills       snapshot[int64, cxone.Skill]
	agents       snapshot[int64, cxone.Agent]
	integrations snapshot[string, cxone.Integration]

	mu          sync.Mutex
	assignments map[int64]*snapshot[int64, cxone.SkillAssignment] // by skill, keyed by agent
	bindings    map[string]*snapshot[string, cxone.Binding]       // by queue, keyed by channel
}

// New wraps c for one Terraform operation.
func New(c *cxone.Client) *Client {
	return &Client{
		Client:      c,
		assignments: map[int64]*snapshot[int64, cxone.SkillAssignment]{},
		bindings:    map[string]*snapshot[string, cxone.Binding]{},
	}
}

// Channel reads one channel.
func (c *Client) Channel(ctx context.Context, id string) (*cxone.Channel, error) {
	return c.channels.get(ctx, id,
		func(ctx context.Context) (*cxone.Channel, error) { return c.GetChannel(ctx, id) },
		func(ctx context.Context) (map[string]cxone.Channel, error) {
			all, err := c.ListChannels(ctx)
			return indexBy(all, func(ch cxone.Channel) string { return ch.ID }), err
		})
}

// Skill reads one skill.
func (c *Client) Skill(ctx context.Context, id int64) (*cxone.Skill, error) {
	return c.skills.get(ctx, id,
		func(ctx context.Context) (*cxone.Skill, error) { return c.GetSkill(ctx, id) },
		func(ctx context.Context) (map[int64]cxone.Skill, error) {
			all, err := c.ListSkills(ctx, cxone.SkillListOptions{})
			return indexBy(all, func(s cxone.Skill) int64 { return s.SkillID }), err
		})
}

// Agent reads one agent (user).
func (c *Client) Agent(ctx context.Context, id int64) (*cxone.Agent, error) {
	return c.agents.get(ctx, id,
		func(ctx context.Context) (*cxone.Agent, error) { return c.GetAgent(ctx, id) },
		func(ctx context.Context) (map[int64]cxone.Agent, error) {
			all, err := c.ListAgents(ctx, cxone.AgentListOptions{})
			return indexBy(all, func(a cxone.Agent) int64 { return a.AgentID }), err
		})
}

// Integration reads one BYOC integration.
func (c *Client) Integration(ctx context.Context, id string) (*cxone.Integration, error) {
	return c.integrations.get(ctx, id,
		func(ctx context.Context) (*cxone.Integration, error) { return c.GetIntegration(ctx, id) },
		func(ctx context.Context) (map[string]cxone.Integration, error) {
			all, err := c.ListIntegrations(ctx)
			return indexBy(all, func(i cxone.Integration) string { return i.ID }), err
		})
}

// SkillAssignment reads one agent's assignment to one skill, from the skill's
// agent list.
func (c *Client) SkillAssignment(ctx context.Context, agentID, skillID int64) (*cxone.SkillAssignment, error) {
	a, err := c.assignmentsOf(skillID).get(ctx, agentID,
		func(ctx context.Context) (*cxone.SkillAssignment, error) {
			return c.GetSkillAssignment(ctx, agentID, skillID)
		},
		func(ctx context.Context) (map[int64]cxone.SkillAssignment, error) {
			all, err := c.ListSkillAgents(ctx, skillID)
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

// Binding reads one routing-queue binding, from the queue's channel list.
func (c *Client) Binding(ctx context.Context, queueID, channelID string) (*cxone.Binding, error) {
	return c.bindingsOf(queueID).get(ctx, channelID,
		func(ctx context.Context) (*cxone.Binding, error) { return c.GetBinding(ctx, queueID, channelID) },
		func(ctx context.Context) (map[string]cxone.Binding, error) {
			all, err := c.ListQueueBindings(ctx, queueID)
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

package provider

import (
	"context"
	"fmt"
	"strconv"
	"sync"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// snapshotAfter is how many reads of one kind an operation makes one at a time
// before it lists every object of that kind once (pages of 100) and serves the
// rest from that list. It is 0: the first read lists. A refresh of N objects then
// costs about one request per hundred objects of each kind (and one per skill for
// assignments, one per queue for bindings) instead of N. The price is paid by a
// configuration that manages a handful of objects in a tenant holding thousands
// of that kind: it reads those thousands, a page of 100 per request.
const snapshotAfter = 0

// readCache serves the Read of managed resources during one Terraform operation.
//
// Terraform starts a provider instance, and so calls Configure, for every graph
// walk (validate, plan, apply), and a new readCache is made in Configure: a
// snapshot never outlives the operation that took it. Reads of managed resources
// happen in the plan and refresh walks, which make no writes; still, every write
// made through the provider forgets the written object, so a read after the
// provider's own write goes to CXone again. Data sources do not use it: they look
// objects up by name, often after a write in the same walk.
type readCache struct {
	client *cxone.Client

	channels     keyedSnapshot[string, cxone.Channel]
	skills       keyedSnapshot[int64, cxone.Skill]
	agents       keyedSnapshot[int64, cxone.Agent]
	integrations keyedSnapshot[string, cxone.Integration]

	mu          sync.Mutex
	assignments map[int64]*keyedSnapshot[int64, cxone.SkillAssignment] // by skill, keyed by agent
	bindings    map[string]*keyedSnapshot[string, cxone.Binding]       // by queue, keyed by channel
}

func newReadCache(client *cxone.Client) *readCache {
	return &readCache{
		client:       client,
		channels:     keyedSnapshot[string, cxone.Channel]{kind: "channel"},
		skills:       keyedSnapshot[int64, cxone.Skill]{kind: "skill"},
		agents:       keyedSnapshot[int64, cxone.Agent]{kind: "agent"},
		integrations: keyedSnapshot[string, cxone.Integration]{kind: "BYOC integration"},
		assignments:  map[int64]*keyedSnapshot[int64, cxone.SkillAssignment]{},
		bindings:     map[string]*keyedSnapshot[string, cxone.Binding]{},
	}
}

// Channel reads one channel.
func (r *readCache) Channel(ctx context.Context, id string) (*cxone.Channel, error) {
	return r.channels.get(ctx, id,
		func(ctx context.Context) (*cxone.Channel, error) { return r.client.GetChannel(ctx, id) },
		func(ctx context.Context) (map[string]cxone.Channel, error) {
			all, err := r.client.ListChannels(ctx)
			return indexBy(all, func(c cxone.Channel) string { return c.ID }), err
		})
}

// Skill reads one skill.
func (r *readCache) Skill(ctx context.Context, id int64) (*cxone.Skill, error) {
	return r.skills.get(ctx, id,
		func(ctx context.Context) (*cxone.Skill, error) { return r.client.GetSkill(ctx, id) },
		func(ctx context.Context) (map[int64]cxone.Skill, error) {
			all, err := r.client.ListSkills(ctx, cxone.SkillListOptions{})
			return indexBy(all, func(s cxone.Skill) int64 { return s.SkillID }), err
		})
}

// Agent reads one agent (user).
func (r *readCache) Agent(ctx context.Context, id int64) (*cxone.Agent, error) {
	return r.agents.get(ctx, id,
		func(ctx context.Context) (*cxone.Agent, error) { return r.client.GetAgent(ctx, id) },
		func(ctx context.Context) (map[int64]cxone.Agent, error) {
			all, err := r.client.ListAgents(ctx, cxone.AgentListOptions{})
			return indexBy(all, func(a cxone.Agent) int64 { return a.AgentID }), err
		})
}

// Integration reads one BYOC integration.
func (r *readCache) Integration(ctx context.Context, id string) (*cxone.Integration, error) {
	return r.integrations.get(ctx, id,
		func(ctx context.Context) (*cxone.Integration, error) { return r.client.GetIntegration(ctx, id) },
		func(ctx context.Context) (map[string]cxone.Integration, error) {
			all, err := r.client.ListIntegrations(ctx)
			return indexBy(all, func(i cxone.Integration) string { return i.ID }), err
		})
}

// SkillAssignment reads one agent's assignment to one skill. Once a skill's
// assignments have been read often enough, the skill's whole agent list serves them.
func (r *readCache) SkillAssignment(ctx context.Context, agentID, skillID int64) (*cxone.SkillAssignment, error) {
	r.mu.Lock()
	s, ok := r.assignments[skillID]
	if !ok {
		s = &keyedSnapshot[int64, cxone.SkillAssignment]{kind: "skill assignment of skill " + strconv.FormatInt(skillID, 10) + " to agent"}
		r.assignments[skillID] = s
	}
	r.mu.Unlock()
	a, err := s.get(ctx, agentID,
		func(ctx context.Context) (*cxone.SkillAssignment, error) {
			return r.client.GetSkillAssignment(ctx, agentID, skillID)
		},
		func(ctx context.Context) (map[int64]cxone.SkillAssignment, error) {
			all, err := r.client.ListSkillAgents(ctx, skillID)
			return indexBy(all, func(a cxone.SkillAssignment) int64 { return a.AgentID }), err
		})
	if err != nil || a.SkillName != "" {
		return a, err
	}
	// A skill's agent list does not carry the skill's name; the skills list does.
	sk, err := r.Skill(ctx, skillID)
	if err != nil {
		return nil, fmt.Errorf("reading the name of skill %d: %w", skillID, err)
	}
	a.SkillName = sk.SkillName
	return a, nil
}

// Binding reads one routing-queue binding.
func (r *readCache) Binding(ctx context.Context, queueID, channelID string) (*cxone.Binding, error) {
	r.mu.Lock()
	s, ok := r.bindings[queueID]
	if !ok {
		s = &keyedSnapshot[string, cxone.Binding]{kind: "binding of routing queue " + queueID + " to channel"}
		r.bindings[queueID] = s
	}
	r.mu.Unlock()
	return s.get(ctx, channelID,
		func(ctx context.Context) (*cxone.Binding, error) { return r.client.GetBinding(ctx, queueID, channelID) },
		func(ctx context.Context) (map[string]cxone.Binding, error) {
			all, err := r.client.ListQueueBindings(ctx, queueID)
			return indexBy(all, func(b cxone.Binding) string { return b.ChannelID }), err
		})
}

// Forget makes the next read of an object go to CXone; resources call it after
// every write. kind is one of "channel", "skill", "agent", "integration",
// "assignment" (key "agent/skill") and "binding" (key "queue/channel").
func (r *readCache) Forget(kind, key string) {
	switch kind {
	case "channel":
		r.channels.forget(key)
	case "integration":
		r.integrations.forget(key)
	case "skill", "agent":
		id, err := strconv.ParseInt(key, 10, 64)
		if err != nil {
			return
		}
		if kind == "skill" {
			r.skills.forget(id)
		} else {
			r.agents.forget(id)
		}
	case "assignment", "binding":
		parts, err := parseCompositeID(key, "a", "b")
		if err != nil {
			return
		}
		r.mu.Lock()
		defer r.mu.Unlock()
		if kind == "binding" {
			if s, ok := r.bindings[parts[0]]; ok {
				s.forget(parts[1])
			}
			return
		}
		agentID, err1 := strconv.ParseInt(parts[0], 10, 64)
		skillID, err2 := strconv.ParseInt(parts[1], 10, 64)
		if err1 != nil || err2 != nil {
			return
		}
		if s, ok := r.assignments[skillID]; ok {
			s.forget(agentID)
		}
	}
}

// keyedSnapshot counts reads of one kind; after snapshotAfter of them it lists
// every object once (other readers wait for that list) and answers from it.
// Objects forgotten after a write, objects absent from the list, and every read
// after a failed list are read one by one.
type keyedSnapshot[K comparable, V any] struct {
	kind      string
	mu        sync.Mutex
	reads     int
	loading   chan struct{} // closed when the list has been taken
	items     map[K]V
	listErr   error
	forgotten map[K]bool
}

func (s *keyedSnapshot[K, V]) get(ctx context.Context, key K,
	one func(context.Context) (*V, error), all func(context.Context) (map[K]V, error)) (*V, error) {
	s.mu.Lock()
	s.reads++
	if s.forgotten[key] || (s.loading == nil && s.reads <= snapshotAfter) {
		s.mu.Unlock()
		return one(ctx)
	}
	loading := s.loading
	if loading == nil {
		loading = make(chan struct{})
		s.loading = loading
		s.mu.Unlock()
		items, err := all(ctx)
		s.mu.Lock()
		s.items, s.listErr = items, err
		close(loading)
	}
	s.mu.Unlock()

	select {
	case <-loading:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	s.mu.Lock()
	items, listErr, forgotten := s.items, s.listErr, s.forgotten[key]
	s.mu.Unlock()
	if listErr != nil || forgotten {
		return one(ctx)
	}
	v, ok := items[key]
	if !ok {
		// Absent from the list: most likely deleted, but a list paged by offset can
		// skip an object while others are created or deleted, and a resource read as
		// missing is planned for creation. Ask for the object itself before saying so.
		return one(ctx)
	}
	return &v, nil
}

func (s *keyedSnapshot[K, V]) forget(key K) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.forgotten == nil {
		s.forgotten = map[K]bool{}
	}
	s.forgotten[key] = true
}

func indexBy[K comparable, V any](items []V, key func(V) K) map[K]V {
	m := make(map[K]V, len(items))
	for _, it := range items {
		m[key(it)] = it
	}
	return m
}

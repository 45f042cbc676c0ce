package readcache

import (
	"context"
	"errors"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/acctest"
	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestReadCache_hostileAnswersAreNotBelieved: for every kind the cache reads, an
// answer of another shape than CXone's ({} for the list, or its objects with null
// ids and names) makes the read fail with a *cxone.ShapeError, never "not found",
// whether the read is the kind's first (one by one, or the first page), one past the
// budget (the list) or one after the list was taken honestly (a later list of the
// operation, or the object's own read). A resource read as not found would be
// planned for creation and removed from state by a refresh.
func TestReadCache_hostileAnswersAreNotBelieved(t *testing.T) {
	m := mockcxone.NewTestServer(t, mockcxone.Options{SyncDelay: -1})
	f := newWriteFixture(t, acctest.Client(t, m))
	h := acctest.NewHostile(t, m)
	agents := m.State().Agents
	reads := []struct {
		name, prefix string
		read         func(ctx context.Context, c *Client) error
	}{
		{"Channel", dfoPrefix + "/channels", func(ctx context.Context, c *Client) error {
			_, err := c.Channel(ctx, f.bound.ID)
			return err
		}},
		{"ChannelBeforeCreate", dfoPrefix + "/channels", func(ctx context.Context, c *Client) error {
			_, err := c.ChannelBeforeCreate(ctx, f.unbound.ID)
			return err
		}},
		{"Skill", adminPrefix + "/skills", func(ctx context.Context, c *Client) error {
			_, err := c.Skill(ctx, f.skillID)
			return err
		}},
		{"FindSkills", adminPrefix + "/skills", func(ctx context.Context, c *Client) error {
			return none(c.FindSkills(ctx, f.skill.SkillName, func(s cxone.Skill) bool { return s.SkillName == f.skill.SkillName }))
		}},
		{"Agent", adminPrefix + "/agents", func(ctx context.Context, c *Client) error {
			// Past the reads made one by one, so that the kind's first page and list
			// are read too.
			for _, a := range agents[:min(len(agents), freeUserReads+2)] {
				if _, err := c.Agent(ctx, a.AgentID); err != nil {
					return err
				}
			}
			return nil
		}},
		{"FindAgents", adminPrefix + "/agents", func(ctx context.Context, c *Client) error {
			name := agents[0].UserName
			return none(c.FindAgents(ctx, name, func(a cxone.Agent) bool { return a.UserName == name }))
		}},
		{"Integration", dfoPrefix + "/channel-integrations", func(ctx context.Context, c *Client) error {
			_, err := c.Integration(ctx, f.integrationID)
			return err
		}},
		{"FindIntegrations", dfoPrefix + "/channel-integrations", func(ctx context.Context, c *Client) error {
			return none(c.FindIntegrations(ctx, func(in cxone.Integration) bool { return in.Name == f.integration.Name }))
		}},
		{"RoutingQueue", dfoPrefix + "/routing-queues", func(ctx context.Context, c *Client) error {
			_, err := c.RoutingQueue(ctx, f.queueID)
			return err
		}},
		{"FindRoutingQueues", dfoPrefix + "/routing-queues", func(ctx context.Context, c *Client) error {
			return none(c.FindRoutingQueues(ctx, f.skill.SkillName, func(q cxone.RoutingQueue) bool { return q.Name == f.skill.SkillName }))
		}},
		{"SkillAssignment", adminPrefix, func(ctx context.Context, c *Client) error {
			_, err := c.SkillAssignment(ctx, f.assigned, f.skillID)
			return err
		}},
		{"Binding", dfoPrefix + "/routing-queues/", func(ctx context.Context, c *Client) error {
			_, err := c.Binding(ctx, f.queueID, f.bound.ID)
			return err
		}},
	}
	answers := []struct {
		name   string
		answer acctest.Answer
	}{{"{}", acctest.EmptyObject}, {"null ids and names", acctest.NullKeys}}
	for _, a := range answers {
		for _, r := range reads {
			t.Run(a.name+"/"+r.name, func(t *testing.T) {
				ctx := t.Context()
				// Through a cache of its own each time: nothing read before.
				h.Set(acctest.Honest, "")
				if err := r.read(ctx, New(acctest.ClientAt(t, h.URL))); err != nil {
					t.Fatalf("answered honestly: %v", err)
				}
				h.Set(a.answer, r.prefix)
				defer h.Set(acctest.Honest, "")
				before := h.Spoilt()
				err := r.read(ctx, New(acctest.ClientAt(t, h.URL)))
				wantShapeError(t, err)
				if h.Spoilt() == before {
					t.Fatalf("no request reached %s", r.prefix)
				}
				// A cache that took its lists honestly, then reads again: what was
				// forgotten is read by itself, hostile this time.
				h.Set(acctest.Honest, "")
				c := New(acctest.ClientAt(t, h.URL))
				if err := r.read(ctx, c); err != nil {
					t.Fatal(err)
				}
				c.forgetEverything()
				h.Set(a.answer, r.prefix)
				wantShapeError(t, r.read(ctx, c))
			})
		}
	}
}

// wantShapeError fails the test unless err is a *cxone.ShapeError, which no one
// takes for "not found".
func wantShapeError(t *testing.T, err error) {
	t.Helper()
	var se *cxone.ShapeError
	if !errors.As(err, &se) || cxone.IsNotFound(err) {
		t.Fatalf("want a *cxone.ShapeError that is not a not-found, got %T: %v", err, err)
	}
}

// none turns a look-up that found nothing into a not-found, as the data sources do.
func none[T any](found []T, err error) error {
	if err == nil && len(found) == 0 {
		return &cxone.NotFoundError{Kind: "object", ID: "looked up"}
	}
	return err
}

// forgetEverything makes every later read of every kind go to CXone, as writes of
// every object would.
func (c *Client) forgetEverything() {
	c.channels.forgetAll()
	c.skills.forgetAll()
	c.agents.forgetAll()
	c.integrations.forgetAll()
	c.queues.forgetAll()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.assignments {
		s.forgetAll()
	}
	for _, s := range c.bindings {
		s.forgetAll()
	}
}

package readcache

import (
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
	ctx := t.Context()
	reads := []struct {
		name, prefix string
		// active: CXone's answer says whether the object is active, and an inactive one
		// counts as gone, so an answer that does not say must not be believed either.
		active bool
		read   func(c *Client) error
	}{
		{"Channel", dfoPrefix + "/channels", false, func(c *Client) error { return errOf(c.Channel(ctx, f.bound.ID)) }},
		{"ChannelBeforeCreate", dfoPrefix + "/channels", false, func(c *Client) error { return errOf(c.ChannelBeforeCreate(ctx, f.unbound.ID)) }},
		{"Skill", adminPrefix + "/skills", true, func(c *Client) error { return errOf(c.Skill(ctx, f.skillID)) }},
		{"FindSkills", adminPrefix + "/skills", true, func(c *Client) error {
			return none(c.FindSkills(ctx, f.skill.SkillName, func(s cxone.Skill) bool { return s.SkillName == f.skill.SkillName }))
		}},
		{"Agent", adminPrefix + "/agents", true, func(c *Client) error {
			// Past the reads made one by one, so that the kind's first page and list
			// are read too.
			for _, a := range agents[:min(len(agents), freeUserReads+2)] {
				if _, err := c.Agent(ctx, a.AgentID); err != nil {
					return err
				}
			}
			return nil
		}},
		{"FindAgents", adminPrefix + "/agents", true, func(c *Client) error {
			name := agents[0].UserName
			return none(c.FindAgents(ctx, name, func(a cxone.Agent) bool { return a.UserName == name }))
		}},
		{"Integration", dfoPrefix + "/channel-integrations", false, func(c *Client) error { return errOf(c.Integration(ctx, f.integrationID)) }},
		{"FindIntegrations", dfoPrefix + "/channel-integrations", false, func(c *Client) error {
			return none(c.FindIntegrations(ctx, func(in cxone.Integration) bool { return in.Name == f.integration.Name }))
		}},
		{"RoutingQueue", dfoPrefix + "/routing-queues", false, func(c *Client) error { return errOf(c.RoutingQueue(ctx, f.queueID)) }},
		{"FindRoutingQueues", dfoPrefix + "/routing-queues", false, func(c *Client) error {
			return none(c.FindRoutingQueues(ctx, f.skill.SkillName, func(q cxone.RoutingQueue) bool { return q.Name == f.skill.SkillName }))
		}},
		{"SkillAssignment", adminPrefix, false, func(c *Client) error { return errOf(c.SkillAssignment(ctx, f.assigned, f.skillID)) }},
		{"Binding", dfoPrefix + "/routing-queues/", false, func(c *Client) error { return errOf(c.Binding(ctx, f.queueID, f.bound.ID)) }},
		{"MessageTemplate", adminPrefix + "/message-templates", true, func(c *Client) error { return errOf(c.MessageTemplate(ctx, f.templateID)) }},
		{"FindMessageTemplateByName", adminPrefix + "/message-templates", true, func(c *Client) error { return errOf(c.FindMessageTemplateByName(ctx, f.template.TemplateName)) }},
		{"Campaign", adminPrefix + "/campaigns", true, func(c *Client) error { return errOf(c.Campaign(ctx, f.campaignID)) }},
		{"FindCampaignByName", adminPrefix + "/campaigns", true, func(c *Client) error { return errOf(c.FindCampaignByName(ctx, f.campaign.Name)) }},
		{"Disposition", adminPrefix + "/dispositions", true, func(c *Client) error { return errOf(c.Disposition(ctx, f.dispositionID)) }},
		{"FindDispositionByName", adminPrefix + "/dispositions", true, func(c *Client) error { return errOf(c.FindDispositionByName(ctx, f.disposition.DispositionName)) }},
		{"DNCGroup", adminPrefix + "/dnc-groups", true, func(c *Client) error { return errOf(c.DNCGroup(ctx, f.dncGroupID)) }},
		{"FindDNCGroupByName", adminPrefix + "/dnc-groups", true, func(c *Client) error { return errOf(c.FindDNCGroupByName(ctx, f.dncGroup.DNCGroupName)) }},
		{"DNCGroupSkill", adminPrefix + "/dnc-groups/", false, func(c *Client) error { return errOf(c.DNCGroupSkill(ctx, f.dncGroupID, f.skillID, cxone.DNCScrubbed)) }},
		{"OutboundSkill", adminPrefix + "/skills", true, func(c *Client) error { return errOf(c.OutboundSkill(ctx, f.outSkillID)) }},
		{"FindOutboundSkillByName", adminPrefix + "/skills", true, func(c *Client) error { return errOf(c.FindOutboundSkillByName(ctx, f.outSkill.SkillName)) }},
		{"CallingList", adminPrefix + "/lists/call-lists", false, func(c *Client) error { return errOf(c.GetCallingList(ctx, f.callingListID)) }},
	}
	answers := []struct {
		name   string
		answer acctest.Answer
	}{{"{}", acctest.EmptyObject}, {"null ids and names", acctest.NullKeys}, {"no isActive", acctest.NoActive}}
	for _, a := range answers {
		for _, r := range reads {
			if a.answer == acctest.NoActive && !r.active {
				continue
			}
			t.Run(a.name+"/"+r.name, func(t *testing.T) {
				// Through a cache of its own each time: nothing read before.
				if err := r.read(New(acctest.ClientAt(t, h.URL))); err != nil {
					t.Fatalf("answered honestly: %v", err)
				}
				var err error
				if !h.Spoiling(a.answer, r.prefix, func() { err = r.read(New(acctest.ClientAt(t, h.URL))) }) {
					t.Fatalf("no request reached %s", r.prefix)
				}
				wantShapeError(t, err)
				// A cache that took its lists honestly, then reads again: what was
				// forgotten is read by itself, hostile this time.
				c := New(acctest.ClientAt(t, h.URL))
				if err := r.read(c); err != nil {
					t.Fatal(err)
				}
				c.forgetEverything()
				h.Spoiling(a.answer, r.prefix, func() { err = r.read(c) })
				wantShapeError(t, err)
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

// errOf is the error of a read, whose object the test does not look at.
func errOf[T any](_ T, err error) error { return err }

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
	c.out.templates.forgetAll()
	c.out.campaigns.forgetAll()
	c.out.dispositions.forgetAll()
	c.out.dncGroups.forgetAll()
	c.out.skills.forgetAll()
	c.out.params.forgetAll()
	c.out.classifications.forgetAll()
	for _, s := range c.out.dncLinks {
		s.forgetAll()
	}
}

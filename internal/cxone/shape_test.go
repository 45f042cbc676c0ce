package cxone_test

import (
	"errors"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/acctest"
	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestShape_hostileAnswersAreNotBelieved: every read of every kind the client lists,
// answered 200 with {} or with the ids and names of its objects null (a proxy or
// gateway in CXone's place), fails with a *ShapeError that IsNotFound is false for:
// never an empty list, never "gone". The same read answered honestly finds the object,
// so the hostile answer is what made the difference.
func TestShape_hostileAnswersAreNotBelieved(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	agent := e.agentIDs()[0]
	skill := e.skill("Shape fixture")
	if skill.RoutingQueueID == "" {
		if skill = skillWithQueue(t, e, skill.SkillID); skill.RoutingQueueID == "" {
			t.Fatal("the skill has no routing queue")
		}
	}
	integ := e.integration("Shape fixture")
	ch := e.channel("shape-ch", integ.ID)
	if err := e.c.AssignSkills(e.ctx, agent, []cxone.SkillAssignmentInput{{SkillID: skill.SkillID, Proficiency: 5, IsActive: true}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.BindChannel(e.ctx, skill.RoutingQueueID, ch.ID); err != nil {
		t.Fatal(err)
	}
	st := e.s.State()
	team, profile := st.Agents[0].TeamID, st.Agents[0].ProfileID

	h := acctest.NewHostile(t, e.s)
	cfg := e.cfg
	cfg.AuthURL = h.URL
	c, err := cxone.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx := e.ctx
	reads := []struct {
		name, prefix string
		read         func() error
	}{
		{"GetAgent", adminPath + "/agents/", func() error { _, err := c.GetAgent(ctx, agent); return err }},
		{"ListAgents", adminPath + "/agents", func() error { return found(c.ListAgents(ctx, cxone.AgentListOptions{})) }},
		{"FindAgentByUserName", adminPath + "/agents", func() error { _, err := c.FindAgentByUserName(ctx, st.Agents[0].UserName); return err }},
		{"ListAgentsFirstPage", adminPath + "/agents", func() error { p, err := c.ListAgentsFirstPage(ctx); return found(p.Items, err) }},
		{"GetSkill", adminPath + "/skills/", func() error { _, err := c.GetSkill(ctx, skill.SkillID); return err }},
		{"FindSkillByName", adminPath + "/skills", func() error { _, err := c.FindSkillByName(ctx, skill.SkillName); return err }},
		{"ListSkillsFirstPage", adminPath + "/skills", func() error { p, err := c.ListSkillsFirstPage(ctx); return found(p.Items, err) }},
		{"GetSkillAssignment", adminPath + "/agents/", func() error { _, err := c.GetSkillAssignment(ctx, agent, skill.SkillID); return err }},
		{"ListSkillAgents", adminPath + "/skills/", func() error { return found(c.ListSkillAgents(ctx, skill.SkillID)) }},
		{"GetTeam", adminPath + "/teams", func() error { _, err := c.GetTeam(ctx, team); return err }},
		{"ListTeams", adminPath + "/teams", func() error { return found(c.ListTeams(ctx, cxone.TeamListOptions{})) }},
		{"GetSecurityProfile", adminPath + "/security-profiles", func() error { _, err := c.GetSecurityProfile(ctx, profile); return err }},
		{"ListSecurityProfiles", adminPath + "/security-profiles", func() error { return found(c.ListSecurityProfiles(ctx)) }},
		{"GetIntegration", dfoPath + "/channel-integrations", func() error { _, err := c.GetIntegration(ctx, integ.ID); return err }},
		{"FindIntegrationByName", dfoPath + "/channel-integrations", func() error { _, err := c.FindIntegrationByName(ctx, integ.Name); return err }},
		{"ListIntegrationsFirstPage", dfoPath + "/channel-integrations", func() error { p, err := c.ListIntegrationsFirstPage(ctx); return found(p.Items, err) }},
		{"GetChannel", dfoPath + "/channels", func() error { _, err := c.GetChannel(ctx, ch.ID); return err }},
		{"ListChannels", dfoPath + "/channels", func() error { return found(c.ListChannels(ctx)) }},
		{"GetRoutingQueue", dfoPath + "/routing-queues", func() error { _, err := c.GetRoutingQueue(ctx, skill.RoutingQueueID); return err }},
		{"ListRoutingQueuesFirstPage", dfoPath + "/routing-queues", func() error { p, err := c.ListRoutingQueuesFirstPage(ctx); return found(p.Items, err) }},
		{"GetBinding", dfoPath + "/routing-queues/", func() error { _, err := c.GetBinding(ctx, skill.RoutingQueueID, ch.ID); return err }},
		{"ListChannelPages", dfoPath + "/channels", func() error {
			for _, err := range c.ListChannelPages(ctx) {
				return err
			}
			return errors.New("no page")
		}},
	}
	for _, answer := range []struct {
		name   string
		answer acctest.Answer
	}{{"{}", acctest.EmptyObject}, {"null ids and names", acctest.NullKeys}} {
		for _, r := range reads {
			t.Run(answer.name+"/"+r.name, func(t *testing.T) {
				h.Set(acctest.Honest, "")
				if err := r.read(); err != nil {
					t.Fatalf("answered honestly: %v", err)
				}
				h.Set(answer.answer, r.prefix)
				before := h.Spoilt()
				err := r.read()
				h.Set(acctest.Honest, "")
				if h.Spoilt() == before {
					t.Fatalf("the read did not reach %s", r.prefix)
				}
				var se *cxone.ShapeError
				if !errors.As(err, &se) || cxone.IsNotFound(err) {
					t.Fatalf("want a *ShapeError that is not a not-found, got %T: %v", err, err)
				}
			})
		}
	}
}

// found turns a list into an error when it is empty, so that a list read counts as
// failed unless it found something.
func found[T any](items []T, err error) error {
	if err == nil && len(items) == 0 {
		return errors.New("the list is empty")
	}
	return err
}

// skillWithQueue reads a skill until CXone has given it its routing queue.
func skillWithQueue(t *testing.T, e *env, id int64) *cxone.Skill {
	t.Helper()
	s, err := e.c.GetSkill(e.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

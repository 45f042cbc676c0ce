package readcache

import (
	"context"
	"fmt"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// The write methods of cxone.Client, each wrapped so that the objects it writes
// are forgotten whatever the outcome: a write that succeeded, failed or lost its
// answer may have changed the object in CXone, so its next read must not come
// from a list taken before. Forgetting is deferred, so it also happens when the
// write panics. TestEveryWriteIsWrapped fails when cxone.Client gains a method
// that is neither a read (Get, List, Find) nor wrapped here.
//
// A create whose answer never named the new object (CreateSkill,
// CreateIntegration) forgets no object: no state refers to that object, so nothing
// reads it by id in this operation. Every write of a kind, whatever its outcome,
// sends the kind's later look-ups by name to CXone.

// UpsertChannel creates or updates a channel.
func (c *Client) UpsertChannel(ctx context.Context, ch cxone.Channel) (*cxone.Channel, error) {
	defer c.channels.forget(ch.ID)
	return c.Client.UpsertChannel(ctx, ch)
}

// DeleteChannel deletes a channel. A list of channels taken while it runs cannot
// prove a channel absent (ChannelBeforeCreate).
func (c *Client) DeleteChannel(ctx context.Context, id string) error {
	defer c.channels.deleting(id)()
	return c.Client.DeleteChannel(ctx, id)
}

// CreateSkill creates a skill.
func (c *Client) CreateSkill(ctx context.Context, in cxone.SkillInput) (created *cxone.Skill, err error) {
	defer func() {
		c.skills.wrote()
		c.queues.forgetAll() // the skill's routing queue follows it
		if created != nil {
			c.skills.forget(created.SkillID)
			c.noteSkillName(created.SkillID, created)
		}
	}()
	return c.Client.CreateSkill(ctx, in)
}

// UpdateSkill updates (or, with IsActive set, activates or deactivates) a skill.
func (c *Client) UpdateSkill(ctx context.Context, skillID int64, in cxone.SkillInput) (updated *cxone.Skill, err error) {
	defer func() {
		c.skills.forget(skillID)
		c.queues.forgetAll() // the skill's routing queue follows its name and state
		c.noteSkillName(skillID, updated)
	}()
	return c.Client.UpdateSkill(ctx, skillID, in)
}

// CreateAgent creates a user. Unlike a skill's create, its answer names the new
// user (or, after a lost answer, the look-up by user name does), so that user is
// forgotten: a create over a taken name may be followed by a read of that user.
func (c *Client) CreateAgent(ctx context.Context, in cxone.AgentInput) (created *cxone.Agent, err error) {
	defer func() {
		c.agents.wrote()
		if created != nil {
			c.agents.forget(created.AgentID)
		}
	}()
	return c.Client.CreateAgent(ctx, in)
}

// UpdateAgent changes (or, with IsActive set, activates or deactivates) a user.
func (c *Client) UpdateAgent(ctx context.Context, agentID int64, ch cxone.AgentChanges) (*cxone.Agent, error) {
	defer c.agents.forget(agentID)
	return c.Client.UpdateAgent(ctx, agentID, ch)
}

// UpdateAgentDigitalSettings changes one agent's digital settings.
func (c *Client) UpdateAgentDigitalSettings(ctx context.Context, s cxone.AgentDigitalSettings) error {
	defer c.agents.forget(s.AgentID)
	return c.Client.UpdateAgentDigitalSettings(ctx, s)
}

// AssignSkills assigns skills to an agent.
func (c *Client) AssignSkills(ctx context.Context, agentID int64, in []cxone.SkillAssignmentInput) error {
	defer c.forgetAssignments(agentID, in)
	return c.Client.AssignSkills(ctx, agentID, in)
}

// UpdateSkillAssignments changes an agent's assignments.
func (c *Client) UpdateSkillAssignments(ctx context.Context, agentID int64, in []cxone.SkillAssignmentInput) error {
	defer c.forgetAssignments(agentID, in)
	return c.Client.UpdateSkillAssignments(ctx, agentID, in)
}

// UnassignSkill removes a skill from an agent.
func (c *Client) UnassignSkill(ctx context.Context, agentID, skillID int64) error {
	defer c.assignmentsOf(skillID).forget(agentID)
	return c.Client.UnassignSkill(ctx, agentID, skillID)
}

// BindChannel binds a channel to a routing queue.
func (c *Client) BindChannel(ctx context.Context, queueID, channelID string) (*cxone.Binding, error) {
	defer c.bindingsOf(queueID).forget(channelID)
	return c.Client.BindChannel(ctx, queueID, channelID)
}

// UnbindChannel takes a channel off a routing queue.
func (c *Client) UnbindChannel(ctx context.Context, queueID, channelID string) error {
	defer c.bindingsOf(queueID).forget(channelID)
	return c.Client.UnbindChannel(ctx, queueID, channelID)
}

// CreateIntegration creates a BYOC integration.
func (c *Client) CreateIntegration(ctx context.Context, in cxone.IntegrationInput) (created *cxone.Integration, err error) {
	defer func() {
		c.integrations.wrote()
		if created != nil {
			c.integrations.forget(created.ID)
		}
	}()
	return c.Client.CreateIntegration(ctx, in)
}

// UpdateIntegration replaces a BYOC integration's settings.
func (c *Client) UpdateIntegration(ctx context.Context, id string, in cxone.IntegrationInput) (*cxone.Integration, error) {
	defer c.integrations.forget(id)
	return c.Client.UpdateIntegration(ctx, id, in)
}

// DeleteIntegration deletes a BYOC integration.
func (c *Client) DeleteIntegration(ctx context.Context, id string) error {
	defer c.integrations.forget(id)
	return c.Client.DeleteIntegration(ctx, id)
}

// forgetAssignments forgets the agent's assignment to every skill in in.
func (c *Client) forgetAssignments(agentID int64, in []cxone.SkillAssignmentInput) {
	for _, a := range in {
		c.assignmentsOf(a.SkillID).forget(agentID)
	}
}

// noteSkillName keeps the name of a skill as the answer to the provider's own write
// gives it, or forgets it when the write gave no answer (failed or lost).
func (c *Client) noteSkillName(skillID int64, answer *cxone.Skill) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if answer == nil {
		delete(c.skillNames, skillID)
		return
	}
	c.skillNames[skillID] = answer.SkillName
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

package readcache

import (
	"context"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// The writes the provider makes (the Writes interface), each wrapping cxone.Client's
// so that the objects it writes are forgotten whatever the outcome: a write that
// succeeded, failed or lost its answer may have changed the object in CXone, so its
// next read must not come from a list taken before. Forgetting is deferred, so it
// also happens when the write panics. A write is a write because it is declared in
// Writes, not because of its name; TestReadsOnlyRead checks that no read writes.
//
// A create whose answer never named the new object (CreateSkill,
// CreateIntegration) forgets no object: no state refers to that object, so nothing
// reads it by id in this operation. Every write of a kind, whatever its outcome,
// sends the kind's later look-ups by name to CXone.

// UpsertChannel creates or updates a channel.
func (c *Client) UpsertChannel(ctx context.Context, ch cxone.Channel) (*cxone.Channel, error) {
	defer c.channels.forget(ch.ID)
	return c.api.UpsertChannel(ctx, ch)
}

// DeleteChannel deletes a channel. A list of channels taken while it runs cannot
// prove a channel absent (ChannelBeforeCreate).
func (c *Client) DeleteChannel(ctx context.Context, id string) error {
	defer c.channels.deleting(id)()
	return c.api.DeleteChannel(ctx, id)
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
	return c.api.CreateSkill(ctx, in)
}

// UpdateSkill updates (or, with IsActive set, activates or deactivates) a skill.
func (c *Client) UpdateSkill(ctx context.Context, skillID int64, in cxone.SkillInput) (updated *cxone.Skill, err error) {
	defer func() {
		c.skills.forget(skillID)
		c.queues.forgetAll() // the skill's routing queue follows its name and state
		c.noteSkillName(skillID, updated)
	}()
	return c.api.UpdateSkill(ctx, skillID, in)
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
	return c.api.CreateAgent(ctx, in)
}

// UpdateAgent changes (or, with IsActive set, activates or deactivates) a user.
func (c *Client) UpdateAgent(ctx context.Context, agentID int64, ch cxone.AgentChanges) (*cxone.Agent, error) {
	defer c.agents.forget(agentID)
	return c.api.UpdateAgent(ctx, agentID, ch)
}

// UpdateAgentDigitalSettings changes one agent's digital settings.
func (c *Client) UpdateAgentDigitalSettings(ctx context.Context, s cxone.AgentDigitalSettings) error {
	defer c.agents.forget(s.AgentID)
	return c.api.UpdateAgentDigitalSettings(ctx, s)
}

// AssignSkills assigns skills to an agent.
func (c *Client) AssignSkills(ctx context.Context, agentID int64, in []cxone.SkillAssignmentInput) error {
	defer c.forgetAssignments(agentID, in)
	return c.api.AssignSkills(ctx, agentID, in)
}

// UpdateSkillAssignments changes an agent's assignments.
func (c *Client) UpdateSkillAssignments(ctx context.Context, agentID int64, in []cxone.SkillAssignmentInput) error {
	defer c.forgetAssignments(agentID, in)
	return c.api.UpdateSkillAssignments(ctx, agentID, in)
}

// UnassignSkill removes a skill from an agent.
func (c *Client) UnassignSkill(ctx context.Context, agentID, skillID int64) error {
	defer c.assignmentsOf(skillID).forget(agentID)
	return c.api.UnassignSkill(ctx, agentID, skillID)
}

// BindChannel binds a channel to a routing queue.
func (c *Client) BindChannel(ctx context.Context, queueID, channelID string) (*cxone.Binding, error) {
	defer c.bindingsOf(queueID).forget(channelID)
	return c.api.BindChannel(ctx, queueID, channelID)
}

// UnbindChannel takes a channel off a routing queue.
func (c *Client) UnbindChannel(ctx context.Context, queueID, channelID string) error {
	defer c.bindingsOf(queueID).forget(channelID)
	return c.api.UnbindChannel(ctx, queueID, channelID)
}

// CreateIntegration creates a BYOC integration.
func (c *Client) CreateIntegration(ctx context.Context, in cxone.IntegrationInput) (created *cxone.Integration, err error) {
	defer func() {
		c.integrations.wrote()
		if created != nil {
			c.integrations.forget(created.ID)
		}
	}()
	return c.api.CreateIntegration(ctx, in)
}

// UpdateIntegration replaces a BYOC integration's settings.
func (c *Client) UpdateIntegration(ctx context.Context, id string, in cxone.IntegrationInput) (*cxone.Integration, error) {
	defer c.integrations.forget(id)
	return c.api.UpdateIntegration(ctx, id, in)
}

// DeleteIntegration deletes a BYOC integration.
func (c *Client) DeleteIntegration(ctx context.Context, id string) error {
	defer c.integrations.forget(id)
	return c.api.DeleteIntegration(ctx, id)
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

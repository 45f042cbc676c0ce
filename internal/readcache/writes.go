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
		c.skills.created(created, func(s *cxone.Skill) int64 { return s.SkillID })
		c.out.skills.wrote() // the outbound view of skills lists the same skills
		c.queues.forgetAll() // the skill's routing queue follows it
		if created != nil {
			c.out.skills.forget(created.SkillID)
			c.noteSkillName(created.SkillID, created)
		}
	}()
	return c.api.CreateSkill(ctx, in)
}

// UpdateSkill updates (or, with IsActive set, activates or deactivates) a skill.
func (c *Client) UpdateSkill(ctx context.Context, skillID int64, in cxone.SkillInput) (updated *cxone.Skill, err error) {
	defer func() {
		c.skills.forget(skillID)
		c.out.skills.forget(skillID)
		c.queues.forgetAll() // the skill's routing queue follows its name and state
		c.noteSkillName(skillID, updated)
	}()
	return c.api.UpdateSkill(ctx, skillID, in)
}

// CreateAgent creates a user. Unlike a skill's create, its answer names the new
// user (or, after a lost answer, the look-up by user name does), so that user is
// forgotten: a create over a taken name may be followed by a read of that user.
func (c *Client) CreateAgent(ctx context.Context, in cxone.AgentInput) (created *cxone.Agent, err error) {
	defer func() { c.agents.created(created, func(a *cxone.Agent) int64 { return a.AgentID }) }()
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
	defer func() { c.integrations.created(created, func(in *cxone.Integration) string { return in.ID }) }()
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

// The write methods of the outbound nouns (outbound-api.md). Those of a kind with a cached
// read (outbound_cache.go) forget what they write, and each has a case in
// TestWrites_nextReadGoesToCXone; the others pass straight through. The writes
// of outbound skills do touch cached kinds: an outbound skill is a skill (and a digital one
// is mirrored as a routing queue), so they forget it as the skill writes in writes.go do, in
// both views of skills (Skill and OutboundSkill), and its parameter groups when they change.

// CreateMessageTemplate creates a message template.
func (c *Client) CreateMessageTemplate(ctx context.Context, in cxone.MessageTemplateInput) (created *cxone.MessageTemplate, err error) {
	defer func() {
		forgetCreated(&c.out.templates, created, func(t *cxone.MessageTemplate) int64 { return t.TemplateID })
	}()
	return c.api.CreateMessageTemplate(ctx, in)
}

// UpdateMessageTemplate changes a message template.
func (c *Client) UpdateMessageTemplate(ctx context.Context, templateID int64, in cxone.MessageTemplateInput) (*cxone.MessageTemplate, error) {
	defer c.out.templates.forget(templateID)
	return c.api.UpdateMessageTemplate(ctx, templateID, in)
}

// DeactivateMessageTemplate retires a message template.
func (c *Client) DeactivateMessageTemplate(ctx context.Context, templateID int64) error {
	defer c.out.templates.forget(templateID)
	return c.api.DeactivateMessageTemplate(ctx, templateID)
}

// CreateCampaign creates a campaign.
func (c *Client) CreateCampaign(ctx context.Context, in cxone.CampaignInput) (created *cxone.Campaign, err error) {
	defer func() { forgetCreated(&c.out.campaigns, created, func(x *cxone.Campaign) int64 { return x.ID }) }()
	return c.api.CreateCampaign(ctx, in)
}

// UpdateCampaign changes a campaign.
func (c *Client) UpdateCampaign(ctx context.Context, campaignID int64, in cxone.CampaignInput) (*cxone.Campaign, error) {
	defer c.out.campaigns.forget(campaignID)
	return c.api.UpdateCampaign(ctx, campaignID, in)
}

// SetCampaignActive activates or deactivates a campaign.
func (c *Client) SetCampaignActive(ctx context.Context, campaignID int64, active bool) error {
	defer c.out.campaigns.forget(campaignID)
	return c.api.SetCampaignActive(ctx, campaignID, active)
}

// CreateDispositions creates dispositions.
func (c *Client) CreateDispositions(ctx context.Context, in []cxone.DispositionInput) (ids []int64, err error) {
	defer func() {
		for _, id := range ids {
			c.out.dispositions.forget(id)
		}
	}()
	return c.api.CreateDispositions(ctx, in)
}

// CreateDisposition creates a disposition.
func (c *Client) CreateDisposition(ctx context.Context, in cxone.DispositionInput) (created *cxone.Disposition, err error) {
	defer func() {
		forgetCreated(&c.out.dispositions, created, func(d *cxone.Disposition) int64 { return d.DispositionID })
	}()
	return c.api.CreateDisposition(ctx, in)
}

// UpdateDisposition changes a disposition.
func (c *Client) UpdateDisposition(ctx context.Context, dispositionID int64, in cxone.DispositionInput) (*cxone.Disposition, error) {
	defer c.out.dispositions.forget(dispositionID)
	return c.api.UpdateDisposition(ctx, dispositionID, in)
}

// SetDispositionActive activates or deactivates a disposition.
func (c *Client) SetDispositionActive(ctx context.Context, dispositionID int64, active bool) error {
	defer c.out.dispositions.forget(dispositionID)
	return c.api.SetDispositionActive(ctx, dispositionID, active)
}

// CreateOutboundSkill creates an outbound skill. Like CreateSkill, it sends later look-ups
// of skills to CXone, and the skill's routing queue follows it.
func (c *Client) CreateOutboundSkill(ctx context.Context, in cxone.OutboundSkillInput) (created *cxone.OutboundSkill, err error) {
	defer func() {
		c.skills.wrote()
		c.out.skills.wrote()
		c.queues.forgetAll()
		if created != nil {
			c.forgetSkill(created.SkillID)
		}
	}()
	return c.api.CreateOutboundSkill(ctx, in)
}

// UpdateOutboundSkill changes an outbound skill.
func (c *Client) UpdateOutboundSkill(ctx context.Context, skillID int64, in cxone.OutboundSkillInput) (*cxone.OutboundSkill, error) {
	defer c.forgetSkill(skillID)
	return c.api.UpdateOutboundSkill(ctx, skillID, in)
}

// SetOutboundSkillActive activates or deactivates a skill.
func (c *Client) SetOutboundSkillActive(ctx context.Context, skillID int64, active bool) error {
	defer c.forgetSkill(skillID)
	return c.api.SetOutboundSkillActive(ctx, skillID, active)
}

// StartSkill starts a Personal Connection skill (isRunning changes).
func (c *Client) StartSkill(ctx context.Context, skillID int64) error {
	defer c.forgetRunning(skillID)
	return c.api.StartSkill(ctx, skillID)
}

// StopSkill stops a Personal Connection skill.
func (c *Client) StopSkill(ctx context.Context, skillID int64, force bool) error {
	defer c.forgetRunning(skillID)
	return c.api.StopSkill(ctx, skillID, force)
}

// UpdateSkillGeneralSettings writes a skill's general parameter group.
func (c *Client) UpdateSkillGeneralSettings(ctx context.Context, skillID int64, s cxone.GeneralSettings) error {
	defer c.out.params.forget(skillID)
	return c.api.UpdateSkillGeneralSettings(ctx, skillID, s)
}

// UpdateSkillRetrySettings writes a skill's retry parameter group.
func (c *Client) UpdateSkillRetrySettings(ctx context.Context, skillID int64, s cxone.RetrySettings) error {
	defer c.out.params.forget(skillID)
	return c.api.UpdateSkillRetrySettings(ctx, skillID, s)
}

// UpdateSkillScheduleSettings writes a skill's schedule parameter group.
func (c *Client) UpdateSkillScheduleSettings(ctx context.Context, skillID int64, s cxone.ScheduleSettings) error {
	defer c.out.params.forget(skillID)
	return c.api.UpdateSkillScheduleSettings(ctx, skillID, s)
}

// UpdateSkillTimeZones replaces a skill's time zones.
func (c *Client) UpdateSkillTimeZones(ctx context.Context, skillID int64, zones []cxone.TimeZoneSetting) error {
	defer c.out.params.forget(skillID)
	return c.api.UpdateSkillTimeZones(ctx, skillID, zones)
}

// forgetSkill forgets a skill written by an outbound write, in both views of skills, with
// its parameter groups (whose aggregate names the skill), its routing queue (which follows
// its name and state) and the name noted from an earlier answer.
func (c *Client) forgetSkill(skillID int64) {
	c.skills.forget(skillID)
	c.out.skills.forget(skillID)
	c.out.params.forget(skillID)
	c.queues.forgetAll()
	c.noteSkillName(skillID, nil)
}

// forgetRunning forgets a skill whose isRunning a start or stop changes, in both views of
// skills.
func (c *Client) forgetRunning(skillID int64) {
	c.skills.forget(skillID)
	c.out.skills.forget(skillID)
}

// CreateDNCGroup creates a DNC group.
func (c *Client) CreateDNCGroup(ctx context.Context, in cxone.DNCGroupInput) (created *cxone.DNCGroup, err error) {
	defer func() {
		forgetCreated(&c.out.dncGroups, created, func(g *cxone.DNCGroup) int64 { return g.DNCGroupID })
	}()
	return c.api.CreateDNCGroup(ctx, in)
}

// UpdateDNCGroup changes a DNC group.
func (c *Client) UpdateDNCGroup(ctx context.Context, groupID int64, in cxone.DNCGroupInput) (*cxone.DNCGroup, error) {
	defer c.out.dncGroups.forget(groupID)
	return c.api.UpdateDNCGroup(ctx, groupID, in)
}

// DeactivateDNCGroup retires a DNC group.
func (c *Client) DeactivateDNCGroup(ctx context.Context, groupID int64) error {
	defer c.out.dncGroups.forget(groupID)
	return c.api.DeactivateDNCGroup(ctx, groupID)
}

// AddDNCGroupSkill links a skill to a DNC group.
func (c *Client) AddDNCGroupSkill(ctx context.Context, groupID, skillID int64, relation cxone.DNCRelation) error {
	defer c.dncLinksOf(groupID, relation).forget(skillID)
	return c.api.AddDNCGroupSkill(ctx, groupID, skillID, relation)
}

// RemoveDNCGroupSkill removes a skill's link to a DNC group.
func (c *Client) RemoveDNCGroupSkill(ctx context.Context, groupID, skillID int64, relation cxone.DNCRelation) error {
	defer c.dncLinksOf(groupID, relation).forget(skillID)
	return c.api.RemoveDNCGroupSkill(ctx, groupID, skillID, relation)
}

// CreateCallingList creates a calling list.
func (c *Client) CreateCallingList(ctx context.Context, in cxone.CallingListInput) (*cxone.CallingList, error) {
	return c.api.CreateCallingList(ctx, in)
}

// DeleteCallingList deletes a calling list.
func (c *Client) DeleteCallingList(ctx context.Context, listID int64, opts cxone.CallingListDeleteOptions) error {
	return c.api.DeleteCallingList(ctx, listID, opts)
}

// UploadCallingList uploads records to a calling list. An upload to a skill adds the list to
// the skill's parameter aggregate (callingLists), and its startSkill starts the skill once
// the records are in: both are forgotten, though the start may come later than the next
// read, as it would without a cache.
func (c *Client) UploadCallingList(ctx context.Context, listID int64, up cxone.CallingListUpload) (int64, error) {
	if up.SkillID != 0 {
		defer c.out.params.forget(up.SkillID)
		if up.StartSkill {
			defer c.forgetRunning(up.SkillID)
		}
	}
	return c.api.UploadCallingList(ctx, listID, up)
}

// SendOutboundMessage sends a message through a channel; it writes no cached object.
func (c *Client) SendOutboundMessage(ctx context.Context, channelID string, in cxone.OutboundMessageInput) (*cxone.OutboundMessageResult, error) {
	return c.api.SendOutboundMessage(ctx, channelID, in)
}

// AddDNCRecords adds numbers to a DNC group.
func (c *Client) AddDNCRecords(ctx context.Context, groupID int64, in []cxone.DNCRecordInput) ([]cxone.DNCRecordResult, error) {
	return c.api.AddDNCRecords(ctx, groupID, in)
}

// ExpireDNCRecords takes numbers out of a DNC group.
func (c *Client) ExpireDNCRecords(ctx context.Context, groupID int64, in []cxone.DNCRecordInput) ([]cxone.DNCRecordResult, error) {
	return c.api.ExpireDNCRecords(ctx, groupID, in)
}

// forgetCreated forgets the object a create made, when its answer named it: a list taken
// before the create does not hold it.
func forgetCreated[V any](s *snapshot[int64, V], created *V, id func(*V) int64) {
	if created != nil {
		s.forget(id(created))
	}
}

package readcache

import (
	"context"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// The write methods of the outbound nouns (outbound-api.md). The outbound kinds have no
// cached reads yet, so their writes have nothing to forget and pass straight through; they
// are declared here so that TestEveryWriteIsDeclared keeps every write in view. The writes
// of outbound skills do touch cached kinds: an outbound skill is a skill (and a digital one
// is mirrored as a routing queue), so they forget it as the skill writes in writes.go do.

// CreateMessageTemplate creates a message template.
func (c *Client) CreateMessageTemplate(ctx context.Context, in cxone.MessageTemplateInput) (*cxone.MessageTemplate, error) {
	return c.api.CreateMessageTemplate(ctx, in)
}

// UpdateMessageTemplate changes a message template.
func (c *Client) UpdateMessageTemplate(ctx context.Context, templateID int64, in cxone.MessageTemplateInput) (*cxone.MessageTemplate, error) {
	return c.api.UpdateMessageTemplate(ctx, templateID, in)
}

// DeactivateMessageTemplate retires a message template.
func (c *Client) DeactivateMessageTemplate(ctx context.Context, templateID int64) error {
	return c.api.DeactivateMessageTemplate(ctx, templateID)
}

// CreateCampaign creates a campaign.
func (c *Client) CreateCampaign(ctx context.Context, in cxone.CampaignInput) (*cxone.Campaign, error) {
	return c.api.CreateCampaign(ctx, in)
}

// UpdateCampaign changes a campaign.
func (c *Client) UpdateCampaign(ctx context.Context, campaignID int64, in cxone.CampaignInput) (*cxone.Campaign, error) {
	return c.api.UpdateCampaign(ctx, campaignID, in)
}

// SetCampaignActive activates or deactivates a campaign.
func (c *Client) SetCampaignActive(ctx context.Context, campaignID int64, active bool) error {
	return c.api.SetCampaignActive(ctx, campaignID, active)
}

// CreateDispositions creates dispositions.
func (c *Client) CreateDispositions(ctx context.Context, in []cxone.DispositionInput) ([]int64, error) {
	return c.api.CreateDispositions(ctx, in)
}

// CreateDisposition creates a disposition.
func (c *Client) CreateDisposition(ctx context.Context, in cxone.DispositionInput) (*cxone.Disposition, error) {
	return c.api.CreateDisposition(ctx, in)
}

// UpdateDisposition changes a disposition.
func (c *Client) UpdateDisposition(ctx context.Context, dispositionID int64, in cxone.DispositionInput) (*cxone.Disposition, error) {
	return c.api.UpdateDisposition(ctx, dispositionID, in)
}

// SetDispositionActive activates or deactivates a disposition.
func (c *Client) SetDispositionActive(ctx context.Context, dispositionID int64, active bool) error {
	return c.api.SetDispositionActive(ctx, dispositionID, active)
}

// CreateOutboundSkill creates an outbound skill. Like CreateSkill, it sends later look-ups
// of skills to CXone, and the skill's routing queue follows it.
func (c *Client) CreateOutboundSkill(ctx context.Context, in cxone.OutboundSkillInput) (created *cxone.OutboundSkill, err error) {
	defer func() {
		c.skills.wrote()
		c.queues.forgetAll()
		if created != nil {
			c.skills.forget(created.SkillID)
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

// StartSkill starts a Personal Connection skill.
func (c *Client) StartSkill(ctx context.Context, skillID int64) error {
	defer c.skills.forget(skillID)
	return c.api.StartSkill(ctx, skillID)
}

// StopSkill stops a Personal Connection skill.
func (c *Client) StopSkill(ctx context.Context, skillID int64, force bool) error {
	defer c.skills.forget(skillID)
	return c.api.StopSkill(ctx, skillID, force)
}

// UpdateSkillGeneralSettings writes a skill's general parameter group.
func (c *Client) UpdateSkillGeneralSettings(ctx context.Context, skillID int64, s cxone.GeneralSettings) error {
	return c.api.UpdateSkillGeneralSettings(ctx, skillID, s)
}

// UpdateSkillRetrySettings writes a skill's retry parameter group.
func (c *Client) UpdateSkillRetrySettings(ctx context.Context, skillID int64, s cxone.RetrySettings) error {
	return c.api.UpdateSkillRetrySettings(ctx, skillID, s)
}

// UpdateSkillScheduleSettings writes a skill's schedule parameter group.
func (c *Client) UpdateSkillScheduleSettings(ctx context.Context, skillID int64, s cxone.ScheduleSettings) error {
	return c.api.UpdateSkillScheduleSettings(ctx, skillID, s)
}

// UpdateSkillTimeZones replaces a skill's time zones.
func (c *Client) UpdateSkillTimeZones(ctx context.Context, skillID int64, zones []cxone.TimeZoneSetting) error {
	return c.api.UpdateSkillTimeZones(ctx, skillID, zones)
}

// forgetSkill forgets a skill written by an outbound write, with its routing queue (which
// follows its name and state) and the name noted from an earlier answer.
func (c *Client) forgetSkill(skillID int64) {
	c.skills.forget(skillID)
	c.queues.forgetAll()
	c.noteSkillName(skillID, nil)
}

// CreateDNCGroup creates a DNC group.
func (c *Client) CreateDNCGroup(ctx context.Context, in cxone.DNCGroupInput) (*cxone.DNCGroup, error) {
	return c.api.CreateDNCGroup(ctx, in)
}

// UpdateDNCGroup changes a DNC group.
func (c *Client) UpdateDNCGroup(ctx context.Context, groupID int64, in cxone.DNCGroupInput) (*cxone.DNCGroup, error) {
	return c.api.UpdateDNCGroup(ctx, groupID, in)
}

// DeactivateDNCGroup retires a DNC group.
func (c *Client) DeactivateDNCGroup(ctx context.Context, groupID int64) error {
	return c.api.DeactivateDNCGroup(ctx, groupID)
}

// AddDNCGroupSkill links a skill to a DNC group.
func (c *Client) AddDNCGroupSkill(ctx context.Context, groupID, skillID int64, relation cxone.DNCRelation) error {
	return c.api.AddDNCGroupSkill(ctx, groupID, skillID, relation)
}

// RemoveDNCGroupSkill removes a skill's link to a DNC group.
func (c *Client) RemoveDNCGroupSkill(ctx context.Context, groupID, skillID int64, relation cxone.DNCRelation) error {
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

// UploadCallingList uploads records to a calling list. Its startSkill may start the skill,
// at any time later; a cached skill does not show whether it runs, so nothing is forgotten.
func (c *Client) UploadCallingList(ctx context.Context, listID int64, up cxone.CallingListUpload) (int64, error) {
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

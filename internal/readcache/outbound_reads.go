package readcache

import (
	"context"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// The reads of the outbound nouns (outbound-api.md). They ask CXone every time: an
// outbound set-up is a few dozen objects, read by ID. A kind that a plan reads many of
// gets a cached read of its own, as the inbound kinds have in readcache.go.

// ListMessageTemplates asks CXone (outbound kinds are not cached).
func (c *Client) ListMessageTemplates(ctx context.Context, templateTypeID int) ([]cxone.MessageTemplate, error) {
	return c.api.ListMessageTemplates(ctx, templateTypeID)
}

// FindMessageTemplateByName asks CXone (outbound kinds are not cached).
func (c *Client) FindMessageTemplateByName(ctx context.Context, name string) (*cxone.MessageTemplate, error) {
	return c.api.FindMessageTemplateByName(ctx, name)
}

// GetMessageTemplate asks CXone (outbound kinds are not cached).
func (c *Client) GetMessageTemplate(ctx context.Context, templateID int64) (*cxone.MessageTemplate, error) {
	return c.api.GetMessageTemplate(ctx, templateID)
}

// ListCampaigns asks CXone (outbound kinds are not cached).
func (c *Client) ListCampaigns(ctx context.Context, opts cxone.CampaignListOptions) ([]cxone.Campaign, error) {
	return c.api.ListCampaigns(ctx, opts)
}

// FindCampaignByName asks CXone (outbound kinds are not cached).
func (c *Client) FindCampaignByName(ctx context.Context, name string) (*cxone.Campaign, error) {
	return c.api.FindCampaignByName(ctx, name)
}

// GetCampaign asks CXone (outbound kinds are not cached).
func (c *Client) GetCampaign(ctx context.Context, campaignID int64) (*cxone.Campaign, error) {
	return c.api.GetCampaign(ctx, campaignID)
}

// ListDispositions asks CXone (outbound kinds are not cached).
func (c *Client) ListDispositions(ctx context.Context, opts cxone.DispositionListOptions) ([]cxone.Disposition, error) {
	return c.api.ListDispositions(ctx, opts)
}

// FindDispositionByName asks CXone (outbound kinds are not cached).
func (c *Client) FindDispositionByName(ctx context.Context, name string) (*cxone.Disposition, error) {
	return c.api.FindDispositionByName(ctx, name)
}

// GetDisposition asks CXone (outbound kinds are not cached).
func (c *Client) GetDisposition(ctx context.Context, dispositionID int64) (*cxone.Disposition, error) {
	return c.api.GetDisposition(ctx, dispositionID)
}

// ListDispositionClassifications asks CXone (outbound kinds are not cached).
func (c *Client) ListDispositionClassifications(ctx context.Context) ([]cxone.DispositionClassification, error) {
	return c.api.ListDispositionClassifications(ctx)
}

// ListOutboundSkills asks CXone (a search, or a list streamed to a list resource).
func (c *Client) ListOutboundSkills(ctx context.Context, opts cxone.OutboundSkillListOptions) ([]cxone.OutboundSkill, error) {
	return c.api.ListOutboundSkills(ctx, opts)
}

// FindOutboundSkillByName asks CXone (outbound kinds are not cached).
func (c *Client) FindOutboundSkillByName(ctx context.Context, name string) (*cxone.OutboundSkill, error) {
	return c.api.FindOutboundSkillByName(ctx, name)
}

// GetOutboundSkill asks CXone, for a check before a write (OutboundSkill is the cached read).
func (c *Client) GetOutboundSkill(ctx context.Context, skillID int64) (*cxone.OutboundSkill, error) {
	return c.api.GetOutboundSkill(ctx, skillID)
}

// ListSkillDispositions asks CXone (outbound kinds are not cached).
func (c *Client) ListSkillDispositions(ctx context.Context, skillID int64) ([]cxone.SkillDisposition, error) {
	return c.api.ListSkillDispositions(ctx, skillID)
}

// ListDNCGroups asks CXone (outbound kinds are not cached).
func (c *Client) ListDNCGroups(ctx context.Context) ([]cxone.DNCGroup, error) {
	return c.api.ListDNCGroups(ctx)
}

// FindDNCGroupByName asks CXone (outbound kinds are not cached).
func (c *Client) FindDNCGroupByName(ctx context.Context, name string) (*cxone.DNCGroup, error) {
	return c.api.FindDNCGroupByName(ctx, name)
}

// GetDNCGroup asks CXone (outbound kinds are not cached).
func (c *Client) GetDNCGroup(ctx context.Context, groupID int64) (*cxone.DNCGroup, error) {
	return c.api.GetDNCGroup(ctx, groupID)
}

// ListDNCGroupSkills asks CXone (outbound kinds are not cached).
func (c *Client) ListDNCGroupSkills(ctx context.Context, groupID int64, relation cxone.DNCRelation) ([]cxone.DNCGroupSkill, error) {
	return c.api.ListDNCGroupSkills(ctx, groupID, relation)
}

// ListDNCRecords asks CXone (outbound kinds are not cached).
func (c *Client) ListDNCRecords(ctx context.Context, groupID int64) ([]cxone.DNCRecord, error) {
	return c.api.ListDNCRecords(ctx, groupID)
}

// ListCallingLists asks CXone (outbound kinds are not cached).
func (c *Client) ListCallingLists(ctx context.Context) ([]cxone.CallingList, error) {
	return c.api.ListCallingLists(ctx)
}

// FindCallingListByName asks CXone (outbound kinds are not cached).
func (c *Client) FindCallingListByName(ctx context.Context, name string) (*cxone.CallingList, error) {
	return c.api.FindCallingListByName(ctx, name)
}

// GetCallingList asks CXone (outbound kinds are not cached).
func (c *Client) GetCallingList(ctx context.Context, listID int64) (*cxone.CallingList, error) {
	return c.api.GetCallingList(ctx, listID)
}

// GetUploadJob asks CXone (outbound kinds are not cached).
func (c *Client) GetUploadJob(ctx context.Context, jobID int64) (*cxone.UploadJob, error) {
	return c.api.GetUploadJob(ctx, jobID)
}

// GetSkillParameters asks CXone (SkillParameters is the cached read).
func (c *Client) GetSkillParameters(ctx context.Context, skillID int64) (*cxone.SkillParameters, error) {
	return c.api.GetSkillParameters(ctx, skillID)
}

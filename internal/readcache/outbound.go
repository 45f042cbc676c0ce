package readcache

import (
	"context"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// The write methods of the outbound nouns (outbound-api.md). The outbound kinds have no
// cached reads yet, so their writes have nothing to forget and pass straight through; they
// are declared here so that TestEveryWriteIsWrapped keeps every write in view. The writes
// of outbound skills do touch cached kinds: an outbound skill is a skill (and a digital one
// is mirrored as a routing queue), so they forget it as the skill writes in writes.go do.

// CreateMessageTemplate creates a message template.
func (c *Client) CreateMessageTemplate(ctx context.Context, in cxone.MessageTemplateInput) (*cxone.MessageTemplate, error) {
	return c.Client.CreateMessageTemplate(ctx, in)
}

// UpdateMessageTemplate changes a message template.
func (c *Client) UpdateMessageTemplate(ctx context.Context, templateID int64, in cxone.MessageTemplateInput) (*cxone.MessageTemplate, error) {
	return c.Client.UpdateMessageTemplate(ctx, templateID, in)
}

// DeactivateMessageTemplate retires a message template.
func (c *Client) DeactivateMessageTemplate(ctx context.Context, templateID int64) error {
	return c.Client.DeactivateMessageTemplate(ctx, templateID)
}

// CreateCampaign creates a campaign.
func (c *Client) CreateCampaign(ctx context.Context, in cxone.CampaignInput) (*cxone.Campaign, error) {
	return c.Client.CreateCampaign(ctx, in)
}

// UpdateCampaign changes a campaign.
func (c *Client) UpdateCampaign(ctx context.Context, campaignID int64, in cxone.CampaignInput) (*cxone.Campaign, error) {
	return c.Client.UpdateCampaign(ctx, campaignID, in)
}

// SetCampaignActive activates or deactivates a campaign.
func (c *Client) SetCampaignActive(ctx context.Context, campaignID int64, active bool) error {
	return c.Client.SetCampaignActive(ctx, campaignID, active)
}

// CreateDispositions creates dispositions.
func (c *Client) CreateDispositions(ctx context.Context, in []cxone.DispositionInput) ([]int64, error) {
	return c.Client.CreateDispositions(ctx, in)
}

// CreateDisposition creates a disposition.
func (c *Client) CreateDisposition(ctx context.Context, in cxone.DispositionInput) (*cxone.Disposition, error) {
	return c.Client.CreateDisposition(ctx, in)
}

// UpdateDisposition changes a disposition.
func (c *Client) UpdateDisposition(ctx context.Context, dispositionID int64, in cxone.DispositionInput) (*cxone.Disposition, error) {
	return c.Client.UpdateDisposition(ctx, dispositionID, in)
}

// SetDispositionActive activates or deactivates a disposition.
func (c *Client) SetDispositionActive(ctx context.Context, dispositionID int64, active bool) error {
	return c.Client.SetDispositionActive(ctx, dispositionID, active)
}

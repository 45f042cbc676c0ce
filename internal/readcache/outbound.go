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

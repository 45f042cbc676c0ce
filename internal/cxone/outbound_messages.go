package cxone

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// A message sent through a BYOC channel (POST /dfo/3.0/channels/{channelId}/outbound,
// outbound-api.md §9): DFO hands it to the channel's middleware. The body is the one NICE's
// agent SDK sends (CXoneDigitalReplyRequest).

// Message content types.
const (
	MessageContentText = "TEXT"
)

// MessageContent is a message's content; a TEXT message's payload is {"text": ...}.
type MessageContent struct {
	Type         string `json:"type"`
	Payload      any    `json:"payload"`
	FallbackText string `json:"fallbackText,omitempty"`
}

// TextContent is the content of a plain text message.
func TextContent(text string) MessageContent {
	return MessageContent{Type: MessageContentText, Payload: map[string]string{"text": text}}
}

// MessageRecipient is who a message goes to, by their id on the external platform.
type MessageRecipient struct {
	IDOnExternalPlatform string `json:"idOnExternalPlatform"`
	Name                 string `json:"name"`
	IsPrimary            bool   `json:"isPrimary"`
	IsPrivate            bool   `json:"isPrivate"`
}

// MessageThread names the thread a message starts or continues.
type MessageThread struct {
	ThreadName           string `json:"threadName,omitempty"`
	IDOnExternalPlatform string `json:"idOnExternalPlatform,omitempty"`
}

// MessageContact sets the contact the message creates; SkillID routes it (0: none).
type MessageContact struct {
	SkillID int64 `json:"skillId,omitempty"`
}

// OutboundMessageInput is a message to send. MessageContent and at least one recipient
// are required.
type OutboundMessageInput struct {
	Thread         *MessageThread     `json:"thread,omitempty"`
	MessageContent MessageContent     `json:"messageContent"`
	Recipients     []MessageRecipient `json:"recipients"`
	Title          string             `json:"title,omitempty"`
	Contact        *MessageContact    `json:"contact,omitempty"`
}

// OutboundMessageResult is CXone's answer: the contact the message made and the message.
// The spec marks both optional; an answer with neither is an error.
type OutboundMessageResult struct {
	ConsumerContact *MessageContactInfo `json:"consumerContact"`
	Message         *MessageDetail      `json:"message"`
}

// MessageContactInfo is the contact a message made.
type MessageContactInfo struct {
	ID        string
	ContactID string
	ChannelID string
	Direction string
	Status    string
	ThreadID  string
}

// UnmarshalJSON reads the contact, accepting its ids as strings or numbers.
func (m *MessageContactInfo) UnmarshalJSON(b []byte) error {
	type plain MessageContactInfo
	return decodeFlex(b, (*plain)(m), flexStringAt("id", &m.ID), flexStringAt("contactId", &m.ContactID),
		flexStringAt("channelId", &m.ChannelID), flexStringAt("threadId", &m.ThreadID))
}

// MessageDetail is the message as CXone stored it.
type MessageDetail struct {
	ID                   string
	IDOnExternalPlatform string
	Direction            string
	CreatedAt            string
}

// UnmarshalJSON reads the message, accepting its ids as strings or numbers.
func (m *MessageDetail) UnmarshalJSON(b []byte) error {
	type plain MessageDetail
	return decodeFlex(b, (*plain)(m), flexStringAt("id", &m.ID), flexStringAt("idOnExternalPlatform", &m.IDOnExternalPlatform))
}

// SendOutboundMessage sends a message through a channel. CXone refuses an unknown channel
// (IsNotFound), a channel without hasOutboundFlow, and a message without recipients or
// with an unknown content type; DFO's delivery to the middleware failing is an error too.
// A message is never sent again after a lost answer: it may have been delivered.
func (c *Client) SendOutboundMessage(ctx context.Context, channelID string, in OutboundMessageInput) (*OutboundMessageResult, error) {
	path := "/channels/" + url.PathEscape(channelID) + "/outbound"
	var out OutboundMessageResult
	if err := dfoCall(ctx, c, http.MethodPost, path, in, false, &out); err != nil {
		return nil, fmt.Errorf("sending a message through channel %q: %w", channelID, err)
	}
	if (out.Message == nil || out.Message.ID == "") && (out.ConsumerContact == nil || out.ConsumerContact.ID == "") {
		return nil, fmt.Errorf("sending a message through channel %q: CXone's answer names neither the message nor its contact", channelID)
	}
	return &out, nil
}

// MediaType is one of the media types a skill can have (GET /media-types).
type MediaType struct {
	MediaTypeID   int    `json:"mediaTypeId"`
	MediaTypeName string `json:"mediaTypeName"`
}

// ListMediaTypes returns the tenant's media types.
func (c *Client) ListMediaTypes(ctx context.Context) ([]MediaType, error) {
	return getDecoded(ctx, c, "/media-types", nil, listOf("mediaTypes", func(m *MediaType) string {
		if m.MediaTypeID <= 0 || m.MediaTypeName == "" {
			return "has no mediaTypeId or mediaTypeName"
		}
		return ""
	}), "listing media types")
}

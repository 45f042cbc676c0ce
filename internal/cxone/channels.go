package cxone

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// maxIDsPerRequest bounds the id[] parameters of one GET /channels, keeping URLs short.
const maxIDsPerRequest = 100

// Channel is a digital point of contact of a BYOC integration (DFO 3.0 /channels). Optional
// capability flags are pointers so "not set" differs from false.
type Channel struct {
	ID                           string `json:"id"`
	IDOnExternalPlatform         string `json:"idOnExternalPlatform"`
	ChannelIntegrationID         string `json:"channelIntegrationId"`
	RealExternalPlatformID       string `json:"realExternalPlatformId"`
	Name                         string `json:"name"`
	IsPrivate                    bool   `json:"isPrivate"`
	HasTreeStructure             bool   `json:"hasTreeStructure"`
	HasReply                     *bool  `json:"hasReply,omitempty"`
	ContentFormat                string `json:"contentFormat,omitempty"`
	HasAbilityToSendFiles        *bool  `json:"hasAbilityToSendFiles,omitempty"`
	HasOutboundFlow              *bool  `json:"hasOutboundFlow,omitempty"`
	StudioScript                 string `json:"studioScript,omitempty"`
	IsLiveChat                   *bool  `json:"isLiveChat,omitempty"`
	HasMultipleThreadsPerEndUser *bool  `json:"hasMultipleThreadsPerEndUser,omitempty"`
	CanReplyToAnyMessage         *bool  `json:"canReplyToAnyMessage,omitempty"`
	TranslationGroup             string `json:"translationGroup,omitempty"`
}

// UnmarshalJSON reads a channel, accepting its ids as strings or numbers.
func (ch *Channel) UnmarshalJSON(b []byte) error {
	type plain Channel
	return decodeFlex(b, (*plain)(ch), flexStringAt("id", &ch.ID), flexStringAt("channelIntegrationId", &ch.ChannelIntegrationID))
}

// UpsertChannel creates or updates the channel with ch.ID (POST /channels). The call is keyed
// by the caller-chosen id, so repeating it is safe, and it is retried after a lost answer.
func (c *Client) UpsertChannel(ctx context.Context, ch Channel) (*Channel, error) {
	var out Channel
	if err := dfoCall(ctx, c, http.MethodPost, "/channels", ch, true, &out); err != nil {
		return nil, fmt.Errorf("saving channel %q: %w", ch.ID, err)
	}
	if out.ID == "" {
		// An answer without the channel still means success; read it back.
		return c.GetChannel(ctx, ch.ID)
	}
	return &out, nil
}

// GetChannels reads the channels with these ids (GET /channels?id[]=...), asking for at most
// 100 ids at a time. Unknown ids are simply missing from the result.
func (c *Client) GetChannels(ctx context.Context, ids []string) ([]Channel, error) {
	out := []Channel{}
	for start := 0; start < len(ids); start += maxIDsPerRequest {
		q := url.Values{}
		for _, id := range ids[start:min(start+maxIDsPerRequest, len(ids))] {
			q.Add("id[]", id)
		}
		page, err := channelsListing(q).collect(ctx, c)
		if err != nil {
			return nil, fmt.Errorf("reading channels: %w", err)
		}
		out = append(out, page...)
	}
	return out, nil
}

// GetChannel reads one channel; an unknown id is an error for which IsNotFound is true.
// There is no GET /channels/{id}: the list is filtered by id.
func (c *Client) GetChannel(ctx context.Context, id string) (*Channel, error) {
	chans, err := c.GetChannels(ctx, []string{id})
	return findIn(chans, err, "channel", id, func(ch *Channel) bool { return ch.ID == id })
}

// ListChannels returns every channel of the tenant, following every page.
func (c *Client) ListChannels(ctx context.Context) ([]Channel, error) {
	return channelsListing(nil).collectNamed(ctx, c, "listing channels")
}

// DeleteChannel deletes a channel (and CXone drops its queue bindings). An unknown id is an
// error for which IsNotFound is true; callers deleting treat it as done.
func (c *Client) DeleteChannel(ctx context.Context, id string) error {
	path := "/channels/" + url.PathEscape(id)
	return failed(dfoCall(ctx, c, http.MethodDelete, path, nil, true, nil), "deleting channel %q", id)
}

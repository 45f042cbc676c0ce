package cxone

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// Binding puts a channel in a routing queue, so the queue's agents receive its contacts.
//
// CXone's public API reference does not document bindings (the CXone UI manages them); the
// /routing-queues/{queueId}/channels paths in this file are project-defined in the style of
// DFO 3.0, kept here so they can be re-pointed in one place.
type Binding struct {
	RoutingQueueID string `json:"routingQueueId"`
	ChannelID      string `json:"channelId"`
}

// UnmarshalJSON reads a binding, accepting its ids as strings or numbers.
func (b *Binding) UnmarshalJSON(data []byte) error {
	type plain Binding
	return decodeFlex(data, (*plain)(b), flexStringAt("routingQueueId", &b.RoutingQueueID), flexStringAt("channelId", &b.ChannelID))
}

// bindingPath is the path of one queue's channels, or of one binding when channelID is set.
func bindingPath(queueID, channelID string) string {
	p := "/routing-queues/" + url.PathEscape(queueID) + "/channels"
	if channelID != "" {
		p += "/" + url.PathEscape(channelID)
	}
	return p
}

// BindChannel adds a channel to a routing queue. Binding twice is harmless, so the call is
// retried after a lost answer. CXone answers 404 for an unknown queue or channel and 409
// (IsConflict) for a deleted queue.
func (c *Client) BindChannel(ctx context.Context, queueID, channelID string) (*Binding, error) {
	var out Binding
	if err := dfoCall(ctx, c, http.MethodPut, bindingPath(queueID, channelID), nil, true, &out); err != nil {
		return nil, fmt.Errorf("binding channel %q to routing queue %q: %w", channelID, queueID, err)
	}
	if out.RoutingQueueID == "" || out.ChannelID == "" {
		out = Binding{RoutingQueueID: queueID, ChannelID: channelID}
	}
	return &out, nil
}

// ListQueueBindings returns every channel bound to a routing queue, following every page.
func (c *Client) ListQueueBindings(ctx context.Context, queueID string) ([]Binding, error) {
	return queueBindingsListing(queueID).collectNamed(ctx, c, "listing the channels of routing queue %q", queueID)
}

// GetBinding reads one binding; an unbound channel or unknown queue is an error for which
// IsNotFound is true.
func (c *Client) GetBinding(ctx context.Context, queueID, channelID string) (*Binding, error) {
	list, err := c.ListQueueBindings(ctx, queueID)
	return findIn(list, err, "routing queue binding", queueID+"/"+channelID, func(b *Binding) bool { return b.ChannelID == channelID })
}

// UnbindChannel removes a channel from a routing queue. A 404 (not bound) is returned as an
// error for which IsNotFound is true; callers deleting treat it as done.
func (c *Client) UnbindChannel(ctx context.Context, queueID, channelID string) error {
	return failed(dfoCall(ctx, c, http.MethodDelete, bindingPath(queueID, channelID), nil, true, nil), "unbinding channel %q from routing queue %q", channelID, queueID)
}

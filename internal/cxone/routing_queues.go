package cxone

import (
	"context"
	"fmt"
)

// RoutingQueue is a Digital Experience routing queue. Queues are read-only through the API:
// CXone creates one for each digital skill.
type RoutingQueue struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	IsSubqueue bool   `json:"isSubqueue"`
	IsDeleted  bool   `json:"isDeleted"`
}

// UnmarshalJSON reads a queue, accepting its id as a string or a number (the Admin API sends
// the same id as a number in a skill's routingQueueId).
func (q *RoutingQueue) UnmarshalJSON(b []byte) error {
	type plain RoutingQueue
	return decodeFlex(b, (*plain)(q), flexStringAt("id", &q.ID))
}

// RoutingQueueListOptions filters ListRoutingQueues. Zero values do not filter.
type RoutingQueueListOptions struct {
	// IDs keeps only these queues.
	IDs []string
	// NameContains keeps queues whose name contains this text.
	NameContains string
	// WithDeleted includes queues of deactivated skills.
	WithDeleted bool
}

// ListRoutingQueues returns every queue matching opts, following every page.
func (c *Client) ListRoutingQueues(ctx context.Context, opts RoutingQueueListOptions) ([]RoutingQueue, error) {
	return routingQueuesListing(opts).collectNamed(ctx, c, "listing routing queues")
}

// GetRoutingQueue reads one queue, deleted or not; an unknown id is an error for which
// IsNotFound is true. There is no GET by path: the list is filtered by id.
func (c *Client) GetRoutingQueue(ctx context.Context, id string) (*RoutingQueue, error) {
	queues, err := c.ListRoutingQueues(ctx, RoutingQueueListOptions{IDs: []string{id}, WithDeleted: true})
	if err != nil {
		return nil, fmt.Errorf("reading routing queue %q: %w", id, err)
	}
	return findOne(queues, "routing queue", id, func(q *RoutingQueue) bool { return q.ID == id })
}

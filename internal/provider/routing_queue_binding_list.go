package provider

import (
	"context"
	"errors"
	"iter"
	"maps"
	"slices"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// bindingItems yields the bindings of the routing queues that are not deleted (of
// one queue when queueID is set). Bindings are named in batches of up to a DFO page,
// with one channel request a batch, so what is held at once stays one page (and the
// names of the queues) and the channel look-ups cost one request per hundred
// bindings. Every binding comes from one tenant-wide list; where the API does not
// serve it, queue by queue.
func bindingItems(ctx context.Context, c readcache.Reads, queueID string) iter.Seq2[[]framework.ListItem[routingQueueBindingModel], error] {
	return func(yield func([]framework.ListItem[routingQueueBindingModel], error) bool) {
		var batch []queueBinding
		flush := func() bool {
			if len(batch) == 0 {
				return true
			}
			items, err := bindingBatchItems(ctx, c, batch)
			batch = batch[:0]
			return yield(items, err) && err == nil
		}
		add := func(q cxone.RoutingQueue, page []cxone.Binding) bool {
			for _, b := range page {
				batch = append(batch, queueBinding{queue: q, binding: b})
				if len(batch) == bindingBatchSize && !flush() {
					return false
				}
			}
			return true
		}
		if queueID != "" {
			q, err := c.GetRoutingQueue(ctx, queueID)
			if err != nil {
				yield(nil, err)
				return
			}
			for page, err := range c.ListQueueBindingPages(ctx, q.ID) {
				if err != nil {
					yield(nil, err)
					return
				}
				if !add(*q, page) {
					return
				}
			}
			flush()
			return
		}
		queues := map[string]cxone.RoutingQueue{}
		for page, err := range c.ListRoutingQueuePages(ctx) {
			if err != nil {
				yield(nil, err)
				return
			}
			for _, q := range page {
				queues[q.ID] = q
			}
		}
		first := true
		for page, err := range c.ListBindingPages(ctx) {
			var ce *cxone.ConfigError
			if err != nil && first && errors.As(err, &ce) && ce.Kind == cxone.ConfigUnservedPath {
				if bindingsQueueByQueue(ctx, c, queues, add, yield) {
					flush()
				}
				return
			}
			first = false
			if err != nil {
				yield(nil, err)
				return
			}
			for _, b := range page {
				q, ok := queues[b.RoutingQueueID]
				if ok && !add(q, []cxone.Binding{b}) {
					return
				}
			}
		}
		flush()
	}
}

// bindingsQueueByQueue lists the bindings of each queue in turn, for an API that
// serves no tenant-wide list of them. It reports whether the listing may go on.
func bindingsQueueByQueue(ctx context.Context, c readcache.Reads, queues map[string]cxone.RoutingQueue,
	add func(cxone.RoutingQueue, []cxone.Binding) bool, yield func([]framework.ListItem[routingQueueBindingModel], error) bool) bool {
	ids := slices.Sorted(maps.Keys(queues))
	for _, id := range ids {
		for page, err := range c.ListQueueBindingPages(ctx, id) {
			if err != nil {
				yield(nil, err)
				return false
			}
			if !add(queues[id], page) {
				return false
			}
		}
	}
	return true
}

// bindingBatchSize is how many bindings are named with one channel request: the
// most channels one `GET /channels?id[]=...` answers.
const bindingBatchSize = 100

// queueBinding is a binding with the queue it belongs to.
type queueBinding struct {
	queue   cxone.RoutingQueue
	binding cxone.Binding
}

// bindingBatchItems names a batch of bindings with one request for their channels.
func bindingBatchItems(ctx context.Context, c readcache.Reads, batch []queueBinding) ([]framework.ListItem[routingQueueBindingModel], error) {
	ids := make([]string, len(batch))
	for i, qb := range batch {
		ids[i] = qb.binding.ChannelID
	}
	chans, err := c.GetChannels(ctx, ids)
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(chans))
	for _, ch := range chans {
		names[ch.ID] = ch.Name
	}
	items := make([]framework.ListItem[routingQueueBindingModel], 0, len(batch))
	for _, qb := range batch {
		var m routingQueueBindingModel
		flattenBinding(&qb.binding, &m)
		channel, ok := names[qb.binding.ChannelID]
		if !ok {
			channel = qb.binding.ChannelID
		}
		items = append(items, framework.ListItem[routingQueueBindingModel]{Model: m, DisplayName: qb.queue.Name + " ← " + channel})
	}
	return items, nil
}

package provider

import (
	"context"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

var _ list.ListResourceWithConfigure = (*routingQueueBindingResource)(nil)

type routingQueueBindingListConfig struct {
	RoutingQueueID types.String `tfsdk:"routing_queue_id"`
}

func (r *routingQueueBindingResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the channel bindings of every routing queue (not deleted ones). Each result " +
			"is named `queue name ← channel name`.",
		Attributes: map[string]listschema.Attribute{
			"routing_queue_id": listschema.StringAttribute{
				MarkdownDescription: "Only the bindings of this routing queue.",
				Optional:            true,
			},
		},
	}
}

func (r *routingQueueBindingResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg routingQueueBindingListConfig
	diags := listConfig(ctx, req, &cfg)
	if diags.HasError() || !r.CheckClient(&diags) {
		listFailed(stream, diags)
		return
	}
	framework.StreamList(ctx, req, stream, "Unable to List Routing Queue Bindings",
		bindingItems(ctx, r.Client.Client, cfg.RoutingQueueID.ValueString()))
}

// bindingItems yields the bindings of the queues (one queue when queueID is set).
// Most queues hold a few bindings, so bindings are gathered across queues into
// batches of up to a DFO page before their channels are named, with one request a
// batch: what is held at once stays one page, and the channel look-ups cost one
// request per hundred bindings, not one per queue.
func bindingItems(ctx context.Context, c *cxone.Client, queueID string) iter.Seq2[[]framework.ListItem[routingQueueBindingModel], error] {
	return func(yield func([]framework.ListItem[routingQueueBindingModel], error) bool) {
		queues := c.ListRoutingQueuePages(ctx)
		if queueID != "" {
			queues = func(yield func([]cxone.RoutingQueue, error) bool) {
				q, err := c.GetRoutingQueue(ctx, queueID)
				if err != nil {
					yield(nil, err)
					return
				}
				yield([]cxone.RoutingQueue{*q}, nil)
			}
		}
		var batch []queueBinding
		flush := func() bool {
			if len(batch) == 0 {
				return true
			}
			items, err := bindingBatchItems(ctx, c, batch)
			batch = batch[:0]
			return yield(items, err) && err == nil
		}
		for queuePage, err := range queues {
			if err != nil {
				yield(nil, err)
				return
			}
			for _, q := range queuePage {
				for page, err := range c.ListQueueBindingPages(ctx, q.ID) {
					if err != nil {
						yield(nil, err)
						return
					}
					for _, b := range page {
						batch = append(batch, queueBinding{queue: q, binding: b})
						if len(batch) == bindingBatchSize && !flush() {
							return
						}
					}
				}
			}
		}
		flush()
	}
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
func bindingBatchItems(ctx context.Context, c *cxone.Client, batch []queueBinding) ([]framework.ListItem[routingQueueBindingModel], error) {
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

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

// bindingItems yields the bindings of the queues (one queue when queueID is set), a
// page at a time; each page's channel names come from one request for those channels.
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
					items, err := bindingPageItems(ctx, c, q, page)
					if !yield(items, err) || err != nil {
						return
					}
				}
			}
		}
	}
}

// bindingPageItems names the bindings of one page of queue q.
func bindingPageItems(ctx context.Context, c *cxone.Client, q cxone.RoutingQueue, page []cxone.Binding) ([]framework.ListItem[routingQueueBindingModel], error) {
	ids := make([]string, len(page))
	for i, b := range page {
		ids[i] = b.ChannelID
	}
	names := map[string]string{}
	if len(ids) > 0 {
		chans, err := c.GetChannels(ctx, ids)
		if err != nil {
			return nil, err
		}
		for _, ch := range chans {
			names[ch.ID] = ch.Name
		}
	}
	items := make([]framework.ListItem[routingQueueBindingModel], 0, len(page))
	for _, b := range page {
		var m routingQueueBindingModel
		flattenBinding(&b, &m)
		channel, ok := names[b.ChannelID]
		if !ok {
			channel = b.ChannelID
		}
		items = append(items, framework.ListItem[routingQueueBindingModel]{Model: m, DisplayName: q.Name + " ← " + channel})
	}
	return items, nil
}

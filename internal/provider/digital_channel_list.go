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

type digitalChannelListConfig struct {
	NameContains  types.String `tfsdk:"name_contains"`
	IntegrationID types.String `tfsdk:"integration_id"`
}

func (r *digitalChannelResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the digital channels of the tenant, each named by its name.",
		Attributes: map[string]listschema.Attribute{
			"name_contains":  stringFilter("Only channels whose name contains this text, ignoring case."),
			"integration_id": stringFilter("Only the channels of this BYOC integration."),
		},
	}
}

func (r *digitalChannelResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	framework.List(ctx, &r.Resource, req, stream, "Unable to List Digital Channels",
		func(cfg digitalChannelListConfig) iter.Seq2[[]framework.ListItem[digitalChannelModel], error] {
			nameContains, integrationID := cfg.NameContains.ValueString(), cfg.IntegrationID.ValueString()
			return framework.MapPages(r.Client.ListChannelPages(ctx), func(ch cxone.Channel) (framework.ListItem[digitalChannelModel], bool) {
				var m digitalChannelModel
				flattenChannel(&ch, &m)
				keep := containsFold(ch.Name, nameContains) && (integrationID == "" || ch.ChannelIntegrationID == integrationID)
				return framework.ListItem[digitalChannelModel]{Model: m, DisplayName: ch.Name}, keep
			})
		})
}

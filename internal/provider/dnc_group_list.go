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

type dncGroupListConfig struct {
	NameContains types.String `tfsdk:"name_contains"`
}

func (r *dncGroupResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the active DNC groups, the ones `cxone_dnc_group` manages. Each result is named by " +
			"the group's name.",
		Attributes: map[string]listschema.Attribute{
			"name_contains": stringFilter("Only groups whose name contains this text, ignoring case."),
		},
	}
}

func (r *dncGroupResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	framework.List(ctx, &r.Resource, req, stream, "Unable to List DNC Groups",
		func(cfg dncGroupListConfig) iter.Seq2[[]framework.ListItem[dncGroupModel], error] {
			nameContains := cfg.NameContains.ValueString()
			// GET /dnc-groups is not paged and has no search: filtered here.
			return framework.MapPages(onePage(func() ([]cxone.DNCGroup, error) { return r.Client.ListDNCGroups(ctx) }),
				func(g cxone.DNCGroup) (framework.ListItem[dncGroupModel], bool) {
					var m dncGroupModel
					flattenDNCGroup(&g, &m)
					keep := g.IsActive && !g.IsRemoved && containsFold(g.DNCGroupName, nameContains)
					return framework.ListItem[dncGroupModel]{Model: m, DisplayName: g.DNCGroupName}, keep
				})
		})
}

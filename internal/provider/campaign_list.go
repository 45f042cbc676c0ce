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

type campaignListConfig struct {
	NameContains types.String `tfsdk:"name_contains"`
}

func (r *campaignResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the active campaigns, the campaigns `cxone_campaign` manages. Each result is " +
			"named by the campaign's name.",
		Attributes: map[string]listschema.Attribute{
			"name_contains": stringFilter("Only campaigns whose name contains this text, ignoring case."),
		},
	}
}

func (r *campaignResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	framework.List(ctx, &r.Resource, req, stream, "Unable to List Campaigns",
		func(cfg campaignListConfig) iter.Seq2[[]framework.ListItem[campaignModel], error] {
			nameContains := cfg.NameContains.ValueString()
			// The client follows CXone's pages and answers them together.
			return framework.MapPages(onePage(func() ([]cxone.Campaign, error) {
				return r.Client.ListCampaigns(ctx, cxone.CampaignListOptions{SearchString: nameContains, IsActive: new(true)})
			}), func(c cxone.Campaign) (framework.ListItem[campaignModel], bool) {
				var m campaignModel
				flattenCampaign(&c, &m)
				keep := c.IsActive && containsFold(c.Name, nameContains)
				return framework.ListItem[campaignModel]{Model: m, DisplayName: c.Name}, keep
			})
		})
}

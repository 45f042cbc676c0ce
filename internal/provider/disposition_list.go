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

type dispositionListConfig struct {
	NameContains types.String `tfsdk:"name_contains"`
}

func (r *dispositionResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the active dispositions, the ones `cxone_disposition` manages. Each result is " +
			"named by the disposition's name.",
		Attributes: map[string]listschema.Attribute{
			"name_contains": stringFilter("Only dispositions whose name contains this text, ignoring case."),
		},
	}
}

func (r *dispositionResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	framework.List(ctx, &r.Resource, req, stream, "Unable to List Dispositions",
		func(cfg dispositionListConfig) iter.Seq2[[]framework.ListItem[dispositionModel], error] {
			nameContains := cfg.NameContains.ValueString()
			return framework.MapPages(onePage(func() ([]cxone.Disposition, error) {
				return r.Client.ListDispositions(ctx, cxone.DispositionListOptions{SearchString: nameContains, IsActive: new(true)})
			}), func(d cxone.Disposition) (framework.ListItem[dispositionModel], bool) {
				var m dispositionModel
				flattenDisposition(&d, &m)
				keep := d.IsActive && containsFold(d.DispositionName, nameContains)
				return framework.ListItem[dispositionModel]{Model: m, DisplayName: d.DispositionName}, keep
			})
		})
}

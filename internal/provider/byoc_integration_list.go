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

type byocIntegrationListConfig struct {
	NameContains types.String `tfsdk:"name_contains"`
}

func (r *byocIntegrationResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the BYOC integrations of the tenant, each named by its name. CXone never " +
			"returns an integration's secret, so listed resources carry none.",
		Attributes: map[string]listschema.Attribute{
			"name_contains": stringFilter("Only integrations whose name contains this text, ignoring case."),
		},
	}
}

func (r *byocIntegrationResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	framework.List(ctx, &r.Resource, req, stream, "Unable to List BYOC Integrations",
		func(cfg byocIntegrationListConfig) iter.Seq2[[]framework.ListItem[byocIntegrationModel], error] {
			return framework.MapPages(r.Client.ListIntegrationPages(ctx), func(in cxone.Integration) (framework.ListItem[byocIntegrationModel], bool) {
				var m byocIntegrationModel
				flattenByocIntegration(&in, &m)
				return framework.ListItem[byocIntegrationModel]{Model: m, DisplayName: in.Name}, containsFold(in.Name, cfg.NameContains.ValueString())
			})
		})
}

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

type outboundSkillListConfig struct {
	NameContains types.String `tfsdk:"name_contains"`
}

func (r *outboundSkillResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the active outbound skills that `cxone_outbound_skill` manages (Personal Connection " +
			"and manual skills of the digital, email, SMS and voice media types), each with its dispositions and " +
			"parameter groups (one more request per skill for its dispositions, and one for the parameter groups of " +
			"every skill). Each result is named by the skill's name.",
		Attributes: map[string]listschema.Attribute{
			"name_contains": stringFilter("Only skills whose name contains this text, ignoring case."),
		},
	}
}

func (r *outboundSkillResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	framework.List(ctx, &r.Resource, req, stream, "Unable to List Outbound Skills",
		func(cfg outboundSkillListConfig) iter.Seq2[[]framework.ListItem[outboundSkillModel], error] {
			nameContains := cfg.NameContains.ValueString()
			return func(yield func([]framework.ListItem[outboundSkillModel], error) bool) {
				skills, err := r.Client.ListOutboundSkills(ctx, cxone.OutboundSkillListOptions{SearchString: nameContains, IsActive: new(true)})
				if err != nil {
					yield(nil, err)
					return
				}
				for _, s := range skills {
					_, media := outboundMediaTypeOf(s.MediaTypeID)
					_, strategy := outboundStrategyOf(s.OutboundStrategy)
					if !s.IsActive || !s.IsOutbound || !media || !strategy || !containsFold(s.SkillName, nameContains) {
						continue
					}
					m, err := r.readFrom(ctx, &s, outboundSkillModel{}, true)
					if cxone.IsNotFound(err) {
						continue // gone since the list was read
					}
					if err != nil {
						yield(nil, err)
						return
					}
					if !yield([]framework.ListItem[outboundSkillModel]{{Model: m, DisplayName: s.SkillName}}, nil) {
						return
					}
				}
			}
		})
}

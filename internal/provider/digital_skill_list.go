package provider

import (
	"context"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

type digitalSkillListConfig struct {
	NameContains types.String `tfsdk:"name_contains"`
}

func (r *digitalSkillResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the active inbound digital skills, the skills `cxone_digital_skill` manages (outbound ones are " +
			"`cxone_outbound_skill`'s). " +
			"Each result is named by the skill's name.",
		Attributes: map[string]listschema.Attribute{
			"name_contains": stringFilter("Only skills whose name contains this text, ignoring case."),
		},
	}
}

func (r *digitalSkillResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	framework.List(ctx, &r.Resource, req, stream, "Unable to List Digital Skills",
		func(cfg digitalSkillListConfig) iter.Seq2[[]framework.ListItem[digitalSkillModel], error] {
			nameContains := cfg.NameContains.ValueString()
			pages := r.Client.ListSkillPages(ctx, cxone.SkillListOptions{
				MediaTypeID: cxone.MediaTypeDigital, SearchString: nameContains, IsActive: new(true),
			})
			return framework.MapPages(pages, func(s cxone.Skill) (framework.ListItem[digitalSkillModel], bool) {
				m := digitalSkillModel{Timeouts: timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType})}}
				flattenDigitalSkill(&s, &m)
				// Outbound digital skills are cxone_outbound_skill's: listing them here too
				// would generate two resources for one skill.
				keep := s.IsActive && s.MediaTypeID == cxone.MediaTypeDigital && !s.IsOutbound && containsFold(s.SkillName, nameContains)
				return framework.ListItem[digitalSkillModel]{Model: m, DisplayName: s.SkillName}, keep
			})
		})
}

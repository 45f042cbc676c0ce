package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// digitalSkillDataModel maps the cxone_digital_skill data source.
type digitalSkillDataModel struct {
	ID                    types.String `tfsdk:"id"`
	Name                  types.String `tfsdk:"name"`
	Notes                 types.String `tfsdk:"notes"`
	IsActive              types.Bool   `tfsdk:"is_active"`
	MediaTypeID           types.Int64  `tfsdk:"media_type_id"`
	InitialPriority       types.Int64  `tfsdk:"initial_priority"`
	Acceleration          types.Int64  `tfsdk:"acceleration"`
	MaxPriority           types.Int64  `tfsdk:"max_priority"`
	ServiceLevelThreshold types.Int64  `tfsdk:"service_level_threshold"`
	ServiceLevelGoal      types.Int64  `tfsdk:"service_level_goal"`
	RoutingQueueID        types.String `tfsdk:"routing_queue_id"`
}

func digitalSkillDataSchema() schema.Schema {
	return idAndNameSchema("Skill", "4000001",
		"Looks up a digital skill, active or not, by exactly one of `id` or `name`. "+
			"CXone keeps skill names unique among all skills of a business unit, so a name matches at most one "+
			"skill. A skill of another media type, or an outbound skill, is an error.",
		map[string]schema.Attribute{
			"notes":                   computedString("Free-text notes on the skill."),
			"is_active":               computedBool("Whether the skill is active. Inactive skills are found too."),
			"media_type_id":           computedInt64("CXone's media type of the skill: `9` (Digital)."),
			"initial_priority":        computedInt64("Priority a contact starts with (0 to 1000)."),
			"acceleration":            computedInt64("Priority points a waiting contact gains per minute (0 to 1000)."),
			"max_priority":            computedInt64("Highest priority a contact can reach (0 to 1000)."),
			"service_level_threshold": computedInt64("Seconds within which a contact should be answered."),
			"service_level_goal":      computedInt64("Percentage of contacts to answer within the threshold."),
			"routing_queue_id": computedString("ID of the Digital Experience routing queue that mirrors the skill; empty until " +
				"CXone has synced a new skill."),
		})
}

func (m digitalSkillDataModel) lookUpKeys() (id, name types.String) { return m.ID, m.Name }

// checkDigitalSkill reports a skill found that is not an inbound digital skill.
func checkDigitalSkill(s cxone.Skill, searched string, diags *diag.Diagnostics) {
	if what := notInboundDigital(&s); what != "" {
		diags.AddError("Digital Skill Not Found",
			fmt.Sprintf("The skill %s (ID %d) is %s, not an inbound digital skill.", searched, s.SkillID, what))
	}
}

// flattenDigitalSkillData copies a skill into the data source's model, as the
// resource does, with whether it is active.
var flattenDigitalSkillData = fromResource(flattenDigitalSkill, func(s *cxone.Skill, m *digitalSkillDataModel) {
	m.IsActive = types.BoolValue(s.IsActive)
})

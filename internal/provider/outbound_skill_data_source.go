package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// outboundSkillDataModel maps the cxone_outbound_skill data source.
type outboundSkillDataModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	MediaType          types.String `tfsdk:"media_type"`
	Strategy           types.String `tfsdk:"strategy"`
	CampaignID         types.String `tfsdk:"campaign_id"`
	MessageTemplateID  types.String `tfsdk:"message_template_id"`
	Notes              types.String `tfsdk:"notes"`
	RequireDisposition types.Bool   `tfsdk:"require_disposition"`
	IsActive           types.Bool   `tfsdk:"is_active"`
	IsRunning          types.Bool   `tfsdk:"is_running"`
	RoutingQueueID     types.String `tfsdk:"routing_queue_id"`
}

func outboundSkillDataSchema() schema.Schema {
	return idAndNameSchema("Skill", "4000001",
		"Looks up an outbound skill, active or not, by exactly one of `id` or `name`, and tells "+
			"whether it is running. CXone keeps skill names unique among all skills of a business unit, so a name "+
			"matches at most one skill. An inbound skill is not found.",
		map[string]schema.Attribute{
			"media_type":          computedString("Media type of the skill: `digital`, `email`, `sms` or `voice` (another media type is CXone's name of it)."),
			"strategy":            computedString("Outbound strategy: `personal_connection` or `manual` (another is CXone's name of it)."),
			"campaign_id":         computedString("ID of the skill's campaign; null when CXone names none."),
			"message_template_id": computedString("ID of the skill's message template; null when it has none."),
			"notes":               computedString("Free-text notes on the skill."),
			"require_disposition": computedBool("Whether an agent must choose a disposition to finish a contact."),
			"is_active":           computedBool("Whether the skill is active. Inactive skills are found too."),
			"is_running":          computedBool("Whether the skill is running (started, not stopped)."),
			"routing_queue_id": computedString("ID of the Digital Experience routing queue that mirrors a digital skill; " +
				"empty until CXone has synced a new skill, null for other media types."),
		})
}

func (m outboundSkillDataModel) lookUpKeys() (id, name types.String) { return m.ID, m.Name }

// checkOutboundSkill reports a skill found (read by ID) that is an inbound one.
func checkOutboundSkill(s cxone.OutboundSkill, searched string, diags *diag.Diagnostics) {
	if !s.IsOutbound {
		diags.AddError("Outbound Skill Not Found",
			fmt.Sprintf("The skill %s (ID %d) is an inbound skill, not an outbound one.", searched, s.SkillID))
	}
}

// flattenOutboundSkillData copies a skill into the data source's model.
func flattenOutboundSkillData(s *cxone.OutboundSkill, m *outboundSkillDataModel) {
	mediaType, ok := outboundMediaTypeOf(s.MediaTypeID)
	if !ok {
		mediaType = outboundMediaLabel(s)
	}
	strategy, ok := outboundStrategyOf(s.OutboundStrategy)
	if !ok {
		strategy = s.OutboundStrategy
	}
	queue := types.StringNull()
	if s.MediaTypeID == cxone.MediaTypeDigital {
		queue = types.StringValue(s.RoutingQueueID)
	}
	*m = outboundSkillDataModel{
		ID: numericIDValue(s.SkillID), Name: types.StringValue(s.SkillName),
		MediaType: types.StringValue(mediaType), Strategy: types.StringValue(strategy),
		CampaignID: idOrNull(s.CampaignID), MessageTemplateID: idOrNull(s.MessageTemplateID),
		Notes: types.StringValue(s.Notes), RequireDisposition: types.BoolValue(s.RequireDisposition),
		IsActive: types.BoolValue(s.IsActive), IsRunning: types.BoolValue(s.IsRunning), RoutingQueueID: queue,
	}
}

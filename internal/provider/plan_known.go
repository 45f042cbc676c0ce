package provider

import (
	"context"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// idFromAttributes plans a computed ID that the resource builds from other attributes
// (joined by "/"), so that a create plan shows it instead of "known after apply". It
// leaves the plan alone while any part is unknown (it comes from another resource) and
// when the ID is already planned (kept from the state).
func idFromAttributes(parts ...string) planmodifier.String {
	return idFromAttributesModifier{parts: parts}
}

type idFromAttributesModifier struct{ parts []string }

func (m idFromAttributesModifier) Description(context.Context) string {
	return "the ID is " + strings.Join(m.parts, "/") + ", known as soon as they are"
}

func (m idFromAttributesModifier) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (m idFromAttributesModifier) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if !req.PlanValue.IsUnknown() {
		return
	}
	values := make([]string, 0, len(m.parts))
	for _, part := range m.parts {
		var v attr.Value
		if diags := req.Plan.GetAttribute(ctx, path.Root(part), &v); diags.HasError() || v == nil || v.IsNull() || v.IsUnknown() {
			return
		}
		switch v := v.(type) {
		case types.String:
			values = append(values, v.ValueString())
		case types.Int64:
			values = append(values, strconv.FormatInt(v.ValueInt64(), 10))
		default:
			return
		}
	}
	resp.PlanValue = types.StringValue(strings.Join(values, "/"))
}

// keepPlannedLookups keeps the values that ModifyPlan read at plan time (the user's
// name, address and digital settings left out of the configuration) when the user the
// create reads differs: something changed the user between plan and apply, such as a
// rename by cxone_user in the same apply. Terraform refuses a result that differs from
// a known planned value, and the permissions were written all the same; the next
// refresh shows what CXone holds.
func keepPlannedLookups(ctx context.Context, planned digitalUserPermissionsModel, m *digitalUserPermissionsModel) {
	keepPlanned(ctx, "user_name", planned.UserName, &m.UserName)
	keepPlanned(ctx, "email_address", planned.EmailAddress, &m.EmailAddress)
	keepPlanned(ctx, "digital_threshold", planned.DigitalThreshold, &m.DigitalThreshold)
	keepPlanned(ctx, "use_team_digital_threshold", planned.UseTeamDigitalThreshold, &m.UseTeamDigitalThreshold)
	keepPlanned(ctx, "digital_refusal_timeout", planned.DigitalRefusalTimeout, &m.DigitalRefusalTimeout)
}

// keepPlanned sets *result back to planned when planned is known and differs.
func keepPlanned[T attr.Value](ctx context.Context, name string, planned T, result *T) {
	if planned.IsUnknown() || planned.Equal(*result) {
		return
	}
	tflog.Debug(ctx, "the user changed between plan and create; keeping the planned value until the next refresh",
		map[string]any{"attribute": name})
	*result = planned
}

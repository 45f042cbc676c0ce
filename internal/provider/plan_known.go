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

// keepPlannedUser keeps the user name and e-mail address that ModifyPlan read at plan
// time when the user read by the create differs: the same apply renamed the user
// (cxone_user). Terraform refuses a result that differs from a known planned value, and
// the permissions were written all the same; the next refresh shows the new values.
func keepPlannedUser(ctx context.Context, planned digitalUserPermissionsModel, m *digitalUserPermissionsModel) {
	for _, f := range []struct {
		name            string
		planned, result *types.String
	}{
		{"user_name", &planned.UserName, &m.UserName},
		{"email_address", &planned.EmailAddress, &m.EmailAddress},
	} {
		if f.planned.IsUnknown() || f.planned.Equal(*f.result) {
			continue
		}
		tflog.Debug(ctx, "the user changed between plan and create; keeping the planned value until the next refresh",
			map[string]any{"attribute": f.name})
		*f.result = *f.planned
	}
}

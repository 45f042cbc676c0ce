package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

var _ resource.ResourceWithModifyPlan = (*digitalUserPermissionsResource)(nil)

// userPermissionsType names the object in diagnostics.
const userPermissionsType = "Digital User Permissions"

// NewDigitalUserPermissionsResource is the constructor of cxone_digital_user_permissions.
func NewDigitalUserPermissionsResource() resource.Resource {
	return framework.NewResource[digitalUserPermissionsModel](&digitalUserPermissionsResource{}, "digital_user_permissions", digitalUserPermissionsSchema, addAPIError, digitalUserPermissionsList)
}

// digitalUserPermissionsResource grants an existing CXone user digital engagement. The
// user is not an object Terraform owns: the resource owns the user's digital settings.
type digitalUserPermissionsResource struct {
	framework.Resource[digitalUserPermissionsModel]
}

type digitalUserPermissionsModel struct {
	ID                       types.String `tfsdk:"id"`
	AgentID                  types.Int64  `tfsdk:"agent_id"`
	DigitalEngagementEnabled types.Bool   `tfsdk:"digital_engagement_enabled"`
	DigitalThreshold         types.Int64  `tfsdk:"digital_threshold"`
	UseTeamDigitalThreshold  types.Bool   `tfsdk:"use_team_digital_threshold"`
	DigitalRefusalTimeout    types.Int64  `tfsdk:"digital_refusal_timeout"`
	UserName                 types.String `tfsdk:"user_name"`
	EmailAddress             types.String `tfsdk:"email_address"`
}

// Identity is the user's agent ID.
func (m digitalUserPermissionsModel) Identity() framework.Identity {
	return framework.IdentityOf(framework.IdentityValue("agent_id", "Agent ID of the user, for example 1001.", m.AgentID))
}

func digitalUserPermissionsSchema(context.Context) schema.Schema {
	// Settings left out of the configuration are left as CXone has them; keeping the
	// last known value in the plan avoids a "known after apply" on every update.
	keepInt := []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	keepString := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	return schema.Schema{
		MarkdownDescription: "Grants an existing CXone user digital engagement, so that Digital Experience routes " +
			"digital contacts to them, and manages the user's digital settings. The user itself is never created " +
			"or deleted: destroying this resource turns digital engagement off and leaves every other setting as " +
			"it is. Creating it for a user whose digital engagement is already on adopts the settings. The user " +
			"must be active. Import with the agent ID, for example `1001`.",
		Attributes: map[string]schema.Attribute{
			"id": framework.IDAttribute("The agent ID as a string.", idFromAttributes("agent_id")),
			"agent_id": framework.ReplacedID("Agent ID of the CXone user, for example `data.cxone_user.mowgli.agent_id`. " +
				"Changing it moves the permissions to another user (the old user's digital engagement is turned off)."),
			"digital_engagement_enabled": framework.OptionalBool("Whether the user handles digital contacts.", true),
			"digital_threshold": schema.Int64Attribute{
				MarkdownDescription: "How many digital contacts the user handles at once, from `1` to `100`. " +
					"When not set, CXone's value is left unchanged and shown here.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: keepInt,
				Validators:    []validator.Int64{int64validator.Between(1, 100)},
			},
			"use_team_digital_threshold": schema.BoolAttribute{
				MarkdownDescription: "Whether the user's team threshold applies instead of `digital_threshold`. " +
					"When not set, CXone's value is left unchanged and shown here.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"digital_refusal_timeout": schema.Int64Attribute{
				MarkdownDescription: "Seconds the user has to accept a digital contact before it is offered to " +
					"someone else, from `10` to `3600`. When not set, CXone's value is left unchanged and shown here.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: keepInt,
				Validators:    []validator.Int64{int64validator.Between(10, 3600)},
			},
			"user_name": schema.StringAttribute{
				MarkdownDescription: "The user's CXone user name.",
				Computed:            true,
				PlanModifiers:       keepString,
			},
			"email_address": schema.StringAttribute{
				MarkdownDescription: "The user's e-mail address.",
				Computed:            true,
				PlanModifiers:       keepString,
			},
		},
	}
}

// ModifyPlan reads the user at plan time (from the operation's list of users, so
// cheaply) when the permissions are created or turned on: a create plan then shows the
// user's name and e-mail address and the digital settings the configuration leaves
// out, which the create stores as read (PUT /agents leaves them), and turning digital
// engagement on for an inactive user, which the apply would refuse, fails the plan. It
// reads nothing while the agent ID is unknown, nor for other plans.
func (r *digitalUserPermissionsResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.Client == nil {
		return
	}
	var plan digitalUserPermissionsModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || plan.AgentID.IsUnknown() || plan.AgentID.IsNull() {
		return
	}
	creating := req.State.Raw.IsNull()
	turningOn := plan.DigitalEngagementEnabled.ValueBool()
	if !creating {
		var state digitalUserPermissionsModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if resp.Diagnostics.HasError() || (state.DigitalEngagementEnabled.ValueBool() && state.AgentID.Equal(plan.AgentID)) {
			return
		}
	}
	if !creating && !turningOn {
		return
	}
	agent, err := r.Client.Agent(ctx, plan.AgentID.ValueInt64())
	if err != nil {
		// A failed look-up is left to the apply, which reports it with its context.
		return
	}
	if creating {
		// What the create stores: the user as read, with the configured settings applied.
		plan.UserName, plan.EmailAddress = types.StringValue(agent.UserName), types.StringValue(agent.EmailAddress)
		if plan.DigitalThreshold.IsUnknown() {
			plan.DigitalThreshold = types.Int64Value(int64(agent.DigitalThreshold))
		}
		if plan.UseTeamDigitalThreshold.IsUnknown() {
			plan.UseTeamDigitalThreshold = types.BoolValue(agent.UseTeamDigitalThreshold)
		}
		if plan.DigitalRefusalTimeout.IsUnknown() {
			plan.DigitalRefusalTimeout = types.Int64Value(int64(agent.DigitalRefusalTimeout))
		}
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
	}
	if turningOn && !agent.IsActive {
		resp.Diagnostics.AddAttributeError(path.Root("agent_id"), "Inactive User",
			fmt.Sprintf("User %q (agent ID %d) is inactive; reactivate it in CXone, or choose another agent_id: Digital "+
				"Experience only picks up active users.", agent.UserName, agent.AgentID))
	}
}

// CreateObject turns digital engagement on for an existing, active user.
func (r *digitalUserPermissionsResource) CreateObject(ctx context.Context, w *framework.Write[digitalUserPermissionsModel]) (digitalUserPermissionsModel, error) {
	plan := w.Plan
	var config digitalUserPermissionsModel
	w.Diags.Append(w.Config.Get(ctx, &config)...)
	if w.Diags.HasError() {
		return plan, nil
	}
	agentID := plan.AgentID.ValueInt64()

	// The settings only mean something for an existing, active user: say so plainly
	// rather than pass on CXone's item error (or have Digital Experience never sync).
	// The user as read in this operation (the plan read it too); a user absent from
	// the operation's list, or written in it, is asked of CXone.
	agent, err := r.Client.Agent(ctx, agentID)
	switch {
	case cxone.IsNotFound(err):
		w.Diags.AddAttributeError(path.Root("agent_id"), "Unable to Create "+userPermissionsType,
			fmt.Sprintf("CXone has no user with agent ID %d. Check agent_id, for example by looking the user up "+
				"with the cxone_user data source.", agentID))
		return plan, nil
	case err != nil:
		return plan, err
	case !agent.IsActive:
		w.Diags.AddAttributeError(path.Root("agent_id"), "Unable to Create "+userPermissionsType,
			fmt.Sprintf("The user %q (agent ID %d) is inactive. Digital Experience only picks up active users: "+
				"activate the user in CXone first, or choose another agent_id.", agent.UserName, agentID))
		return plan, nil
	}
	if agent.DigitalEngagementEnabled {
		tflog.Info(ctx, "digital engagement is already on for this user; adopting its settings", map[string]any{"agent_id": agentID})
	}

	in := expandDigitalUserPermissions(plan, config)
	if err := r.Client.UpdateAgentDigitalSettings(ctx, in); err != nil {
		return plan, err
	}
	// PUT /agents leaves every field it is not sent as it was: the user as read above
	// with the sent settings applied is what CXone now holds, so it is not read back.
	planned := plan
	flattenDigitalUserPermissions(applyDigitalSettings(*agent, in), &plan)
	keepPlannedLookups(ctx, planned, &plan)
	return plan, nil
}

// ReadObject reads the user's digital settings.
func (r *digitalUserPermissionsResource) ReadObject(ctx context.Context, state digitalUserPermissionsModel, _ *diag.Diagnostics) (digitalUserPermissionsModel, error) {
	agent, err := r.Client.Agent(ctx, state.AgentID.ValueInt64())
	if err != nil {
		return state, err
	}
	flattenDigitalUserPermissions(agent, &state)
	return state, nil
}

// UpdateObject writes the configured settings.
func (r *digitalUserPermissionsResource) UpdateObject(ctx context.Context, w *framework.Write[digitalUserPermissionsModel]) (digitalUserPermissionsModel, error) {
	plan, state := w.Plan, w.State
	var config digitalUserPermissionsModel
	w.Diags.Append(w.Config.Get(ctx, &config)...)
	if w.Diags.HasError() {
		return plan, nil
	}
	agentID := plan.AgentID.ValueInt64()
	in := expandDigitalUserPermissions(plan, config)
	if err := r.Client.UpdateAgentDigitalSettings(ctx, in); err != nil {
		return plan, err
	}
	// The user as last refreshed with the sent settings applied is what CXone now holds
	// (PUT /agents leaves every field it is not sent as it was): it is not read back.
	before := cxone.Agent{
		AgentID: agentID, UserName: state.UserName.ValueString(), EmailAddress: state.EmailAddress.ValueString(),
		DigitalEngagementEnabled: state.DigitalEngagementEnabled.ValueBool(),
		DigitalThreshold:         int(state.DigitalThreshold.ValueInt64()),
		UseTeamDigitalThreshold:  state.UseTeamDigitalThreshold.ValueBool(),
		DigitalRefusalTimeout:    int(state.DigitalRefusalTimeout.ValueInt64()),
	}
	flattenDigitalUserPermissions(applyDigitalSettings(before, in), &plan)
	return plan, nil
}

// DeleteObject turns digital engagement off. Only that: the other settings stay as
// they are, so that turning it on again later gives the user back the same capacity.
func (r *digitalUserPermissionsResource) DeleteObject(ctx context.Context, state digitalUserPermissionsModel, _ *diag.Diagnostics) error {
	agentID := state.AgentID.ValueInt64()
	err := r.Client.UpdateAgentDigitalSettings(ctx, cxone.AgentDigitalSettings{AgentID: agentID, DigitalEngagementEnabled: new(false)})
	if err != nil {
		// CXone reports an unknown agent inside a 200 answer; a user that no longer
		// exists has nothing left to turn off.
		if _, gerr := r.Client.GetAgent(ctx, agentID); cxone.IsNotFound(gerr) {
			return nil
		}
	}
	return err
}

// ParseImportID takes the user's agent ID.
func (r *digitalUserPermissionsResource) ParseImportID(_ context.Context, id string) (digitalUserPermissionsModel, error) {
	agentID, err := parseNumericID(id, "the import ID (the user's agent ID, for example 1001)")
	if err != nil {
		return digitalUserPermissionsModel{}, err
	}
	return digitalUserPermissionsModel{ID: numericIDValue(agentID), AgentID: types.Int64Value(agentID)}, nil
}

// Describe names the user whose settings these are.
func (r *digitalUserPermissionsResource) Describe(m digitalUserPermissionsModel) (kind, object string) {
	return userPermissionsType, agentObject(m.AgentID.ValueInt64())
}

// agentObject names a user in diagnostics.
func agentObject(agentID int64) string {
	return fmt.Sprintf("for agent ID %d", agentID)
}

// expandDigitalUserPermissions builds the PUT /agents item. Digital engagement is
// always sent (it has a default); the other settings only when the configuration
// sets them, so that CXone leaves the others as they are. The configuration, not the
// plan, decides: the plan carries the last known values of unset settings.
func expandDigitalUserPermissions(plan, config digitalUserPermissionsModel) cxone.AgentDigitalSettings {
	in := cxone.AgentDigitalSettings{AgentID: plan.AgentID.ValueInt64()}
	if v := plan.DigitalEngagementEnabled; !v.IsNull() && !v.IsUnknown() {
		in.DigitalEngagementEnabled = new(v.ValueBool())
	}
	if v := config.DigitalThreshold; !v.IsNull() && !v.IsUnknown() {
		in.DigitalThreshold = new(int(v.ValueInt64()))
	}
	if v := config.UseTeamDigitalThreshold; !v.IsNull() && !v.IsUnknown() {
		in.UseTeamDigitalThreshold = new(v.ValueBool())
	}
	if v := config.DigitalRefusalTimeout; !v.IsNull() && !v.IsUnknown() {
		in.DigitalRefusalTimeout = new(int(v.ValueInt64()))
	}
	return in
}

// applyDigitalSettings is what CXone holds after in is applied to a: fields left out
// are unchanged.
func applyDigitalSettings(a cxone.Agent, in cxone.AgentDigitalSettings) *cxone.Agent {
	if in.DigitalEngagementEnabled != nil {
		a.DigitalEngagementEnabled = *in.DigitalEngagementEnabled
	}
	if in.DigitalThreshold != nil {
		a.DigitalThreshold = *in.DigitalThreshold
	}
	if in.UseTeamDigitalThreshold != nil {
		a.UseTeamDigitalThreshold = *in.UseTeamDigitalThreshold
	}
	if in.DigitalRefusalTimeout != nil {
		a.DigitalRefusalTimeout = *in.DigitalRefusalTimeout
	}
	return &a
}

// flattenDigitalUserPermissions copies an agent's digital settings into m.
func flattenDigitalUserPermissions(a *cxone.Agent, m *digitalUserPermissionsModel) {
	m.ID = numericIDValue(a.AgentID)
	m.AgentID = types.Int64Value(a.AgentID)
	m.DigitalEngagementEnabled = types.BoolValue(a.DigitalEngagementEnabled)
	m.DigitalThreshold = types.Int64Value(int64(a.DigitalThreshold))
	m.UseTeamDigitalThreshold = types.BoolValue(a.UseTeamDigitalThreshold)
	m.DigitalRefusalTimeout = types.Int64Value(int64(a.DigitalRefusalTimeout))
	m.UserName = types.StringValue(a.UserName)
	m.EmailAddress = types.StringValue(a.EmailAddress)
}

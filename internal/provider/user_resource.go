package provider

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

// NewUserResource is the cxone_user resource.
func NewUserResource() resource.Resource {
	return framework.NewResource[userModel](&userResource{}, "user", userSchema, addAPIError, userList)
}

type userResource struct {
	framework.Resource[userModel]
}

// userModel maps cxone_user.
type userModel struct {
	ID                types.String `tfsdk:"id"`
	AgentID           types.Int64  `tfsdk:"agent_id"`
	UserID            types.String `tfsdk:"user_id"`
	UserName          types.String `tfsdk:"user_name"`
	FirstName         types.String `tfsdk:"first_name"`
	MiddleName        types.String `tfsdk:"middle_name"`
	LastName          types.String `tfsdk:"last_name"`
	EmailAddress      types.String `tfsdk:"email_address"`
	TeamID            types.Int64  `tfsdk:"team_id"`
	SecurityProfileID types.Int64  `tfsdk:"security_profile_id"`
	TimeZone          types.String `tfsdk:"time_zone"`
	Country           types.String `tfsdk:"country"`
	State             types.String `tfsdk:"state"`
	City              types.String `tfsdk:"city"`
	Notes             types.String `tfsdk:"notes"`
	FederatedID       types.String `tfsdk:"federated_id"`
}

// Identity is the user's agent ID.
func (m userModel) Identity() framework.Identity {
	return framework.IdentityOf(framework.IdentityValue("agent_id", "Agent ID of the user, for example 1001.", m.AgentID))
}

// CreateObject creates the user, or adopts an inactive one of the same user name.
func (r *userResource) CreateObject(ctx context.Context, w *framework.Write[userModel]) (userModel, error) {
	plan := w.Plan
	// A lost answer is settled inside CreateAgent by looking the user name up, so
	// it never makes a second user; a user found with other values is a conflict.
	agent, err := r.Client.CreateAgent(ctx, expandUser(plan))
	if cxone.IsConflict(err) {
		agent = r.adoptInactiveUser(ctx, plan, w.Diags)
	} else if err != nil {
		return plan, err
	}
	if agent != nil {
		flattenUserResource(agent, &plan)
	}
	return plan, nil
}

// adoptInactiveUser handles a create whose user name is taken. An inactive user of
// that name (most often one this configuration destroyed, since CXone never deletes
// users) is reactivated with the configured values and adopted, with a warning. An
// active one is an error that shows how to import it. It returns nil after an error.
func (r *userResource) adoptInactiveUser(ctx context.Context, plan userModel, diags *diag.Diagnostics) *cxone.Agent {
	userName := plan.UserName.ValueString()
	existing, err := r.Client.FindAgentByUserName(ctx, userName)
	if err != nil {
		addAPIError(diags, "Create", "User", strconv.Quote(userName),
			fmt.Errorf("CXone reported that the user name is taken, but the user of that name cannot be read: %w", err))
		return nil
	}
	id := strconv.FormatInt(existing.AgentID, 10)
	if existing.IsActive {
		diags.AddAttributeError(path.Root("user_name"), "Unable to Create User",
			fmt.Sprintf("CXone already has an active user named %q (agent ID %s). User names are unique in a tenant, "+
				"whatever their case. To manage that user with Terraform, import it instead of creating it:\n\n"+
				"  terraform import cxone_user.<resource name> %[2]s\n\n"+
				"or add an import block to the configuration and apply:\n\n"+
				"  import {\n    to = cxone_user.<resource name>\n    id = %[3]q\n  }\n\n"+
				"Otherwise choose another user name.", existing.UserName, id, id))
		return nil
	}
	ch := expandUserChanges(plan)
	ch.IsActive = new(true)
	agent, err := r.Client.UpdateAgent(ctx, existing.AgentID, ch)
	if err != nil {
		addAPIError(diags, "Create", "User", fmt.Sprintf("%q (agent ID %s)", userName, id),
			fmt.Errorf("an inactive user of that name exists, and reactivating it failed: %w", err))
		return nil
	}
	tflog.Warn(ctx, "reactivated an inactive user of the same user name", map[string]any{"agent_id": agent.AgentID})
	diags.AddWarning("Reactivated Existing User",
		fmt.Sprintf("CXone already had an inactive user named %q (agent ID %s), probably one destroyed earlier: "+
			"CXone never deletes users, only deactivates them. It has been reactivated with the configured values "+
			"and is now managed by this resource, with its history.", existing.UserName, id))
	return agent
}

// ReadObject reads the user. An inactive user is what destroy leaves behind: it
// counts as gone, so the next apply plans a create, which reactivates this same user.
func (r *userResource) ReadObject(ctx context.Context, state userModel, diags *diag.Diagnostics) (userModel, error) {
	id, ok := userIDOf(state, "Read", diags)
	if !ok {
		return state, nil
	}
	agent, err := r.Client.Agent(ctx, id)
	switch {
	case err != nil:
		return state, err
	case !agent.IsActive:
		return state, &framework.Gone{Summary: "User Inactive",
			Detail: fmt.Sprintf("User %s was deactivated outside Terraform. It has been removed from the state; the next "+
				"apply creates it again, which reactivates this same user.", userObject(state.UserName, id)),
			ImportDetail: fmt.Sprintf("User %s is inactive: CXone keeps deactivated users. Remove the import and "+
				"apply with the user's user name: the create reactivates this same user.", userObject(state.UserName, id))}
	}
	flattenUserResource(agent, &state)
	return state, nil
}

// UpdateObject writes the plan to the user.
func (r *userResource) UpdateObject(ctx context.Context, w *framework.Write[userModel]) (userModel, error) {
	plan := w.Plan
	id, ok := userIDOf(w.State, "Update", w.Diags)
	if !ok {
		return plan, nil
	}
	ch := expandUserChanges(plan)
	// The user is active (Read drops inactive ones); saying so again undoes a
	// deactivation that happened between refresh and apply.
	ch.IsActive = new(true)
	agent, err := r.Client.UpdateAgent(ctx, id, ch)
	if err != nil {
		return plan, err
	}
	flattenUserResource(agent, &plan)
	return plan, nil
}

// DeleteObject deactivates the user: CXone never deletes users.
func (r *userResource) DeleteObject(ctx context.Context, state userModel, diags *diag.Diagnostics) error {
	id, ok := userIDOf(state, "Delete", diags)
	if !ok {
		return nil
	}
	if _, err := r.Client.UpdateAgent(ctx, id, cxone.AgentChanges{IsActive: new(false)}); err != nil {
		// CXone reports an unknown agent as a failed item, not a 404: ask for the
		// user itself before calling the destroy a failure.
		if _, gerr := r.Client.GetAgent(ctx, id); cxone.IsNotFound(gerr) {
			return nil
		}
		return err
	}
	diags.AddWarning("User Deactivated, Not Deleted",
		fmt.Sprintf("CXone never deletes users: user %s has been deactivated and stays in CXone, inactive, with "+
			"its user name taken. Creating a user of the same user name later reactivates it.", userObject(state.UserName, id)))
	return nil
}

// ParseImportID takes an agent ID such as 1001.
func (r *userResource) ParseImportID(_ context.Context, id string) (userModel, error) {
	agentID, err := parseNumericID(id, "the import ID")
	if err != nil {
		return userModel{}, fmt.Errorf("expected an agent ID, a whole number such as 1001: %w", err)
	}
	return userModel{ID: numericIDValue(agentID), AgentID: types.Int64Value(agentID)}, nil
}

// Describe names a user in messages: by user name and agent ID once it has one.
func (r *userResource) Describe(m userModel) (kind, object string) {
	id, err := parseNumericID(m.ID.ValueString(), "the agent ID")
	if err != nil {
		return "User", strconv.Quote(m.UserName.ValueString())
	}
	return "User", userObject(m.UserName, id)
}

// expandUser turns the planned values into a new user.
func expandUser(m userModel) cxone.AgentInput {
	return cxone.AgentInput{
		UserName:     m.UserName.ValueString(),
		FirstName:    m.FirstName.ValueString(),
		MiddleName:   m.MiddleName.ValueString(),
		LastName:     m.LastName.ValueString(),
		EmailAddress: m.EmailAddress.ValueString(),
		TeamID:       m.TeamID.ValueInt64(),
		ProfileID:    m.SecurityProfileID.ValueInt64(),
		TimeZone:     m.TimeZone.ValueString(),
		Country:      m.Country.ValueString(),
		State:        m.State.ValueString(),
		City:         m.City.ValueString(),
		Notes:        m.Notes.ValueString(),
		FederatedID:  m.FederatedID.ValueString(),
	}
}

// expandUserChanges turns the planned values into a change of every field the
// resource manages: an optional field left out of the configuration is sent as "",
// which clears it in CXone. IsActive is left nil: each caller decides it.
func expandUserChanges(m userModel) cxone.AgentChanges {
	in := expandUser(m)
	return cxone.AgentChanges{
		UserName:     &in.UserName,
		FirstName:    &in.FirstName,
		MiddleName:   &in.MiddleName,
		LastName:     &in.LastName,
		EmailAddress: &in.EmailAddress,
		TeamID:       &in.TeamID,
		ProfileID:    &in.ProfileID,
		TimeZone:     &in.TimeZone,
		Country:      &in.Country,
		State:        &in.State,
		City:         &in.City,
		Notes:        &in.Notes,
		FederatedID:  &in.FederatedID,
	}
}

// flattenUserResource copies a user as CXone holds it into the model. CXone answers "" for
// an optional field that is not set, which is null in the configuration.
func flattenUserResource(a *cxone.Agent, m *userModel) {
	m.ID = numericIDValue(a.AgentID)
	m.AgentID = types.Int64Value(a.AgentID)
	m.UserID = types.StringValue(a.UserID)
	m.UserName = types.StringValue(a.UserName)
	m.FirstName = types.StringValue(a.FirstName)
	m.MiddleName = stringOrNull(a.MiddleName)
	m.LastName = types.StringValue(a.LastName)
	m.EmailAddress = types.StringValue(a.EmailAddress)
	m.TeamID = types.Int64Value(a.TeamID)
	m.SecurityProfileID = types.Int64Value(a.ProfileID)
	m.TimeZone = types.StringValue(a.TimeZone)
	m.Country = types.StringValue(a.Country)
	m.State = stringOrNull(a.State)
	m.City = types.StringValue(a.City)
	m.Notes = stringOrNull(a.Notes)
	m.FederatedID = stringOrNull(a.FederatedID)
}

// userIDOf parses the agent ID kept in m; one that is not a number (a state edited
// by hand) is an error that names the operation.
func userIDOf(m userModel, operation string, diags *diag.Diagnostics) (int64, bool) {
	id, err := parseNumericID(m.ID.ValueString(), "the agent ID")
	if err != nil {
		diags.AddError("Unable to "+operation+" User", err.Error())
		return 0, false
	}
	return id, true
}

// userObject names a user in messages: by user name and agent ID, or by agent ID
// alone while importing, before the user name is known.
func userObject(userName types.String, id int64) string {
	if userName.IsNull() || userName.IsUnknown() {
		return fmt.Sprintf("with agent ID %d", id)
	}
	return fmt.Sprintf("%q (agent ID %d)", userName.ValueString(), id)
}

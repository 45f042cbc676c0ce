package provider

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/numberdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

// skillAssignmentType names the object in diagnostics.
const skillAssignmentType = "Skill Assignment"

// NewSkillAssignmentResource is the constructor of cxone_skill_assignment.
func NewSkillAssignmentResource() resource.Resource {
	return framework.NewResource[skillAssignmentModel](&skillAssignmentResource{}, "skill_assignment", skillAssignmentSchema, addAPIError, skillAssignmentList)
}

// skillAssignmentResource gives one agent one skill with a proficiency.
type skillAssignmentResource struct {
	framework.Resource[skillAssignmentModel]
}

type skillAssignmentModel struct {
	ID          types.String `tfsdk:"id"`
	AgentID     types.Int64  `tfsdk:"agent_id"`
	SkillID     types.Int64  `tfsdk:"skill_id"`
	Proficiency types.Number `tfsdk:"proficiency"`
	IsActive    types.Bool   `tfsdk:"is_active"`
	SkillName   types.String `tfsdk:"skill_name"`
}

// Identity is the agent and skill IDs.
func (m skillAssignmentModel) Identity() framework.Identity {
	return framework.IdentityOf(
		framework.IdentityValue("agent_id", "Agent ID of the user who has the skill.", m.AgentID),
		framework.IdentityValue("skill_id", "ID of the skill.", m.SkillID),
	)
}

func skillAssignmentSchema(context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Assigns a skill to a CXone user (agent) with a proficiency, so that contacts of the " +
			"skill's routing queue are offered to the user. Destroying it removes the skill from the user. Import " +
			"with `agent_id/skill_id`, for example `1001/4000001`.",
		Attributes: map[string]schema.Attribute{
			"id": framework.IDAttribute("`agent_id/skill_id`.", idFromAttributes("agent_id", "skill_id")),
			"agent_id": framework.ReplacedID("Agent ID of the user who gets the skill, for example " +
				"`cxone_digital_user_permissions.mowgli.agent_id`. Changing it replaces the assignment."),
			"skill_id": framework.ReplacedID("ID of the skill, for example `cxone_digital_skill.watering_hole.id` (Terraform " +
				"converts the skill's string ID to a number). Changing it replaces the assignment."),
			// A number, not an int64, so that 1.5 gets an attribute error from the validator
			// instead of the framework's conversion error.
			"proficiency": schema.NumberAttribute{
				MarkdownDescription: "The user's proficiency in the skill, a whole number from `1` (highest) to `20` (lowest). " +
					"Contacts go to the most proficient available user first. Defaults to `1`.",
				Optional:   true,
				Computed:   true,
				Default:    numberdefault.StaticBigFloat(big.NewFloat(1)),
				Validators: []validator.Number{wholeNumberBetween{1, 20}},
			},
			"is_active": framework.OptionalBool("Whether the assignment is in effect. An inactive assignment stays on the user "+
				"but no contacts of the skill are routed to them.", true),
			"skill_name": schema.StringAttribute{
				// Kept from the state: only a new skill_id (a replacement) changes it here. A
				// rename of the skill shows from the next refresh, not as noise on every plan.
				MarkdownDescription: "The skill's name, as CXone held it at the last refresh. A rename of the skill " +
					"shows here from the next refresh.",
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

// CreateObject assigns the skill, or adopts the assignment the agent has already.
func (r *skillAssignmentResource) CreateObject(ctx context.Context, w *framework.Write[skillAssignmentModel]) (skillAssignmentModel, error) {
	plan := w.Plan
	agentID, skillID := plan.AgentID.ValueInt64(), plan.SkillID.ValueInt64()
	// AssignSkills does not send a create twice: a lost answer is settled by listing.
	err := r.Client.AssignSkills(ctx, agentID, []cxone.SkillAssignmentInput{expandSkillAssignment(plan)})
	if cxone.IsConflict(err) {
		// The agent has the skill already: an apply cut off after the assignment was made,
		// or an assignment made outside Terraform. The pair is the assignment's whole
		// identity, so adopting it loses nothing; it is brought to the declared values.
		w.Diags.AddWarning("Existing "+skillAssignmentType+" Adopted",
			fmt.Sprintf("Skill %d was already assigned to agent %d (an earlier apply was cut off, or the skill was "+
				"assigned outside Terraform). Terraform now manages that assignment, with the declared proficiency "+
				"and is_active, under ID %q.", skillID, agentID, assignmentKey(agentID, skillID)))
		err = r.Client.UpdateSkillAssignments(ctx, agentID, []cxone.SkillAssignmentInput{expandSkillAssignment(plan)})
	}
	if err != nil {
		return plan, err
	}
	r.saveAfterWrite(ctx, &plan, w.Diags)
	return plan, nil
}

// ReadObject reads the assignment from the agent's skills.
func (r *skillAssignmentResource) ReadObject(ctx context.Context, state skillAssignmentModel, _ *diag.Diagnostics) (skillAssignmentModel, error) {
	a, err := r.Client.SkillAssignment(ctx, state.AgentID.ValueInt64(), state.SkillID.ValueInt64())
	if err != nil {
		return state, err
	}
	flattenSkillAssignment(a, &state)
	return state, nil
}

// UpdateObject writes the planned proficiency and is_active.
func (r *skillAssignmentResource) UpdateObject(ctx context.Context, w *framework.Write[skillAssignmentModel]) (skillAssignmentModel, error) {
	plan := w.Plan
	err := r.Client.UpdateSkillAssignments(ctx, plan.AgentID.ValueInt64(), []cxone.SkillAssignmentInput{expandSkillAssignment(plan)})
	if err != nil {
		return plan, err
	}
	r.saveAfterWrite(ctx, &plan, w.Diags)
	return plan, nil
}

// saveAfterWrite fills m from what the write left (readcache.WrittenAssignment: the
// values sent, which CXone checked item by item, and the skill's name). The write has
// already taken effect, so a failed read of the name must not lose it: m keeps the
// values sent (the skill name stays as last known) and a warning says the next
// refresh completes it.
func (r *skillAssignmentResource) saveAfterWrite(ctx context.Context, m *skillAssignmentModel, diags *diag.Diagnostics) {
	agentID, skillID := m.AgentID.ValueInt64(), m.SkillID.ValueInt64()
	m.ID = types.StringValue(assignmentKey(agentID, skillID))
	planned := m.SkillName
	a, err := r.Client.WrittenAssignment(ctx, agentID, expandSkillAssignment(*m))
	if err != nil {
		diags.AddWarning("Unable to Read "+skillAssignmentType+" Back",
			fmt.Sprintf("The %s was saved, but reading it back failed; the state holds the values sent and "+
				"the next refresh reads CXone's.\n\n%s", assignmentObject(agentID, skillID), apiAnswer(skillAssignmentType, err)))
		if m.SkillName.IsUnknown() {
			m.SkillName = types.StringNull()
		}
		return
	}
	flattenSkillAssignment(a, m)
	if !planned.IsUnknown() {
		// The plan kept the name from the state; the next refresh reads a rename.
		m.SkillName = planned
	}
}

// DeleteObject takes the skill from the agent.
func (r *skillAssignmentResource) DeleteObject(ctx context.Context, state skillAssignmentModel, _ *diag.Diagnostics) error {
	return r.Client.UnassignSkill(ctx, state.AgentID.ValueInt64(), state.SkillID.ValueInt64())
}

// ParseImportID takes "agent_id/skill_id", and explains one written skill first.
func (r *skillAssignmentResource) ParseImportID(ctx context.Context, id string) (skillAssignmentModel, error) {
	agentID, skillID, err := parseAssignmentID(id)
	if err != nil {
		return skillAssignmentModel{}, err
	}
	if r.Client != nil {
		if hint := r.reversedImportHint(ctx, agentID, skillID); hint != "" {
			return skillAssignmentModel{}, errors.New(hint)
		}
	}
	return skillAssignmentModel{ID: types.StringValue(assignmentKey(agentID, skillID)),
		AgentID: types.Int64Value(agentID), SkillID: types.Int64Value(skillID)}, nil
}

// Describe names an assignment in messages.
func (r *skillAssignmentResource) Describe(m skillAssignmentModel) (kind, object string) {
	return skillAssignmentType, assignmentObject(m.AgentID.ValueInt64(), m.SkillID.ValueInt64())
}

// reversedImportHint explains an import ID written skill first: no such assignment exists,
// and the reversed pair does. It returns "" otherwise, and Read decides as usual.
func (r *skillAssignmentResource) reversedImportHint(ctx context.Context, agentID, skillID int64) string {
	if _, err := r.Client.GetSkillAssignment(ctx, agentID, skillID); !cxone.IsNotFound(err) {
		return ""
	}
	if _, err := r.Client.GetSkillAssignment(ctx, skillID, agentID); err != nil {
		return ""
	}
	return fmt.Sprintf("Agent %d has no skill %d, but agent %d has skill %d: the import ID is agent_id/skill_id, "+
		"agent first. Import it with the ID %q.", agentID, skillID, skillID, agentID, assignmentKey(skillID, agentID))
}

// parseAssignmentID reads an "agent_id/skill_id" import ID.
func parseAssignmentID(id string) (agentID, skillID int64, err error) {
	parts, err := parseCompositeID(id, "agent_id", "skill_id")
	if err != nil {
		return 0, 0, err
	}
	if agentID, err = parseNumericID(parts[0], "agent_id in the import ID"); err != nil {
		return 0, 0, err
	}
	if skillID, err = parseNumericID(parts[1], "skill_id in the import ID"); err != nil {
		return 0, 0, err
	}
	return agentID, skillID, nil
}

// assignmentKey is the resource ID, "agent_id/skill_id".
func assignmentKey(agentID, skillID int64) string {
	return strconv.FormatInt(agentID, 10) + "/" + strconv.FormatInt(skillID, 10)
}

// assignmentObject names an assignment in diagnostics.
func assignmentObject(agentID, skillID int64) string {
	return fmt.Sprintf("of skill %d to agent %d", skillID, agentID)
}

// expandSkillAssignment builds the POST or PUT item; both carry every setting.
func expandSkillAssignment(m skillAssignmentModel) cxone.SkillAssignmentInput {
	return cxone.SkillAssignmentInput{
		SkillID:     m.SkillID.ValueInt64(),
		Proficiency: wholeNumber(m.Proficiency),
		IsActive:    m.IsActive.ValueBool(),
	}
}

// flattenSkillAssignment copies an assignment into m.
func flattenSkillAssignment(a *cxone.SkillAssignment, m *skillAssignmentModel) {
	m.ID = types.StringValue(assignmentKey(a.AgentID, a.SkillID))
	m.AgentID = types.Int64Value(a.AgentID)
	m.SkillID = types.Int64Value(a.SkillID)
	m.Proficiency = types.NumberValue(big.NewFloat(float64(a.Proficiency)))
	m.IsActive = types.BoolValue(a.IsActive)
	m.SkillName = types.StringValue(a.SkillName)
}

// wholeNumber is a known whole number as an int; 0 for anything else (the validator
// has refused it before).
func wholeNumber(n types.Number) int {
	if n.IsNull() || n.IsUnknown() {
		return 0
	}
	i, acc := n.ValueBigFloat().Int64()
	if acc != big.Exact {
		return 0
	}
	return int(i)
}

// wholeNumberBetween accepts a whole number from min to max.
type wholeNumberBetween struct{ min, max int64 }

func (v wholeNumberBetween) Description(context.Context) string {
	return fmt.Sprintf("must be a whole number from %d to %d", v.min, v.max)
}

func (v wholeNumberBetween) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v wholeNumberBetween) ValidateNumber(ctx context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	f := req.ConfigValue.ValueBigFloat()
	i, acc := f.Int64()
	if !f.IsInt() || acc != big.Exact || i < v.min || i > v.max {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value",
			fmt.Sprintf("%s %s, got %s.", req.Path, v.Description(ctx), f.Text('g', -1)))
	}
}

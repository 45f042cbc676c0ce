package provider

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

var (
	_ resource.Resource                = (*skillAssignmentResource)(nil)
	_ resource.ResourceWithConfigure   = (*skillAssignmentResource)(nil)
	_ resource.ResourceWithImportState = (*skillAssignmentResource)(nil)
)

// skillAssignmentType names the object in diagnostics.
const skillAssignmentType = "Skill Assignment"

// NewSkillAssignmentResource is the constructor of cxone_skill_assignment.
func NewSkillAssignmentResource() resource.Resource {
	return &skillAssignmentResource{}
}

// skillAssignmentResource gives one agent one skill with a proficiency.
type skillAssignmentResource struct {
	framework.ResourceWithModel[skillAssignmentModel]
}

type skillAssignmentModel struct {
	ID          types.String `tfsdk:"id"`
	AgentID     types.Int64  `tfsdk:"agent_id"`
	SkillID     types.Int64  `tfsdk:"skill_id"`
	Proficiency types.Int64  `tfsdk:"proficiency"`
	IsActive    types.Bool   `tfsdk:"is_active"`
	SkillName   types.String `tfsdk:"skill_name"`
}

func (r *skillAssignmentResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_skill_assignment"
}

func (r *skillAssignmentResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = skillAssignmentSchema()
}

func skillAssignmentSchema() schema.Schema {
	replace := []planmodifier.Int64{int64planmodifier.RequiresReplace()}
	return schema.Schema{
		MarkdownDescription: "Assigns a skill to a CXone user (agent) with a proficiency, so that contacts of the " +
			"skill's routing queue are offered to the user. Destroying it removes the skill from the user. Import " +
			"with `agent_id/skill_id`, for example `1001/4000001`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`agent_id/skill_id`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"agent_id": schema.Int64Attribute{
				MarkdownDescription: "Agent ID of the user who gets the skill, for example " +
					"`cxone_digital_user_permissions.mowgli.agent_id`. Changing it replaces the assignment.",
				Required:      true,
				PlanModifiers: replace,
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
			},
			"skill_id": schema.Int64Attribute{
				MarkdownDescription: "ID of the skill, for example `cxone_digital_skill.watering_hole.id` (Terraform " +
					"converts the skill's string ID to a number). Changing it replaces the assignment.",
				Required:      true,
				PlanModifiers: replace,
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
			},
			"proficiency": schema.Int64Attribute{
				MarkdownDescription: "The user's proficiency in the skill, from `1` (highest) to `20` (lowest). " +
					"Contacts go to the most proficient available user first. Defaults to `1`.",
				Optional:   true,
				Computed:   true,
				Default:    int64default.StaticInt64(1),
				Validators: []validator.Int64{int64validator.Between(1, 20)},
			},
			"is_active": schema.BoolAttribute{
				MarkdownDescription: "Whether the assignment is in effect. An inactive assignment stays on the user " +
					"but no contacts of the skill are routed to them. Defaults to `true`.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"skill_name": schema.StringAttribute{
				// No UseStateForUnknown: the skill may be renamed in the same apply.
				MarkdownDescription: "The skill's name, as CXone holds it.",
				Computed:            true,
			},
		},
	}
}

func (r *skillAssignmentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan skillAssignmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !r.CheckClient(&resp.Diagnostics) {
		return
	}
	agentID, skillID := plan.AgentID.ValueInt64(), plan.SkillID.ValueInt64()
	id := assignmentKey(agentID, skillID)
	// AssignSkills does not send a create twice: a lost answer is settled by listing.
	err := r.Client.AssignSkills(ctx, agentID, []cxone.SkillAssignmentInput{expandSkillAssignment(plan)})
	if cxone.IsConflict(err) {
		resp.Diagnostics.AddError("Unable to Create "+skillAssignmentType,
			fmt.Sprintf("Skill %d is already assigned to agent %d. To manage the existing assignment with Terraform, "+
				"import it instead of creating it:\n\n"+
				"  terraform import cxone_skill_assignment.<name> %s\n\n"+
				"or add an import block with to = cxone_skill_assignment.<name> and id = %q, where <name> is this "+
				"resource's name in the configuration.\n\n%s", skillID, agentID, id, id, apiAnswer(err)))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Create", skillAssignmentType, assignmentObject(agentID, skillID), err)
		return
	}
	r.saveAfterWrite(ctx, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *skillAssignmentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state skillAssignmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !r.CheckClient(&resp.Diagnostics) {
		return
	}
	agentID, skillID := state.AgentID.ValueInt64(), state.SkillID.ValueInt64()
	a, err := r.Client.SkillAssignment(ctx, agentID, skillID)
	if cxone.IsNotFound(err) {
		removeMissingResource(ctx, resp, skillAssignmentType, assignmentObject(agentID, skillID))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Read", skillAssignmentType, assignmentObject(agentID, skillID), err)
		return
	}
	flattenSkillAssignment(a, &state)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *skillAssignmentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan skillAssignmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !r.CheckClient(&resp.Diagnostics) {
		return
	}
	agentID, skillID := plan.AgentID.ValueInt64(), plan.SkillID.ValueInt64()
	err := r.Client.UpdateSkillAssignments(ctx, agentID, []cxone.SkillAssignmentInput{expandSkillAssignment(plan)})
	if err != nil {
		addAPIError(&resp.Diagnostics, "Update", skillAssignmentType, assignmentObject(agentID, skillID), err)
		return
	}
	r.saveAfterWrite(ctx, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// saveAfterWrite fills m from what the write left (readcache.WrittenAssignment: the
// values sent, which CXone checked item by item, and the skill's name). The write has
// already taken effect, so a failed read of the name must not lose it: m keeps the
// values sent (the skill name stays as last known) and a warning says the next
// refresh completes it.
func (r *skillAssignmentResource) saveAfterWrite(ctx context.Context, m *skillAssignmentModel, diags *diag.Diagnostics) {
	agentID, skillID := m.AgentID.ValueInt64(), m.SkillID.ValueInt64()
	m.ID = types.StringValue(assignmentKey(agentID, skillID))
	a, err := r.Client.WrittenAssignment(ctx, agentID, expandSkillAssignment(*m))
	if err != nil {
		diags.AddWarning("Unable to Read "+skillAssignmentType+" Back",
			fmt.Sprintf("The %s was saved, but reading it back failed; the state holds the values sent and "+
				"the next refresh reads CXone's.\n\n%s", assignmentObject(agentID, skillID), apiAnswer(err)))
		if m.SkillName.IsUnknown() {
			m.SkillName = types.StringNull()
		}
		return
	}
	flattenSkillAssignment(a, m)
}

func (r *skillAssignmentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state skillAssignmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !r.CheckClient(&resp.Diagnostics) {
		return
	}
	agentID, skillID := state.AgentID.ValueInt64(), state.SkillID.ValueInt64()
	err := r.Client.UnassignSkill(ctx, agentID, skillID)
	if err != nil && !cxone.IsNotFound(err) {
		addAPIError(&resp.Diagnostics, "Delete", skillAssignmentType, assignmentObject(agentID, skillID), err)
		return
	}
}

func (r *skillAssignmentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	agentID, skillID, err := parseAssignmentID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid Import ID", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), assignmentKey(agentID, skillID))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("agent_id"), agentID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("skill_id"), skillID)...)
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
		Proficiency: int(m.Proficiency.ValueInt64()),
		IsActive:    m.IsActive.ValueBool(),
	}
}

// flattenSkillAssignment copies an assignment into m.
func flattenSkillAssignment(a *cxone.SkillAssignment, m *skillAssignmentModel) {
	m.ID = types.StringValue(assignmentKey(a.AgentID, a.SkillID))
	m.AgentID = types.Int64Value(a.AgentID)
	m.SkillID = types.Int64Value(a.SkillID)
	m.Proficiency = types.Int64Value(int64(a.Proficiency))
	m.IsActive = types.BoolValue(a.IsActive)
	m.SkillName = types.StringValue(a.SkillName)
}

package provider

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

var _ resource.ResourceWithValidateConfig = (*digitalSkillResource)(nil)

// defaultSkillCreateTimeout bounds the wait for CXone's routing-queue sync when the
// configuration has no timeouts block: CXone takes seconds to minutes.
const defaultSkillCreateTimeout = 10 * time.Minute

// NewDigitalSkillResource is the cxone_digital_skill resource.
func NewDigitalSkillResource() resource.Resource {
	return framework.NewResource[digitalSkillModel](&digitalSkillResource{numericID: skillIDs[digitalSkillModel]("Digital Skill")}, "digital_skill", digitalSkillSchema, addAPIError, digitalSkillList)
}

type digitalSkillResource struct {
	framework.Resource[digitalSkillModel]
	numericID[digitalSkillModel]
}

// digitalSkillModel maps cxone_digital_skill.
type digitalSkillModel struct {
	ID                    types.String   `tfsdk:"id"`
	Name                  types.String   `tfsdk:"name"`
	Notes                 types.String   `tfsdk:"notes"`
	InitialPriority       types.Int64    `tfsdk:"initial_priority"`
	Acceleration          types.Int64    `tfsdk:"acceleration"`
	MaxPriority           types.Int64    `tfsdk:"max_priority"`
	ServiceLevelThreshold types.Int64    `tfsdk:"service_level_threshold"`
	ServiceLevelGoal      types.Int64    `tfsdk:"service_level_goal"`
	MediaTypeID           types.Int64    `tfsdk:"media_type_id"`
	RoutingQueueID        types.String   `tfsdk:"routing_queue_id"`
	Timeouts              timeouts.Value `tfsdk:"timeouts"`
}

// Identity is the skill ID, as a number.
func (m digitalSkillModel) Identity() framework.Identity {
	return framework.IdentityOf(framework.NumericID("skill_id", "CXone's skill ID, for example 4000001.", m.ID))
}

func digitalSkillSchema(ctx context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "A CXone digital skill. CXone mirrors every digital skill with a Digital Experience " +
			"routing queue of the same name, some time after the skill is created; creating this resource waits " +
			"for that queue (bounded by `timeouts.create`), so `routing_queue_id` is known after apply and can be " +
			"used by `cxone_routing_queue_binding`.\n\n" +
			"CXone cannot delete skills: destroying this resource deactivates the skill, which also marks its " +
			"routing queue deleted. Creating a skill whose name belongs to an inactive skill reactivates and adopts " +
			"that skill (with a warning); if the name belongs to an active skill, the apply fails and says how to " +
			"import it.\n\n" +
			"This resource manages inbound digital skills. Outbound skills share the digital media type but are " +
			"managed by `cxone_outbound_skill`: importing one here, or creating a skill whose name an outbound skill " +
			"holds, is an error.",
		Attributes: map[string]schema.Attribute{
			"id": framework.IDAttribute("CXone's skill ID, a whole number written as a string (for example `4000001`)."),
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the skill, 1 to 200 characters, unique among all skills of the business " +
					"unit, active or not. Its routing queue takes the same name; renaming the skill renames the queue.",
				Required: true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 200),
					notBlankValidator(),
				},
			},
			"notes": framework.OptionalEmptyString("Free-text notes on the skill."),
			"initial_priority": schema.Int64Attribute{
				MarkdownDescription: "Priority a contact starts with, from `0` to `1000`. Defaults to `0`.",
				Optional:            true,
				Computed:            true,
				Default:             int64default.StaticInt64(0),
				Validators:          []validator.Int64{int64validator.Between(0, 1000)},
			},
			"acceleration": schema.Int64Attribute{
				MarkdownDescription: "How many priority points a waiting contact gains per minute, from `0` to `1000`. " +
					"Defaults to `1`.",
				Optional:   true,
				Computed:   true,
				Default:    int64default.StaticInt64(1),
				Validators: []validator.Int64{int64validator.Between(0, 1000)},
			},
			"max_priority": schema.Int64Attribute{
				MarkdownDescription: "Highest priority a contact can reach, from `0` to `1000`. Defaults to `1000`.",
				Optional:            true,
				Computed:            true,
				Default:             int64default.StaticInt64(1000),
				Validators:          []validator.Int64{int64validator.Between(0, 1000)},
			},
			"service_level_threshold": schema.Int64Attribute{
				MarkdownDescription: "Seconds within which a contact should be answered to count toward the service " +
					"level, `0` or more. Defaults to `30`.",
				Optional:   true,
				Computed:   true,
				Default:    int64default.StaticInt64(30),
				Validators: []validator.Int64{int64validator.AtLeast(0)},
			},
			"service_level_goal": schema.Int64Attribute{
				MarkdownDescription: "Percentage of contacts to answer within `service_level_threshold`, from `0` to " +
					"`100`. Defaults to `80`.",
				Optional:   true,
				Computed:   true,
				Default:    int64default.StaticInt64(80),
				Validators: []validator.Int64{int64validator.Between(0, 100)},
			},
			"media_type_id": schema.Int64Attribute{
				MarkdownDescription: "CXone's media type of the skill: always `9` (Digital).",
				Computed:            true,
				// The only media type this resource creates or accepts (Read refuses others).
				Default: int64default.StaticInt64(int64(cxone.MediaTypeDigital)),
			},
			"routing_queue_id": schema.StringAttribute{
				MarkdownDescription: "ID of the Digital Experience routing queue that mirrors the skill. Known after " +
					"create; empty only for an imported skill that CXone has not synced yet.",
				Computed:      true,
				PlanModifiers: []planmodifier.String{keepSyncedQueueID{}},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{
				Create: true,
				CreateDescription: "How long create waits for CXone to sync the skill's routing queue, as a duration string " +
					"such as `\"15m\"` (default `10m`). When it runs out, the skill is kept in state, tainted, and the apply fails.",
			}),
		},
	}
}

// CreateObject creates the skill, or adopts an inactive one of the same name, and
// waits for CXone to sync its routing queue.
func (r *digitalSkillResource) CreateObject(ctx context.Context, w *framework.Write[digitalSkillModel]) (digitalSkillModel, error) {
	plan := w.Plan
	timeout, diags := plan.Timeouts.Create(ctx, defaultSkillCreateTimeout)
	w.Diags.Append(diags...)
	if w.Diags.HasError() {
		return plan, nil
	}

	name := plan.Name.ValueString()
	in := expandDigitalSkill(plan)
	skill, err := r.Client.CreateSkill(ctx, in)
	if cxone.IsConflict(err) {
		skill = r.adoptInactiveSkill(ctx, name, in, w.Diags)
	} else if err != nil {
		addCreateError(w.Diags, "Digital Skill", strconv.Quote(name),
			fmt.Sprintf("the cxone_digital_skill data source (name = %q)", name), err)
	}
	if skill == nil {
		return plan, nil
	}

	// Save the skill before waiting: if the wait fails, Terraform keeps it (tainted)
	// instead of losing track of a skill that exists.
	flattenDigitalSkill(skill, &plan)
	if skill.RoutingQueueID != "" {
		return plan, nil
	}
	w.Save(plan)
	if w.Diags.HasError() {
		return plan, nil
	}
	synced, err := waitForSkillSync(ctx, r.Client, skill.SkillID, timeout, defaultSyncBackoff)
	if err != nil {
		addSyncError(w.Diags, name, skill.SkillID, timeout, err)
		return plan, nil
	}
	flattenDigitalSkill(synced, &plan)
	return plan, nil
}

// digitalSkillRetired words the digital skill's life cycle: CXone cannot delete skills.
var digitalSkillRetired = retiredKind{kind: "Digital Skill", typeName: "cxone_digital_skill", noun: "digital skill",
	plural: "skills", short: "skill", family: "skill", idKey: "skill_id", kept: ", with its routing queue and its history"}

// adoptInactiveSkill handles a create whose name is taken. An inactive digital skill of
// that name (most often one this configuration destroyed, since CXone cannot delete
// skills) is reactivated with the configured values and adopted, with a warning. An
// active one is an error that shows how to import it, and so is a skill of another
// media type. It returns nil after an error.
func (r *digitalSkillResource) adoptInactiveSkill(ctx context.Context, name string, in cxone.SkillInput, diags *diag.Diagnostics) *cxone.Skill {
	existing := takenByInactive(ctx, digitalSkillRetired, name, r.Client.FindSkillByName,
		func(s *cxone.Skill) (int64, bool) { return s.SkillID, s.IsActive },
		func(s *cxone.Skill) string {
			what := notInboundDigital(s)
			if what == "" {
				return ""
			}
			return fmt.Sprintf("CXone already has a skill named %q (ID %d): %s. Skill names are unique among all "+
				"skills, inbound or outbound, whatever their media type, so choose another name.", name, s.SkillID, what)
		}, diags)
	if existing == nil {
		return nil
	}
	in.IsActive = new(true)
	skill, err := r.Client.UpdateSkill(ctx, existing.SkillID, in)
	if !digitalSkillRetired.reactivated(ctx, name, existing.SkillID, err, diags) {
		return nil
	}
	return skill
}

// ReadObject reads the skill. An inactive skill is what destroy leaves behind: it
// counts as gone, so the next apply plans a create, which reactivates it.
func (r *digitalSkillResource) ReadObject(ctx context.Context, state digitalSkillModel, diags *diag.Diagnostics) (digitalSkillModel, error) {
	id, ok := r.idOf(state, "Read", diags)
	if !ok {
		return state, nil
	}
	skill, err := r.Client.Skill(ctx, id)
	if err != nil {
		return state, err
	}
	if what := notInboundDigital(skill); what != "" {
		diags.AddError("Unable to Read Digital Skill",
			fmt.Sprintf("Skill %d is %s; cxone_digital_skill manages inbound digital skills only.", id, what))
		return state, nil
	}
	if !skill.IsActive {
		return state, digitalSkillRetired.inactive(skillObject(state.Name, id))
	}
	flattenDigitalSkill(skill, &state)
	return state, nil
}

// UpdateObject writes the plan to the skill.
func (r *digitalSkillResource) UpdateObject(ctx context.Context, w *framework.Write[digitalSkillModel]) (digitalSkillModel, error) {
	plan := w.Plan
	id, ok := r.idOf(w.State, "Update", w.Diags)
	if !ok {
		return plan, nil
	}
	in := expandDigitalSkill(plan)
	// The skill is active (Read drops inactive ones); saying so again undoes a
	// deactivation that happened between refresh and apply.
	in.IsActive = new(true)
	skill, err := r.Client.UpdateSkill(ctx, id, in)
	if err != nil {
		return plan, err
	}
	flattenDigitalSkill(skill, &plan)
	return plan, nil
}

// DeleteObject deactivates the skill: CXone has no delete for skills.
func (r *digitalSkillResource) DeleteObject(ctx context.Context, state digitalSkillModel, diags *diag.Diagnostics) error {
	id, ok := r.idOf(state, "Delete", diags)
	if !ok {
		return nil
	}
	// PUT replaces the skill's fields, so send the ones in state with isActive false.
	in := expandDigitalSkill(state)
	in.IsActive = new(false)
	_, err := r.Client.UpdateSkill(ctx, id, in)
	return err
}

// ValidateConfig refuses a create timeout that is zero or negative: the timeouts block
// checks only that it parses, and such a timeout would fail every create at once.
func (r *digitalSkillResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	p := path.Root("timeouts").AtName("create")
	var create types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, p, &create)...)
	if create.IsNull() || create.IsUnknown() {
		return
	}
	if d, err := time.ParseDuration(create.ValueString()); err == nil && d <= 0 {
		resp.Diagnostics.AddAttributeError(p, "Invalid Timeout",
			fmt.Sprintf("timeouts.create must be a positive duration such as \"15m\", got %q.", create.ValueString()))
	}
}

// expandDigitalSkill turns the planned (or stored) values into the skill's fields.
// IsActive is left nil: each caller decides it.
func expandDigitalSkill(m digitalSkillModel) cxone.SkillInput {
	return cxone.SkillInput{
		SkillName:             m.Name.ValueString(),
		Notes:                 m.Notes.ValueString(),
		InitialPriority:       int(m.InitialPriority.ValueInt64()),
		Acceleration:          int(m.Acceleration.ValueInt64()),
		MaxPriority:           int(m.MaxPriority.ValueInt64()),
		ServiceLevelThreshold: int(m.ServiceLevelThreshold.ValueInt64()),
		ServiceLevelGoal:      int(m.ServiceLevelGoal.ValueInt64()),
	}
}

// flattenDigitalSkill copies a skill as CXone holds it into the model; timeouts stay.
func flattenDigitalSkill(s *cxone.Skill, m *digitalSkillModel) {
	m.ID = numericIDValue(s.SkillID)
	m.Name = types.StringValue(s.SkillName)
	m.Notes = types.StringValue(s.Notes)
	m.InitialPriority = types.Int64Value(int64(s.InitialPriority))
	m.Acceleration = types.Int64Value(int64(s.Acceleration))
	m.MaxPriority = types.Int64Value(int64(s.MaxPriority))
	m.ServiceLevelThreshold = types.Int64Value(int64(s.ServiceLevelThreshold))
	m.ServiceLevelGoal = types.Int64Value(int64(s.ServiceLevelGoal))
	m.MediaTypeID = types.Int64Value(int64(s.MediaTypeID))
	m.RoutingQueueID = types.StringValue(s.RoutingQueueID)
}

// skillObject names a skill in messages: by name and ID, or by ID alone while
// importing, before the name is known.
func skillObject(name types.String, id int64) string {
	if name.IsNull() || name.IsUnknown() {
		return fmt.Sprintf("with ID %d", id)
	}
	return fmt.Sprintf("%q (ID %d)", name.ValueString(), id)
}

// notInboundDigital says what a skill is when it is not an inbound digital skill, the
// only kind cxone_digital_skill manages, and "" when it is one. Outbound digital skills
// share the digital media type and are told apart by isOutbound.
func notInboundDigital(s *cxone.Skill) string {
	switch {
	case s.IsOutbound:
		return fmt.Sprintf("an outbound %s skill (manage it with cxone_outbound_skill)", mediaTypeLabel(s))
	case s.MediaTypeID != cxone.MediaTypeDigital:
		return fmt.Sprintf("a %s skill (media type %d, not %d)", mediaTypeLabel(s), s.MediaTypeID, cxone.MediaTypeDigital)
	}
	return ""
}

// mediaTypeLabel names a skill's media type for messages.
func mediaTypeLabel(s *cxone.Skill) string {
	if s.MediaTypeName != "" {
		return s.MediaTypeName
	}
	return "media type " + strconv.Itoa(s.MediaTypeID)
}

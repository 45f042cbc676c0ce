package provider

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

const outboundSkillType = "Outbound Skill"

var _ resource.ResourceWithValidateConfig = (*outboundSkillResource)(nil)

// NewOutboundSkillResource is the cxone_outbound_skill resource.
func NewOutboundSkillResource() resource.Resource {
	r := &outboundSkillResource{numericID: skillIDs[outboundSkillModel](outboundSkillType)}
	return framework.NewResource[outboundSkillModel](r, "outbound_skill", outboundSkillSchema, addAPIError, outboundSkillList(r))
}

type outboundSkillResource struct {
	framework.Resource[outboundSkillModel]
	numericID[outboundSkillModel]
}

// outboundSkillModel maps cxone_outbound_skill.
type outboundSkillModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	MediaType          types.String `tfsdk:"media_type"`
	Strategy           types.String `tfsdk:"strategy"`
	CampaignID         types.String `tfsdk:"campaign_id"`
	MessageTemplateID  types.String `tfsdk:"message_template_id"`
	Notes              types.String `tfsdk:"notes"`
	RequireDisposition types.Bool   `tfsdk:"require_disposition"`
	Dispositions       types.Set    `tfsdk:"dispositions"`
	RestartToUpdate    types.Bool   `tfsdk:"restart_to_update"`
	IsRunning          types.Bool   `tfsdk:"is_running"`
	RoutingQueueID     types.String `tfsdk:"routing_queue_id"`
	Schedule           types.Object `tfsdk:"schedule"`
	Retry              types.Object `tfsdk:"retry"`
	TimeZones          types.List   `tfsdk:"time_zones"`
}

// Identity is the skill ID, as a number.
func (m outboundSkillModel) Identity() framework.Identity {
	return framework.IdentityOf(framework.NumericID("skill_id", "CXone's skill ID, for example 4000001.", m.ID))
}

// The media types and strategies as the configuration writes them, and as CXone does.
var (
	outboundMediaTypes = map[string]int{"digital": cxone.MediaTypeDigital, "email": 1, "sms": 7, "voice": 4}
	outboundStrategies = map[string]string{"personal_connection": cxone.StrategyPersonalConnection, "manual": cxone.StrategyManual}
)

// outboundMediaTypeOf names CXone's media type ID as the configuration writes it.
func outboundMediaTypeOf(id int) (string, bool) {
	for name, v := range outboundMediaTypes {
		if v == id {
			return name, true
		}
	}
	return "", false
}

// outboundStrategyOf names CXone's strategy as the configuration writes it.
func outboundStrategyOf(s string) (string, bool) {
	for name, v := range outboundStrategies {
		if v == s {
			return name, true
		}
	}
	return "", false
}

func outboundSkillSchema(context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "A CXone outbound skill: the Personal Connection (or manual) skill that sends proactive " +
			"messages for a campaign. A digital skill is mirrored by a Digital Experience routing queue " +
			"(`routing_queue_id`), to which `cxone_routing_queue_binding` attaches the BYOC channel.\n\n" +
			"CXone cannot delete skills: destroy stops a running skill (with a warning), then deactivates it. Creating " +
			"a skill whose name belongs to an inactive skill reactivates and adopts that skill (with a warning). CXone " +
			"cannot change a running skill: an update of a running skill fails and names the " +
			"`cxone_outbound_skill_stop` action, unless `restart_to_update` is true.",
		Attributes: map[string]schema.Attribute{
			"id": framework.IDAttribute("CXone's skill ID, a whole number written as a string (for example `4000001`)."),
			"name": framework.RequiredString("Name of the skill: 2 to 30 letters, digits, hyphens (`-`), underscores (`_`), "+
				"periods (`.`) or colons (`:`), unique among all skills of the business unit, active or not.", outboundSkillNameValidator()),
			"media_type": schema.StringAttribute{
				MarkdownDescription: "Media type of the skill: `digital` (the default), `email`, `sms` or `voice`. " +
					"Changing it replaces the skill.",
				Optional:      true,
				Computed:      true,
				Default:       stringdefault.StaticString("digital"),
				Validators:    []validator.String{stringvalidator.OneOf("digital", "email", "sms", "voice")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"strategy": schema.StringAttribute{
				MarkdownDescription: "Outbound strategy: `personal_connection` (the default) or `manual`. Only a " +
					"Personal Connection skill has `schedule`, `retry` and `time_zones`. Changing it replaces the skill.",
				Optional:      true,
				Computed:      true,
				Default:       stringdefault.StaticString("personal_connection"),
				Validators:    []validator.String{stringvalidator.OneOf("personal_connection", "manual")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"campaign_id": schema.StringAttribute{
				MarkdownDescription: "ID of the campaign the skill reports to (a `cxone_campaign`). Without it CXone " +
					"puts the skill in its default campaign, which this attribute then shows. Removing it from the " +
					"configuration leaves the skill's campaign as it is.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.String{numericIDValidator()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"message_template_id": schema.StringAttribute{
				MarkdownDescription: "ID of the active message template the skill sends (a `cxone_message_template`). " +
					"CXone's API cannot take a template off a skill: removing it from the configuration leaves the " +
					"skill's template as it is.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.String{numericIDValidator()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"notes":               framework.OptionalEmptyString("Free-text notes on the skill."),
			"require_disposition": framework.OptionalBool("Whether an agent must choose a disposition to finish a contact.", false),
			"dispositions": schema.SetNestedAttribute{
				MarkdownDescription: "The dispositions of the skill, each once, with its priority. Written through the " +
					"skill and read back from the skill's disposition list; the set replaces the skill's dispositions. " +
					"Some live tenants ignore it: see the page's \"How CXone behaves\".",
				Optional:   true,
				Validators: []validator.Set{setvalidator.SizeAtLeast(1)},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"disposition_id": framework.RequiredString("ID of the disposition (a `cxone_disposition`).", numericIDValidator()),
					"priority": schema.Int64Attribute{
						MarkdownDescription: "Priority of the disposition on this skill, from `1` to `100`.",
						Required:            true,
						Validators:          []validator.Int64{int64validator.Between(1, 100)},
					},
				}},
			},
			"restart_to_update": schema.BoolAttribute{
				MarkdownDescription: "What an update of a running skill does. CXone cannot change a running skill: " +
					"with `false` (the default) the update fails and says to stop the skill first (the " +
					"`cxone_outbound_skill_stop` action); with `true` the provider stops the skill, updates it and " +
					"starts it again, with a warning. Messages are not sent while it is stopped. Changing only this " +
					"attribute calls no API.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"is_running": schema.BoolAttribute{
				MarkdownDescription: "Whether the skill is running (started with the `cxone_outbound_skill_start` action " +
					"or in CXone). A change here is not a change of the configuration.",
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"routing_queue_id": schema.StringAttribute{
				MarkdownDescription: "ID of the Digital Experience routing queue that mirrors a digital skill, for " +
					"`cxone_routing_queue_binding`; null for other media types. Create waits for CXone's sync.",
				Computed:      true,
				PlanModifiers: []planmodifier.String{keepOutboundQueueID{}},
			},
		},
		Blocks: map[string]schema.Block{
			"schedule": schema.SingleNestedBlock{
				MarkdownDescription: "When the skill sends: a start and end time per weekday; a day left out is off. " +
					"Without this block the skill is not scheduled. Personal Connection skills only.",
				Attributes: scheduleDayAttributes(),
			},
			"retry": schema.SingleNestedBlock{
				MarkdownDescription: "The skill's retry settings. Without this block the provider leaves them as CXone " +
					"has them; with it, every setting is managed (those left out keep CXone's value). Personal " +
					"Connection skills only.",
				Attributes: retryAttributes(),
			},
			"time_zones": schema.ListNestedBlock{
				MarkdownDescription: "The time zones the skill sends in, each with its own sending window. Without " +
					"these blocks the skill has none. Personal Connection skills only.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"name":           framework.RequiredString("CXone's standard name of the time zone, such as `Eastern Standard Time`.", timeZoneNameValidator()),
					"start":          framework.RequiredString("Start of the sending window, `HH:MM` (24-hour), before `end`.", hhmmValidator()),
					"end":            framework.RequiredString("End of the sending window, `HH:MM` (24-hour).", hhmmValidator()),
					"active_to_call": framework.OptionalBool("Whether the skill sends in this time zone.", true),
					"override_time":  framework.OptionalBool("Whether this window overrides the skill's schedule.", false),
				}},
			},
		},
	}
}

// scheduleDayAttributes are the seven optional days of the schedule block.
func scheduleDayAttributes() map[string]schema.Attribute {
	out := make(map[string]schema.Attribute, len(cxone.Weekdays))
	for _, d := range cxone.Weekdays {
		out[d] = schema.SingleNestedAttribute{
			MarkdownDescription: fmt.Sprintf("Sending hours on %s; left out, the skill does not send that day.", capitalise(d)),
			Optional:            true,
			Attributes: map[string]schema.Attribute{
				"start": framework.RequiredString("Start, `HH:MM` (24-hour), before `end`.", hhmmValidator()),
				"end":   framework.RequiredString("End, `HH:MM` (24-hour).", hhmmValidator()),
			},
		}
	}
	return out
}

// retryInt is an optional retry setting that keeps CXone's value when left out.
func retryInt(description string, lo, hi int64) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: fmt.Sprintf("%s, from `%d` to `%d`. Left out, CXone's value is kept.", description, lo, hi),
		Optional:            true,
		Computed:            true,
		Validators:          []validator.Int64{int64validator.Between(lo, hi)},
		PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseNonNullStateForUnknown()},
	}
}

func retryBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: description + " Left out, CXone's value is kept.",
		Optional:            true,
		Computed:            true,
		PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseNonNullStateForUnknown()},
	}
}

const maxRetryMinutes = 10080 // a week

func retryAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"maximum_attempts":                retryInt("Most attempts per record", 1, 100),
		"minimum_retry_minutes":           retryInt("Fewest minutes between two attempts of a record", 1, maxRetryMinutes),
		"finalize_when_exhausted":         retryBool("Whether a record that used up its attempts is finalized."),
		"load_non_fresh":                  retryBool("Whether records already attempted are loaded again."),
		"maximum_number_of_handled_calls": retryInt("Most handled contacts per record", 0, 1000),
		"restricted_calling_minutes":      retryInt("Minutes of the restricted-attempts window", 0, maxRetryMinutes),
		"restricted_calling_max_attempts": retryInt("Most attempts within the restricted window", 0, 100),
		"general_stale_minutes":           retryInt("Minutes after which a record is stale", 0, maxRetryMinutes),
		"callback_rest_minutes":           retryInt("Minutes between callback attempts", 0, maxRetryMinutes),
		"release_agent_specific_calls":    retryBool("Whether records held for one agent are released to others."),
		"maximum_number_of_callbacks":     retryInt("Most callbacks per record", 0, 100),
		"callback_stale_minutes":          retryInt("Minutes after which a callback is stale", 0, maxRetryMinutes),
	}
}

// CreateObject creates the skill, or adopts an inactive one of the same name, writes its
// parameter groups and, for a digital skill, waits for its routing queue.
func (r *outboundSkillResource) CreateObject(ctx context.Context, w *framework.Write[outboundSkillModel]) (outboundSkillModel, error) {
	plan := w.Plan
	name := plan.Name.ValueString()
	in, diags := expandOutboundSkill(ctx, plan)
	w.Diags.Append(diags...)
	if w.Diags.HasError() {
		return plan, nil
	}
	skill, err := r.Client.CreateOutboundSkill(ctx, in)
	if cxone.IsConflict(err) {
		skill = r.adoptInactiveSkill(ctx, name, in, w.Diags)
	} else if err != nil {
		addCreateError(w.Diags, outboundSkillType, strconv.Quote(name),
			fmt.Sprintf("the cxone_outbound_skill data source (name = %q)", name), err)
	}
	if skill == nil {
		return plan, nil
	}
	id := skill.SkillID
	// From here on the skill exists: a failure keeps it in the state (tainted) rather
	// than losing track of it.
	keep := func(err error, doing string) (outboundSkillModel, error) {
		m, rerr := r.read(ctx, id, plan, false)
		if rerr == nil {
			w.Save(m)
		}
		addAPIError(w.Diags, "Create", outboundSkillType, fmt.Sprintf("%q (ID %d)", name, id),
			fmt.Errorf("the skill was created, but %s failed (it is kept in the state, tainted, and the next apply "+
				"replaces it): %w", doing, err))
		return plan, nil
	}
	if what, err := r.writeGroups(ctx, id, plan, nil); err != nil {
		return keep(err, what)
	}
	if skill.MediaTypeID == cxone.MediaTypeDigital && skill.RoutingQueueID == "" {
		m, err := r.read(ctx, id, plan, false)
		if err != nil {
			return keep(err, "reading it back")
		}
		w.Save(m)
		if _, err := waitForSkillSync(ctx, r.Client, id, defaultSkillCreateTimeout, defaultSyncBackoff); err != nil {
			addSyncError(w.Diags, name, id, defaultSkillCreateTimeout, err)
			return plan, nil
		}
	}
	m, err := r.read(ctx, id, plan, false)
	if err != nil {
		return keep(err, "reading it back")
	}
	return m, nil
}

// adoptInactiveSkill handles a create whose name is taken: an inactive outbound skill of
// the same media type and strategy is reactivated with the configured values and adopted,
// with a warning; anything else is an error (with the import to run for an active one).
func (r *outboundSkillResource) adoptInactiveSkill(ctx context.Context, name string, in cxone.OutboundSkillInput, diags *diag.Diagnostics) *cxone.OutboundSkill {
	existing := takenByInactive(ctx, outboundSkillRetired, name, r.Client.FindOutboundSkillByName,
		func(s *cxone.OutboundSkill) (int64, bool) { return s.SkillID, s.IsActive },
		func(s *cxone.OutboundSkill) string {
			if s.IsOutbound {
				return ""
			}
			return fmt.Sprintf("CXone already has an inbound skill named %q (ID %d). Skill names are unique among all "+
				"skills, inbound or outbound, so choose another name.", name, s.SkillID)
		}, diags)
	switch {
	case existing == nil:
		return nil
	case existing.MediaTypeID != in.MediaTypeID || existing.OutboundStrategy != in.OutboundStrategy:
		return r.retireAndCreate(ctx, existing, in, diags)
	}
	in.IsActive = new(true)
	skill, err := r.Client.UpdateOutboundSkill(ctx, existing.SkillID, in)
	if !outboundSkillRetired.reactivated(ctx, name, existing.SkillID, err, diags) {
		return nil
	}
	return skill
}

// outboundSkillRetired words the outbound skill's life cycle: CXone cannot delete skills.
var outboundSkillRetired = retiredKind{kind: outboundSkillType, typeName: "cxone_outbound_skill", noun: "outbound skill",
	plural: "skills", short: "skill", family: "skill", idKey: "skill_id", kept: ", with its history"}

// retireAndCreate creates the skill when its name belongs to an inactive skill of another
// media type or strategy, which CXone cannot change (a replace leaves one behind): the
// inactive skill is renamed "retired:<its ID>", with a warning, freeing the name.
func (r *outboundSkillResource) retireAndCreate(ctx context.Context, existing *cxone.OutboundSkill, in cxone.OutboundSkillInput, diags *diag.Diagnostics) *cxone.OutboundSkill {
	name := in.SkillName
	retired := fmt.Sprintf("retired:%d", existing.SkillID)
	old := cxone.OutboundSkillInput{SkillName: retired, Notes: existing.Notes, RequireDisposition: existing.RequireDisposition,
		CampaignID: existing.CampaignID, MessageTemplateID: existing.MessageTemplateID}
	for _, d := range existing.Dispositions {
		old.Dispositions = append(old.Dispositions, cxone.SkillDispositionInput{DispositionID: d.DispositionID, Priority: d.Priority})
	}
	if _, err := r.Client.UpdateOutboundSkill(ctx, existing.SkillID, old); err != nil {
		addAPIError(diags, "Create", outboundSkillType, strconv.Quote(name),
			fmt.Errorf("the name belongs to inactive skill %d of another media type or strategy, and renaming it "+
				"to %q to free the name failed: %w", existing.SkillID, retired, err))
		return nil
	}
	diags.AddWarning("Renamed Inactive Outbound Skill",
		fmt.Sprintf("CXone had an inactive outbound skill named %q (ID %d) of media type %s and strategy %q, probably "+
			"the one this resource replaced: CXone cannot delete skills nor change those two, and names are unique. It "+
			"has been renamed %q so that the new skill can take the name.", name, existing.SkillID,
			outboundMediaLabel(existing), existing.OutboundStrategy, retired))
	skill, err := r.Client.CreateOutboundSkill(ctx, in)
	if err != nil {
		addCreateError(diags, outboundSkillType, strconv.Quote(name),
			fmt.Sprintf("the cxone_outbound_skill data source (name = %q)", name), err)
		return nil
	}
	return skill
}

// ReadObject reads the skill, its dispositions and its parameter groups. An inactive skill
// is what destroy leaves behind: it counts as gone, so the next apply reactivates it.
func (r *outboundSkillResource) ReadObject(ctx context.Context, state outboundSkillModel, diags *diag.Diagnostics) (outboundSkillModel, error) {
	id, ok := r.idOf(state, "Read", diags)
	if !ok {
		return state, nil
	}
	// A state with no name is an import's: the retry settings are then read too, so
	// the imported skill is described whole.
	m, err := r.read(ctx, id, state, state.Name.IsNull())
	var notOutbound *notOutboundError
	if errors.As(err, &notOutbound) {
		diags.AddError("Unable to Read Outbound Skill", notOutbound.Error())
		return state, nil
	}
	return m, err
}

// notOutboundError is a skill this resource does not manage.
type notOutboundError struct{ msg string }

func (e *notOutboundError) Error() string { return e.msg }

// read reads skill id whole into a model based on prior (whose retry block says whether
// the retry settings are managed, unless fillRetry). An inactive skill is a *framework.Gone.
// The skill and its parameter groups come from the operation's lists (readcache), a skill
// absent from them from its own read; its dispositions are listed per skill, as CXone has
// no list of them all.
func (r *outboundSkillResource) read(ctx context.Context, id int64, prior outboundSkillModel, fillRetry bool) (outboundSkillModel, error) {
	skill, err := r.Client.OutboundSkill(ctx, id)
	if err != nil {
		return prior, err
	}
	return r.readFrom(ctx, skill, prior, fillRetry)
}

// readFrom is read with the skill itself already read (or listed): it adds the skill's
// dispositions and parameter groups.
func (r *outboundSkillResource) readFrom(ctx context.Context, skill *cxone.OutboundSkill, prior outboundSkillModel, fillRetry bool) (outboundSkillModel, error) {
	id := skill.SkillID
	object := skillObject(prior.Name, id)
	if _, ok := outboundMediaTypeOf(skill.MediaTypeID); !ok || !skill.IsOutbound {
		return prior, &notOutboundError{fmt.Sprintf("Skill %d is not an outbound skill of a media type this resource "+
			"manages (it is %s, outbound %t); cxone_outbound_skill manages outbound digital, email, SMS and voice skills.",
			id, outboundMediaLabel(skill), skill.IsOutbound)}
	}
	if _, ok := outboundStrategyOf(skill.OutboundStrategy); !ok {
		return prior, &notOutboundError{fmt.Sprintf("Skill %d has the outbound strategy %q; cxone_outbound_skill "+
			"manages Personal Connection and Manual skills.", id, skill.OutboundStrategy)}
	}
	if !skill.IsActive {
		return prior, outboundSkillRetired.inactive(object)
	}
	disps, err := r.Client.ListSkillDispositions(ctx, id)
	if err != nil {
		return prior, err
	}
	var params *cxone.SkillParameters
	if skill.OutboundStrategy == cxone.StrategyPersonalConnection {
		if params, err = r.Client.SkillParameters(ctx, id); err != nil {
			return prior, err
		}
	}
	return flattenOutboundSkill(skill, disps, params, prior, fillRetry), nil
}

// UpdateObject writes the plan to the skill. A running skill is refused, or stopped,
// updated and started again when restart_to_update is true.
func (r *outboundSkillResource) UpdateObject(ctx context.Context, w *framework.Write[outboundSkillModel]) (outboundSkillModel, error) {
	plan, state := w.Plan, w.State
	id, ok := r.idOf(state, "Update", w.Diags)
	if !ok {
		return plan, nil
	}
	if outboundSkillOnlyRestartChanged(plan, state) {
		plan.IsRunning, plan.RoutingQueueID = state.IsRunning, state.RoutingQueueID
		return plan, nil
	}
	in, diags := expandOutboundSkill(ctx, plan)
	w.Diags.Append(diags...)
	if w.Diags.HasError() {
		return plan, nil
	}
	current, err := r.Client.GetOutboundSkill(ctx, id)
	if err != nil {
		return plan, err
	}
	object := skillObject(plan.Name, id)
	restart := false
	if current.IsRunning {
		if !plan.RestartToUpdate.ValueBool() {
			w.Diags.AddError("Outbound Skill Is Running",
				fmt.Sprintf("Outbound skill %s is running, and CXone cannot change a running skill. Stop it first "+
					"with the cxone_outbound_skill_stop action (an action block with skill_id = %d, run with "+
					"terraform apply -invoke=action.cxone_outbound_skill_stop.<name>), apply, then start it again with "+
					"cxone_outbound_skill_start; or set restart_to_update = true in this resource to let the provider "+
					"stop the skill, update it and start it again.", object, id))
			return plan, nil
		}
		if err := r.Client.StopSkill(ctx, id, false); err != nil {
			return plan, fmt.Errorf("the skill is running and stopping it before the update failed: %w", err)
		}
		restart = true
	}
	in.IsActive = new(true)
	if _, err := r.Client.UpdateOutboundSkill(ctx, id, in); err != nil {
		return plan, r.restartAfter(ctx, id, restart, err, w.Diags)
	}
	if what, err := r.writeGroups(ctx, id, plan, &state); err != nil {
		return plan, r.restartAfter(ctx, id, restart, fmt.Errorf("%s failed: %w", what, err), w.Diags)
	}
	if err := r.restartAfter(ctx, id, restart, nil, w.Diags); err != nil {
		return plan, err
	}
	if restart {
		w.Diags.AddWarning("Restarted Outbound Skill",
			fmt.Sprintf("Outbound skill %s was running: it was stopped, updated and started again "+
				"(restart_to_update = true).", object))
	}
	return r.read(ctx, id, plan, false)
}

// restartAfter starts a skill that the update stopped, and returns the update's error
// (or the start's, when the update succeeded).
func (r *outboundSkillResource) restartAfter(ctx context.Context, id int64, restart bool, updateErr error, diags *diag.Diagnostics) error {
	if !restart {
		return updateErr
	}
	err := r.Client.StartSkill(ctx, id)
	switch {
	case err != nil && updateErr != nil:
		diags.AddWarning("Outbound Skill Left Stopped",
			fmt.Sprintf("The update of skill %d failed, and starting it again failed too: %s", id, err))
		return updateErr
	case err != nil:
		return fmt.Errorf("the skill was updated, but starting it again failed (it is stopped): %w", err)
	}
	return updateErr
}

// DeleteObject stops a running skill (with a warning), then deactivates it: CXone has no
// delete for skills.
func (r *outboundSkillResource) DeleteObject(ctx context.Context, state outboundSkillModel, diags *diag.Diagnostics) error {
	id, ok := r.idOf(state, "Delete", diags)
	if !ok {
		return nil
	}
	current, err := r.Client.GetOutboundSkill(ctx, id)
	if err != nil {
		return err
	}
	if !current.IsActive {
		return nil
	}
	if current.IsRunning {
		if err := r.Client.StopSkill(ctx, id, false); err != nil {
			return fmt.Errorf("the skill is running and stopping it failed: %w", err)
		}
		diags.AddWarning("Stopped Running Outbound Skill",
			fmt.Sprintf("Outbound skill %s was running: CXone cannot deactivate a running skill, so it was stopped "+
				"(agents finish their current interactions) and then deactivated.", skillObject(state.Name, id)))
	}
	return r.Client.SetOutboundSkillActive(ctx, id, false)
}

// writeGroups writes the parameter groups that the plan sets and prior (nil on create)
// does not hold already. It names the group that failed.
func (r *outboundSkillResource) writeGroups(ctx context.Context, id int64, plan outboundSkillModel, prior *outboundSkillModel) (string, error) {
	if plan.Strategy.ValueString() != "personal_connection" {
		return "", nil
	}
	if (prior == nil && !plan.Schedule.IsNull()) || (prior != nil && !plan.Schedule.Equal(prior.Schedule)) {
		if err := r.Client.UpdateSkillScheduleSettings(ctx, id, expandSchedule(ctx, plan.Schedule)); err != nil {
			return "writing the schedule", err
		}
	}
	if !plan.Retry.IsNull() && (prior == nil || !plan.Retry.Equal(prior.Retry)) {
		if err := r.Client.UpdateSkillRetrySettings(ctx, id, expandRetry(ctx, plan.Retry)); err != nil {
			return "writing the retry settings", err
		}
	}
	zones := expandTimeZones(ctx, plan.TimeZones)
	if (prior == nil && len(zones) > 0) || (prior != nil && !plan.TimeZones.Equal(prior.TimeZones)) {
		if err := r.Client.UpdateSkillTimeZones(ctx, id, zones); err != nil {
			return "writing the time zones", err
		}
	}
	return "", nil
}

// outboundMediaLabel names a skill's media type for messages.
func outboundMediaLabel(s *cxone.OutboundSkill) string {
	if s.MediaTypeName != "" {
		return s.MediaTypeName
	}
	return "media type " + strconv.Itoa(s.MediaTypeID)
}

// outboundSkillOnlyRestartChanged reports whether the plan differs from the state in
// restart_to_update alone, which needs no call to CXone.
func outboundSkillOnlyRestartChanged(plan, state outboundSkillModel) bool {
	plan.RestartToUpdate, state.RestartToUpdate = types.BoolNull(), types.BoolNull()
	plan.IsRunning, state.IsRunning = types.BoolNull(), types.BoolNull()
	plan.RoutingQueueID, state.RoutingQueueID = types.StringNull(), types.StringNull()
	return outboundSkillModelsEqual(plan, state)
}

func outboundSkillModelsEqual(a, b outboundSkillModel) bool {
	return a.ID.Equal(b.ID) && a.Name.Equal(b.Name) && a.MediaType.Equal(b.MediaType) && a.Strategy.Equal(b.Strategy) &&
		a.CampaignID.Equal(b.CampaignID) && a.MessageTemplateID.Equal(b.MessageTemplateID) && a.Notes.Equal(b.Notes) &&
		a.RequireDisposition.Equal(b.RequireDisposition) && a.Dispositions.Equal(b.Dispositions) &&
		a.Schedule.Equal(b.Schedule) && a.Retry.Equal(b.Retry) && a.TimeZones.Equal(b.TimeZones)
}

// keepOutboundQueueID keeps routing_queue_id from the state on update: a synced queue
// does not change, and a skill that is not digital has none (null). A digital skill not
// synced yet (an import) keeps it unknown, so the update fills it in.
type keepOutboundQueueID struct{}

func (keepOutboundQueueID) Description(context.Context) string {
	return "Keeps the routing queue ID from the state once known."
}

func (m keepOutboundQueueID) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (keepOutboundQueueID) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || !req.PlanValue.IsUnknown() || req.StateValue.IsUnknown() {
		return
	}
	if !req.StateValue.IsNull() && req.StateValue.ValueString() == "" {
		return
	}
	resp.PlanValue = req.StateValue
}

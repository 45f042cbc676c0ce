package provider

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// The nested values of cxone_outbound_skill: their Go forms and attribute types.

type outboundDispositionModel struct {
	DispositionID types.String `tfsdk:"disposition_id"`
	Priority      types.Int64  `tfsdk:"priority"`
}

type outboundTimeZoneModel struct {
	Name         types.String `tfsdk:"name"`
	Start        types.String `tfsdk:"start"`
	End          types.String `tfsdk:"end"`
	ActiveToCall types.Bool   `tfsdk:"active_to_call"`
	OverrideTime types.Bool   `tfsdk:"override_time"`
}

type outboundRetryModel struct {
	MaximumAttempts              types.Int64 `tfsdk:"maximum_attempts"`
	MinimumRetryMinutes          types.Int64 `tfsdk:"minimum_retry_minutes"`
	FinalizeWhenExhausted        types.Bool  `tfsdk:"finalize_when_exhausted"`
	LoadNonFresh                 types.Bool  `tfsdk:"load_non_fresh"`
	MaximumNumberOfHandledCalls  types.Int64 `tfsdk:"maximum_number_of_handled_calls"`
	RestrictedCallingMinutes     types.Int64 `tfsdk:"restricted_calling_minutes"`
	RestrictedCallingMaxAttempts types.Int64 `tfsdk:"restricted_calling_max_attempts"`
	GeneralStaleMinutes          types.Int64 `tfsdk:"general_stale_minutes"`
	CallbackRestMinutes          types.Int64 `tfsdk:"callback_rest_minutes"`
	ReleaseAgentSpecificCalls    types.Bool  `tfsdk:"release_agent_specific_calls"`
	MaximumNumberOfCallbacks     types.Int64 `tfsdk:"maximum_number_of_callbacks"`
	CallbackStaleMinutes         types.Int64 `tfsdk:"callback_stale_minutes"`
}

var (
	outboundDispositionType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"disposition_id": types.StringType, "priority": types.Int64Type,
	}}
	outboundTimeZoneType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"name": types.StringType, "start": types.StringType, "end": types.StringType,
		"active_to_call": types.BoolType, "override_time": types.BoolType,
	}}
	scheduleDayType   = types.ObjectType{AttrTypes: map[string]attr.Type{"start": types.StringType, "end": types.StringType}}
	outboundRetryType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"maximum_attempts": types.Int64Type, "minimum_retry_minutes": types.Int64Type,
		"finalize_when_exhausted": types.BoolType, "load_non_fresh": types.BoolType,
		"maximum_number_of_handled_calls": types.Int64Type, "restricted_calling_minutes": types.Int64Type,
		"restricted_calling_max_attempts": types.Int64Type, "general_stale_minutes": types.Int64Type,
		"callback_rest_minutes": types.Int64Type, "release_agent_specific_calls": types.BoolType,
		"maximum_number_of_callbacks": types.Int64Type, "callback_stale_minutes": types.Int64Type,
	}}
	outboundScheduleType = func() types.ObjectType {
		t := map[string]attr.Type{}
		for _, d := range cxone.Weekdays {
			t[d] = scheduleDayType
		}
		return types.ObjectType{AttrTypes: t}
	}()
)

// idOrZero parses an optional numeric ID; null, unknown or malformed (refused at plan
// time) is 0.
func idOrZero(v types.String) int64 {
	if v.IsNull() || v.IsUnknown() {
		return 0
	}
	n, _ := strconv.ParseInt(v.ValueString(), 10, 64)
	return n
}

// idOrNull writes CXone's optional ID: 0 is null.
func idOrNull(id int64) types.String {
	if id == 0 {
		return types.StringNull()
	}
	return numericIDValue(id)
}

// expandOutboundSkill turns the plan into the skill's fields; IsActive is left nil.
func expandOutboundSkill(ctx context.Context, m outboundSkillModel) (cxone.OutboundSkillInput, diag.Diagnostics) {
	in := cxone.OutboundSkillInput{
		SkillName:          m.Name.ValueString(),
		MediaTypeID:        outboundMediaTypes[m.MediaType.ValueString()],
		OutboundStrategy:   outboundStrategies[m.Strategy.ValueString()],
		CampaignID:         idOrZero(m.CampaignID),
		MessageTemplateID:  idOrZero(m.MessageTemplateID),
		Notes:              m.Notes.ValueString(),
		RequireDisposition: m.RequireDisposition.ValueBool(),
	}
	var disps []outboundDispositionModel
	diags := m.Dispositions.ElementsAs(ctx, &disps, false)
	for _, d := range disps {
		in.Dispositions = append(in.Dispositions, cxone.SkillDispositionInput{
			DispositionID: idOrZero(d.DispositionID), Priority: int(d.Priority.ValueInt64()),
		})
	}
	return in, diags
}

// expandSchedule is the schedule group the block describes: no block is an unscheduled
// skill; a day left out is off.
func expandSchedule(_ context.Context, o types.Object) cxone.ScheduleSettings {
	var s cxone.ScheduleSettings
	if o.IsNull() || o.IsUnknown() {
		return s
	}
	s.IsScheduled = true
	days := o.Attributes()
	for i, d := range cxone.Weekdays {
		day, ok := days[d].(types.Object)
		if !ok || day.IsNull() || day.IsUnknown() {
			continue
		}
		a := day.Attributes()
		start, _ := a["start"].(types.String)
		end, _ := a["end"].(types.String)
		s.Days[i] = cxone.DaySchedule{StartTime: start.ValueString(), EndTime: end.ValueString(), IsActive: true}
	}
	return s
}

// expandRetry is the retry group of the block; settings not known (left out) are not sent.
func expandRetry(ctx context.Context, o types.Object) cxone.RetrySettings {
	var m outboundRetryModel
	o.As(ctx, &m, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true})
	i := func(v types.Int64) *int {
		if v.IsNull() || v.IsUnknown() {
			return nil
		}
		n := int(v.ValueInt64())
		return &n
	}
	b := func(v types.Bool) *bool {
		if v.IsNull() || v.IsUnknown() {
			return nil
		}
		return new(v.ValueBool())
	}
	return cxone.RetrySettings{
		MaximumAttempts: i(m.MaximumAttempts), MinimumRetryMinutes: i(m.MinimumRetryMinutes),
		FinalizeWhenExhausted: b(m.FinalizeWhenExhausted), LoadNonFresh: b(m.LoadNonFresh),
		MaximumNumberOfHandledCalls: i(m.MaximumNumberOfHandledCalls), RestrictedCallingMinutes: i(m.RestrictedCallingMinutes),
		RestrictedCallingMaxAttempts: i(m.RestrictedCallingMaxAttempts), GeneralStaleMinutes: i(m.GeneralStaleMinutes),
		CallbackRestMinutes: i(m.CallbackRestMinutes), ReleaseAgentSpecificCalls: b(m.ReleaseAgentSpecificCalls),
		MaximumNumberOfCallbacks: i(m.MaximumNumberOfCallbacks), CallbackStaleMinutes: i(m.CallbackStaleMinutes),
	}
}

// expandTimeZones is the skill's time zones, in the blocks' order.
func expandTimeZones(ctx context.Context, l types.List) []cxone.TimeZoneSetting {
	var zones []outboundTimeZoneModel
	l.ElementsAs(ctx, &zones, false)
	out := make([]cxone.TimeZoneSetting, 0, len(zones))
	for _, z := range zones {
		out = append(out, cxone.TimeZoneSetting{StandardName: z.Name.ValueString(), StartTime: z.Start.ValueString(),
			EndTime: z.End.ValueString(), TimeZoneActiveToCall: z.ActiveToCall.ValueBool(), OverrideTime: z.OverrideTime.ValueBool()})
	}
	return out
}

// flattenOutboundSkill builds the model of a skill as CXone holds it. restart_to_update
// comes from prior; the retry block is read when prior manages it or fillRetry says so
// (an import, a listed skill).
func flattenOutboundSkill(s *cxone.OutboundSkill, disps []cxone.SkillDisposition, params *cxone.SkillParameters,
	prior outboundSkillModel, fillRetry bool) outboundSkillModel {
	mediaType, _ := outboundMediaTypeOf(s.MediaTypeID)
	strategy, _ := outboundStrategyOf(s.OutboundStrategy)
	m := outboundSkillModel{
		ID:                 numericIDValue(s.SkillID),
		Name:               types.StringValue(s.SkillName),
		MediaType:          types.StringValue(mediaType),
		Strategy:           types.StringValue(strategy),
		CampaignID:         idOrNull(s.CampaignID),
		MessageTemplateID:  idOrNull(s.MessageTemplateID),
		Notes:              types.StringValue(s.Notes),
		RequireDisposition: types.BoolValue(s.RequireDisposition),
		RestartToUpdate:    prior.RestartToUpdate,
		IsRunning:          types.BoolValue(s.IsRunning),
		RoutingQueueID:     types.StringNull(),
		Dispositions:       types.SetNull(outboundDispositionType),
		Schedule:           types.ObjectNull(outboundScheduleType.AttrTypes),
		Retry:              types.ObjectNull(outboundRetryType.AttrTypes),
		TimeZones:          types.ListValueMust(outboundTimeZoneType, []attr.Value{}),
	}
	if m.RestartToUpdate.IsNull() || m.RestartToUpdate.IsUnknown() {
		m.RestartToUpdate = types.BoolValue(false)
	}
	if s.MediaTypeID == cxone.MediaTypeDigital {
		m.RoutingQueueID = types.StringValue(s.RoutingQueueID)
	}
	if len(disps) > 0 {
		elems := make([]attr.Value, 0, len(disps))
		for _, d := range disps {
			elems = append(elems, types.ObjectValueMust(outboundDispositionType.AttrTypes, map[string]attr.Value{
				"disposition_id": numericIDValue(d.DispositionID),
				"priority":       types.Int64Value(int64(d.DisplayOrder)),
			}))
		}
		m.Dispositions = types.SetValueMust(outboundDispositionType, elems)
	}
	if params == nil {
		return m
	}
	if sch := params.ScheduleSettings; sch != nil && sch.IsScheduled {
		days := map[string]attr.Value{}
		for i, d := range cxone.Weekdays {
			days[d] = types.ObjectNull(scheduleDayType.AttrTypes)
			if day := sch.Days[i]; day.IsActive {
				days[d] = types.ObjectValueMust(scheduleDayType.AttrTypes, map[string]attr.Value{
					"start": types.StringValue(day.StartTime), "end": types.StringValue(day.EndTime),
				})
			}
		}
		m.Schedule = types.ObjectValueMust(outboundScheduleType.AttrTypes, days)
	}
	if r := params.RetrySettings; r != nil && (fillRetry || (!prior.Retry.IsNull() && !prior.Retry.IsUnknown())) {
		m.Retry = flattenRetry(r)
	}
	zones := make([]attr.Value, 0, len(params.TimeZoneSettings))
	for _, z := range params.TimeZoneSettings {
		zones = append(zones, types.ObjectValueMust(outboundTimeZoneType.AttrTypes, map[string]attr.Value{
			"name": types.StringValue(z.StandardName), "start": types.StringValue(z.StartTime), "end": types.StringValue(z.EndTime),
			"active_to_call": types.BoolValue(z.TimeZoneActiveToCall), "override_time": types.BoolValue(z.OverrideTime),
		}))
	}
	m.TimeZones = types.ListValueMust(outboundTimeZoneType, zones)
	return m
}

// flattenRetry is the retry block of CXone's group; a setting CXone leaves out is 0 or false.
func flattenRetry(r *cxone.RetrySettings) types.Object {
	i := func(p *int) attr.Value {
		if p == nil {
			return types.Int64Value(0)
		}
		return types.Int64Value(int64(*p))
	}
	b := func(p *bool) attr.Value { return types.BoolValue(p != nil && *p) }
	return types.ObjectValueMust(outboundRetryType.AttrTypes, map[string]attr.Value{
		"maximum_attempts": i(r.MaximumAttempts), "minimum_retry_minutes": i(r.MinimumRetryMinutes),
		"finalize_when_exhausted": b(r.FinalizeWhenExhausted), "load_non_fresh": b(r.LoadNonFresh),
		"maximum_number_of_handled_calls": i(r.MaximumNumberOfHandledCalls), "restricted_calling_minutes": i(r.RestrictedCallingMinutes),
		"restricted_calling_max_attempts": i(r.RestrictedCallingMaxAttempts), "general_stale_minutes": i(r.GeneralStaleMinutes),
		"callback_rest_minutes": i(r.CallbackRestMinutes), "release_agent_specific_calls": b(r.ReleaseAgentSpecificCalls),
		"maximum_number_of_callbacks": i(r.MaximumNumberOfCallbacks), "callback_stale_minutes": i(r.CallbackStaleMinutes),
	})
}

// The plan-time checks of cxone_outbound_skill.

var (
	outboundSkillNameRE = regexp.MustCompile(`^[A-Za-z0-9_.:-]{2,30}$`)
	hhmmRE              = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)
	timeZoneNameRE      = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9 .,()+'/_-]{0,63}$`)
)

func outboundSkillNameValidator() validator.String {
	return stringvalidator.RegexMatches(outboundSkillNameRE,
		"must be 2 to 30 characters, each a letter, a digit, a hyphen (-), an underscore (_), a period (.) or a colon (:)")
}

func hhmmValidator() validator.String {
	return stringvalidator.RegexMatches(hhmmRE, "must be a time of day HH:MM, from 00:00 to 23:59")
}

func timeZoneNameValidator() validator.String {
	return stringvalidator.All(stringvalidator.RegexMatches(timeZoneNameRE,
		"must be CXone's standard name of a time zone, such as \"Eastern Standard Time\": a letter, then up to 63 "+
			"letters, digits, spaces or . , ( ) + ' / _ - characters"), notBlankValidator())
}

// capitalise writes a weekday as a sentence names it.
func capitalise(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// ValidateConfig checks what no single attribute can: the parameter groups belong to
// Personal Connection skills, each window starts before it ends, and a disposition or a
// time zone appears once.
func (r *outboundSkillResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m outboundSkillModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if m.Strategy.ValueString() == "manual" {
		for name, set := range map[string]bool{
			"schedule": !m.Schedule.IsNull(), "retry": !m.Retry.IsNull(),
			"time_zones": !m.TimeZones.IsNull() && !m.TimeZones.IsUnknown() && len(m.TimeZones.Elements()) > 0,
		} {
			if set {
				resp.Diagnostics.AddAttributeError(path.Root(name), "Invalid Attribute Combination",
					fmt.Sprintf("%s applies to Personal Connection skills only, and strategy is \"manual\". Remove it, "+
						"or set strategy = \"personal_connection\".", name))
			}
		}
	}
	if !m.Schedule.IsNull() && !m.Schedule.IsUnknown() {
		for _, d := range cxone.Weekdays {
			if day, ok := m.Schedule.Attributes()[d].(types.Object); ok && !day.IsNull() && !day.IsUnknown() {
				checkWindow(day.Attributes(), path.Root("schedule").AtName(d), &resp.Diagnostics)
			}
		}
	}
	if !m.TimeZones.IsNull() && !m.TimeZones.IsUnknown() {
		seen := map[string]bool{}
		for i, e := range m.TimeZones.Elements() {
			z, ok := e.(types.Object)
			if !ok || z.IsNull() || z.IsUnknown() {
				continue
			}
			p := path.Root("time_zones").AtListIndex(i)
			checkWindow(z.Attributes(), p, &resp.Diagnostics)
			if name, ok := z.Attributes()["name"].(types.String); ok && !name.IsNull() && !name.IsUnknown() {
				if seen[name.ValueString()] {
					resp.Diagnostics.AddAttributeError(p.AtName("name"), "Duplicate Time Zone",
						fmt.Sprintf("time_zones names %q more than once; each time zone has one window.", name.ValueString()))
				}
				seen[name.ValueString()] = true
			}
		}
	}
	if !m.Dispositions.IsNull() && !m.Dispositions.IsUnknown() {
		seen := map[string]bool{}
		for _, e := range m.Dispositions.Elements() {
			d, ok := e.(types.Object)
			if !ok || d.IsNull() || d.IsUnknown() {
				continue
			}
			if id, ok := d.Attributes()["disposition_id"].(types.String); ok && !id.IsNull() && !id.IsUnknown() {
				if seen[id.ValueString()] {
					resp.Diagnostics.AddAttributeError(path.Root("dispositions"), "Duplicate Disposition",
						fmt.Sprintf("dispositions lists disposition_id %s more than once; a disposition has one "+
							"priority on a skill.", id.ValueString()))
				}
				seen[id.ValueString()] = true
			}
		}
	}
}

// checkWindow checks that start is before end in a window whose times are known and
// well formed (the attributes' own validators report the others).
func checkWindow(a map[string]attr.Value, p path.Path, diags *diag.Diagnostics) {
	start, ok1 := a["start"].(types.String)
	end, ok2 := a["end"].(types.String)
	if !ok1 || !ok2 || start.IsNull() || start.IsUnknown() || end.IsNull() || end.IsUnknown() ||
		!hhmmRE.MatchString(start.ValueString()) || !hhmmRE.MatchString(end.ValueString()) {
		return
	}
	if start.ValueString() >= end.ValueString() {
		diags.AddAttributeError(p.AtName("end"), "Invalid Time Window",
			fmt.Sprintf("%s must be after start (%s), got: %s.", p.AtName("end"), start.ValueString(), end.ValueString()))
	}
}

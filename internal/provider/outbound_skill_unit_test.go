package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// A skill as CXone reads it, flattened and expanded again, is what CXone holds.
func TestOutboundSkill_flattenExpandRoundTrip(t *testing.T) {
	ctx := context.Background()
	three, sixty, yes := 3, 60, true
	skill := &cxone.OutboundSkill{SkillID: 4000001, SkillName: "Launch", MediaTypeID: cxone.MediaTypeDigital, IsActive: true,
		IsOutbound: true, OutboundStrategy: cxone.StrategyPersonalConnection, CampaignID: 7, Notes: "n", RoutingQueueID: "40000000001"}
	params := &cxone.SkillParameters{
		ScheduleSettings: &cxone.ScheduleSettings{IsScheduled: true, Days: [7]cxone.DaySchedule{
			1: {StartTime: "09:00", EndTime: "17:00", IsActive: true}, 2: {StartTime: "00:00", EndTime: "00:00"},
		}},
		RetrySettings:    &cxone.RetrySettings{MaximumAttempts: &three, MinimumRetryMinutes: &sixty, FinalizeWhenExhausted: &yes},
		TimeZoneSettings: []cxone.TimeZoneSetting{{StandardName: "UTC", StartTime: "08:00", EndTime: "20:00", TimeZoneActiveToCall: true}},
	}
	disps := []cxone.SkillDisposition{{DispositionID: 11, DisplayOrder: 2}}
	m := flattenOutboundSkill(skill, disps, params, outboundSkillModel{}, true)
	if m.MediaType.ValueString() != "digital" || m.Strategy.ValueString() != "personal_connection" ||
		m.CampaignID.ValueString() != "7" || !m.MessageTemplateID.IsNull() || m.RestartToUpdate.ValueBool() ||
		m.RoutingQueueID.ValueString() != "40000000001" {
		t.Errorf("flattened %+v", m)
	}
	if got := expandSchedule(ctx, m.Schedule); !got.IsScheduled || got.Days[2].IsActive || got.Days[1].StartTime != "09:00" {
		t.Errorf("schedule %+v", got)
	}
	r := expandRetry(ctx, m.Retry)
	if *r.MaximumAttempts != 3 || *r.MinimumRetryMinutes != 60 || !*r.FinalizeWhenExhausted || *r.CallbackRestMinutes != 0 {
		t.Errorf("retry %+v", r)
	}
	if z := expandTimeZones(ctx, m.TimeZones); len(z) != 1 || z[0] != params.TimeZoneSettings[0] {
		t.Errorf("time zones %+v", z)
	}
	in, diags := expandOutboundSkill(ctx, m)
	if diags.HasError() || in.MediaTypeID != cxone.MediaTypeDigital || in.OutboundStrategy != cxone.StrategyPersonalConnection ||
		in.CampaignID != 7 || len(in.Dispositions) != 1 || in.Dispositions[0] != (cxone.SkillDispositionInput{DispositionID: 11, Priority: 2}) {
		t.Errorf("expanded %+v %v", in, diags)
	}
}

// The retry block is read only when managed (or on import), and a skill that is not
// digital has no routing queue.
func TestOutboundSkill_flattenUnmanagedRetry(t *testing.T) {
	three := 3
	skill := &cxone.OutboundSkill{SkillID: 1, SkillName: "Launch", MediaTypeID: 7, IsActive: true, IsOutbound: true,
		OutboundStrategy: cxone.StrategyManual}
	params := &cxone.SkillParameters{RetrySettings: &cxone.RetrySettings{MaximumAttempts: &three}}
	m := flattenOutboundSkill(skill, nil, params, outboundSkillModel{RestartToUpdate: types.BoolValue(true)}, false)
	if !m.Retry.IsNull() || !m.Schedule.IsNull() || !m.Dispositions.IsNull() || !m.RoutingQueueID.IsNull() ||
		len(m.TimeZones.Elements()) != 0 || !m.RestartToUpdate.ValueBool() || m.MediaType.ValueString() != "sms" {
		t.Errorf("flattened %+v", m)
	}
	if s := expandSchedule(context.Background(), m.Schedule); s.IsScheduled {
		t.Errorf("no schedule block is unscheduled, got %+v", s)
	}
}

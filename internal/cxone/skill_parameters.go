package cxone

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// The parameter groups of a Personal Connection skill (outbound-api.md §4.2): read together
// through GET /skills/{id}/parameters, written one group at a time, each PUT with its own
// wrapper. Fields are pointers: nil is left out of a write, and absent from a read.
// Cadence and list management (no GET) and CPA and XS (voice only) are not modelled.

// SkillParameters is the aggregate read of a skill's groups.
type SkillParameters struct {
	SkillName        string            `json:"skillName"`
	GeneralSettings  *GeneralSettings  `json:"generalSettings"`
	RetrySettings    *RetrySettings    `json:"retrySettings"`
	ScheduleSettings *ScheduleSettings `json:"scheduleSettings"`
	TimeZoneSettings []TimeZoneSetting `json:"timeZoneSettings"`
}

// GeneralSettings is the general group. CXone's spec types aggressiveness as a string in
// this group and a number in the aggregate, and waitTimeFactor as a number in one and a
// boolean in the other: both are read either way and sent as numbers.
type GeneralSettings struct {
	MinimumRetryMinutes                    *int     `json:"minimumRetryMinutes,omitempty"`
	MaximumAttempts                        *int     `json:"maximumAttempts,omitempty"`
	LoadCallbacks                          *bool    `json:"loadCallbacks,omitempty"`
	LoadFresh                              *bool    `json:"loadFresh,omitempty"`
	LoadNonFresh                           *bool    `json:"loadNonFresh,omitempty"`
	MaximumRingingDuration                 *int     `json:"maximumRingingDuration,omitempty"`
	Aggressiveness                         *float64 `json:"aggressiveness,omitempty"`
	WaitTimeFactor                         *float64 `json:"waitTimeFactor,omitempty"`
	MaxWaitTimeSeconds                     *int     `json:"maxWaitTimeSeconds,omitempty"`
	ConsecutiveAttemptsWithoutALiveConnect *int     `json:"consecutiveAttemptsWithoutALiveConnect,omitempty"`
	NotifyAgentsWhenListIsEmpty            *bool    `json:"notifyAgentsWhenListIsEmpty,omitempty"`
	EndOfListNotificationsDelay            *int     `json:"endOfListNotificationsDelay,omitempty"`
	MaxConcurrentCallsPerAgent             *int     `json:"maxConcurrentCallsPerAgent,omitempty"`
	DeliverCallbacksOnDNCHolidays          *bool    `json:"deliverCallbacksOnDNCHolidays,omitempty"`
	DeliverPrioritiesOnDNCHolidays         *bool    `json:"deliverPrioritiesOnDNCHolidays,omitempty"`
}

// UnmarshalJSON reads the group, accepting aggressiveness as a number or a numeric string
// and waitTimeFactor as a number or a boolean (true is 1).
func (g *GeneralSettings) UnmarshalJSON(b []byte) error {
	type plain GeneralSettings
	aux := struct {
		*plain
		Aggressiveness json.RawMessage `json:"aggressiveness"`
		WaitTimeFactor json.RawMessage `json:"waitTimeFactor"`
	}{plain: (*plain)(g)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	var err error
	if g.Aggressiveness, err = flexNumber(aux.Aggressiveness); err != nil {
		return fmt.Errorf("aggressiveness: %w", err)
	}
	if g.WaitTimeFactor, err = flexNumber(aux.WaitTimeFactor); err != nil {
		return fmt.Errorf("waitTimeFactor: %w", err)
	}
	return nil
}

// flexNumber reads a number, a numeric string or a boolean (1 or 0); absent or null is nil.
func flexNumber(raw json.RawMessage) (*float64, error) {
	s := strings.TrimSpace(string(raw))
	switch {
	case s == "" || s == "null":
		return nil, nil
	case s == "true" || s == "false":
		v := 0.0
		if s == "true" {
			v = 1
		}
		return &v, nil
	case strings.HasPrefix(s, `"`):
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return nil, fmt.Errorf("expected a number, got %.40s", raw)
	}
	return &v, nil
}

// RetrySettings is the retry group.
type RetrySettings struct {
	LoadNonFresh                 *bool `json:"loadNonFresh,omitempty"`
	FinalizeWhenExhausted        *bool `json:"finalizeWhenExhausted,omitempty"`
	MaximumAttempts              *int  `json:"maximumAttempts,omitempty"`
	MinimumRetryMinutes          *int  `json:"minimumRetryMinutes,omitempty"`
	MaximumNumberOfHandledCalls  *int  `json:"maximumNumberOfHandledCalls,omitempty"`
	RestrictedCallingMinutes     *int  `json:"restrictedCallingMinutes,omitempty"`
	RestrictedCallingMaxAttempts *int  `json:"restrictedCallingMaxAttempts,omitempty"`
	GeneralStaleMinutes          *int  `json:"generalStaleMinutes,omitempty"`
	CallbackRestMinutes          *int  `json:"callbackRestMinutes,omitempty"`
	ReleaseAgentSpecificCalls    *bool `json:"releaseAgentSpecificCalls,omitempty"`
	MaximumNumberOfCallbacks     *int  `json:"maximumNumberOfCallbacks,omitempty"`
	CallbackStaleMinutes         *int  `json:"callbackStaleMinutes,omitempty"`
}

// Weekdays name the days of ScheduleSettings.Days as CXone's field names begin, Sunday
// first.
var Weekdays = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// DaySchedule is one day of the schedule: times are HH:MM; an inactive day is not dialled.
type DaySchedule struct {
	StartTime string
	EndTime   string
	IsActive  bool
}

// ScheduleSettings is the schedule group. CXone writes it flat ({day}StartTime,
// {day}EndTime, {day}IsActive); Days holds the days in Weekdays order.
type ScheduleSettings struct {
	IsScheduled bool
	Days        [7]DaySchedule
}

// MarshalJSON writes the flat fields. A time left empty is written "00:00", as CXone's
// UI and live clients write the times of a day that is off.
func (s ScheduleSettings) MarshalJSON() ([]byte, error) {
	m := map[string]any{"isScheduled": s.IsScheduled}
	for i, d := range Weekdays {
		m[d+"StartTime"], m[d+"EndTime"] = timeOrMidnight(s.Days[i].StartTime), timeOrMidnight(s.Days[i].EndTime)
		m[d+"IsActive"] = s.Days[i].IsActive
	}
	return json.Marshal(m)
}

func timeOrMidnight(t string) string {
	if t == "" {
		return "00:00"
	}
	return t
}

// UnmarshalJSON reads the flat fields (names matched without regard to case).
func (s *ScheduleSettings) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	read := func(key string, out any) error {
		if v := lookupFold(m, key); len(v) > 0 && string(v) != "null" {
			if err := json.Unmarshal(v, out); err != nil {
				return fmt.Errorf("%s: %w", key, err)
			}
		}
		return nil
	}
	if err := read("isScheduled", &s.IsScheduled); err != nil {
		return err
	}
	for i, d := range Weekdays {
		for key, out := range map[string]any{d + "StartTime": &s.Days[i].StartTime, d + "EndTime": &s.Days[i].EndTime, d + "IsActive": &s.Days[i].IsActive} {
			if err := read(key, out); err != nil {
				return err
			}
		}
	}
	return nil
}

// TimeZoneSetting is one time zone of a skill. A PUT names it by standardName; the
// aggregate read names it by name (and description), which is read into StandardName.
type TimeZoneSetting struct {
	StandardName         string `json:"standardName"`
	StartTime            string `json:"startTime"`
	EndTime              string `json:"endTime"`
	TimeZoneActiveToCall bool   `json:"timeZoneActiveToCall"`
	OverrideTime         bool   `json:"overrideTime"`
}

// UnmarshalJSON reads standardName, or name when it is absent.
func (z *TimeZoneSetting) UnmarshalJSON(b []byte) error {
	type plain TimeZoneSetting
	aux := struct {
		*plain
		Name string `json:"name"`
	}{plain: (*plain)(z)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if z.StandardName == "" {
		z.StandardName = aux.Name
	}
	if z.StandardName == "" {
		return fmt.Errorf("a time zone has neither standardName nor name")
	}
	return nil
}

// GetSkillParameters reads a skill's parameter groups (GET /skills/{id}/parameters); an
// unknown id is an error for which IsNotFound is true. An answer holding none of the
// groups is an error.
func (c *Client) GetSkillParameters(ctx context.Context, skillID int64) (*SkillParameters, error) {
	p, err := getDecoded(ctx, c, idPath("/skills", skillID)+"/parameters", nil, unmarshalAs[SkillParameters],
		"reading the parameters of skill %d", skillID)
	if err != nil {
		return nil, err
	}
	if p.GeneralSettings == nil && p.RetrySettings == nil && p.ScheduleSettings == nil && p.TimeZoneSettings == nil {
		return nil, fmt.Errorf("reading the parameters of skill %d: CXone's answer holds none of the parameter groups", skillID)
	}
	return &p, nil
}

// ListSkillParameters reads the parameter groups of every skill that has them in one
// request (GET /skills/parameters, documented [S2] as the aggregate of each skill under
// {skills: [...]}), keyed by the skill id each item's skillNo holds (a number or a
// string). The spec documents no paging for it: a skill absent from the answer is for the
// caller to read on its own (GetSkillParameters). An item without a skillNo is an error.
func (c *Client) ListSkillParameters(ctx context.Context) (map[int64]SkillParameters, error) {
	type item struct {
		SkillParameters
		SkillNo flexString `json:"skillNo"`
	}
	items, err := getDecoded(ctx, c, "/skills/parameters", nil, listOf("skills", func(it *item) string {
		if _, err := strconv.ParseInt(string(it.SkillNo), 10, 64); err != nil {
			return "has no skillNo"
		}
		return ""
	}), "reading the parameters of every skill")
	if err != nil {
		return nil, err
	}
	out := make(map[int64]SkillParameters, len(items))
	for _, it := range items {
		id, _ := strconv.ParseInt(string(it.SkillNo), 10, 64) // checked above
		out[id] = it.SkillParameters
	}
	return out, nil
}

// putParameterGroup sends PUT /skills/{id}/parameters/{group} with body.
func (c *Client) putParameterGroup(ctx context.Context, skillID int64, group string, body any) error {
	path := idPath("/skills", skillID) + "/parameters/" + group
	return failed(adminCall(ctx, c, http.MethodPut, path, nil, body, true, nil), "updating the %s of skill %d", group, skillID)
}

// UpdateSkillGeneralSettings writes the general group ({generalSettings: ...}); fields left
// nil are not sent.
func (c *Client) UpdateSkillGeneralSettings(ctx context.Context, skillID int64, s GeneralSettings) error {
	return c.putParameterGroup(ctx, skillID, "general-settings", map[string]GeneralSettings{"generalSettings": s})
}

// UpdateSkillRetrySettings writes the retry group ({retrySettings: ...}).
func (c *Client) UpdateSkillRetrySettings(ctx context.Context, skillID int64, s RetrySettings) error {
	return c.putParameterGroup(ctx, skillID, "retry-settings", map[string]RetrySettings{"retrySettings": s})
}

// UpdateSkillScheduleSettings writes the schedule group ({scheduleSettings: ...}).
func (c *Client) UpdateSkillScheduleSettings(ctx context.Context, skillID int64, s ScheduleSettings) error {
	return c.putParameterGroup(ctx, skillID, "schedule-settings", map[string]ScheduleSettings{"scheduleSettings": s})
}

// UpdateSkillTimeZones replaces the skill's time zones ({timeZoneSettings: [...]}).
func (c *Client) UpdateSkillTimeZones(ctx context.Context, skillID int64, zones []TimeZoneSetting) error {
	if zones == nil {
		zones = []TimeZoneSetting{}
	}
	return c.putParameterGroup(ctx, skillID, "time-zones", map[string][]TimeZoneSetting{"timeZoneSettings": zones})
}

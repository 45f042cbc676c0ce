package mockcxone

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// The parameter groups of a Personal Connection skill (outbound-api.md section 4.2):
// singletons read together through GET /skills/{id}/parameters and written one group at a
// time, each with its own wrapper. A write merges the fields given into the group (time
// zones are replaced whole).

// Kinds of parameter fields, for checking what a PUT sends.
const (
	kindInt = iota
	kindBool
	kindNumberOrString // aggressiveness: a string in the group's schema, a number in the aggregate
	kindNumberOrBool   // waitTimeFactor: a number in one schema, a boolean in the other
)

var generalFields = map[string]int{
	"minimumRetryMinutes": kindInt, "maximumAttempts": kindInt, "defaultContactExpiration": kindInt,
	"getPriorityContactsOnContactInsertion": kindBool, "loadCallbacks": kindBool, "loadFresh": kindBool,
	"loadNonFresh": kindBool, "overrideBusinessUnitAbandonRate": kindBool, "maximumRingingDuration": kindInt,
	"beginDampenPercentage": kindInt, "abandonRateCutoff": kindInt, "abandonRateThreshold": kindInt,
	"inactiveBlenderTimer": kindInt, "maximumRatio": kindInt, "aggressiveness": kindNumberOrString,
	"endOfListNotificationsDelay": kindInt, "notifyAgentsWhenListIsEmpty": kindBool,
	"percentageOfAgentsBeforeOverdial": kindInt, "blockMultipleCalls": kindBool,
	"consecutiveAttemptsWithoutALiveConnect": kindInt, "enableDialingByProficiency": kindBool,
	"proficiencyFactor": kindInt, "waitTimeFactor": kindNumberOrBool, "maxConcurrentCallsPerAgent": kindInt,
	"maxWaitTimeSeconds": kindInt, "deliverCallbacksOnDNCHolidays": kindBool, "deliverPrioritiesOnDNCHolidays": kindBool,
}

var retryFields = map[string]int{
	"loadNonFresh": kindBool, "finalizeWhenExhausted": kindBool, "maximumAttempts": kindInt,
	"minimumRetryMinutes": kindInt, "maximumNumberOfHandledCalls": kindInt, "restrictedCallingMinutes": kindInt,
	"restrictedCallingMaxAttempts": kindInt, "generalStaleMinutes": kindInt, "callbackRestMinutes": kindInt,
	"releaseAgentSpecificCalls": kindBool, "maximumNumberOfCallbacks": kindInt, "callbackStaleMinutes": kindInt,
}

// weekdays name the schedule's days as its fields do, Sunday first.
var weekdays = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

var hhmmRE = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)

// defaultSkillParams are the groups of a new skill: a few fields as the CXone UI proposes,
// an unscheduled week, no time zones.
func defaultSkillParams() *skillParams {
	p := &skillParams{
		general: map[string]any{"minimumRetryMinutes": 60, "maximumAttempts": 3, "aggressiveness": 1, "waitTimeFactor": 0,
			"loadCallbacks": true, "loadFresh": true, "loadNonFresh": true},
		retry:     map[string]any{"maximumAttempts": 3, "minimumRetryMinutes": 60, "finalizeWhenExhausted": true, "loadNonFresh": true},
		schedule:  map[string]any{"isScheduled": false},
		timeZones: []map[string]any{},
	}
	for _, d := range weekdays {
		p.schedule[d+"StartTime"], p.schedule[d+"EndTime"], p.schedule[d+"IsActive"] = "00:00", "00:00", false
	}
	return p
}

// checkField checks one value of a group; the error text is fit for a 400.
func checkField(group, name string, kind int, v any) error {
	bad := func(want string) error { return fmt.Errorf("%s.%s must be %s, not %v", group, name, want, v) }
	switch kind {
	case kindInt:
		if n, ok := v.(float64); !ok || n != float64(int64(n)) {
			return bad("an integer")
		}
	case kindBool:
		if _, ok := v.(bool); !ok {
			return bad("true or false")
		}
	case kindNumberOrString:
		switch x := v.(type) {
		case float64:
		case string:
			if _, err := strconv.ParseFloat(x, 64); err != nil {
				return bad("a number")
			}
		default:
			return bad("a number")
		}
	case kindNumberOrBool:
		switch v.(type) {
		case float64, bool:
		default:
			return bad("a number or a boolean")
		}
	}
	return nil
}

// readGroup reads the object under wrapper and checks each field with check.
func readGroup(r *http.Request, wrapper string, check func(name string, v any) error) (map[string]any, error) {
	var body map[string]json.RawMessage
	if err := decodeBody(r, &body); err != nil {
		return nil, err
	}
	var group map[string]any
	if raw, ok := body[wrapper]; !ok || json.Unmarshal(raw, &group) != nil || group == nil {
		return nil, fmt.Errorf("the body must be {%q: {...}}", wrapper)
	}
	for k, v := range group {
		if err := check(k, v); err != nil {
			return nil, err
		}
	}
	return group, nil
}

// knownFields checks fields against one of the field maps.
func knownFields(group string, fields map[string]int) func(string, any) error {
	return func(name string, v any) error {
		kind, ok := fields[name]
		if !ok {
			return fmt.Errorf("%s has no field %q", group, name)
		}
		return checkField(group, name, kind, v)
	}
}

// scheduleField checks a field of the schedule group.
func scheduleField(name string, v any) error {
	if name == "isScheduled" {
		return checkField("scheduleSettings", name, kindBool, v)
	}
	for _, d := range weekdays {
		switch name {
		case d + "IsActive":
			return checkField("scheduleSettings", name, kindBool, v)
		case d + "StartTime", d + "EndTime":
			if s, ok := v.(string); !ok || !hhmmRE.MatchString(s) {
				return fmt.Errorf("scheduleSettings.%s must be a time HH:MM, not %v", name, v)
			}
			return nil
		}
	}
	return fmt.Errorf("scheduleSettings has no field %q", name)
}

// writeParams changes the groups of the skill the path names with set and answers 204, or
// answers why not: the skill must be known (404), not running, and an outbound Personal
// Connection skill (400).
func (s *Server) writeParams(w http.ResponseWriter, r *http.Request, set func(p *skillParams)) {
	id, ok := pathID(w, r, "skillId")
	if !ok {
		return
	}
	st := s.store
	writeStoppedSkill(w, st, id, func(sk *Skill) {
		p := st.out.params[id]
		if !isPC(sk) || p == nil {
			badRequest(w, fmt.Errorf("skill %d is not an outbound Personal Connection skill: it has no parameter groups", id))
			return
		}
		set(p)
		w.WriteHeader(http.StatusNoContent)
	})
}

// putGroup serves the PUT of a group held as a map: it reads and checks the body, then
// merges it into the group that target picks.
func (s *Server) putGroup(wrapper string, check func(string, any) error, target func(*skillParams) map[string]any) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		group, err := readGroup(r, wrapper, check)
		if err != nil {
			badRequest(w, err)
			return
		}
		s.writeParams(w, r, func(p *skillParams) { maps.Copy(target(p), group) })
	}
}

// putTimeZones replaces the skill's time zones.
func (s *Server) putTimeZones(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody[map[string]json.RawMessage](w, r)
	if !ok {
		return
	}
	var zones []map[string]any
	if raw, ok := body["timeZoneSettings"]; !ok || json.Unmarshal(raw, &zones) != nil || zones == nil {
		badRequest(w, fmt.Errorf(`the body must be {"timeZoneSettings": [...]}`))
		return
	}
	for i, z := range zones {
		if err := checkTimeZone(z); err != nil {
			badRequest(w, fmt.Errorf("timeZoneSettings[%d]: %w", i, err))
			return
		}
	}
	s.writeParams(w, r, func(p *skillParams) { p.timeZones = zones })
}

// checkTimeZone checks one time zone of a PUT.
func checkTimeZone(z map[string]any) error {
	if name, ok := z["standardName"].(string); !ok || strings.TrimSpace(name) == "" {
		return fmt.Errorf("standardName is required")
	}
	for k, v := range z {
		switch k {
		case "standardName":
		case "startTime", "endTime":
			if s, ok := v.(string); !ok || !hhmmRE.MatchString(s) {
				return fmt.Errorf("%s must be a time HH:MM, not %v", k, v)
			}
		case "timeZoneActiveToCall", "overrideTime":
			if _, ok := v.(bool); !ok {
				return fmt.Errorf("%s must be true or false, not %v", k, v)
			}
		default:
			return fmt.Errorf("unknown field %q", k)
		}
	}
	return nil
}

// getSkillParameters answers the aggregate of a skill's groups. As CXone's aggregate
// schema, aggressiveness is a number there and time zones are read with name and
// description instead of standardName.
func (s *Server) getSkillParameters(w http.ResponseWriter, r *http.Request) {
	answerByID(w, r, s.store, "skillId", "skill", skillsOf, func(sk *Skill) any { return s.store.skillParamsLocked(sk) })
}

// listSkillParameters answers GET /skills/parameters: the aggregate of every skill, as
// {skills: [...]} (documented [S2]). Which skills it holds is not documented: the mock lists
// those with parameter groups (outbound Personal Connection skills), by id, in one answer
// without paging (inferred).
func (s *Server) listSkillParameters(w http.ResponseWriter, _ *http.Request) {
	st := s.store
	st.mu.RLock()
	defer st.mu.RUnlock()
	out := []map[string]any{}
	for _, sk := range st.sortedSkills() {
		if st.out.params[sk.SkillID] != nil {
			out = append(out, st.skillParamsLocked(&sk))
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"skills": out})
}

// skillParamsLocked is the aggregate of a skill's groups (empty groups for a skill without
// them). Caller holds mu.
func (st *store) skillParamsLocked(sk *Skill) map[string]any {
	p := st.out.params[sk.SkillID]
	if p == nil {
		p = &skillParams{general: map[string]any{}, retry: map[string]any{}, schedule: map[string]any{}}
	}
	general := maps.Clone(p.general)
	if a, ok := general["aggressiveness"].(string); ok {
		general["aggressiveness"], _ = strconv.ParseFloat(a, 64) // checked on write
	}
	zones := make([]map[string]any, 0, len(p.timeZones))
	for _, z := range p.timeZones {
		out := maps.Clone(z)
		delete(out, "standardName")
		out["name"], out["description"] = z["standardName"], z["standardName"]
		zones = append(zones, out)
	}
	return map[string]any{
		"skillName": sk.SkillName, "skillNo": skillNo(sk.SkillID),
		"generalSettings": general, "retrySettings": maps.Clone(p.retry), "scheduleSettings": maps.Clone(p.schedule),
		"timeZoneSettings": zones, "cadenceSettings": map[string]any{}, "deliveryPreferences": map[string]any{},
		"callingLists": st.listsOfSkillLocked(sk.SkillID), "cpaSettings": map[string]any{}, "filterSettings": map[string]any{},
		"listManagementSettings": map[string]any{}, "xsSettings": map[string]any{},
	}
}

// listsOfSkillLocked is the calling lists uploaded to a skill, as {id, name}. Caller holds mu.
func (st *store) listsOfSkillLocked(skillID int64) []map[string]any {
	out := []map[string]any{}
	for _, l := range sortedByID(st.out.lists, func(l *CallingList) int64 { return l.ListID }) {
		for _, s := range l.Skills {
			if s == skillID {
				out = append(out, map[string]any{"id": l.ListID, "name": l.ListName})
				break
			}
		}
	}
	return out
}

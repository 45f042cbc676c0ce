package mockcxone

import (
	"net/http"
	"testing"
)

func TestSkillParameters_writesAndAggregate(t *testing.T) {
	c := newOutboundClient(t, Options{SyncDelay: -1}, pcSkill("PC", ""), pcSkill("Manual", `"outboundStrategy":"Manual"`))
	const pc, manual = "/skills/4000001/parameters/", "/skills/4000002/parameters/"
	for _, tc := range []struct {
		name, path, body string
		status           int
	}{
		{"general, aggressiveness as a string", pc + "general-settings", `{"generalSettings":{"aggressiveness":"2.5","waitTimeFactor":true,"maximumAttempts":5}}`, 204},
		{"general, aggressiveness as a number", pc + "general-settings", `{"generalSettings":{"aggressiveness":3,"waitTimeFactor":1.5}}`, 204},
		{"general, aggressiveness not a number", pc + "general-settings", `{"generalSettings":{"aggressiveness":"high"}}`, 400},
		{"general, waitTimeFactor a string", pc + "general-settings", `{"generalSettings":{"waitTimeFactor":"x"}}`, 400},
		{"general, unknown field", pc + "general-settings", `{"generalSettings":{"maximumAttempt":5}}`, 400},
		{"general, not an integer", pc + "general-settings", `{"generalSettings":{"maximumAttempts":1.5}}`, 400},
		{"general, without its wrapper", pc + "general-settings", `{"maximumAttempts":5}`, 400},
		{"general, another group's wrapper", pc + "general-settings", `{"retrySettings":{"maximumAttempts":5}}`, 400},
		{"retry", pc + "retry-settings", `{"retrySettings":{"maximumAttempts":4,"finalizeWhenExhausted":false}}`, 204},
		{"retry, not a bool", pc + "retry-settings", `{"retrySettings":{"finalizeWhenExhausted":"no"}}`, 400},
		{"schedule", pc + "schedule-settings", `{"scheduleSettings":{"isScheduled":true,"mondayStartTime":"09:00","mondayEndTime":"17:00","mondayIsActive":true}}`, 204},
		{"schedule, bad time", pc + "schedule-settings", `{"scheduleSettings":{"mondayStartTime":"9:00"}}`, 400},
		{"schedule, unknown day", pc + "schedule-settings", `{"scheduleSettings":{"fundayStartTime":"09:00"}}`, 400},
		{"time zones", pc + "time-zones", `{"timeZoneSettings":[{"standardName":"India Standard Time","startTime":"08:00","endTime":"20:00","timeZoneActiveToCall":true,"overrideTime":false}]}`, 204},
		{"time zones, no name", pc + "time-zones", `{"timeZoneSettings":[{"startTime":"08:00"}]}`, 400},
		{"time zones, read-side name", pc + "time-zones", `{"timeZoneSettings":[{"standardName":"X","name":"X"}]}`, 400},
		{"time zones, not a list", pc + "time-zones", `{"timeZoneSettings":{}}`, 400},
		{"manual skill", manual + "time-zones", `{"timeZoneSettings":[]}`, 400},
		{"manual skill, retry", manual + "retry-settings", `{"retrySettings":{"maximumAttempts":4}}`, 400},
		{"unknown skill", "/skills/1/parameters/retry-settings", `{"retrySettings":{"maximumAttempts":4}}`, 404},
	} {
		t.Run(tc.name, func(t *testing.T) { c.admin("PUT", tc.path, tc.body).want(t, tc.status) })
	}
	type zone struct {
		Name, Description, StandardName, StartTime string
	}
	agg := decode[struct {
		SkillName        string         `json:"skillName"`
		GeneralSettings  map[string]any `json:"generalSettings"`
		RetrySettings    map[string]any `json:"retrySettings"`
		ScheduleSettings map[string]any `json:"scheduleSettings"`
		TimeZoneSettings []zone         `json:"timeZoneSettings"`
	}](t, c.admin("GET", "/skills/4000001/parameters", nil).want(t, http.StatusOK))
	g := agg.GeneralSettings
	if agg.SkillName != "PC" || g["aggressiveness"] != 3.0 || g["waitTimeFactor"] != 1.5 || g["maximumAttempts"] != 5.0 {
		t.Errorf("general %+v", g)
	}
	if agg.RetrySettings["finalizeWhenExhausted"] != false || agg.ScheduleSettings["mondayStartTime"] != "09:00" || agg.ScheduleSettings["sundayStartTime"] != "00:00" {
		t.Errorf("retry %+v schedule %+v", agg.RetrySettings, agg.ScheduleSettings)
	}
	if len(agg.TimeZoneSettings) != 1 || agg.TimeZoneSettings[0].Name != "India Standard Time" || agg.TimeZoneSettings[0].StandardName != "" {
		t.Errorf("time zones read with name, not standardName: %+v", agg.TimeZoneSettings)
	}
	// The aggregate reads aggressiveness sent as a string back as a number.
	c.admin("PUT", pc+"general-settings", `{"generalSettings":{"aggressiveness":"2.5"}}`).want(t, 204)
	agg2 := decode[struct {
		GeneralSettings map[string]any `json:"generalSettings"`
	}](t, c.admin("GET", "/skills/4000001/parameters", nil))
	if agg2.GeneralSettings["aggressiveness"] != 2.5 {
		t.Errorf("aggressiveness %v", agg2.GeneralSettings["aggressiveness"])
	}
	c.admin("GET", "/skills/1/parameters", nil).want(t, 404)
}

// GET /skills/parameters answers every Personal Connection skill's aggregate, as the read
// of one skill does, under {skills: [...]}; other skills have no groups and are left out.
func TestSkillParameters_everySkill(t *testing.T) {
	c := newOutboundClient(t, Options{SyncDelay: -1},
		pcSkill("PC", ""), pcSkill("Manual", `"outboundStrategy":"Manual"`), pcSkill("PC2", ""))
	c.admin("PUT", "/skills/4000003/parameters/retry-settings", `{"retrySettings":{"maximumAttempts":4}}`).want(t, 204)
	type aggregate struct {
		SkillName     string         `json:"skillName"`
		SkillNo       string         `json:"skillNo"`
		RetrySettings map[string]any `json:"retrySettings"`
	}
	all := decode[struct {
		Skills []aggregate `json:"skills"`
	}](t, c.admin("GET", "/skills/parameters", nil).want(t, http.StatusOK))
	if len(all.Skills) != 2 || all.Skills[0].SkillNo != "4000001" || all.Skills[1].SkillNo != "4000003" {
		t.Fatalf("skills %+v, want the two Personal Connection skills", all.Skills)
	}
	one := decode[aggregate](t, c.admin("GET", "/skills/4000003/parameters", nil).want(t, http.StatusOK))
	if all.Skills[1].SkillName != "PC2" || all.Skills[1].RetrySettings["maximumAttempts"] != 4.0 ||
		one.RetrySettings["maximumAttempts"] != 4.0 {
		t.Errorf("from the list %+v, by id %+v", all.Skills[1], one)
	}
}

package cxone

import (
	"encoding/json"
	"testing"
)

func TestSkill_routingQueueIDForms(t *testing.T) {
	cases := map[string]string{
		`{"skillId":1,"routingQueueId":12345678901234567890}`: "12345678901234567890",
		`{"skillId":1,"routingQueueId":"a1b2-c3"}`:            "a1b2-c3",
		`{"skillId":1,"routingQueueId":null}`:                 "",
		`{"skillId":1}`:                                       "",
		`{"skillId":1,"routingQueueId":42}`:                   "42",
	}
	for in, want := range cases {
		var s Skill
		if err := json.Unmarshal([]byte(in), &s); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if s.RoutingQueueID != want || s.SkillID != 1 {
			t.Errorf("%s: RoutingQueueID %q SkillID %d, want %q", in, s.RoutingQueueID, s.SkillID, want)
		}
	}
	var s Skill
	if err := json.Unmarshal([]byte(`{"routingQueueId":true}`), &s); err == nil {
		t.Error("a boolean routingQueueId was accepted")
	}
	// The other fields still decode around the custom one.
	in := `{"skillId":7,"skillName":"Chat","mediaTypeId":9,"isActive":true,"serviceLevelGoal":80,"routingQueueId":"q"}`
	if err := json.Unmarshal([]byte(in), &s); err != nil || s.SkillName != "Chat" || s.MediaTypeID != 9 || !s.IsActive || s.ServiceLevelGoal != 80 {
		t.Fatalf("decoded %+v, %v", s, err)
	}
}

func TestAgent_digitalEngagementSpellings(t *testing.T) {
	for _, in := range []string{`{"agentId":3,"DigitalEngagementEnabled":true}`, `{"agentId":3,"digitalEngagementEnabled":true}`} {
		var a Agent
		if err := json.Unmarshal([]byte(in), &a); err != nil || !a.DigitalEngagementEnabled || a.AgentID != 3 {
			t.Errorf("%s: %+v %v", in, a, err)
		}
	}
}

func TestFlexInt64(t *testing.T) {
	cases := map[string]int64{`3600`: 3600, `"3600"`: 3600, `null`: 0, `""`: 0, `12.0`: 12}
	for in, want := range cases {
		var f flexInt64
		if err := json.Unmarshal([]byte(in), &f); err != nil || int64(f) != want {
			t.Errorf("%s: %d %v, want %d", in, f, err, want)
		}
	}
	var f flexInt64
	if err := json.Unmarshal([]byte(`"soon"`), &f); err == nil {
		t.Error(`"soon" was accepted`)
	}
}

func repeatJSON(s string, n int) string {
	out := ""
	for i := range n {
		if i > 0 {
			out += ","
		}
		out += s
	}
	return out
}

// TestSecurityProfile_aliases: the answer's shape is unconfirmed, so profileId and
// profileName are read as well, and ids as numbers or strings.
func TestSecurityProfile_aliases(t *testing.T) {
	for _, raw := range []string{
		`{"securityProfileId":5,"securityProfileName":"Agent","description":"d"}`,
		`{"securityProfileId":"5","securityProfileName":"Agent","description":"d"}`,
		`{"profileId":5,"profileName":"Agent","description":"d"}`,
		`{"profileId":"5","profileName":"Agent","description":"d"}`,
	} {
		var p SecurityProfile
		if err := json.Unmarshal([]byte(raw), &p); err != nil || p != (SecurityProfile{SecurityProfileID: 5, SecurityProfileName: "Agent", Description: "d"}) {
			t.Errorf("%s: %+v %v", raw, p, err)
		}
	}
}

// TestAgent_flexibleFields: teamId and profileId as numbers or strings, dates null or absent.
func TestAgent_flexibleFields(t *testing.T) {
	var a Agent
	raw := `{"agentId":7,"teamId":"301","profileId":5,"teamName":"Jungle Digital","createDate":"2024-01-15T09:00:00Z","inactiveDate":null}`
	if err := json.Unmarshal([]byte(raw), &a); err != nil || a.TeamID != 301 || a.ProfileID != 5 || a.TeamName != "Jungle Digital" ||
		a.CreateDate != "2024-01-15T09:00:00Z" || a.InactiveDate != "" || a.AgentID != 7 {
		t.Fatalf("%+v %v", a, err)
	}
	var team Team
	if err := json.Unmarshal([]byte(`{"teamId":"302","teamName":"Jungle Voice","isActive":true}`), &team); err != nil || team.TeamID != 302 || !team.IsActive {
		t.Fatalf("team %+v %v", team, err)
	}
}

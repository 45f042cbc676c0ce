package mockcxone

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// newOutboundClient starts a mock with opts, gets a client of it, and creates a campaign
// (62001), an active template (61001), an inactive one (61002), a disposition (63001)
// and then the outbound skills of the JSON bodies pcSkills in order, failing the test on
// the first that the mock refuses.
func newOutboundClient(t *testing.T, opts Options, pcSkills ...string) *tclient {
	t.Helper()
	c := newClient(t, opts)
	c.admin("POST", "/campaigns", `{"name":"Launch"}`).want(c.t, 200)
	c.admin("POST", "/message-templates?templateName=A&templateTypeId=2&subject=s&body=b", nil).want(c.t, 200)
	c.admin("POST", "/message-templates?templateName=B&templateTypeId=2&subject=s&body=b", nil).want(c.t, 200)
	c.admin("PUT", "/message-templates/61002?isActive=false", nil).want(c.t, 204)
	c.admin("POST", "/dispositions", `{"dispositions":[{"dispositionName":"Joined","isPreviewDisposition":false}]}`).want(c.t, 200)
	for _, skill := range pcSkills {
		if msg := c.createPC(skill); msg != "" {
			t.Fatal(msg)
		}
	}
	return c
}

// pcSkill is the JSON of an outbound Personal Connection skill named name, with the fields
// of extra (a JSON object's members) in place of its own.
func pcSkill(name string, extra string) string {
	base := map[string]any{}
	over := map[string]any{}
	if json.Unmarshal(fmt.Appendf(nil, `{"mediaTypeId":9,"skillName":%q,"isOutbound":true,"outboundStrategy":"Personal Connection",`+
		`"campaignId":62001,"messageTemplateId":61001,"dispositions":[{"dispositionId":63001,"priority":1}]}`, name), &base) != nil ||
		json.Unmarshal([]byte("{"+extra+"}"), &over) != nil {
		panic("pcSkill: bad JSON in " + extra)
	}
	for k, v := range over {
		base[k] = v
	}
	b, _ := json.Marshal(base)
	return string(b)
}

// createPC posts one skill and returns the error of its item, "" on success.
func (c *tclient) createPC(skill string) string {
	c.t.Helper()
	res := decode[bulkResult](c.t, c.admin("POST", "/skills", `{"skills":[`+skill+`]}`).want(c.t, http.StatusOK))
	if len(res.SkillsResults) != 1 {
		c.t.Fatalf("results %+v", res)
	}
	if r := res.SkillsResults[0]; !r.Success {
		return *r.Error
	}
	return ""
}

func TestOutboundSkills_createRules(t *testing.T) {
	c := newOutboundClient(t, Options{SyncDelay: time.Hour}, pcSkill("Launch", ""))
	for _, tc := range []struct{ name, skill, msg string }{
		{"duplicate", pcSkill("Launch", ""), "already exists"},
		{"no strategy", `{"mediaTypeId":9,"skillName":"NoStrategy","isOutbound":true}`, "outboundStrategy is required"},
		{"strategy on inbound", `{"mediaTypeId":9,"skillName":"In","outboundStrategy":"Manual"}`, "outbound skills only"},
		{"unknown strategy", `{"mediaTypeId":9,"skillName":"Pred","isOutbound":true,"outboundStrategy":"Predictive"}`, "outboundStrategy must be"},
		{"name too short", pcSkill("L", ""), "2 to 30"},
		{"name too long", pcSkill(strings.Repeat("x", 31), ""), "2 to 30"},
		{"name with a space", pcSkill("Launch day", ""), "2 to 30"},
		{"unknown campaign", pcSkill("C1", `"campaignId":1`), "campaignId 1"},
		{"unknown template", pcSkill("T1", `"messageTemplateId":1`), "messageTemplateId 1"},
		{"inactive template", pcSkill("T2", `"messageTemplateId":61002`), "messageTemplateId 61002"},
		{"unknown disposition", pcSkill("D1", `"dispositions":[{"dispositionId":1,"priority":1}]`), "dispositionId 1"},
		{"disposition without priority", pcSkill("D2", `"dispositions":[{"dispositionId":63001}]`), "priority are required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if msg := c.createPC(tc.skill); !strings.Contains(msg, tc.msg) {
				t.Errorf("item error %q, want it to contain %q", msg, tc.msg)
			}
		})
	}
	if msg := c.createPC(pcSkill("Names-OK_1.2:3", "")); msg != "" {
		t.Errorf("a name of every allowed character: %s", msg)
	}
	st := c.s.State()
	sk := st.Skills[0]
	if len(st.Skills) != 2 || !sk.IsOutbound || sk.IsRunning || sk.CampaignName != "Launch" || len(sk.Dispositions) != 1 || sk.RoutingQueueID != "" {
		t.Fatalf("skills %+v", st.Skills)
	}
	// An outbound digital skill gets its routing queue after the sync delay, as an inbound one.
	c.s.SyncNow()
	st = c.s.State()
	if st.Skills[0].RoutingQueueID == "" || len(st.RoutingQueues) != 2 || st.RoutingQueues[0].Name != "Launch" {
		t.Fatalf("after the sync: skills %+v queues %+v", st.Skills, st.RoutingQueues)
	}
	page := decode[skillsPage](t, c.admin("GET", "/skills?outboundStrategy=Manual", nil).want(t, 200))
	if page.TotalRecords != 0 {
		t.Errorf("outboundStrategy filter: %+v", page)
	}
}

func TestOutboundSkills_runningRulesAndStartStop(t *testing.T) {
	c := newOutboundClient(t, Options{SyncDelay: -1},
		pcSkill("PC", ""), pcSkill("Manual", `"outboundStrategy":"Manual"`), pcSkill("Off", ""))
	c.admin("PUT", "/skills/4000003", `{"skill":{"isActive":false}}`).want(t, 200)
	inbound := c.createSkill("Inbound").SkillID
	for _, tc := range []struct {
		name, method, path, body string
		status                   int
	}{
		{"start manual", "POST", "/skills/4000002/start", "", 400},
		{"start inactive", "POST", "/skills/4000003/start", "", 400},
		{"start inbound", "POST", fmt.Sprintf("/skills/%d/start", inbound), "", 400},
		{"start unknown", "POST", "/skills/1/start", "", 404},
		{"stop stopped", "POST", "/skills/4000001/stop", "", 204},
		{"stop bad force", "POST", "/skills/4000001/stop?force=maybe", "", 400},
		{"start", "POST", "/skills/4000001/start", "", 204},
		{"start running", "POST", "/skills/4000001/start", "", 204},
		{"edit running", "PUT", "/skills/4000001", `{"skill":{"notes":"x"}}`, 400},
		{"deactivate running", "PUT", "/skills/4000001", `{"skill":{"isActive":false}}`, 400},
		{"params of running", "PUT", "/skills/4000001/parameters/retry-settings", `{"retrySettings":{"maximumAttempts":2}}`, 400},
		{"stop", "POST", "/skills/4000001/stop?force=true", "", 204},
		{"change strategy", "PUT", "/skills/4000001", `{"skill":{"outboundStrategy":"Manual"}}`, 400},
		{"change isOutbound", "PUT", "/skills/4000001", `{"skill":{"isOutbound":false}}`, 400},
		{"unknown campaign", "PUT", "/skills/4000001", `{"skill":{"campaignId":5}}`, 400},
		{"edit stopped", "PUT", "/skills/4000001", `{"skill":{"notes":"x","dispositions":[]}}`, 200},
	} {
		t.Run(tc.name, func(t *testing.T) { c.admin(tc.method, tc.path, tc.body).want(t, tc.status) })
	}
	sk := c.s.State().Skills[0]
	if sk.IsRunning || sk.Notes != "x" || len(sk.Dispositions) != 0 {
		t.Fatalf("skill after edits %+v", sk)
	}
	one := decode[struct {
		Skills []json.RawMessage `json:"skills"`
	}](t, c.admin("GET", "/skills/4000001", nil).want(t, 200))
	if len(one.Skills) != 1 || !strings.Contains(string(one.Skills[0]), `"isRunning":false`) || !strings.Contains(string(one.Skills[0]), `"outboundStrategy":"Personal Connection"`) {
		t.Fatalf("skill read %s", one.Skills)
	}
}

func TestOutboundSkills_dispositionsOfASkill(t *testing.T) {
	c := newOutboundClient(t, Options{SyncDelay: -1}, pcSkill("PC", `"dispositions":[{"dispositionId":63001,"priority":7}]`))
	c.admin("PUT", "/dispositions/63001", `{"dispositionName":"Joined the hole"}`).want(t, 204)
	got := decode[struct {
		TotalRecords int                   `json:"totalRecords"`
		SkillID      int64                 `json:"skillId"`
		Dispositions []skillDispositionRow `json:"dispositions"`
	}](t, c.admin("GET", "/skills/4000001/dispositions", nil).want(t, 200))
	if got.TotalRecords != 1 || got.SkillID != 4000001 || got.Dispositions[0].DisplayOrder != 7 || got.Dispositions[0].DispositionName != "Joined the hole" {
		t.Fatalf("dispositions %+v", got)
	}
	c.admin("GET", "/skills/1/dispositions", nil).want(t, 404)
}

func TestOutboundSkills_queueAfterTheSyncDelay(t *testing.T) {
	c := newOutboundClient(t, Options{SyncDelay: 30 * time.Millisecond}, pcSkill("Launch", ""))
	if q := c.s.State().Skills[0].RoutingQueueID; q != "" {
		t.Fatalf("queue %q before the sync delay", q)
	}
	deadline := time.Now().Add(5 * time.Second)
	for c.s.State().Skills[0].RoutingQueueID == "" && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	st := c.s.State()
	if st.Skills[0].RoutingQueueID == "" || len(st.RoutingQueues) != 1 || st.RoutingQueues[0].Name != "Launch" || st.RoutingQueues[0].IsDeleted {
		t.Fatalf("after the sync delay: skill %+v queues %+v", st.Skills[0], st.RoutingQueues)
	}
}

package mockcxone

import (
	"encoding/json"
	"net/http"
	"testing"
)

func TestLagSkillListForTest(t *testing.T) {
	c := newClient(t, Options{SyncDelay: -1})
	old := c.createSkill("Old").SkillID
	c.s.LagSkillListForTest(2)
	c.admin("POST", "/skills", `{"skills":[{"mediaTypeId":9,"skillName":"New"}]}`).want(t, 200)
	for i, want := range []int{1, 1, 2} {
		page := decode[skillsPage](t, c.admin("GET", "/skills", nil).want(t, http.StatusOK))
		if page.TotalRecords != want || page.Skills[0].SkillID != old {
			t.Fatalf("list %d: %+v, want %d skills", i, page, want)
		}
	}
	// The skill itself reads at once; only the list lags.
	c.admin("GET", "/skills/4000002", nil).want(t, http.StatusOK)
}

func TestMockState_outboundKeys(t *testing.T) {
	c := newClient(t, Options{})
	var st map[string]json.RawMessage
	if err := json.Unmarshal(c.raw("GET", "/_mock/state", nil, "").want(t, 200).body, &st); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"message_templates", "campaigns", "dispositions", "dnc_groups", "dnc_group_skills", "calling_lists", "upload_jobs", "outbound_messages"} {
		if string(st[k]) != "[]" {
			t.Errorf("%s is %s on a fresh mock, want []", k, st[k])
		}
	}
	c.admin("POST", "/campaigns", `{"name":"Launch"}`).want(t, 200)
	c.raw("POST", "/_mock/reset", nil, "").want(t, 200)
	if err := json.Unmarshal(c.raw("GET", "/_mock/state", nil, "").want(t, 200).body, &st); err != nil {
		t.Fatal(err)
	}
	if string(st["campaigns"]) != "[]" {
		t.Errorf("campaigns after reset: %s", st["campaigns"])
	}
}

func TestSetSkillIDInCreateAnswerForTest(t *testing.T) {
	c := newClient(t, Options{SyncDelay: -1})
	type results struct {
		SkillsResults []map[string]any `json:"skillsResults"`
	}
	body := `{"skills":[{"mediaTypeId":9,"skillName":"A"},{"mediaTypeId":9,"skillName":"A"}]}`
	if r := decode[results](t, c.admin("POST", "/skills", body)).SkillsResults; r[0]["skillId"] != nil {
		t.Fatalf("skillId answered by default: %+v", r)
	}
	c.s.SetSkillIDInCreateAnswerForTest(true)
	r := decode[results](t, c.admin("POST", "/skills", `{"skills":[{"mediaTypeId":9,"skillName":"B"},{"mediaTypeId":9,"skillName":"B"}]}`)).SkillsResults
	if r[0]["skillId"] != float64(4000002) || r[1]["skillId"] != float64(0) || r[1]["success"] != false {
		t.Fatalf("results %+v", r)
	}
}

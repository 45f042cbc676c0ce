package mockcxone

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"testing"
	"time"
)

const listMapping = `{"destinationMappings":[{"fieldName":"PhoneNumber","fieldValue":"handle"}]}`

func TestCallingLists_createRules(t *testing.T) {
	c := newClient(t, Options{})
	c.admin("POST", "/lists/call-lists?listName=Jungle&externalIdColumn=member&firstNameColumn=first", listMapping).want(t, 200)
	for _, tc := range []struct{ name, query, body string }{
		{"no name", "externalIdColumn=member", listMapping},
		{"no external id column", "listName=A", listMapping},
		{"no body", "listName=A&externalIdColumn=member", ""},
		{"no mappings", "listName=A&externalIdColumn=member", `{"destinationMappings":[]}`},
		{"mapping without value", "listName=A&externalIdColumn=member", `{"destinationMappings":[{"fieldName":"PhoneNumber"}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c.admin("POST", "/lists/call-lists?"+tc.query, tc.body).want(t, http.StatusBadRequest)
		})
	}
	c.admin("POST", "/lists/call-lists?listName=Jungle&externalIdColumn=x", listMapping).want(t, http.StatusConflict)
	got := decode[struct {
		ResultSet map[string]any `json:"resultSet"`
	}](t, c.admin("GET", "/lists/call-lists/65001", nil).want(t, 200)).ResultSet
	if got["listName"] != "Jungle" || got["firstNameColumn"] != "first" || got["externalIdColumn"] != "member" || got["contactRecords"] == nil {
		t.Fatalf("read %+v", got)
	}
	c.admin("DELETE", "/lists/call-lists/65001?forceInactive=maybe", nil).want(t, 400)
	c.admin("DELETE", "/lists/call-lists/65001?forceInactive=true", nil).want(t, 204)
	c.admin("DELETE", "/lists/call-lists/65001", nil).want(t, 404)
	c.admin("GET", "/lists/call-lists/65001", nil).want(t, 404)
}

func TestCallingLists_uploadRules(t *testing.T) {
	c := newOutboundClient(t, Options{SyncDelay: 50 * time.Millisecond}, pcSkill("PC", ""))
	inbound := c.createSkill("Inbound").SkillID
	c.admin("POST", "/lists/call-lists?listName=Jungle&externalIdColumn=member", listMapping).want(t, 200)
	csv := base64.StdEncoding.EncodeToString([]byte("member,handle\nm1,@a\n,@b\nm3\n"))
	body := func(file string, skill int64, start bool) string {
		return fmt.Sprintf(`{"listFile":%q,"skillId":%d,"forceOverwrite":false,"expirationDate":"2027-01-01","startSkill":%t,"sendEmail":false}`, file, skill, start)
	}
	for _, tc := range []struct {
		name, path, body string
		status           int
	}{
		{"unknown list", "/lists/call-lists/1/upload", body(csv, 4000001, false), 404},
		{"unknown skill", "/lists/call-lists/65001/upload", body(csv, 1, false), 400},
		{"not base64", "/lists/call-lists/65001/upload", body("@@@", 4000001, false), 400},
		{"missing required", "/lists/call-lists/65001/upload", fmt.Sprintf(`{"listFile":%q}`, csv), 400},
		{"start an inbound skill", "/lists/call-lists/65001/upload", body(csv, inbound, true), 400},
		{"empty file", "/lists/call-lists/65001/upload", body("", 4000001, false), 400},
		{"upload", "/lists/call-lists/65001/upload", body(csv, 4000001, true), 200},
	} {
		t.Run(tc.name, func(t *testing.T) { c.admin("POST", tc.path, tc.body).want(t, tc.status) })
	}
	type jobs struct {
		UploadJobs []UploadJob `json:"uploadJobs"`
	}
	j := decode[jobs](t, c.admin("GET", "/lists/call-lists/jobs/66001", nil).want(t, 200)).UploadJobs
	if len(j) != 1 || j[0].IsComplete || c.s.State().Skills[0].IsRunning {
		t.Fatalf("job completed at once: %+v", j)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !j[0].IsComplete && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
		j = decode[jobs](t, c.admin("GET", "/lists/call-lists/jobs/66001", nil).want(t, 200)).UploadJobs
	}
	if !j[0].IsComplete || j[0].ValidRecords != 2 || j[0].InvalidRecords != 1 || j[0].CompletedDate == "" {
		t.Fatalf("job after the sync delay %+v", j[0])
	}
	st := c.s.State()
	if !st.Skills[0].IsRunning || st.CallingLists[0].TotalRecords != 3 || len(st.CallingLists[0].Skills) != 1 {
		t.Fatalf("after the job: skill %+v list %+v", st.Skills[0], st.CallingLists[0])
	}
	c.admin("GET", "/lists/call-lists/jobs/1", nil).want(t, 404)
	// A reset drops pending jobs: their timers find another generation.
	c.admin("POST", "/lists/call-lists/65001/upload", body(csv, 4000001, false)).want(t, 200)
	c.s.Reset()
	time.Sleep(80 * time.Millisecond)
	if st := c.s.State(); len(st.UploadJobs) != 0 || len(st.CallingLists) != 0 {
		t.Fatalf("state after reset %+v", st)
	}
}

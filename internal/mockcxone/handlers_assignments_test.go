package mockcxone

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

type assignmentsPage struct {
	TotalRecords int          `json:"totalRecords"`
	Links        adminLinks   `json:"_links"`
	Assignments  []Assignment `json:"agentSkillAssignments"`
}

type assignResult struct {
	ResultSet struct {
		ErrorCount   int `json:"errorCount"`
		SkillResults []struct {
			SkillID int64   `json:"skillId"`
			Success bool    `json:"success"`
			Error   *string `json:"error"`
		} `json:"skillResults"`
	} `json:"resultSet"`
}

func TestAssignSkills(t *testing.T) {
	c := newClient(t, Options{SyncDelay: time.Hour})
	a, b := c.createSkill("A"), c.createSkill("B")
	body := fmt.Sprintf(`{"skills":[
		{"skillId":%d,"proficiency":3,"isActive":true},
		{"skillId":%d,"proficiency":21},
		{"skillId":%d,"proficiency":0},
		{"skillId":99,"proficiency":1}]}`, a.SkillID, b.SkillID, b.SkillID)
	r := decode[assignResult](t, c.admin("POST", "/agents/1001/skills", body).want(t, http.StatusOK))
	if r.ResultSet.ErrorCount != 3 || !r.ResultSet.SkillResults[0].Success || r.ResultSet.SkillResults[1].Success {
		t.Fatalf("result %+v", r)
	}
	if r.ResultSet.SkillResults[3].SkillID != 99 || r.ResultSet.SkillResults[3].Error == nil {
		t.Errorf("unknown skill item %+v", r.ResultSet.SkillResults[3])
	}
	// Already assigned fails the item.
	again := decode[assignResult](t, c.admin("POST", "/agents/1001/skills",
		fmt.Sprintf(`{"skills":[{"skillId":%d,"proficiency":5}]}`, a.SkillID)))
	if again.ResultSet.ErrorCount != 1 || !strings.Contains(*again.ResultSet.SkillResults[0].Error, "already") {
		t.Errorf("assigning twice: %+v", again)
	}
	c.admin("POST", "/agents/5/skills", `{"skills":[{"skillId":1,"proficiency":1}]}`).want(t, http.StatusNotFound)

	got := c.s.State().Assignments
	want := Assignment{AgentID: 1001, SkillID: a.SkillID, SkillName: "A", MediaTypeID: 9, AgentProficiencyValue: 3, AgentProficiencyName: "Level 3", IsActive: true}
	if len(got) != 1 || got[0] != want {
		t.Errorf("assignments %+v, want %+v", got, want)
	}
}

func TestUpdateAndDeleteAssignments(t *testing.T) {
	c := newClient(t, Options{SyncDelay: time.Hour})
	a, b := c.createSkill("A"), c.createSkill("B")
	c.admin("POST", "/agents/1002/skills", fmt.Sprintf(`{"skills":[{"skillId":%d,"proficiency":1}]}`, a.SkillID)).want(t, http.StatusOK)

	r := decode[assignResult](t, c.admin("PUT", "/agents/1002/skills", fmt.Sprintf(
		`{"skills":[{"skillId":%d,"proficiency":20,"isActive":false},{"skillId":%d,"proficiency":2},{"skillId":%d,"proficiency":30}]}`,
		a.SkillID, b.SkillID, a.SkillID)).want(t, http.StatusOK))
	if r.ResultSet.ErrorCount != 2 || !r.ResultSet.SkillResults[0].Success || !strings.Contains(*r.ResultSet.SkillResults[1].Error, "not assigned") {
		t.Fatalf("update result %+v", r)
	}
	got := c.s.State().Assignments
	if len(got) != 1 || got[0].AgentProficiencyValue != 20 || got[0].IsActive {
		t.Errorf("after update %+v", got)
	}

	del := fmt.Sprintf("/skills/%d/agents/1002", a.SkillID)
	c.admin("DELETE", del, nil).want(t, http.StatusNoContent)
	c.admin("DELETE", del, nil).want(t, http.StatusNotFound)
	if n := len(c.s.State().Assignments); n != 0 {
		t.Errorf("%d assignments left", n)
	}
}

func TestAssignmentListsPage(t *testing.T) {
	c := newClient(t, Options{ExtraUsers: 5, SyncDelay: time.Hour})
	sk := c.createSkill("Popular")
	for id := 1001; id <= 1014; id++ {
		c.admin("POST", fmt.Sprintf("/agents/%d/skills", id), fmt.Sprintf(`{"skills":[{"skillId":%d,"proficiency":%d}]}`, sk.SkillID, id%20+1)).want(t, http.StatusOK)
	}
	var agents []int64
	path := fmt.Sprintf("/skills/%d/agents?top=5", sk.SkillID)
	pages := 0
	for path != "" {
		p := decode[assignmentsPage](t, c.admin("GET", path, nil).want(t, http.StatusOK))
		pages++
		for _, as := range p.Assignments {
			agents = append(agents, as.AgentID)
			if as.SkillID != sk.SkillID || as.AgentProficiencyName != fmt.Sprintf("Level %d", as.AgentProficiencyValue) {
				t.Errorf("assignment %+v", as)
			}
		}
		path = ""
		if p.Links.Next != nil {
			path = strings.TrimPrefix(*p.Links.Next, c.s.URL+adminPrefix)
		}
	}
	if pages != 3 || len(agents) != 14 || agents[0] != 1001 || agents[13] != 1014 {
		t.Errorf("%d pages, agents %v", pages, agents)
	}
	mine := decode[assignmentsPage](t, c.admin("GET", "/agents/1003/skills", nil).want(t, http.StatusOK))
	if mine.TotalRecords != 1 || mine.Assignments[0].SkillName != "Popular" || mine.Assignments[0].MediaTypeID != 9 {
		t.Errorf("agent 1003 skills %+v", mine)
	}
	c.admin("GET", "/agents/4/skills", nil).want(t, http.StatusNotFound)
	c.admin("GET", "/skills/4/agents", nil).want(t, http.StatusNotFound)
}

package mockcxone

import (
	"fmt"
	"testing"
)

func TestDNCGroups_rules(t *testing.T) {
	c := newClient(t, Options{SyncDelay: -1})
	sk := c.createSkill("Watering Hole").SkillID
	c.admin("POST", "/dnc-groups", `{"dncGroupName":"Stop","dncGroupDescription":"d"}`).want(t, 200)
	c.admin("POST", "/dnc-groups", `{"dncGroupName":"Other"}`).want(t, 200)
	scrub := fmt.Sprintf("/dnc-groups/64001/scrubbed-skills/%d", sk)
	for _, tc := range []struct {
		name, method, path, body string
		status                   int
	}{
		{"create without name", "POST", "/dnc-groups", `{"dncGroupDescription":"d"}`, 400},
		{"create duplicate", "POST", "/dnc-groups", `{"dncGroupName":"Stop"}`, 409},
		{"update to a taken name", "PUT", "/dnc-groups/64001?dncGroupName=Other", "", 409},
		{"update empty name", "PUT", "/dnc-groups/64001?dncGroupName=", "", 400},
		{"update unknown", "PUT", "/dnc-groups/1?isActive=false", "", 404},
		{"update", "PUT", "/dnc-groups/64001?dncGroupDescription=new", "", 200},
		{"link unknown group", "POST", fmt.Sprintf("/dnc-groups/1/scrubbed-skills/%d", sk), "", 404},
		{"link unknown skill", "POST", "/dnc-groups/64001/contributing-skills/1", "", 404},
		{"link", "POST", scrub, "", 204},
		{"link again", "POST", scrub, "", 204},
		{"contribute", "POST", fmt.Sprintf("/dnc-groups/64001/contributing-skills/%d", sk), "", 204},
		{"unlink", "DELETE", scrub, "", 204},
		{"unlink again", "DELETE", scrub, "", 404},
		{"list links of unknown group", "GET", "/dnc-groups/1/scrubbed-skills", "", 404},
		{"deactivate", "PUT", "/dnc-groups/64001?isActive=false", "", 200},
	} {
		t.Run(tc.name, func(t *testing.T) { c.admin(tc.method, tc.path, tc.body).want(t, tc.status) })
	}
	one := decode[struct {
		ResultSet struct {
			DNCGroups []DNCGroup `json:"dncGroups"`
		} `json:"resultSet"`
	}](t, c.admin("GET", "/dnc-groups/64001", nil).want(t, 200))
	if g := one.ResultSet.DNCGroups; len(g) != 1 || g[0].DNCGroupDescription != "new" || g[0].IsActive || g[0].DNCGroupName != "Stop" {
		t.Fatalf("read %+v", one)
	}
	all := decode[struct {
		ResultSet struct {
			TotalGroups int        `json:"totalGroups"`
			DNCGroups   []DNCGroup `json:"dncGroups"`
		} `json:"resultSet"`
	}](t, c.admin("GET", "/dnc-groups", nil).want(t, 200))
	if all.ResultSet.TotalGroups != 2 || len(all.ResultSet.DNCGroups) != 2 {
		t.Fatalf("list %+v", all)
	}
	links := decode[struct {
		ContributingSkills []dncLinkSkill `json:"contributingSkills"`
	}](t, c.admin("GET", "/dnc-groups/64001/contributing-skills", nil).want(t, 200))
	if len(links.ContributingSkills) != 1 || links.ContributingSkills[0].SkillName != "Watering Hole" {
		t.Fatalf("contributing %+v", links)
	}
	if st := c.s.State(); len(st.DNCGroupSkills) != 1 || st.DNCGroupSkills[0].Relation != relationContributing {
		t.Fatalf("state links %+v", st.DNCGroupSkills)
	}
}

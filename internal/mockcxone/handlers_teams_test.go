package mockcxone

import (
	"fmt"
	"net/http"
	"testing"
)

type teamsPage struct {
	TotalRecords int        `json:"totalRecords"`
	Links        adminLinks `json:"_links"`
	Teams        []Team     `json:"teams"`
}

func TestTeams(t *testing.T) {
	c := newClient(t, Options{})
	p := decode[teamsPage](t, c.admin("GET", "/teams", nil).want(t, http.StatusOK))
	if p.TotalRecords != 2 || p.Teams[0].TeamName != "Jungle Digital" || p.Teams[0].TeamID != seedTeamID || p.Teams[1].TeamName != "Jungle Voice" {
		t.Fatalf("seed teams: %+v", p)
	}
	if _, err := c.s.AddTeamForTest(Team{TeamName: "Retired", IsActive: false}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"?searchString=JUNGLE": 2, "?searchString=voice": 1, "?isActive=false": 1, "?isActive=true": 2, "": 3} {
		if p := decode[teamsPage](t, c.admin("GET", "/teams"+q, nil).want(t, http.StatusOK)); p.TotalRecords != want {
			t.Errorf("teams%s: %d, want %d", q, p.TotalRecords, want)
		}
	}
	one := decode[teamsPage](t, c.admin("GET", fmt.Sprintf("/teams/%d", seedTeamID), nil).want(t, http.StatusOK))
	if len(one.Teams) != 1 || one.Teams[0].TeamName != "Jungle Digital" || !one.Teams[0].IsActive {
		t.Fatalf("GET /teams/%d: %+v", seedTeamID, one)
	}
	if e := decode[map[string]string](t, c.admin("GET", "/teams/999", nil).want(t, http.StatusNotFound)); e["error"] != "not_found" {
		t.Errorf("unknown team: %v", e)
	}
	c.admin("GET", "/teams/0", nil).want(t, http.StatusBadRequest)
	c.admin("GET", "/teams?top=0", nil).want(t, http.StatusBadRequest)
	if _, err := c.s.AddTeamForTest(Team{TeamID: seedTeamID, TeamName: "Twin"}); err == nil {
		t.Error("AddTeamForTest took a taken id")
	}
}

type profilesPage struct {
	TotalRecords     int               `json:"totalRecords"`
	SecurityProfiles []SecurityProfile `json:"securityProfiles"`
}

func TestSecurityProfiles(t *testing.T) {
	c := newClient(t, Options{})
	p := decode[profilesPage](t, c.admin("GET", "/security-profiles", nil).want(t, http.StatusOK))
	var names []string
	for _, sp := range p.SecurityProfiles {
		names = append(names, sp.SecurityProfileName)
	}
	if fmt.Sprint(names) != "[Agent Supervisor Administrator]" || p.SecurityProfiles[0].SecurityProfileID != seedProfileID {
		t.Fatalf("seed profiles: %+v", p)
	}
	if p := decode[profilesPage](t, c.admin("GET", "/security-profiles?searchString=VISOR&isActive=false", nil)); p.TotalRecords != 1 {
		t.Errorf("search: %+v", p)
	}
	one := decode[profilesPage](t, c.admin("GET", "/security-profiles/7", nil).want(t, http.StatusOK))
	if len(one.SecurityProfiles) != 1 || one.SecurityProfiles[0].SecurityProfileName != "Administrator" {
		t.Fatalf("GET /security-profiles/7: %+v", one)
	}
	c.admin("GET", "/security-profiles/999", nil).want(t, http.StatusNotFound)
	c.admin("GET", "/security-profiles/x", nil).want(t, http.StatusBadRequest)
	added, err := c.s.AddSecurityProfileForTest(SecurityProfile{SecurityProfileName: "Auditor"})
	if err != nil || added.SecurityProfileID != 8 {
		t.Fatalf("AddSecurityProfileForTest: %+v %v", added, err)
	}
}

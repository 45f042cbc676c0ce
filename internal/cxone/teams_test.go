package cxone_test

import (
	"fmt"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func TestTeams_listGetFilter(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	if _, err := e.s.AddTeamForTest(mockcxone.Team{TeamName: "Old Pack", IsActive: false}); err != nil {
		t.Fatal(err)
	}
	all, err := e.c.ListTeams(e.ctx, cxone.TeamListOptions{})
	if err != nil || len(all) != 3 || all[0].TeamID != 301 || all[0].TeamName != "Jungle Digital" || !all[0].IsActive {
		t.Fatalf("ListTeams: %+v %v", all, err)
	}
	voice, err := e.c.ListTeams(e.ctx, cxone.TeamListOptions{SearchString: "VOICE"})
	if err != nil || len(voice) != 1 || voice[0].TeamName != "Jungle Voice" {
		t.Fatalf("search: %+v %v", voice, err)
	}
	inactive, err := e.c.ListTeams(e.ctx, cxone.TeamListOptions{IsActive: new(false)})
	if err != nil || len(inactive) != 1 || inactive[0].TeamName != "Old Pack" {
		t.Fatalf("inactive: %+v %v", inactive, err)
	}
	team, err := e.c.GetTeam(e.ctx, 302)
	if err != nil || team.TeamName != "Jungle Voice" || team.Description == "" {
		t.Fatalf("GetTeam: %+v %v", team, err)
	}
}

func TestTeams_notFoundAndValidation(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	_, err := e.c.GetTeam(e.ctx, 999)
	wantObjectNotFound(t, err)
	wantAPIError(t, err, 404, "team 999")
	// An id CXone cannot take is CXone's validation error, not a missing team.
	_, err = e.c.GetTeam(e.ctx, 0)
	wantAPIError(t, err, 400, "teamId")
	if cxone.IsNotFound(err) || !cxone.Refused(err) {
		t.Fatalf("validation error: IsNotFound %v, Refused %v", cxone.IsNotFound(err), cxone.Refused(err))
	}
}

func TestSecurityProfiles_listGet(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	all, err := e.c.ListSecurityProfiles(e.ctx)
	if err != nil || len(all) != 3 {
		t.Fatalf("ListSecurityProfiles: %+v %v", all, err)
	}
	if got := fmt.Sprint(all[0].SecurityProfileName, all[1].SecurityProfileName, all[2].SecurityProfileName); got != "AgentSupervisorAdministrator" {
		t.Fatalf("names: %s", got)
	}
	p, err := e.c.GetSecurityProfile(e.ctx, 6)
	if err != nil || p.SecurityProfileID != 6 || p.SecurityProfileName != "Supervisor" || p.Description == "" {
		t.Fatalf("GetSecurityProfile: %+v %v", p, err)
	}
}

func TestSecurityProfiles_notFoundAndValidation(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	_, err := e.c.GetSecurityProfile(e.ctx, 999)
	wantObjectNotFound(t, err)
	wantAPIError(t, err, 404, "security profile 999")
	_, err = e.c.GetSecurityProfile(e.ctx, -1)
	wantAPIError(t, err, 400, "profileId")
	if cxone.IsNotFound(err) {
		t.Fatalf("a refused id reads as not found: %v", err)
	}
}

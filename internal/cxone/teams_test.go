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

// TestTeamsAndProfiles_notFoundAndValidation: an id that names no team or security profile
// is a 404 that reads as not found; an id CXone cannot take is CXone's validation error,
// not a missing object.
func TestTeamsAndProfiles_notFoundAndValidation(t *testing.T) {
	for _, tc := range []struct {
		name string
		get  func(e *env, id int64) error
		// missing names nothing (missingMsg is in the 404); refused is an id CXone
		// cannot take (refusedMsg is in the 400).
		missing, refused       int64
		missingMsg, refusedMsg string
	}{
		{"team", func(e *env, id int64) error { _, err := e.c.GetTeam(e.ctx, id); return err }, 999, 0, "team 999", "teamId"},
		{"security profile", func(e *env, id int64) error { _, err := e.c.GetSecurityProfile(e.ctx, id); return err },
			999, -1, "security profile 999", "profileId"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, mockcxone.Options{})
			err := tc.get(e, tc.missing)
			wantObjectNotFound(t, err)
			wantAPIError(t, err, 404, tc.missingMsg)
			err = tc.get(e, tc.refused)
			wantAPIError(t, err, 400, tc.refusedMsg)
			if cxone.IsNotFound(err) || !cxone.Refused(err) {
				t.Fatalf("validation error: IsNotFound %v, Refused %v", cxone.IsNotFound(err), cxone.Refused(err))
			}
		})
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

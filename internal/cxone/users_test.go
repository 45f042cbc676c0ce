package cxone_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// userInput is a valid new user named userName, in the seed's team and profile.
func userInput(userName string) cxone.AgentInput {
	return cxone.AgentInput{
		UserName: userName, FirstName: "Grey", MiddleName: "Wolf", LastName: "Brother",
		EmailAddress: userName + "@thejungle.example", TeamID: 301, ProfileID: 5,
		TimeZone: "Asia/Kolkata", Country: "IN", State: "Madhya Pradesh", City: "Seoni", Notes: "new cub",
	}
}

const (
	postAgents = "POST " + adminKey + "/agents"
	putAgents  = "PUT " + adminKey + "/agents"
)

func TestUsers_create(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	in := userInput("grey.brother")
	in.TeamID, in.ProfileID, in.FederatedID = 302, 6, "gb@idp"
	a, err := e.c.CreateAgent(e.ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if a.AgentID == 0 || a.UserID == "" || a.UserName != in.UserName || a.MiddleName != "Wolf" || !a.IsActive ||
		a.TeamID != 302 || a.TeamName != "Jungle Voice" || a.ProfileID != 6 || a.ProfileName != "Supervisor" ||
		a.State != "Madhya Pradesh" || a.FederatedID != "gb@idp" || a.CreateDate == "" || a.InactiveDate != "" {
		t.Fatalf("created user: %+v", a)
	}
	got, err := e.c.GetAgent(e.ctx, a.AgentID)
	if err != nil || *got != *a {
		t.Fatalf("GetAgent of the new user: %+v %v, want %+v", got, err, a)
	}
	found, err := e.c.FindAgentByUserName(e.ctx, "GREY.BROTHER")
	if err != nil || found.AgentID != a.AgentID {
		t.Fatalf("FindAgentByUserName ignores case: %+v %v", found, err)
	}
	if n := e.count(postAgents); n != 1 {
		t.Fatalf("%d POSTs, want 1", n)
	}
}

// TestUsers_createRefused: CXone refuses a user inside its 200 answer; a taken user name,
// active or not and in any case, is a conflict, other refusals are not.
func TestUsers_createRefused(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	noCity := userInput("no.city")
	noCity.City = ""
	badMail := userInput("bad.mail")
	badMail.EmailAddress = "bad mail"
	noTeam := userInput("no.team")
	noTeam.TeamID = 999
	noProfile := userInput("no.profile")
	noProfile.ProfileID = 999
	for _, tc := range []struct {
		name     string
		in       cxone.AgentInput
		msg      string
		conflict bool
	}{
		{"missing required field", noCity, "city", false},
		{"validation", badMail, "not an e-mail address", false},
		{"unknown team", noTeam, "teamId 999 is not a team", false},
		{"unknown profile", noProfile, "profileId 999 is not a security profile", false},
		{"duplicate, active", userInput("Mowgli"), `a user named "mowgli" already exists (active`, true},
		{"duplicate, inactive", userInput("raksha"), `a user named "raksha" already exists (inactive`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(e.s.State().Agents)
			_, err := e.c.CreateAgent(e.ctx, tc.in)
			wantItemError(t, err, 0, tc.msg)
			if cxone.IsConflict(err) != tc.conflict || cxone.IsNotFound(err) {
				t.Fatalf("IsConflict %v, IsNotFound %v for %v", cxone.IsConflict(err), cxone.IsNotFound(err), err)
			}
			if !strings.Contains(err.Error(), tc.in.UserName) {
				t.Errorf("the message does not name the user: %v", err)
			}
			if n := len(e.s.State().Agents); n != before {
				t.Fatalf("a refused create left %d users, want %d", n, before)
			}
		})
	}
	_, err := e.c.FindAgentByUserName(e.ctx, "no.city")
	if !cxone.IsNotFound(err) {
		t.Fatalf("a user never created is found: %v", err)
	}
}

// TestUsers_lostCreateAnswerFindsAnotherUser: the dropped POST failed inside CXone because
// the user name was taken (here by an inactive user); the user found has other values and
// must not be adopted.
func TestUsers_lostCreateAnswerFindsAnotherUser(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	e.faults(mockcxone.FaultRule{Method: "POST", Path: adminPath + "/agents", DropResponse: true, Count: 1})
	_, err := e.c.CreateAgent(e.ctx, userInput("raksha"))
	wantMismatch(t, err, "isActive")
	var me *cxone.MismatchError
	if !errors.As(err, &me) || me.ID != "1009" || me.Kind != "user named" {
		t.Fatalf("mismatch %+v", me)
	}
}

func TestUsers_update(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	a, err := e.c.UpdateAgent(e.ctx, 1002, cxone.AgentChanges{
		UserName: new("baloo.bear"), FirstName: new("Baloo"), MiddleName: new("The"), LastName: new("Bear"),
		EmailAddress: new("baloo.bear@thejungle.example"), TeamID: new(int64(302)), ProfileID: new(int64(7)),
		TimeZone: new("Europe/London"), Country: new("GB"), State: new(""), City: new("London"),
		Notes: new("teacher"), FederatedID: new("baloo@idp"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if a.UserName != "baloo.bear" || a.MiddleName != "The" || a.TeamName != "Jungle Voice" || a.ProfileName != "Administrator" ||
		a.TimeZone != "Europe/London" || a.State != "" || a.City != "London" || a.Notes != "teacher" || a.FederatedID != "baloo@idp" {
		t.Fatalf("after update: %+v", a)
	}
	// Fields left out stay as they are.
	a, err = e.c.UpdateAgent(e.ctx, 1002, cxone.AgentChanges{Notes: new("")})
	if err != nil || a.Notes != "" || a.City != "London" || a.FirstName != "Baloo" {
		t.Fatalf("partial update: %+v %v", a, err)
	}
	if n := e.count(putAgents); n != 2 {
		t.Fatalf("%d PUTs, want 2", n)
	}

	// Deactivate, refuse digital engagement while inactive, reactivate.
	a, err = e.c.UpdateAgent(e.ctx, 1003, cxone.AgentChanges{IsActive: new(false)})
	if err != nil || a.IsActive || a.InactiveDate == "" {
		t.Fatalf("deactivate: %+v %v", a, err)
	}
	err = e.c.UpdateAgentDigitalSettings(e.ctx, cxone.AgentDigitalSettings{AgentID: 1003, DigitalEngagementEnabled: new(true)})
	wantItemError(t, err, 0, "inactive")
	if err := e.c.UpdateAgentDigitalSettings(e.ctx, cxone.AgentDigitalSettings{AgentID: 1003, DigitalEngagementEnabled: new(false)}); err != nil {
		t.Fatalf("turning digital engagement off for an inactive user: %v", err)
	}
	a, err = e.c.UpdateAgent(e.ctx, 1003, cxone.AgentChanges{IsActive: new(true)})
	if err != nil || !a.IsActive || a.InactiveDate != "" {
		t.Fatalf("reactivate: %+v %v", a, err)
	}
}

func TestUsers_updateRefused(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	// Per-item failures in a 200: a taken user name is a conflict, the rest are not.
	_, err := e.c.UpdateAgent(e.ctx, 1004, cxone.AgentChanges{UserName: new("MOWGLI")})
	wantItemError(t, err, 0, "already exists")
	if !cxone.IsConflict(err) {
		t.Fatalf("a taken user name is not a conflict: %v", err)
	}
	_, err = e.c.UpdateAgent(e.ctx, 1004, cxone.AgentChanges{EmailAddress: new("kaa")})
	wantItemError(t, err, 0, "not an e-mail address")
	_, err = e.c.UpdateAgent(e.ctx, 1004, cxone.AgentChanges{TeamID: new(int64(1))})
	wantItemError(t, err, 0, "not a team")
	// CXone reports an unknown agent inside its 200 answer too; GetAgent tells it apart.
	_, err = e.c.UpdateAgent(e.ctx, 424242, cxone.AgentChanges{FirstName: new("Nobody")})
	wantItemError(t, err, 0, "424242")
	if _, err := e.c.GetAgent(e.ctx, 424242); !cxone.IsNotFound(err) {
		t.Fatalf("unknown agent: %v", err)
	}
	if a, _ := e.c.GetAgent(e.ctx, 1004); a.UserName != "kaa" || a.EmailAddress != "kaa@thejungle.example" || a.TeamID != 301 {
		t.Fatalf("a refused update changed the user: %+v", a)
	}
}

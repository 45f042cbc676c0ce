package cxone_test

import (
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func TestDNCGroups_lifecycle(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	g, err := e.c.CreateDNCGroup(e.ctx, cxone.DNCGroupInput{DNCGroupName: "Stop list", DNCGroupDescription: "replied STOP"})
	if err != nil || g.DNCGroupID == 0 || !g.IsActive || g.DNCGroupDescription != "replied STOP" {
		t.Fatalf("created %+v %v", g, err)
	}
	upd, err := e.c.UpdateDNCGroup(e.ctx, g.DNCGroupID, cxone.DNCGroupInput{DNCGroupName: "Stop", DNCGroupDescription: ""})
	if err != nil || upd.DNCGroupName != "Stop" || upd.DNCGroupDescription != "" {
		t.Fatalf("updated %+v %v", upd, err)
	}
	wantRetired(t, func() error { return e.c.DeactivateDNCGroup(e.ctx, g.DNCGroupID) },
		func() (*cxone.DNCGroup, error) { return e.c.FindDNCGroupByName(e.ctx, "Stop") },
		func(found *cxone.DNCGroup) bool { return !found.IsActive })
	if _, err := e.c.CreateDNCGroup(e.ctx, cxone.DNCGroupInput{DNCGroupName: "Stop"}); !cxone.IsConflict(err) {
		t.Errorf("duplicate: %v", err)
	}
	if _, err := e.c.GetDNCGroup(e.ctx, 1); !cxone.IsNotFound(err) {
		t.Errorf("unknown: %v", err)
	}
}

func TestDNCGroups_links(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	g, err := e.c.CreateDNCGroup(e.ctx, cxone.DNCGroupInput{DNCGroupName: "Stop list"})
	if err != nil {
		t.Fatal(err)
	}
	s := e.skill("Watering Hole")
	for range 2 { // a duplicate link changes nothing
		if err := e.c.AddDNCGroupSkill(e.ctx, g.DNCGroupID, s.SkillID, cxone.DNCScrubbed); err != nil {
			t.Fatal(err)
		}
	}
	scrubbed, err := e.c.ListDNCGroupSkills(e.ctx, g.DNCGroupID, cxone.DNCScrubbed)
	if err != nil || len(scrubbed) != 1 || scrubbed[0].SkillID != s.SkillID || scrubbed[0].SkillName != "Watering Hole" {
		t.Fatalf("scrubbed %+v %v", scrubbed, err)
	}
	contributing, err := e.c.ListDNCGroupSkills(e.ctx, g.DNCGroupID, cxone.DNCContributing)
	if err != nil || len(contributing) != 0 {
		t.Fatalf("contributing %+v %v", contributing, err)
	}
	if err := e.c.AddDNCGroupSkill(e.ctx, 1, s.SkillID, cxone.DNCContributing); !cxone.IsNotFound(err) {
		t.Errorf("unknown group: %v", err)
	}
	if err := e.c.AddDNCGroupSkill(e.ctx, g.DNCGroupID, 1, cxone.DNCContributing); !cxone.IsNotFound(err) {
		t.Errorf("unknown skill: %v", err)
	}
	if err := e.c.AddDNCGroupSkill(e.ctx, g.DNCGroupID, s.SkillID, "both"); err == nil {
		t.Error("an unknown relation was sent")
	}
	if err := e.c.RemoveDNCGroupSkill(e.ctx, g.DNCGroupID, s.SkillID, cxone.DNCScrubbed); err != nil {
		t.Fatal(err)
	}
	if err := e.c.RemoveDNCGroupSkill(e.ctx, g.DNCGroupID, s.SkillID, cxone.DNCScrubbed); !cxone.IsNotFound(err) {
		t.Errorf("removing a removed link: %v", err)
	}
}

func TestDNCGroups_unreadableAnswers(t *testing.T) {
	wantUnreadable(t, "GET", adminPath+"/dnc-groups", []string{`{"dncGroups":[]}`, `{"resultSet":{"totalGroups":0}}`, `{"resultSet":{"dncGroups":[{"dncGroupName":"x"}]}}`},
		func(e *env) (any, error) { return e.c.ListDNCGroups(e.ctx) })
	wantUnreadable(t, "GET", adminPath+"/dnc-groups/9", []string{`{"dncGroupId":9}`, `{"resultSet":{"dncGroups":[]}}`},
		func(e *env) (any, error) { return e.c.GetDNCGroup(e.ctx, 9) })
	wantUnreadable(t, "POST", adminPath+"/dnc-groups", []string{`{}`, `{"dncGroups":[]}`, `{"dncGroupId":9}`},
		func(e *env) (any, error) { return e.c.CreateDNCGroup(e.ctx, cxone.DNCGroupInput{DNCGroupName: "x"}) })
	wantUnreadable(t, "GET", adminPath+"/dnc-groups/9/scrubbed-skills", []string{`{"contributingSkills":[]}`},
		func(e *env) (any, error) { return e.c.ListDNCGroupSkills(e.ctx, 9, cxone.DNCScrubbed) })
}

package cxone_test

import (
	"testing"
	"time"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func TestSkills_createGetUpdate(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	s := e.skill("Watering Hole")
	if s.SkillID == 0 || s.SkillName != "Watering Hole" || s.MediaTypeID != cxone.MediaTypeDigital || !s.IsActive || s.IsOutbound ||
		s.ServiceLevelGoal != 80 || s.MaxPriority != 100 {
		t.Fatalf("created %+v", s)
	}
	got, err := e.c.GetSkill(e.ctx, s.SkillID)
	if err != nil || got.SkillName != s.SkillName || got.RoutingQueueID == "" {
		t.Fatalf("GetSkill: %+v %v", got, err)
	}
	upd, err := e.c.UpdateSkill(e.ctx, s.SkillID, cxone.SkillInput{SkillName: "Watering Hole", Notes: "savanna", MaxPriority: 500, IsActive: new(false)})
	if err != nil || upd.Notes != "savanna" || upd.MaxPriority != 500 || upd.IsActive {
		t.Fatalf("UpdateSkill: %+v %v", upd, err)
	}
	found, err := e.c.FindSkillByName(e.ctx, "Watering Hole")
	if err != nil || found.SkillID != s.SkillID {
		t.Fatalf("FindSkillByName finds inactive skills too: %+v %v", found, err)
	}
}

func TestSkills_createInactive(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	s, err := e.c.CreateSkill(e.ctx, cxone.SkillInput{SkillName: "Dormant", MaxPriority: 10, IsActive: new(false)})
	if err != nil || s.IsActive {
		t.Fatalf("created %+v %v", s, err)
	}
}

func TestSkills_routingQueueIDNumberAndString(t *testing.T) {
	// The mock sends routingQueueId as a number for odd skill ids and as a string for even
	// ones, and null before the sync.
	e := newEnv(t, mockcxone.Options{SyncDelay: time.Hour})
	a, b := e.skill("Odd or even A"), e.skill("Odd or even B")
	if a.RoutingQueueID != "" || b.RoutingQueueID != "" {
		t.Fatalf("queue before sync: %q %q", a.RoutingQueueID, b.RoutingQueueID)
	}
	e.s.SyncNow()
	for _, id := range []int64{a.SkillID, b.SkillID} {
		s, err := e.c.GetSkill(e.ctx, id)
		if err != nil || s.RoutingQueueID == "" {
			t.Fatalf("skill %d after sync: %+v %v", id, s, err)
		}
		if _, err := e.c.GetRoutingQueue(e.ctx, s.RoutingQueueID); err != nil {
			t.Fatalf("queue %q of skill %d: %v", s.RoutingQueueID, id, err)
		}
	}
}

func TestSkills_validationAndConflict(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	_, err := e.c.CreateSkill(e.ctx, cxone.SkillInput{SkillName: "Too eager", MaxPriority: 5000})
	wantItemError(t, err, 0, "maxPriority must be from 0 to 1000")
	if cxone.IsConflict(err) {
		t.Fatal("a range error is not a conflict")
	}

	s := e.skill("Unique")
	_, err = e.c.CreateSkill(e.ctx, cxone.SkillInput{SkillName: "Unique"})
	if !cxone.IsConflict(err) {
		t.Fatalf("duplicate name: want IsConflict, got %v", err)
	}
	wantItemError(t, err, 0, "already exists")

	_, err = e.c.UpdateSkill(e.ctx, s.SkillID, cxone.SkillInput{SkillName: "Unique", ServiceLevelGoal: 101})
	wantAPIError(t, err, 400, "serviceLevelGoal must be a percentage")

	e.skill("Other")
	_, err = e.c.UpdateSkill(e.ctx, s.SkillID, cxone.SkillInput{SkillName: "Other"})
	if !cxone.IsConflict(err) {
		t.Fatalf("rename onto a taken name: %v", err)
	}
}

func TestSkills_notFound(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	if _, err := e.c.GetSkill(e.ctx, 424242); !cxone.IsNotFound(err) {
		t.Fatalf("GetSkill: %v", err)
	}
	if _, err := e.c.UpdateSkill(e.ctx, 424242, cxone.SkillInput{SkillName: "x"}); !cxone.IsNotFound(err) {
		t.Fatalf("UpdateSkill: %v", err)
	}
	e.skill("Chat with a longer name")
	// searchString matches substrings; FindSkillByName wants the exact, case-sensitive name.
	for _, name := range []string{"Chat", "chat with a longer name"} {
		if _, err := e.c.FindSkillByName(e.ctx, name); !cxone.IsNotFound(err) {
			t.Fatalf("FindSkillByName(%q): %v", name, err)
		}
	}
}

func TestSkills_createRetriedOnThrottle(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	e.faults(mockcxone.FaultRule{Method: "POST", Path: adminPath + "/skills", Status: 429, Count: 2, RetryAfter: "1"})
	s, err := e.c.CreateSkill(e.ctx, cxone.SkillInput{SkillName: "Patient", MaxPriority: 10})
	if err != nil || s.SkillName != "Patient" {
		t.Fatalf("CreateSkill: %+v %v", s, err)
	}
	if n, skills := e.count("POST "+adminKey+"/skills"), e.s.State().Skills; n != 3 || len(skills) != 1 {
		t.Fatalf("%d POSTs, %d skills; want 3 and 1", n, len(skills))
	}
}

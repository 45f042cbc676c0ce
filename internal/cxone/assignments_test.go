package cxone_test

import (
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func TestAssignments_lifecycle(t *testing.T) {
	e, agent, s := newAssignedEnv(t)
	a, err := e.c.GetSkillAssignment(e.ctx, agent, s.SkillID)
	if err != nil || a.AgentID != agent || a.SkillID != s.SkillID || a.Proficiency != 3 || !a.IsActive || a.SkillName != "Digital" {
		t.Fatalf("GetSkillAssignment: %+v %v", a, err)
	}
	bySkill, err := e.c.ListSkillAgents(e.ctx, s.SkillID)
	if err != nil || len(bySkill) != 1 || bySkill[0].AgentID != agent || bySkill[0].SkillID != s.SkillID {
		t.Fatalf("ListSkillAgents: %+v %v", bySkill, err)
	}
	if err := e.c.UpdateSkillAssignments(e.ctx, agent, []cxone.SkillAssignmentInput{{SkillID: s.SkillID, Proficiency: 12, IsActive: false}}); err != nil {
		t.Fatal(err)
	}
	if a, err := e.c.GetSkillAssignment(e.ctx, agent, s.SkillID); err != nil || a.Proficiency != 12 || a.IsActive {
		t.Fatalf("after update: %+v %v", a, err)
	}
	if err := e.c.UnassignSkill(e.ctx, agent, s.SkillID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.GetSkillAssignment(e.ctx, agent, s.SkillID); !cxone.IsNotFound(err) {
		t.Fatalf("after unassign: %v", err)
	}
	if err := e.c.UnassignSkill(e.ctx, agent, s.SkillID); !cxone.IsNotFound(err) {
		t.Fatalf("second unassign: %v", err)
	}
}

func TestAssignments_validationConflictNotFound(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	agent := e.agentIDs()[0]
	s := e.skill("Digital")
	err := e.c.AssignSkills(e.ctx, agent, []cxone.SkillAssignmentInput{{SkillID: s.SkillID, Proficiency: 25, IsActive: true}})
	wantItemError(t, err, 0, "proficiency must be from 1")
	if cxone.IsConflict(err) {
		t.Fatal("a range error is not a conflict")
	}

	in := []cxone.SkillAssignmentInput{{SkillID: s.SkillID, Proficiency: 1, IsActive: true}}
	if err := e.c.AssignSkills(e.ctx, agent, in); err != nil {
		t.Fatal(err)
	}
	err = e.c.AssignSkills(e.ctx, agent, in)
	if !cxone.IsConflict(err) {
		t.Fatalf("assigning twice: want IsConflict, got %v", err)
	}
	wantItemError(t, err, 0, "already assigned")
	// In a mixed batch the failing item is named by its position; the others still apply.
	s2 := e.skill("Second")
	err = e.c.AssignSkills(e.ctx, agent, []cxone.SkillAssignmentInput{{SkillID: s2.SkillID, Proficiency: 2, IsActive: true}, in[0]})
	wantItemError(t, err, 1, "already assigned")
	if _, err := e.c.GetSkillAssignment(e.ctx, agent, s2.SkillID); err != nil {
		t.Fatalf("the good item of a mixed batch: %v", err)
	}

	err = e.c.AssignSkills(e.ctx, 999999, in)
	if !cxone.IsNotFound(err) {
		t.Fatalf("unknown agent: %v", err)
	}
	wantAPIError(t, err, 404, "agent 999999")
	if _, err := e.c.ListSkillAgents(e.ctx, 424242); !cxone.IsNotFound(err) {
		t.Fatalf("agents of an unknown skill: %v", err)
	}
	if _, err := e.c.GetSkillAssignment(e.ctx, 999999, s.SkillID); !cxone.IsNotFound(err) {
		t.Fatalf("assignment of an unknown agent: %v", err)
	}
}

func TestAssignments_lostAnswer(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	agent := e.agentIDs()[0]
	s := e.skill("Digital")
	e.faults(mockcxone.FaultRule{Method: "POST", Path: adminPath + "/agents/", DropResponse: true, Count: 1})
	if err := e.c.AssignSkills(e.ctx, agent, []cxone.SkillAssignmentInput{{SkillID: s.SkillID, Proficiency: 2, IsActive: true}}); err != nil {
		t.Fatalf("AssignSkills after a lost answer: %v", err)
	}
	if n := e.count("POST " + adminKey + "/agents/{agentId}/skills"); n != 1 {
		t.Fatalf("POST sent %d times, want 1", n)
	}
	if got := e.s.State().Assignments; len(got) != 1 || got[0].SkillID != s.SkillID || got[0].AgentProficiencyValue != 2 {
		t.Fatalf("mock holds %+v", got)
	}
}

// newAssignedEnv is a mock and a client of it in which the first seeded agent has the new
// digital skill "Digital", with proficiency 3 and active; it returns the agent and skill.
func newAssignedEnv(t *testing.T) (*env, int64, *cxone.Skill) {
	t.Helper()
	e := newEnv(t, mockcxone.Options{})
	agent := e.agentIDs()[0]
	s := e.skill("Digital")
	if err := e.c.AssignSkills(e.ctx, agent, []cxone.SkillAssignmentInput{{SkillID: s.SkillID, Proficiency: 3, IsActive: true}}); err != nil {
		t.Fatal(err)
	}
	return e, agent, s
}

package cxone_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// createCall is one non-idempotent create, with the fault path and request-count key of its
// POST, and how many objects of its kind the mock holds.
type createCall struct {
	name  string
	path  string
	route string
	// setup runs before the fault is set; create makes the object that setup prepared.
	setup  func(e *env) func() error
	stored func(e *env) int
}

// createOnly is the setup of a create that needs nothing prepared, whose result is not looked at.
func createOnly[T any](create func(e *env) (T, error)) func(e *env) func() error {
	return func(e *env) func() error {
		return func() error {
			_, err := create(e)
			return err
		}
	}
}

var creates = []createCall{
	{
		name: "skill", path: adminPath + "/skills", route: "POST " + adminKey + "/skills",
		setup: createOnly(func(e *env) (*cxone.Skill, error) {
			return e.c.CreateSkill(e.ctx, cxone.SkillInput{SkillName: "Gateway", MaxPriority: 10})
		}),
		stored: func(e *env) int { return len(e.s.State().Skills) },
	},
	{
		name: "integration", path: dfoPath + "/channel-integrations", route: "POST " + dfoPath + "/channel-integrations",
		setup: createOnly(func(e *env) (*cxone.Integration, error) {
			return e.c.CreateIntegration(e.ctx, integrationInput("Gateway"))
		}),
		stored: func(e *env) int { return len(e.s.State().Integrations) },
	},
	{
		name: "user", path: adminPath + "/agents", route: "POST " + adminKey + "/agents",
		setup:  createOnly(func(e *env) (*cxone.Agent, error) { return e.c.CreateAgent(e.ctx, userInput("gateway")) }),
		stored: func(e *env) int { return len(e.s.State().Agents) },
	},
	{
		name: "assignment", path: adminPath + "/agents/", route: "POST " + adminKey + "/agents/{agentId}/skills",
		setup: func(e *env) func() error {
			agent, s := e.agentIDs()[0], e.skill("Gateway")
			return func() error {
				return e.c.AssignSkills(e.ctx, agent, []cxone.SkillAssignmentInput{{SkillID: s.SkillID, Proficiency: 4, IsActive: true}})
			}
		},
		stored: func(e *env) int { return len(e.s.State().Assignments) },
	},
}

// createCounts is how many POSTs of a create were sent and how many objects the mock holds.
type createCounts struct{ posts, stored int }

func (cc createCall) counts(e *env) createCounts {
	return createCounts{posts: e.count(cc.route), stored: cc.stored(e)}
}

// wantSentOnce asserts that the create's POST was sent exactly once since before, and
// that the mock holds no more objects than then.
func (cc createCall) wantSentOnce(t *testing.T, e *env, before createCounts) {
	t.Helper()
	if n := e.count(cc.route) - before.posts; n != 1 {
		t.Fatalf("POST sent %d times, want exactly 1", n)
	}
	if n := cc.stored(e); n != before.stored {
		t.Fatalf("mock holds %d objects, want %d", n, before.stored)
	}
}

// TestGateway_createNotResent: a 502 or 504 from a gateway does not say whether the service
// behind it acted, so a create answered so is sent once and settled by a look-up. The mock's
// injected status does not serve the request, so the look-up finds nothing.
func TestGateway_createNotResent(t *testing.T) {
	for _, cc := range creates {
		for _, status := range []int{502, 504} {
			t.Run(cc.name+"/"+strconv.Itoa(status), func(t *testing.T) {
				e := newEnv(t, mockcxone.Options{})
				create := cc.setup(e)
				before := cc.counts(e)
				e.faults(mockcxone.FaultRule{Method: "POST", Path: cc.path, Status: status, Count: 1})
				err := create()
				if !errors.Is(err, cxone.ErrAnswerLost) {
					t.Fatalf("want ErrAnswerLost, got %v", err)
				}
				if cxone.IsNotFound(err) || cxone.IsConflict(err) {
					t.Fatalf("a lost create is neither not found nor a conflict: %v", err)
				}
				var ae *cxone.APIError
				if !errors.As(err, &ae) || ae.Status != status {
					t.Fatalf("the gateway's answer is not kept: %v", err)
				}
				cc.wantSentOnce(t, e, before)
			})
		}
	}
}

// TestTimeout_createNotResent: a create whose answer does not come within RequestTimeout is
// sent once and settled by a look-up. The mock does not serve a request whose client gave up
// during the injected latency, so the look-up finds nothing.
func TestTimeout_createNotResent(t *testing.T) {
	for _, cc := range creates {
		t.Run(cc.name, func(t *testing.T) {
			e := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) { c.RequestTimeout = 200 * time.Millisecond })
			create := cc.setup(e)
			before := cc.counts(e)
			e.faults(mockcxone.FaultRule{Method: "POST", Path: cc.path, LatencyMS: 2000, Count: 1})
			err := create()
			if !errors.Is(err, cxone.ErrAnswerLost) || !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("want ErrAnswerLost wrapping the timeout, got %v", err)
			}
			if cxone.IsNotFound(err) || cxone.Refused(err) {
				t.Fatalf("a timed-out create reads as not found or refused: %v", err)
			}
			if msg := err.Error(); !strings.Contains(msg, "probably not created") && !strings.Contains(msg, "not assigned now") {
				t.Fatalf("the error does not say the look-up found nothing: %v", err)
			}
			cc.wantSentOnce(t, e, before)
		})
	}
}

// TestGateway_createServedBehindGateway: when the service behind the gateway did create the
// object (here it exists already, as it was sent), the look-up returns it.
func TestGateway_createServedBehindGateway(t *testing.T) {
	for _, cc := range creates {
		t.Run(cc.name, func(t *testing.T) {
			e := newEnv(t, mockcxone.Options{})
			create := cc.setup(e)
			if err := create(); err != nil {
				t.Fatal(err)
			}
			before := cc.counts(e)
			e.faults(mockcxone.FaultRule{Method: "POST", Path: cc.path, Status: 504, Count: 1})
			if err := create(); err != nil {
				t.Fatalf("the look-up did not settle the lost create: %v", err)
			}
			cc.wantSentOnce(t, e, before)
		})
	}
}

// TestGateway_idempotentRetried: every call but the creates retries 502 and 504.
func TestGateway_idempotentRetried(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	f := newFixture(e)
	for _, nc := range nounCalls {
		if strings.HasSuffix(nc.name, " create") {
			continue
		}
		for _, status := range []int{502, 504} {
			t.Run(nc.name+"/"+strconv.Itoa(status), func(t *testing.T) {
				e.faults(mockcxone.FaultRule{Method: nc.method, Path: nc.path, Status: status, Count: 2})
				defer e.faults()
				before := e.count(nc.route)
				if err := nc.call(e, f); err != nil {
					t.Fatal(err)
				}
				if got := e.count(nc.route) - before; got != 3 {
					t.Fatalf("%d attempts, want 3 (2 faults + 1)", got)
				}
			})
		}
	}
}

// wantMismatch asserts err is a conflict because an object of the name differs in field,
// and no longer reads as a lost answer.
func wantMismatch(t *testing.T, err error, field string) {
	t.Helper()
	var me *cxone.MismatchError
	if !errors.As(err, &me) || !cxone.IsConflict(err) {
		t.Fatalf("want a *MismatchError conflict, got %v", err)
	}
	if errors.Is(err, cxone.ErrAnswerLost) {
		t.Fatalf("a settled conflict must not read as a lost answer: %v", err)
	}
	if !strings.Contains(err.Error(), "different settings") || !strings.Contains(err.Error(), field+": sent") {
		t.Fatalf("want the differing %s named, got %v", field, err)
	}
}

// TestSkills_lostCreateAnswerFindsAnotherSkill: the dropped POST was served but failed inside
// CXone, because a skill of that name with other settings existed; the look-up finds that
// skill, which must not be adopted.
func TestSkills_lostCreateAnswerFindsAnotherSkill(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	other := e.skill("Taken") // maxPriority 100
	inactive, err := e.c.CreateSkill(e.ctx, cxone.SkillInput{SkillName: "Retired", MaxPriority: 10, IsActive: new(false)})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		in    cxone.SkillInput
		fault mockcxone.FaultRule
		field string
	}{
		{"other maxPriority", cxone.SkillInput{SkillName: "Taken", InitialPriority: 1, MaxPriority: 10, ServiceLevelGoal: 80, ServiceLevelThreshold: 30},
			mockcxone.FaultRule{DropResponse: true}, "maxPriority"},
		{"other notes", cxone.SkillInput{SkillName: "Taken", Notes: "mine", InitialPriority: 1, MaxPriority: 100, ServiceLevelGoal: 80, ServiceLevelThreshold: 30},
			mockcxone.FaultRule{DropResponse: true}, "notes"},
		{"inactive", cxone.SkillInput{SkillName: "Retired", MaxPriority: 10},
			mockcxone.FaultRule{DropResponse: true}, "isActive"},
		{"504, not served", cxone.SkillInput{SkillName: "Taken", InitialPriority: 1, MaxPriority: 100, ServiceLevelGoal: 50, ServiceLevelThreshold: 30},
			mockcxone.FaultRule{Status: 504}, "serviceLevelGoal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rule := tc.fault
			rule.Method, rule.Path, rule.Count = "POST", adminPath+"/skills", 1
			e.faults(rule)
			defer e.faults()
			before := e.count("POST " + adminKey + "/skills")
			s, err := e.c.CreateSkill(e.ctx, tc.in)
			if s != nil {
				t.Fatalf("adopted %+v", s)
			}
			wantMismatch(t, err, tc.field)
			if n := e.count("POST "+adminKey+"/skills") - before; n != 1 {
				t.Fatalf("POST sent %d times, want 1", n)
			}
		})
	}
	for _, s := range e.s.State().Skills {
		if (s.SkillID == other.SkillID && (s.MaxPriority != 100 || s.Notes != "")) || (s.SkillID == inactive.SkillID && s.IsActive) {
			t.Fatalf("an existing skill was changed: %+v", s)
		}
	}
	if n := len(e.s.State().Skills); n != 2 {
		t.Fatalf("mock holds %d skills, want 2", n)
	}
}

// TestIntegrations_lostCreateAnswerFindsAnotherIntegration: as for skills, an integration of
// the name with other non-secret settings is not adopted; the secret is not compared, and a
// colour left out or written in another case is no difference.
func TestIntegrations_lostCreateAnswerFindsAnotherIntegration(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	other := e.integration("Taken")
	drop := mockcxone.FaultRule{Method: "POST", Path: dfoPath + "/channel-integrations", DropResponse: true, Count: 1}
	for _, tc := range []struct {
		name   string
		change func(*cxone.IntegrationInput)
		field  string // "" when the existing integration is the one sent
	}{
		{"other colour", func(in *cxone.IntegrationInput) { in.Color = "#000000" }, "color"},
		{"other client id", func(in *cxone.IntegrationInput) { in.ClientID = "someone-else" }, "clientId"},
		{"other box URL", func(in *cxone.IntegrationInput) { in.IntegrationBoxURL = "https://elsewhere.example/box" }, "integrationBoxUrl"},
		{"other outbound API", func(in *cxone.IntegrationInput) { in.UseDfo3OutboundAPI = false }, "useDfo3OutboundApi"},
		{"other action URL", func(in *cxone.IntegrationInput) { in.RemoveActionURL = "" }, "removeActionUrl"},
		{"same but secret", func(in *cxone.IntegrationInput) { in.ClientSecret = "another-SECRET" }, ""},
		{"colour left out", func(in *cxone.IntegrationInput) { in.Color = "" }, ""},
		{"colour in lower case", func(in *cxone.IntegrationInput) { in.Color = strings.ToLower(in.Color) }, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e.faults(drop)
			defer e.faults()
			in := integrationInput("Taken")
			tc.change(&in)
			got, err := e.c.CreateIntegration(e.ctx, in)
			if tc.field == "" {
				if err != nil || got.ID != other.ID {
					t.Fatalf("want the existing integration, got %+v %v", got, err)
				}
				return
			}
			if got != nil {
				t.Fatalf("adopted %+v", got)
			}
			wantMismatch(t, err, tc.field)
			if strings.Contains(err.Error(), "SECRET") {
				t.Fatalf("the error shows a secret: %v", err)
			}
		})
	}
	if all := e.s.State().Integrations; len(all) != 1 || all[0] != *toMock(other) {
		t.Fatalf("mock holds %+v", all)
	}
}

// toMock is the mock's record of an integration as the client read it.
func toMock(in *cxone.Integration) *mockcxone.Integration {
	return &mockcxone.Integration{
		ID: in.ID, Name: in.Name, IntegrationBoxURL: in.IntegrationBoxURL, AuthorizationURL: in.AuthorizationURL,
		ClientID: in.ClientID, HasClientSecret: in.HasClientSecret, UseDfo3OutboundAPI: in.UseDfo3OutboundAPI,
		AddActionURL: in.AddActionURL, ReconnectActionURL: in.ReconnectActionURL, RemoveActionURL: in.RemoveActionURL,
		Color: in.Color,
	}
}

// TestAssignments_lostAnswerFindsOtherSettings: the skill was assigned before with another
// proficiency or state, so the dropped POST failed inside CXone; that assignment is not
// taken for the one asked for.
func TestAssignments_lostAnswerFindsOtherSettings(t *testing.T) {
	e, agent, s := newAssignedEnv(t)
	drop := mockcxone.FaultRule{Method: "POST", Path: adminPath + "/agents/", DropResponse: true, Count: 1}
	for _, tc := range []struct {
		name  string
		in    cxone.SkillAssignmentInput
		field string
	}{
		{"other proficiency", cxone.SkillAssignmentInput{SkillID: s.SkillID, Proficiency: 5, IsActive: true}, "proficiency"},
		{"inactive", cxone.SkillAssignmentInput{SkillID: s.SkillID, Proficiency: 3, IsActive: false}, "isActive"},
		{"same", cxone.SkillAssignmentInput{SkillID: s.SkillID, Proficiency: 3, IsActive: true}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e.faults(drop)
			defer e.faults()
			err := e.c.AssignSkills(e.ctx, agent, []cxone.SkillAssignmentInput{tc.in})
			if tc.field == "" {
				if err != nil {
					t.Fatalf("an assignment as sent is accepted: %v", err)
				}
				return
			}
			wantMismatch(t, err, tc.field)
		})
	}
	if got := e.s.State().Assignments; len(got) != 1 || got[0].AgentProficiencyValue != 3 || !got[0].IsActive {
		t.Fatalf("mock holds %+v", got)
	}
}

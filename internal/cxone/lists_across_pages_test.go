package cxone_test

import (
	"fmt"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestLists_acrossPages: every kind's list follows CXone's pages to the end. A tenant with
// more objects than two pages hold is listed whole, each object once, in three page
// requests (Admin pages hold 100 objects, DFO pages the 100 the client asks for).
func TestLists_acrossPages(t *testing.T) {
	const n = 230
	skills := func(prefix string) func(t *testing.T, e *env) int {
		return func(t *testing.T, e *env) int {
			parallel(t, n, func(i int) error {
				_, err := e.c.CreateSkill(e.ctx, cxone.SkillInput{SkillName: fmt.Sprintf("%s-%03d", prefix, i), MaxPriority: 10})
				return err
			})
			return n
		}
	}
	var busyQueue string   // the queue of "bindings of a queue"
	var popularSkill int64 // the skill of "agents of a skill"
	for _, tc := range []struct {
		name string
		opts mockcxone.Options
		// fill makes the objects and says how many the list must hold.
		fill func(t *testing.T, e *env) int
		// list lists them, as ids.
		list func(e *env) ([]string, error)
		// route is the list's page request, as the mock counts it.
		route string
		// also checks more on the filled tenant.
		also func(t *testing.T, e *env)
	}{
		{
			name: "agents", opts: mockcxone.Options{ExtraUsers: 250},
			fill: func(t *testing.T, e *env) int {
				if n := len(e.s.State().Agents); n >= 250 {
					return n
				}
				t.Fatal("the mock holds fewer than 250 users")
				return 0
			},
			list:  func(e *env) ([]string, error) { return ids(e.c.ListAgents(e.ctx, cxone.AgentListOptions{}))(agentID) },
			route: "GET " + adminKey + "/agents",
		},
		{
			name: "teams",
			fill: func(t *testing.T, e *env) int {
				for i := range 248 {
					if _, err := e.s.AddTeamForTest(mockcxone.Team{TeamName: fmt.Sprintf("Pack %03d", i), IsActive: true}); err != nil {
						t.Fatal(err)
					}
				}
				return 250
			},
			list:  func(e *env) ([]string, error) { return ids(e.c.ListTeams(e.ctx, cxone.TeamListOptions{}))(teamID) },
			route: "GET " + adminKey + "/teams",
		},
		{
			name: "security profiles",
			fill: func(t *testing.T, e *env) int {
				for i := range 247 {
					if _, err := e.s.AddSecurityProfileForTest(mockcxone.SecurityProfile{SecurityProfileName: fmt.Sprintf("Role %03d", i)}); err != nil {
						t.Fatal(err)
					}
				}
				return 250
			},
			list:  func(e *env) ([]string, error) { return ids(e.c.ListSecurityProfiles(e.ctx))(profileID) },
			route: "GET " + adminKey + "/security-profiles",
		},
		{
			name: "skills", fill: skills("skill"),
			list: func(e *env) ([]string, error) {
				return ids(e.c.ListSkills(e.ctx, cxone.SkillListOptions{MediaTypeID: cxone.MediaTypeDigital}))(skillID)
			},
			route: "GET " + adminKey + "/skills",
			also: func(t *testing.T, e *env) {
				inactive, err := e.c.ListSkills(e.ctx, cxone.SkillListOptions{IsActive: new(false)})
				if err != nil || len(inactive) != 0 {
					t.Fatalf("inactive filter: %d %v", len(inactive), err)
				}
			},
		},
		{
			name: "routing queues", fill: skills("queue"),
			list: func(e *env) ([]string, error) {
				return ids(e.c.ListRoutingQueues(e.ctx, cxone.RoutingQueueListOptions{}))(func(q *cxone.RoutingQueue) string { return q.ID })
			},
			route: "GET " + dfoPath + "/routing-queues",
		},
		{
			name: "integrations",
			fill: func(t *testing.T, e *env) int {
				parallel(t, n, func(i int) error {
					_, err := e.c.CreateIntegration(e.ctx, integrationInput(fmt.Sprintf("integration-%03d", i)))
					return err
				})
				return n
			},
			list: func(e *env) ([]string, error) {
				return ids(e.c.ListIntegrations(e.ctx))(func(in *cxone.Integration) string { return in.ID })
			},
			route: "GET " + dfoPath + "/channel-integrations",
		},
		{
			name: "bindings of a queue",
			fill: func(t *testing.T, e *env) int {
				s, in := e.skill("Busy"), e.integration("Watering Hole")
				busyQueue = s.RoutingQueueID
				parallel(t, n, func(i int) error {
					id := fmt.Sprintf("ch-%03d", i)
					if _, err := e.c.UpsertChannel(e.ctx, channelInput(id, in.ID)); err != nil {
						return err
					}
					_, err := e.c.BindChannel(e.ctx, s.RoutingQueueID, id)
					return err
				})
				return n
			},
			list: func(e *env) ([]string, error) {
				return ids(e.c.ListQueueBindings(e.ctx, busyQueue))(func(b *cxone.Binding) string { return b.ChannelID })
			},
			route: "GET " + dfoPath + "/routing-queues/{queueId}/channels",
		},
		{
			name: "agents of a skill", opts: mockcxone.Options{ExtraUsers: 250},
			fill: func(t *testing.T, e *env) int {
				s := e.skill("Popular")
				popularSkill = s.SkillID
				agents := e.agentIDs()
				parallel(t, len(agents), func(i int) error {
					return e.c.AssignSkills(e.ctx, agents[i], []cxone.SkillAssignmentInput{{SkillID: s.SkillID, Proficiency: 1 + i%20, IsActive: true}})
				})
				return len(agents)
			},
			list: func(e *env) ([]string, error) {
				return ids(e.c.ListSkillAgents(e.ctx, popularSkill))(func(a *cxone.SkillAssignment) string { return fmt.Sprint(a.AgentID) })
			},
			route: "GET " + adminKey + "/skills/{skillId}/agents",
		},
		{
			name: "skills of an agent",
			fill: func(t *testing.T, e *env) int {
				const n = 210
				ids := make([]int64, n)
				parallel(t, n, func(i int) error {
					sk, err := e.c.CreateSkill(e.ctx, cxone.SkillInput{SkillName: fmt.Sprintf("s-%03d", i), MaxPriority: 10})
					if err == nil {
						ids[i] = sk.SkillID
					}
					return err
				})
				in := make([]cxone.SkillAssignmentInput, n)
				for i, id := range ids {
					in[i] = cxone.SkillAssignmentInput{SkillID: id, Proficiency: 5, IsActive: true}
				}
				if err := e.c.AssignSkills(e.ctx, e.agentIDs()[0], in); err != nil {
					t.Fatal(err)
				}
				return n
			},
			list: func(e *env) ([]string, error) {
				return ids(e.c.ListAgentSkills(e.ctx, e.agentIDs()[0]))(func(a *cxone.SkillAssignment) string { return fmt.Sprint(a.SkillID) })
			},
			route: "GET " + adminKey + "/agents/{agentId}/skills",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, tc.opts)
			want := tc.fill(t, e)
			before := e.count(tc.route)
			listed, err := tc.list(e)
			if err != nil || len(listed) != want {
				t.Fatalf("listed %d (%v), want %d", len(listed), err, want)
			}
			seen := map[string]bool{}
			for _, id := range listed {
				if seen[id] {
					t.Fatalf("%s listed twice", id)
				}
				seen[id] = true
			}
			if pages := e.count(tc.route) - before; pages != 3 {
				t.Fatalf("%d page requests, want 3", pages)
			}
			if tc.also != nil {
				tc.also(t, e)
			}
		})
	}
}

// ids turns what a list call returns into a function that takes the ids of its objects.
func ids[T any](list []T, err error) func(id func(*T) string) ([]string, error) {
	return func(id func(*T) string) ([]string, error) {
		if err != nil {
			return nil, err
		}
		out := make([]string, len(list))
		for i := range list {
			out[i] = id(&list[i])
		}
		return out, nil
	}
}

func agentID(a *cxone.Agent) string             { return fmt.Sprint(a.AgentID) }
func teamID(t *cxone.Team) string               { return fmt.Sprint(t.TeamID) }
func profileID(p *cxone.SecurityProfile) string { return fmt.Sprint(p.SecurityProfileID) }
func skillID(s *cxone.Skill) string             { return fmt.Sprint(s.SkillID) }

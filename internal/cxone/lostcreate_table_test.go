package cxone_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestCreates_lostAnswerSettledByName: a create whose answer is lost is never sent again:
// the object is found by its name and returned, and the mock holds that one object.
func TestCreates_lostAnswerSettledByName(t *testing.T) {
	for _, tc := range []struct {
		name string
		// path is the create's path as the mock serves it (fault rules), key as it counts it.
		path, key string
		// create creates an object named "Launch" and returns its id and name.
		create func(e *env) (string, string, error)
		// held lists the ids of the objects named "Launch" the mock holds.
		held func(s mockcxone.State) []string
		// logs, when set, is what the client logs about the object found.
		logs string
	}{
		{
			name: "skill", path: adminPath + "/skills", key: adminKey + "/skills",
			create: func(e *env) (string, string, error) {
				s, err := e.c.CreateSkill(e.ctx, cxone.SkillInput{SkillName: "Launch", MaxPriority: 10})
				return idName(s, err, func() (int64, string) { return s.SkillID, s.SkillName })
			},
			held: func(s mockcxone.State) []string {
				return named(s.Skills, func(x *mockcxone.Skill) (int64, string) { return x.SkillID, x.SkillName })
			},
		},
		{
			name: "user", path: adminPath + "/agents", key: adminKey + "/agents",
			create: func(e *env) (string, string, error) {
				a, err := e.c.CreateAgent(e.ctx, userInput("Launch"))
				return idName(a, err, func() (int64, string) { return a.AgentID, a.UserName })
			},
			held: func(s mockcxone.State) []string {
				return named(s.Agents, func(x *mockcxone.Agent) (int64, string) { return x.AgentID, x.UserName })
			},
			logs: "answer to a user create was lost",
		},
		{
			name: "integration", path: dfoPath + "/channel-integrations", key: dfoPath + "/channel-integrations",
			create: func(e *env) (string, string, error) {
				in, err := e.c.CreateIntegration(e.ctx, integrationInput("Launch"))
				if err != nil {
					return "", "", err
				}
				return in.ID, in.Name, nil
			},
			held: func(s mockcxone.State) []string {
				var out []string
				for _, in := range s.Integrations {
					if in.Name == "Launch" {
						out = append(out, in.ID)
					}
				}
				return out
			},
		},
		{
			name: "message template", path: adminPath + "/message-templates", key: adminKey + "/message-templates",
			create: func(e *env) (string, string, error) {
				t, err := e.c.CreateMessageTemplate(e.ctx, templateInput("Launch"))
				return idName(t, err, func() (int64, string) { return t.TemplateID, t.TemplateName })
			},
			held: func(s mockcxone.State) []string {
				return named(s.MessageTemplates, func(x *mockcxone.MessageTemplate) (int64, string) { return x.TemplateID, x.TemplateName })
			},
		},
		{
			name: "campaign", path: adminPath + "/campaigns", key: adminKey + "/campaigns",
			create: func(e *env) (string, string, error) {
				c, err := e.c.CreateCampaign(e.ctx, cxone.CampaignInput{Name: "Launch"})
				return idName(c, err, func() (int64, string) { return c.ID, c.Name })
			},
			held: func(s mockcxone.State) []string {
				return named(s.Campaigns, func(x *mockcxone.Campaign) (int64, string) { return x.ID, x.Name })
			},
		},
		{
			name: "disposition", path: adminPath + "/dispositions", key: adminKey + "/dispositions",
			create: func(e *env) (string, string, error) {
				d, err := e.c.CreateDisposition(e.ctx, cxone.DispositionInput{DispositionName: "Launch"})
				return idName(d, err, func() (int64, string) { return d.DispositionID, d.DispositionName })
			},
			held: func(s mockcxone.State) []string {
				return named(s.Dispositions, func(x *mockcxone.Disposition) (int64, string) { return x.DispositionID, x.DispositionName })
			},
		},
		{
			name: "DNC group", path: adminPath + "/dnc-groups", key: adminKey + "/dnc-groups",
			create: func(e *env) (string, string, error) {
				g, err := e.c.CreateDNCGroup(e.ctx, cxone.DNCGroupInput{DNCGroupName: "Launch"})
				return idName(g, err, func() (int64, string) { return g.DNCGroupID, g.DNCGroupName })
			},
			held: func(s mockcxone.State) []string {
				return named(s.DNCGroups, func(x *mockcxone.DNCGroup) (int64, string) { return x.DNCGroupID, x.DNCGroupName })
			},
		},
		{
			name: "calling list", path: adminPath + "/lists/call-lists", key: adminKey + "/lists/call-lists",
			create: func(e *env) (string, string, error) {
				l, err := e.c.CreateCallingList(e.ctx, listInput("Launch"))
				return idName(l, err, func() (int64, string) { return l.ListID, l.ListName })
			},
			held: func(s mockcxone.State) []string {
				return named(s.CallingLists, func(x *mockcxone.CallingList) (int64, string) { return x.ListID, x.ListName })
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, mockcxone.Options{})
			e.faults(mockcxone.FaultRule{Method: "POST", Path: tc.path, DropResponse: true, Count: 1})
			id, got, err := tc.create(e)
			if err != nil || got != "Launch" {
				t.Fatalf("created %q %v", got, err)
			}
			if n := e.count("POST " + tc.key); n != 1 {
				t.Errorf("the create was sent %d times", n)
			}
			if held := tc.held(e.s.State()); len(held) != 1 || held[0] != id {
				t.Errorf("the mock holds %v named Launch, the call returned %s", held, id)
			}
			if tc.logs != "" && !strings.Contains(e.log.text(), tc.logs) {
				t.Errorf("the adoption is not logged:\n%s", e.log.text())
			}
		})
	}
}

// idName is the id and name of a created object, or the error.
func idName[T any](obj *T, err error, get func() (int64, string)) (string, string, error) {
	if err != nil || obj == nil {
		return "", "", err
	}
	id, name := get()
	return fmt.Sprint(id), name, nil
}

// named lists the ids of the objects named "Launch".
func named[T any](all []T, idName func(*T) (int64, string)) []string {
	var out []string
	for i := range all {
		if id, name := idName(&all[i]); name == "Launch" {
			out = append(out, fmt.Sprint(id))
		}
	}
	return out
}

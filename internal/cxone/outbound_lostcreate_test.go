package cxone_test

import (
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// A create whose answer is lost is never sent again: the object is found by its name.
func TestOutboundCreates_lostAnswerSettledByName(t *testing.T) {
	for _, tc := range []struct {
		name, path string
		create     func(e *env) (string, error)
	}{
		{"message template", "/message-templates", func(e *env) (string, error) {
			t, err := e.c.CreateMessageTemplate(e.ctx, templateInput("Launch"))
			return name(t, err, func() string { return t.TemplateName })
		}},
		{"campaign", "/campaigns", func(e *env) (string, error) {
			c, err := e.c.CreateCampaign(e.ctx, cxone.CampaignInput{Name: "Launch"})
			return name(c, err, func() string { return c.Name })
		}},
		{"disposition", "/dispositions", func(e *env) (string, error) {
			d, err := e.c.CreateDisposition(e.ctx, cxone.DispositionInput{DispositionName: "Launch"})
			return name(d, err, func() string { return d.DispositionName })
		}},
		{"DNC group", "/dnc-groups", func(e *env) (string, error) {
			g, err := e.c.CreateDNCGroup(e.ctx, cxone.DNCGroupInput{DNCGroupName: "Launch"})
			return name(g, err, func() string { return g.DNCGroupName })
		}},
		{"calling list", "/lists/call-lists", func(e *env) (string, error) {
			l, err := e.c.CreateCallingList(e.ctx, listInput("Launch"))
			return name(l, err, func() string { return l.ListName })
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, mockcxone.Options{})
			e.faults(mockcxone.FaultRule{Method: "POST", Path: adminPath + tc.path, DropResponse: true, Count: 1})
			got, err := tc.create(e)
			if err != nil || got != "Launch" {
				t.Fatalf("created %q %v", got, err)
			}
			if n := e.count("POST " + adminKey + tc.path); n != 1 {
				t.Errorf("the create was sent %d times", n)
			}
		})
	}
}

// name is the name of a created object, or the error.
func name[T any](obj *T, err error, get func() string) (string, error) {
	if err != nil || obj == nil {
		return "", err
	}
	return get(), nil
}

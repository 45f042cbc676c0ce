package cxone_test

import (
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func templateInput(name string) cxone.MessageTemplateInput {
	return cxone.MessageTemplateInput{
		TemplateName: name, TemplateTypeID: cxone.MessageTemplateTypeSMS, Subject: "Launch",
		Body: "Hello {FirstName}, The Watering Hole is open", FromName: "King Louie",
	}
}

func TestMessageTemplates_lifecycle(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	tpl, err := e.c.CreateMessageTemplate(e.ctx, templateInput("Launch"))
	if err != nil {
		t.Fatal(err)
	}
	if tpl.TemplateID == 0 || tpl.TemplateTypeDesc != "SMS" || !tpl.IsActive || tpl.FromName != "King Louie" {
		t.Fatalf("created %+v", tpl)
	}
	if got := e.count("POST " + adminKey + "/message-templates"); got != 1 {
		t.Errorf("POST count %d", got)
	}
	in := templateInput("Launch 2")
	in.CCAddress = "louie@thejungle.example"
	upd, err := e.c.UpdateMessageTemplate(e.ctx, tpl.TemplateID, in)
	if err != nil || upd.TemplateName != "Launch 2" || upd.CCAddress != in.CCAddress || upd.TemplateTypeID != cxone.MessageTemplateTypeSMS {
		t.Fatalf("updated %+v %v", upd, err)
	}
	wantRetired(t, func() error { return e.c.DeactivateMessageTemplate(e.ctx, tpl.TemplateID) },
		func() (*cxone.MessageTemplate, error) { return e.c.FindMessageTemplateByName(e.ctx, "Launch 2") },
		func(found *cxone.MessageTemplate) bool { return !found.IsActive })
	list, err := e.c.ListMessageTemplates(e.ctx, cxone.MessageTemplateTypeEmail)
	if err != nil || len(list) != 0 {
		t.Fatalf("email templates %+v %v", list, err)
	}
	if _, err := e.c.FindMessageTemplateByName(e.ctx, "Launch"); !cxone.IsNotFound(err) {
		t.Errorf("old name: %v", err)
	}
}

func TestMessageTemplates_errors(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	if _, err := e.c.CreateMessageTemplate(e.ctx, templateInput("Launch")); err != nil {
		t.Fatal(err)
	}
	_, err := e.c.CreateMessageTemplate(e.ctx, templateInput("Launch"))
	if !cxone.IsConflict(err) {
		t.Errorf("duplicate name: %v", err)
	}
	bad := templateInput("Bad type")
	bad.TemplateTypeID = 3
	_, err = e.c.CreateMessageTemplate(e.ctx, bad)
	wantAPIError(t, err, 400, "templateTypeId")
	_, err = e.c.GetMessageTemplate(e.ctx, 999)
	if !cxone.IsNotFound(err) {
		t.Errorf("unknown id: %v", err)
	}
	_, err = e.c.UpdateMessageTemplate(e.ctx, 999, templateInput("x"))
	if !cxone.IsNotFound(err) {
		t.Errorf("update of unknown id: %v", err)
	}
}

func TestMessageTemplates_unreadableAnswers(t *testing.T) {
	wantUnreadable(t, "GET", adminPath+"/message-templates",
		[]string{`{"templates":[]}`, `{"messageTemplates":[{"templateName":"x"}]}`, `[]`},
		func(e *env) (any, error) { return e.c.ListMessageTemplates(e.ctx, 0) })
	wantUnreadable(t, "GET", adminPath+"/message-templates/61001",
		[]string{`{"templateId":61001}`, `{"messageTemplate":{"templateId":5}}`},
		func(e *env) (any, error) { return e.c.GetMessageTemplate(e.ctx, 61001) })
	wantUnreadable(t, "POST", adminPath+"/message-templates", []string{`{}`, `{"id":3}`},
		func(e *env) (any, error) { return e.c.CreateMessageTemplate(e.ctx, templateInput("x")) })
}

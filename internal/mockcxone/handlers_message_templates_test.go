package mockcxone

import (
	"net/http"
	"strings"
	"testing"
)

func TestMessageTemplates_createRules(t *testing.T) {
	c := newClient(t, Options{})
	const ok = "templateName=Launch&templateTypeId=2&subject=Hi&body=Hello"
	c.admin("POST", "/message-templates?"+ok, nil).want(t, http.StatusOK)
	for _, tc := range []struct {
		name, query string
		status      int
	}{
		{"no name", "templateTypeId=2&subject=Hi&body=Hello", 400},
		{"no type", "templateName=A&subject=Hi&body=Hello", 400},
		{"no subject", "templateName=A&templateTypeId=1&body=Hello", 400},
		{"no body", "templateName=A&templateTypeId=1&subject=Hi", 400},
		{"type 3", "templateName=A&templateTypeId=3&subject=Hi&body=Hello", 400},
		{"type not a number", "templateName=A&templateTypeId=sms&subject=Hi&body=Hello", 400},
		{"bad bool", "templateName=A&templateTypeId=1&subject=Hi&body=Hello&isHTML=yes", 400},
		{"duplicate name", ok, 409},
		{"email", "templateName=Mail&templateTypeId=1&subject=Hi&body=Hello&isHTML=true", 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c.admin("POST", "/message-templates?"+tc.query, nil).want(t, tc.status)
		})
	}
	st := c.s.State()
	if len(st.MessageTemplates) != 2 || st.MessageTemplates[0].TemplateTypeDesc != "SMS" || st.MessageTemplates[1].TemplateTypeDesc != "Email" ||
		!st.MessageTemplates[1].IsHTML || st.MessageTemplates[0].TemplateID != firstTemplateID {
		t.Fatalf("state %+v", st.MessageTemplates)
	}
	list := decode[struct {
		MessageTemplates []MessageTemplate `json:"messageTemplates"`
		TotalRecords     *int              `json:"totalRecords"`
	}](t, c.admin("GET", "/message-templates?templateTypeId=1", nil).want(t, 200))
	if len(list.MessageTemplates) != 1 || list.TotalRecords != nil {
		t.Fatalf("filtered list %+v", list)
	}
}

func TestMessageTemplates_updateAndDeactivate(t *testing.T) {
	c := newClient(t, Options{})
	c.admin("POST", "/message-templates?templateName=A&templateTypeId=2&subject=s&body=b", nil).want(t, 200)
	c.admin("POST", "/message-templates?templateName=B&templateTypeId=2&subject=s&body=b", nil).want(t, 200)
	id := "61001"
	c.admin("PUT", "/message-templates/"+id+"?body=new&fromName=Louie", nil).want(t, http.StatusNoContent)
	c.admin("PUT", "/message-templates/"+id+"?templateName=B", nil).want(t, http.StatusConflict)
	c.admin("PUT", "/message-templates/"+id+"?templateTypeId=1", nil).want(t, http.StatusBadRequest)
	// The checks' order: a fixed field is named before a blank name.
	for query, want := range map[string]string{
		"templateName=%20":                  "templateName must not be empty",
		"templateName=%20&templateTypeId=1": "templateTypeId cannot be changed",
		"isHTML=maybe&templateTypeId=1":     "isHTML",
	} {
		if a := c.admin("PUT", "/message-templates/"+id+"?"+query, nil).want(t, http.StatusBadRequest); !strings.Contains(string(a.body), want) {
			t.Errorf("PUT ?%s answered %s, want it to say %q", query, a.body, want)
		}
	}
	c.admin("PUT", "/message-templates/99?isActive=false", nil).want(t, http.StatusNotFound)
	c.admin("PUT", "/message-templates/"+id+"?isActive=false", nil).want(t, http.StatusNoContent)
	got := decode[struct {
		MessageTemplate MessageTemplate `json:"messageTemplate"`
	}](t, c.admin("GET", "/message-templates/"+id, nil).want(t, 200)).MessageTemplate
	if got.Body != "new" || got.FromName != "Louie" || got.Subject != "s" || got.IsActive || got.TemplateName != "A" {
		t.Fatalf("after updates %+v", got)
	}
	c.admin("GET", "/message-templates/99", nil).want(t, http.StatusNotFound)
}

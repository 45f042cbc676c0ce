package mockcxone

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestIntegrations(t *testing.T) {
	c := newClient(t, Options{})
	a := c.dfo("POST", "/channel-integrations", validIntegration("Box")).want(t, http.StatusCreated)
	if strings.Contains(string(a.body), "box-secret") || strings.Contains(string(a.body), "clientSecret") {
		t.Errorf("the secret leaked: %s", a.body)
	}
	in := decode[Integration](t, a)
	if len(in.ID) != 36 || !in.HasClientSecret || in.Color != "#1A2B3C" || !in.UseDfo3OutboundAPI {
		t.Errorf("created %+v", in)
	}
	if s, ok := c.s.IntegrationSecret(in.ID); !ok || s != "box-secret" {
		t.Errorf("stored secret %q", s)
	}
	if f := c.dfo("POST", "/channel-integrations", validIntegration("Box")).wantDFOError(t, http.StatusConflict); f != "name" {
		t.Errorf("conflict field %q", f)
	}
	got := decode[Integration](t, c.dfo("GET", "/channel-integrations/"+in.ID, nil).want(t, http.StatusOK))
	if got != in {
		t.Errorf("get %+v, want %+v", got, in)
	}
	c.dfo("GET", "/channel-integrations/nope", nil).wantDFOError(t, http.StatusNotFound)

	// PUT replaces every field and wants the secret again.
	upd := validIntegration("Box 2")
	upd["color"] = "#ffffff"
	upd["clientSecret"] = "new-secret"
	upd["addActionUrl"] = ""
	put := decode[Integration](t, c.dfo("PUT", "/channel-integrations/"+in.ID, upd).want(t, http.StatusOK))
	if put.Name != "Box 2" || put.Color != "#ffffff" || put.AddActionURL != "" || put.ID != in.ID {
		t.Errorf("after PUT %+v", put)
	}
	if s, _ := c.s.IntegrationSecret(in.ID); s != "new-secret" {
		t.Errorf("secret after PUT %q", s)
	}
	delete(upd, "clientSecret")
	if f := c.dfo("PUT", "/channel-integrations/"+in.ID, upd).wantDFOError(t, http.StatusBadRequest); f != "clientSecret" {
		t.Errorf("PUT without secret names %q", f)
	}
	c.createIntegration("Other")
	upd["clientSecret"] = "x"
	upd["name"] = "Other"
	c.dfo("PUT", "/channel-integrations/"+in.ID, upd).wantDFOError(t, http.StatusConflict)
	c.dfo("PUT", "/channel-integrations/nope", validIntegration("Z")).wantDFOError(t, http.StatusNotFound)

	state := c.s.State().Integrations
	if len(state) != 2 || !state[0].HasClientSecret {
		t.Errorf("state integrations %+v", state)
	}
}

func TestIntegrationValidation(t *testing.T) {
	c := newClient(t, Options{})
	for field, value := range map[string]any{
		"name": "", "integrationBoxUrl": "http://box.example", "authorizationUrl": "/token",
		"clientId": "", "clientSecret": "", "addActionUrl": "ftp://x", "reconnectActionUrl": "https://",
		"removeActionUrl": "http://127.0.0.1/remove", "color": "#12345",
	} {
		body := validIntegration("V")
		body[field] = value
		if f := c.dfo("POST", "/channel-integrations", body).wantDFOError(t, http.StatusBadRequest); f != field {
			t.Errorf("%s=%v: error names %q", field, value, f)
		}
	}
}

func TestIntegrationListPages(t *testing.T) {
	c := newClient(t, Options{})
	for i := range 7 {
		c.createIntegration(fmt.Sprintf("I%d", i))
	}
	var names []string
	for _, in := range hitPages[Integration](t, c, "/channel-integrations", 7) {
		names = append(names, in.Name)
	}
	if strings.Join(names, ",") != "I0,I1,I2,I3,I4,I5,I6" {
		t.Errorf("names over 3 pages: %v", names)
	}
	c.dfo("GET", "/channel-integrations?page=0", nil).wantDFOError(t, http.StatusBadRequest)
	if f := c.dfo("GET", "/channel-integrations?size=101", nil).wantDFOError(t, http.StatusBadRequest); f != "size" {
		t.Errorf("size error names %q", f)
	}
}

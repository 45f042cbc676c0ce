package mockcxone

import (
	"fmt"
	"net/http"
	"net/url"
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
	for page := 1; page <= 3; page++ {
		p := decode[hitsAnswer[Integration]](t, c.dfo("GET", fmt.Sprintf("/channel-integrations?page=%d&size=3", page), nil).want(t, http.StatusOK))
		if p.Hits != 7 {
			t.Errorf("hits %d", p.Hits)
		}
		for _, in := range p.Data {
			names = append(names, in.Name)
		}
	}
	if strings.Join(names, ",") != "I0,I1,I2,I3,I4,I5,I6" {
		t.Errorf("names over 3 pages: %v", names)
	}
	c.dfo("GET", "/channel-integrations?page=0", nil).wantDFOError(t, http.StatusBadRequest)
	if f := c.dfo("GET", "/channel-integrations?size=101", nil).wantDFOError(t, http.StatusBadRequest); f != "size" {
		t.Errorf("size error names %q", f)
	}
}

func TestChannels(t *testing.T) {
	c := newClient(t, Options{})
	integ := c.createIntegration("Box")
	full := map[string]any{
		"id": "ch-1", "idOnExternalPlatform": "ext-1", "channelIntegrationId": integ, "realExternalPlatformId": "custom",
		"name": "Support", "isPrivate": false, "hasTreeStructure": false, "hasReply": false, "contentFormat": "html",
		"studioScript": "script", "canReplyToAnyMessage": true,
	}
	a := c.dfo("POST", "/channels", full).want(t, http.StatusOK)
	ch := decode[Channel](t, a)
	if ch.ID != "ch-1" || ch.HasReply == nil || *ch.HasReply || ch.IsLiveChat != nil || ch.ContentFormat != "html" {
		t.Errorf("created %s", a.body)
	}
	// Upsert: same id replaces.
	full["name"] = "Support 2"
	c.dfo("POST", "/channels", full).want(t, http.StatusOK)
	list := c.dfo("GET", "/channels?id[]=ch-1&id[]=missing", nil).want(t, http.StatusOK)
	if !strings.HasPrefix(strings.TrimSpace(string(list.body)), "[") {
		t.Fatalf("GET /channels must answer a bare array: %s", list.body)
	}
	chs := decode[[]Channel](t, list)
	if len(chs) != 1 || chs[0].Name != "Support 2" {
		t.Errorf("channels %+v", chs)
	}

	for _, f := range []string{"id", "idOnExternalPlatform", "channelIntegrationId", "realExternalPlatformId", "name", "isPrivate", "hasTreeStructure"} {
		body := map[string]any{}
		for k, v := range full {
			body[k] = v
		}
		delete(body, f)
		if got := c.dfo("POST", "/channels", body).wantDFOError(t, http.StatusBadRequest); got != f {
			t.Errorf("missing %s: error names %q", f, got)
		}
	}
	bad := map[string]any{}
	for k, v := range full {
		bad[k] = v
	}
	bad["contentFormat"] = "markdown"
	if f := c.dfo("POST", "/channels", bad).wantDFOError(t, http.StatusBadRequest); f != "contentFormat" {
		t.Errorf("contentFormat error names %q", f)
	}
	bad["contentFormat"] = "plain"
	bad["channelIntegrationId"] = "no-such-integration"
	if f := c.dfo("POST", "/channels", bad).wantDFOError(t, http.StatusUnprocessableEntity); f != "channelIntegrationId" {
		t.Errorf("422 names %q", f)
	}

	// The integration cannot go while the channel uses it.
	c.dfo("DELETE", "/channel-integrations/"+integ, nil).wantDFOError(t, http.StatusConflict)
	c.dfo("DELETE", "/channels/ch-1", nil).want(t, http.StatusNoContent)
	c.dfo("DELETE", "/channels/ch-1", nil).wantDFOError(t, http.StatusNotFound)
	c.dfo("DELETE", "/channel-integrations/"+integ, nil).want(t, http.StatusNoContent)
	c.dfo("DELETE", "/channel-integrations/"+integ, nil).wantDFOError(t, http.StatusNotFound)
}

func TestChannelListPages(t *testing.T) {
	c := newClient(t, Options{})
	integ := c.createIntegration("Box")
	for i := range 12 {
		c.createChannel(fmt.Sprintf("c%02d", i), integ)
	}
	var ids []string
	for page := 1; ; page++ {
		chs := decode[[]Channel](t, c.dfo("GET", fmt.Sprintf("/channels?page=%d&size=5", page), nil).want(t, http.StatusOK))
		for _, ch := range chs {
			ids = append(ids, ch.ID)
		}
		if len(chs) < 5 {
			if page != 3 {
				t.Errorf("ended on page %d, want 3", page)
			}
			break
		}
	}
	if len(ids) != 12 || ids[0] != "c00" || ids[11] != "c11" {
		t.Errorf("ids %v", ids)
	}
	if chs := decode[[]Channel](t, c.dfo("GET", "/channels?page=9", nil)); chs == nil || len(chs) != 0 {
		t.Errorf("a page past the end must be [] not null")
	}
}

func TestBindings(t *testing.T) {
	c := newClient(t, Options{SyncDelay: -1})
	sk := c.createSkill("Queue skill")
	q := sk.RoutingQueueID
	integ := c.createIntegration("Box")
	for i := range 7 {
		c.createChannel(fmt.Sprintf("c%d", i), integ)
	}
	for i := range 7 {
		a := c.dfo("PUT", fmt.Sprintf("/routing-queues/%s/channels/c%d", q, i), nil).want(t, http.StatusOK)
		if b := decode[Binding](t, a); b.RoutingQueueID != q || b.ChannelID != fmt.Sprintf("c%d", i) {
			t.Errorf("bind answer %+v", b)
		}
	}
	c.dfo("PUT", "/routing-queues/"+q+"/channels/c0", nil).want(t, http.StatusOK) // idempotent
	var got []string
	for page := 1; page <= 3; page++ {
		p := decode[hitsAnswer[Binding]](t, c.dfo("GET", fmt.Sprintf("/routing-queues/%s/channels?page=%d&size=3", q, page), nil).want(t, http.StatusOK))
		if p.Hits != 7 {
			t.Errorf("hits %d, want 7 (binding twice adds nothing)", p.Hits)
		}
		for _, b := range p.Data {
			got = append(got, b.ChannelID)
		}
	}
	if strings.Join(got, ",") != "c0,c1,c2,c3,c4,c5,c6" {
		t.Errorf("bindings %v", got)
	}

	if f := c.dfo("PUT", "/routing-queues/123/channels/c0", nil).wantDFOError(t, http.StatusNotFound); f != "queueId" {
		t.Errorf("unknown queue names %q", f)
	}
	if f := c.dfo("PUT", "/routing-queues/"+q+"/channels/nope", nil).wantDFOError(t, http.StatusNotFound); f != "channelId" {
		t.Errorf("unknown channel names %q", f)
	}
	c.dfo("GET", "/routing-queues/123/channels", nil).wantDFOError(t, http.StatusNotFound)

	c.dfo("DELETE", "/routing-queues/"+q+"/channels/c1", nil).want(t, http.StatusNoContent)
	c.dfo("DELETE", "/routing-queues/"+q+"/channels/c1", nil).wantDFOError(t, http.StatusNotFound)
	// Deleting a channel removes its bindings.
	c.dfo("DELETE", "/channels/c2", nil).want(t, http.StatusNoContent)
	if n := len(c.s.State().Bindings); n != 5 {
		t.Errorf("%d bindings left, want 5", n)
	}

	// A deleted queue (inactive skill) refuses new bindings.
	c.admin("PUT", fmt.Sprintf("/skills/%d", sk.SkillID), `{"skill":{"isActive":false}}`).want(t, http.StatusOK)
	c.dfo("PUT", "/routing-queues/"+q+"/channels/c3", nil).wantDFOError(t, http.StatusConflict)
}

func TestRoutingQueueFilters(t *testing.T) {
	c := newClient(t, Options{SyncDelay: -1})
	var ids []string
	for i := range 6 {
		ids = append(ids, c.createSkill(fmt.Sprintf("Team %c", 'A'+i)).RoutingQueueID)
	}
	q := url.Values{"id[]": {ids[1], ids[4]}}
	p := decode[hitsAnswer[RoutingQueue]](t, c.dfo("GET", "/routing-queues?"+q.Encode(), nil).want(t, http.StatusOK))
	if p.Hits != 2 || p.Data[0].ID != ids[1] || p.Data[1].ID != ids[4] {
		t.Errorf("id[] filter: %+v", p)
	}
	p = decode[hitsAnswer[RoutingQueue]](t, c.dfo("GET", "/routing-queues?nameContains=team%20c", nil))
	if p.Hits != 1 || p.Data[0].Name != "Team C" || p.Data[0].IsSubqueue {
		t.Errorf("nameContains: %+v", p)
	}
	p = decode[hitsAnswer[RoutingQueue]](t, c.dfo("GET", "/routing-queues?size=2&page=3", nil))
	if p.Hits != 6 || len(p.Data) != 2 || p.Data[1].ID != ids[5] {
		t.Errorf("page 3: %+v", p)
	}
	c.dfo("GET", "/routing-queues?withDeleted=perhaps", nil).wantDFOError(t, http.StatusBadRequest)
}

package mockcxone

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

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

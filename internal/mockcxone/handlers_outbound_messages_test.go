package mockcxone

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestOutboundMessages_rulesAndDelivery(t *testing.T) {
	c := newClient(t, Options{SyncDelay: -1})
	status := http.StatusOK
	mw := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/box"+OutboundPath {
			http.NotFound(w, r)
			return
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, `{"idOnExternalPlatform":"ext-1"}`)
	}))
	defer mw.Close()
	integ := validIntegration("Loopback")
	integ["integrationBoxUrl"] = mw.URL + "/box"
	loopback := decode[Integration](t, c.dfo("POST", "/channel-integrations", integ).want(t, http.StatusCreated)).ID
	integ = validIntegration("Down")
	integ["integrationBoxUrl"] = "https://127.0.0.1:1/box" // nothing listens on port 1
	down := decode[Integration](t, c.dfo("POST", "/channel-integrations", integ).want(t, http.StatusCreated)).ID
	remote := c.createIntegration("Remote") // box.example: never called
	channel := func(id, integration string, outbound bool) {
		c.dfo("POST", "/channels", map[string]any{
			"id": id, "idOnExternalPlatform": "ext-" + id, "channelIntegrationId": integration, "realExternalPlatformId": "custom",
			"name": id, "isPrivate": false, "hasTreeStructure": false, "hasOutboundFlow": outbound,
		}).want(t, http.StatusOK)
	}
	channel("wh", loopback, true)
	channel("down", down, true)
	channel("remote", remote, true)
	channel("in-only", remote, false)
	msg := func(typ, text, recipients string) string {
		return fmt.Sprintf(`{"messageContent":{"type":%q,"payload":{"text":%q}},"recipients":%s}`, typ, text, recipients)
	}
	one := `[{"idOnExternalPlatform":"@mowgli","name":"Mowgli","isPrimary":true,"isPrivate":false}]`
	for _, tc := range []struct {
		name, channel, body, field string
		status                     int
	}{
		{"unknown channel", "nope", msg("TEXT", "hi", one), "channelId", 404},
		{"no outbound flow", "in-only", msg("TEXT", "hi", one), "channelId", 400},
		{"no recipients", "remote", msg("TEXT", "hi", "[]"), "recipients", 400},
		{"recipient without id", "remote", msg("TEXT", "hi", `[{"name":"x"}]`), "recipients[0].idOnExternalPlatform", 400},
		{"unknown type", "remote", msg("FAX", "hi", one), "messageContent.type", 400},
		{"no content", "remote", `{"recipients":` + one + `}`, "messageContent", 400},
		{"empty text", "remote", msg("TEXT", "", one), "messageContent.payload.text", 400},
		{"unknown skill", "remote", `{"messageContent":{"type":"TEXT","payload":{"text":"hi"}},"recipients":` + one + `,"contact":{"skillId":1}}`, "contact.skillId", 400},
		{"not JSON", "remote", `hello`, "", 400},
		{"middleware down", "down", msg("TEXT", "hi", one), "", 422},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.dfo("POST", "/channels/"+tc.channel+"/outbound", tc.body).wantDFOError(t, tc.status); got != tc.field {
				t.Errorf("field %q, want %q", got, tc.field)
			}
		})
	}
	c.dfo("POST", "/channels/remote/outbound", msg("TEXT", "hi", one)).want(t, http.StatusOK)
	c.dfo("POST", "/channels/wh/outbound", msg("TEXT", "hi", one)).want(t, http.StatusOK)
	status = http.StatusBadGateway
	c.dfo("POST", "/channels/wh/outbound", msg("TEXT", "hi", one)).wantDFOError(t, 422)
	msgs := c.s.State().OutboundMessages
	if len(msgs) != 2 || msgs[0].ForwardedTo != "" || msgs[1].ForwardedTo != mw.URL+"/box"+OutboundPath || msgs[1].IDOnExternalPlatform != "ext-1" ||
		msgs[1].MessageContent["type"] != "TEXT" || len(msgs[1].Recipients) != 1 {
		t.Fatalf("recorded %+v", msgs)
	}
	if n := c.s.Requests().ByRoute["POST "+DFOBase+"/channels/{channelId}/outbound"]; n != 13 {
		t.Errorf("counted %d requests on the route template", n)
	}
}

func TestMediaTypesSeed(t *testing.T) {
	c := newClient(t, Options{})
	got := decode[struct {
		MediaTypes []MediaType `json:"mediaTypes"`
	}](t, c.admin("GET", "/media-types", nil).want(t, 200)).MediaTypes
	if len(got) != len(mediaTypeNames) || got[0].MediaTypeID != 1 || got[len(got)-1].MediaTypeName != "Digital" {
		t.Fatalf("media types %+v", got)
	}
	// Every media type listed is one a skill can be created with.
	for _, m := range got {
		if m.MediaTypeID == MediaTypeDigital {
			continue
		}
		res := decode[bulkResult](t, c.admin("POST", "/skills", fmt.Sprintf(`{"skills":[{"mediaTypeId":%d,"skillName":"mt-%d"}]}`, m.MediaTypeID, m.MediaTypeID)))
		if res.ErrorCount != 0 {
			t.Errorf("media type %d: %+v", m.MediaTypeID, res)
		}
	}
}

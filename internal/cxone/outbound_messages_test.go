package cxone_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// middleware is a BYOC middleware on loopback that records what DFO delivers to it.
type middleware struct {
	mu       sync.Mutex
	status   int
	received []map[string]any
	srv      *httptest.Server
}

func newMiddleware(t *testing.T) *middleware {
	m := &middleware{status: http.StatusOK}
	m.srv = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var v map[string]any
		_ = json.Unmarshal(b, &v)
		m.mu.Lock()
		defer m.mu.Unlock()
		if r.URL.Path != "/box"+mockcxone.OutboundPath {
			http.NotFound(w, r)
			return
		}
		m.received = append(m.received, v)
		w.WriteHeader(m.status)
		_, _ = io.WriteString(w, `{"idOnExternalPlatform":"wh-msg-1"}`)
	}))
	t.Cleanup(m.srv.Close)
	return m
}

func textTo(recipient, text string) cxone.OutboundMessageInput {
	return cxone.OutboundMessageInput{
		MessageContent: cxone.TextContent(text),
		Recipients:     []cxone.MessageRecipient{{IDOnExternalPlatform: recipient, Name: "Mowgli", IsPrimary: true}},
	}
}

func TestOutboundMessages_deliveredToTheMiddleware(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	mw := newMiddleware(t)
	in := integrationInput("Watering Hole")
	in.IntegrationBoxURL = mw.srv.URL + "/box"
	integ, err := e.c.CreateIntegration(e.ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	ch := channelInput("wh", integ.ID)
	ch.HasOutboundFlow = new(true)
	if _, err := e.c.UpsertChannel(e.ctx, ch); err != nil {
		t.Fatal(err)
	}
	res, err := e.c.SendOutboundMessage(e.ctx, "wh", textTo("@mowgli", "The Watering Hole is open"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Message == nil || res.Message.ID == "" || res.Message.IDOnExternalPlatform != "wh-msg-1" || res.ConsumerContact.ChannelID != "wh" {
		t.Fatalf("result %+v %+v", res.Message, res.ConsumerContact)
	}
	mw.mu.Lock()
	if len(mw.received) != 1 {
		t.Fatalf("middleware received %+v", mw.received)
	}
	if ch, ok := mw.received[0]["channel"].(map[string]any); !ok || ch["id"] != "wh" {
		t.Fatalf("middleware received %+v", mw.received)
	}
	mw.mu.Unlock()
	msgs := e.s.State().OutboundMessages
	if len(msgs) != 1 || msgs[0].ForwardedTo != mw.srv.URL+"/box"+mockcxone.OutboundPath || msgs[0].ChannelID != "wh" {
		t.Fatalf("state %+v", msgs)
	}
	mw.mu.Lock()
	mw.status = http.StatusServiceUnavailable
	mw.mu.Unlock()
	_, err = e.c.SendOutboundMessage(e.ctx, "wh", textTo("@mowgli", "again"))
	wantAPIError(t, err, http.StatusUnprocessableEntity, "503")
	if got := len(e.s.State().OutboundMessages); got != 1 {
		t.Errorf("a message the middleware refused was recorded: %d", got)
	}
}

func TestOutboundMessages_rules(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	integ := e.integration("Watering Hole") // middleware.thejungle.example: not delivered to
	e.channel("inbound-only", integ.ID)
	ch := channelInput("wh", integ.ID)
	ch.HasOutboundFlow = new(true)
	if _, err := e.c.UpsertChannel(e.ctx, ch); err != nil {
		t.Fatal(err)
	}
	noRecipients := textTo("x", "hi")
	noRecipients.Recipients = nil
	badType := textTo("x", "hi")
	badType.MessageContent.Type = "SMOKE_SIGNAL"
	for _, tc := range []struct {
		name, channel string
		in            cxone.OutboundMessageInput
		status        int
		msg           string
	}{
		{"unknown channel", "nope", textTo("x", "hi"), 404, "nope"},
		{"no outbound flow", "inbound-only", textTo("x", "hi"), 400, "hasOutboundFlow"},
		{"no recipients", "wh", noRecipients, 400, "recipients"},
		{"unknown content type", "wh", badType, 400, "SMOKE_SIGNAL"},
		{"empty text", "wh", textTo("x", ""), 400, "payload.text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.c.SendOutboundMessage(e.ctx, tc.channel, tc.in)
			wantAPIError(t, err, tc.status, tc.msg)
			if cxone.IsNotFound(err) != (tc.status == 404) {
				t.Errorf("IsNotFound wrong for %v", err)
			}
		})
	}
	res, err := e.c.SendOutboundMessage(e.ctx, "wh", textTo("@baloo", "hi"))
	if err != nil || res.Message.IDOnExternalPlatform != "" {
		t.Fatalf("message to a middleware the mock does not call: %+v %v", res, err)
	}
	if msgs := e.s.State().OutboundMessages; len(msgs) != 1 || msgs[0].ForwardedTo != "" {
		t.Fatalf("state %+v", msgs)
	}
}

func TestMediaTypes(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	mts, err := e.c.ListMediaTypes(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	names := map[int]string{}
	for _, m := range mts {
		names[m.MediaTypeID] = m.MediaTypeName
	}
	if names[cxone.MediaTypeDigital] != "Digital" || names[7] != "SMS" || names[1] != "Email" {
		t.Fatalf("media types %+v", mts)
	}
	wantUnreadable(t, "GET", adminPath+"/media-types", []string{`{"types":[]}`, `{"mediaTypes":[{"mediaTypeId":1}]}`},
		func(e *env) (any, error) { return e.c.ListMediaTypes(e.ctx) })
	wantUnreadable(t, "POST", dfoPath+"/channels/wh/outbound", []string{`{}`, `{"message":{}}`},
		func(e *env) (any, error) { return e.c.SendOutboundMessage(e.ctx, "wh", textTo("x", "hi")) })
}

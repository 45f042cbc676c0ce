package mockcxone

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"
)

// The test message through a BYOC channel (outbound-api.md section 9) and the media types
// (section 4.1).

// OutboundPath is appended to an integration's integrationBoxUrl to reach its middleware's
// outbound endpoint: where the mock, as DFO, delivers a message sent through a channel of
// that integration. The path is the project's (CXone's middleware specification names the
// endpoint, not a path the mock could know).
const OutboundPath = "/outbound"

// messageContentTypes are the types a message's content may have.
var messageContentTypes = map[string]bool{
	"TEXT": true, "PLUGIN": true, "QUICK_REPLIES": true, "LIST_PICKER": true, "RICH_LINK": true, "ADAPTIVE_CARD": true,
}

// outboundMessageIn is the body of POST /channels/{channelId}/outbound as NICE's agent SDK
// sends it; fields the mock does not check are kept as they came.
type outboundMessageIn struct {
	MessageContent *struct {
		Type    string          `json:"type"`
		Payload json.RawMessage `json:"payload"`
	} `json:"messageContent"`
	Recipients []struct {
		IDOnExternalPlatform string `json:"idOnExternalPlatform"`
	} `json:"recipients"`
	Contact *struct {
		SkillID *int64 `json:"skillId"`
	} `json:"contact"`
}

// check says which field of a message is wrong, and why; "" when none is.
func (in *outboundMessageIn) check() (field, msg string) {
	switch {
	case in.MessageContent == nil:
		return "messageContent", "messageContent is required"
	case !messageContentTypes[in.MessageContent.Type]:
		return "messageContent.type", fmt.Sprintf("messageContent.type %q is not one of TEXT, PLUGIN, QUICK_REPLIES, LIST_PICKER, RICH_LINK, ADAPTIVE_CARD", in.MessageContent.Type)
	case len(in.Recipients) == 0:
		return "recipients", "recipients must hold at least one recipient"
	}
	if in.MessageContent.Type == "TEXT" {
		var p struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(in.MessageContent.Payload, &p) != nil || p.Text == "" {
			return "messageContent.payload.text", "a TEXT message needs payload.text"
		}
	}
	for i, r := range in.Recipients {
		if r.IDOnExternalPlatform == "" {
			return fmt.Sprintf("recipients[%d].idOnExternalPlatform", i), "each recipient needs idOnExternalPlatform"
		}
	}
	return "", ""
}

// sendOutboundMessage checks and records a message sent through a channel, delivering it
// to the channel's middleware first when the mock can reach it (loopback hosts only).
func (s *Server) sendOutboundMessage(w http.ResponseWriter, r *http.Request) {
	channelID := r.PathValue("channelId")
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	if err != nil || len(body) > maxBodyBytes {
		dfoError(w, http.StatusBadRequest, "", codeInvalid, "the request body cannot be read or is too large")
		return
	}
	var in outboundMessageIn
	if len(bytes.TrimSpace(body)) == 0 || json.Unmarshal(body, &in) != nil {
		dfoError(w, http.StatusBadRequest, "", codeInvalid, "the request body must be a JSON message")
		return
	}
	st := s.store
	st.mu.RLock()
	ch := st.channels[channelID]
	var chCopy Channel
	var boxURL string
	skillOK := true
	if ch != nil {
		chCopy = ch.clone()
		if integ := st.integrations[ch.ChannelIntegrationID]; integ != nil {
			boxURL = integ.IntegrationBoxURL
		}
	}
	if in.Contact != nil && in.Contact.SkillID != nil {
		skillOK = st.skills[*in.Contact.SkillID] != nil
	}
	st.mu.RUnlock()
	switch field, msg := in.check(); {
	case ch == nil:
		dfoError(w, http.StatusNotFound, "channelId", codeNotFound, fmt.Sprintf("channel %q was not found", channelID))
		return
	case chCopy.HasOutboundFlow == nil || !*chCopy.HasOutboundFlow:
		dfoError(w, http.StatusBadRequest, "channelId", codeInvalid, fmt.Sprintf("channel %q does not have hasOutboundFlow: it cannot send outbound messages", channelID))
		return
	case field != "":
		dfoError(w, http.StatusBadRequest, field, codeInvalid, msg)
		return
	case !skillOK:
		dfoError(w, http.StatusBadRequest, "contact.skillId", codeUnknownRef, fmt.Sprintf("skill %d was not found", *in.Contact.SkillID))
		return
	}
	msg := OutboundMessage{ID: uuid.NewString(), ChannelID: channelID, CreatedAt: now()}
	var raw struct {
		Recipients     []any          `json:"recipients"`
		MessageContent map[string]any `json:"messageContent"`
	}
	_ = json.Unmarshal(body, &raw) // read above
	msg.Recipients, msg.MessageContent = raw.Recipients, raw.MessageContent
	if target := deliverableURL(boxURL); target != "" {
		extID, err := deliver(r.Context(), target, chCopy, body)
		if err != nil {
			dfoError(w, http.StatusUnprocessableEntity, "", "OUTBOUND_DELIVERY_FAILED", err.Error())
			return
		}
		msg.ForwardedTo, msg.IDOnExternalPlatform = target, extID
	}
	st.mu.Lock()
	st.out.messages = append(st.out.messages, msg)
	st.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{
		"consumerContact": map[string]any{"id": uuid.NewString(), "contactId": uuid.NewString(), "channelId": channelID,
			"direction": "outbound", "status": "new", "threadId": uuid.NewString()},
		"message": map[string]any{"id": msg.ID, "idOnExternalPlatform": msg.IDOnExternalPlatform, "direction": "outbound", "createdAt": msg.CreatedAt},
	})
}

// deliverableURL is the middleware outbound URL of an integration box URL when the mock
// may call it (a loopback host), else "".
func deliverableURL(boxURL string) string {
	u, err := url.Parse(boxURL)
	if err != nil || u.Host == "" {
		return ""
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return ""
	}
	return strings.TrimRight(boxURL, "/") + OutboundPath
}

// deliverTimeout bounds a delivery to the middleware.
const deliverTimeout = 5 * time.Second

// deliverClient calls loopback middlewares only, so it does not check their (test)
// certificates.
var deliverClient = &http.Client{
	Timeout:   deliverTimeout,
	Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}, //nolint:gosec // loopback test servers only
	CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	},
}

// deliver posts the message, with the channel it goes through, to the middleware, which
// must answer 200 with the message's id on its platform (idOnExternalPlatform), as DFO
// expects of it.
func deliver(ctx context.Context, target string, ch Channel, body []byte) (string, error) {
	payload, err := json.Marshal(map[string]any{
		"channel": map[string]string{"id": ch.ID, "idOnExternalPlatform": ch.IDOnExternalPlatform},
		"message": json.RawMessage(body),
	})
	if err != nil {
		return "", fmt.Errorf("encoding the message for the middleware: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(payload))
	if err != nil {
		return "", fmt.Errorf("the middleware URL %s: %w", target, err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := deliverClient.Do(req)
	if err != nil {
		return "", fmt.Errorf("the middleware at %s cannot be reached: %w", target, err)
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10)) // a short answer is all DFO reads
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("the middleware at %s answered %d, not 200: %.200s", target, resp.StatusCode, answer)
	}
	var ack struct {
		IDOnExternalPlatform string `json:"idOnExternalPlatform"`
	}
	if json.Unmarshal(answer, &ack) != nil || ack.IDOnExternalPlatform == "" {
		return "", fmt.Errorf("the middleware at %s answered 200 without idOnExternalPlatform in a JSON body", target)
	}
	return ack.IDOnExternalPlatform, nil
}

// listMediaTypes lists the seeded media types.
func (s *Server) listMediaTypes(w http.ResponseWriter, _ *http.Request) {
	st := s.store
	st.mu.RLock()
	out := append([]MediaType(nil), st.out.mediaTypes...)
	st.mu.RUnlock()
	writeJSON(w, http.StatusOK, map[string]any{"mediaTypes": out})
}

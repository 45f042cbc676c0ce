package mockcxone

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

const adminPrefix = "/inContactAPI/services/v34.0"

// tclient talks to a test server as a client would, with plain net/http.
type tclient struct {
	t     *testing.T
	s     *Server
	token string
	hc    *http.Client
}

// answer is one HTTP answer, read whole.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// newClient starts a mock and gets a token through the access-key grant.
func newClient(t *testing.T, opts Options) *tclient {
	t.Helper()
	c := &tclient{t: t, s: NewTestServer(t, opts), hc: &http.Client{Timeout: 10 * time.Second}}
	a := c.raw("POST", "/authentication/v1/token/access-key", nil,
		`{"accessKeyId":"mock-access-key","accessKeySecret":"mock-access-secret"}`)
	if a.status != http.StatusOK {
		t.Fatalf("token: %d %s", a.status, a.body)
	}
	c.token = decode[tokenAnswer](t, a).AccessToken
	return c
}

// tokenAnswer is the answer of both token grants.
type tokenAnswer struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
	RefreshToken string `json:"refresh_token"`
	IDToken      string `json:"id_token"`
}

// raw sends a request with the given headers (nil: none) and body.
func (c *tclient) raw(method, path string, header http.Header, body string) answer {
	c.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, c.s.URL+path, rd)
	if err != nil {
		c.t.Fatalf("building request: %v", err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	if body != "" && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatalf("reading answer of %s %s: %v", method, path, err)
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: b}
}

// call sends an authenticated JSON request; body may be nil, a string or a value.
func (c *tclient) call(method, path string, body any) answer {
	c.t.Helper()
	h := http.Header{"Authorization": {"Bearer " + c.token}, "Accept": {"application/json"}}
	return c.raw(method, path, h, encodeBody(c.t, body))
}

func (c *tclient) admin(method, path string, body any) answer {
	c.t.Helper()
	return c.call(method, adminPrefix+path, body)
}

func (c *tclient) dfo(method, path string, body any) answer {
	c.t.Helper()
	return c.call(method, "/dfo/3.0"+path, body)
}

func encodeBody(t *testing.T, body any) string {
	t.Helper()
	switch b := body.(type) {
	case nil:
		return ""
	case string:
		return b
	default:
		var buf bytes.Buffer
		if err := json.NewEncoder(&buf).Encode(b); err != nil {
			t.Fatalf("encoding body: %v", err)
		}
		return buf.String()
	}
}

func decode[T any](t *testing.T, a answer) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(a.body, &v); err != nil {
		t.Fatalf("decoding %s as %T: %v", a.body, v, err)
	}
	return v
}

// want fails the test unless the answer has the status.
func (a answer) want(t *testing.T, status int) answer {
	t.Helper()
	if a.status != status {
		t.Fatalf("status %d, want %d; body %s", a.status, status, a.body)
	}
	return a
}

// dfoErr is the DFO error shape.
type dfoErr struct {
	Errors []struct {
		Field      string         `json:"field"`
		Message    string         `json:"message"`
		Parameters map[string]any `json:"parameters"`
		ErrorCode  string         `json:"errorCode"`
	} `json:"errors"`
	UID string `json:"uid"`
}

// wantDFOError checks status and shape of a DFO error and returns the field named.
func (a answer) wantDFOError(t *testing.T, status int) string {
	t.Helper()
	a.want(t, status)
	e := decode[dfoErr](t, a)
	if len(e.Errors) != 1 || e.UID == "" || e.Errors[0].Message == "" || e.Errors[0].ErrorCode == "" || e.Errors[0].Parameters == nil {
		t.Fatalf("not a DFO error answer: %s", a.body)
	}
	return e.Errors[0].Field
}

// createSkill posts one digital skill and returns it, found by name.
func (c *tclient) createSkill(name string) Skill {
	c.t.Helper()
	res := decode[bulkResult](c.t, c.admin("POST", "/skills", map[string]any{"skills": []map[string]any{{
		"mediaTypeId": 9, "skillName": name, "isOutbound": false, "initialPriority": 1,
		"acceleration": 2, "maxPriority": 100, "serviceLevelThreshold": 30, "serviceLevelGoal": 80,
	}}}).want(c.t, http.StatusOK))
	if res.ErrorCount != 0 {
		c.t.Fatalf("creating skill %q: %+v", name, res)
	}
	for _, sk := range c.s.State().Skills {
		if sk.SkillName == name {
			return sk
		}
	}
	c.t.Fatalf("skill %q not in state after create", name)
	return Skill{}
}

// bulkResult decodes the bulk answers of agents and skills.
type bulkResult struct {
	ErrorCount    int `json:"errorCount"`
	SkillsResults []struct {
		Success bool    `json:"success"`
		Error   *string `json:"error"`
	} `json:"skillsResults"`
	AgentResults []struct {
		AgentID int64   `json:"agentId"`
		Success bool    `json:"success"`
		Error   *string `json:"error"`
	} `json:"agentResults"`
}

// createIntegration posts a valid integration named name and returns its id.
func (c *tclient) createIntegration(name string) string {
	c.t.Helper()
	in := validIntegration(name)
	return decode[Integration](c.t, c.dfo("POST", "/channel-integrations", in).want(c.t, http.StatusCreated)).ID
}

func validIntegration(name string) map[string]any {
	return map[string]any{
		"name": name, "integrationBoxUrl": "https://box.example/api", "authorizationUrl": "https://box.example/token",
		"clientId": "box-client", "clientSecret": "box-secret", "useDfo3OutboundApi": true,
		"addActionUrl": "https://box.example/add", "reconnectActionUrl": "https://box.example/reconnect",
		"removeActionUrl": "https://box.example/remove", "color": "#1A2B3C",
	}
}

// createChannel upserts a minimal valid channel.
func (c *tclient) createChannel(id, integrationID string) {
	c.t.Helper()
	c.dfo("POST", "/channels", map[string]any{
		"id": id, "idOnExternalPlatform": "ext-" + id, "channelIntegrationId": integrationID,
		"realExternalPlatformId": "custom", "name": "Channel " + id, "isPrivate": false, "hasTreeStructure": true,
	}).want(c.t, http.StatusOK)
}

// hitPages reads the DFO list at path three objects a page, pages 1 to 3, checks that each
// page says the list holds hits objects, and returns the pages' objects in order.
func hitPages[T any](t *testing.T, c *tclient, path string, hits int) []T {
	t.Helper()
	var all []T
	for page := 1; page <= 3; page++ {
		p := decode[hitsAnswer[T]](t, c.dfo("GET", fmt.Sprintf("%s?page=%d&size=3", path, page), nil).want(t, http.StatusOK))
		if p.Hits != hits {
			t.Errorf("page %d says hits %d, want %d", page, p.Hits, hits)
		}
		all = append(all, p.Data...)
	}
	return all
}

package cxone

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Test credentials; the tests assert these never reach a log line.
const (
	testAccessKeyID     = "fake-access-key"
	testAccessKeySecret = "fake-access-SECRET-value"
	testClientID        = "fake-client"
	testClientSecret    = "fake-client-SECRET-value"
)

// fakeCXone is a small stand-in for CXone used by the client's own unit tests: discovery,
// both token grants, and an API handler the test supplies. Tokens are "tok-1", "tok-2", ...
type fakeCXone struct {
	srv        *httptest.Server
	tokenCalls atomic.Int32
	discCalls  atomic.Int32
	apiCalls   atomic.Int32

	mu         sync.Mutex
	valid      map[string]bool
	tokenDelay time.Duration
	expiresIn  int
	// discovery, when set, answers discovery instead of the default document.
	discovery http.HandlerFunc
	// api serves every other path once the bearer token is checked.
	api http.HandlerFunc
}

func newFake(t *testing.T, api http.HandlerFunc) *fakeCXone {
	t.Helper()
	f := &fakeCXone{valid: map[string]bool{}, expiresIn: 3600, api: api}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeCXone) serve(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/.well-known/cxone-configuration":
		f.discCalls.Add(1)
		if f.discovery != nil {
			f.discovery(w, r)
			return
		}
		writeTestJSON(w, 200, map[string]any{"api_endpoint": f.srv.URL, "auth_endpoint": f.srv.URL, "tenantId": r.URL.Query().Get("tenantId")})
	case "/authentication/v1/token/access-key":
		var body struct{ AccessKeyID, AccessKeySecret string }
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.AccessKeyID != testAccessKeyID || body.AccessKeySecret != testAccessKeySecret {
			writeTestJSON(w, 401, map[string]string{"error": "invalid_client", "error_description": "bad access key"})
			return
		}
		f.issueToken(w)
	case "/auth/token":
		user, pass, ok := r.BasicAuth()
		if err := r.ParseForm(); err != nil || !ok || user != testClientID || pass != testClientSecret ||
			r.PostForm.Get("grant_type") != "password" || r.PostForm.Get("username") != testAccessKeyID || r.PostForm.Get("password") != testAccessKeySecret {
			writeTestJSON(w, 401, map[string]string{"error": "invalid_grant", "error_description": "bad credentials"})
			return
		}
		f.issueToken(w)
	default:
		f.apiCalls.Add(1)
		tok, found := bearer(r)
		f.mu.Lock()
		ok := found && f.valid[tok]
		f.mu.Unlock()
		if !ok {
			writeTestJSON(w, 401, map[string]string{"error": "invalid_token", "error_description": "token expired"})
			return
		}
		f.api(w, r)
	}
}

func (f *fakeCXone) issueToken(w http.ResponseWriter) {
	n := f.tokenCalls.Add(1)
	f.mu.Lock()
	delay, exp := f.tokenDelay, f.expiresIn
	tok := fmt.Sprintf("tok-%d", n)
	f.valid[tok] = true
	f.mu.Unlock()
	time.Sleep(delay)
	writeTestJSON(w, 200, map[string]any{"access_token": tok, "token_type": "Bearer", "expires_in": exp})
}

// revokeAll makes every issued token invalid, as if they had expired early.
func (f *fakeCXone) revokeAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.valid = map[string]bool{}
}

func bearer(r *http.Request) (string, bool) {
	const prefix = "Bearer "
	h := r.Header.Get("Authorization")
	if len(h) <= len(prefix) || h[:len(prefix)] != prefix {
		return "", false
	}
	return h[len(prefix):], true
}

func writeTestJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // the test client notices a broken answer
}

// testConfig is a fast configuration against a fake or mock at baseURL, using discovery.
func testConfig(baseURL string) Config {
	return Config{
		TenantID:        "t1",
		AuthURL:         baseURL,
		AccessKeyID:     testAccessKeyID,
		AccessKeySecret: testAccessKeySecret,
		MaxRetries:      3,
		RetryWaitMin:    time.Millisecond,
		RetryWaitMax:    5 * time.Millisecond,
		MaxRetryAfter:   20 * time.Millisecond,
		RequestTimeout:  5 * time.Second,
		UserAgent:       "cxone-client-test/1.0",
	}
}

func mustNew(t *testing.T, cfg Config) *Client {
	t.Helper()
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

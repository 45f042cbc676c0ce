package cxone

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sync/singleflight"
)

// okAgent answers GET /agents/{id} with one agent.
func okAgent(w http.ResponseWriter, _ *http.Request) {
	writeTestJSON(w, 200, map[string]any{"agents": []map[string]any{{"agentId": 1, "userName": "mowgli"}}})
}

func TestNew_validation(t *testing.T) {
	good := testConfig("http://127.0.0.1:1")
	if _, err := New(good); err != nil {
		t.Fatalf("good config refused: %v", err)
	}
	bad := map[string]func(*Config){
		"no credentials":    func(c *Config) { c.AccessKeySecret = "" },
		"no tenant":         func(c *Config) { c.TenantID = "" },
		"client id alone":   func(c *Config) { c.ClientID = "x" },
		"plain http remote": func(c *Config) { c.AuthURL = "http://cxone.example.com" },
		"relative url":      func(c *Config) { c.APIEndpoint = "/api" },
		"negative rate":     func(c *Config) { c.MaxRequestsPerSecond = -1 },
	}
	for name, mod := range bad {
		cfg := good
		mod(&cfg)
		if _, err := New(cfg); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	c := mustNew(t, Config{TenantID: "t", AccessKeyID: "a", AccessKeySecret: "b", MaxRetries: -1})
	if c.cfg.AuthURL != DefaultAuthURL || c.cfg.MaxRetries != DefaultMaxRetries || c.cfg.AdminAPIVersion != "v34.0" ||
		c.cfg.RetryWaitMin != time.Second || c.cfg.RetryWaitMax != 30*time.Second || c.cfg.MaxRetryAfter != time.Minute {
		t.Fatalf("defaults not applied: %+v", c.cfg)
	}
	if c := mustNew(t, Config{TenantID: "t", AccessKeyID: "a", AccessKeySecret: "b"}); c.cfg.MaxRetries != 0 {
		t.Fatalf("MaxRetries 0 must mean no retries, got %d", c.cfg.MaxRetries)
	}
}

func TestDo_headersOnEveryCall(t *testing.T) {
	var seen sync.Map
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		seen.Store(r.Method, r.Header.Clone())
		switch r.Method {
		case http.MethodGet:
			okAgent(w, r)
		default:
			writeTestJSON(w, 200, map[string]any{"errorCount": 0, "agentResults": []any{}})
		}
	})
	c := mustNew(t, testConfig(f.srv.URL))
	ctx := context.Background()
	if _, err := c.GetAgent(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if err := c.UpdateAgentDigitalSettings(ctx, AgentDigitalSettings{AgentID: 1}); err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{http.MethodGet, http.MethodPut} {
		v, ok := seen.Load(m)
		if !ok {
			t.Fatalf("no %s seen", m)
		}
		h := v.(http.Header) //nolint:forcetypeassert // stored above
		if h.Get("Accept") != "application/json" || h.Get("User-Agent") != "cxone-client-test/1.0" || h.Get("Authorization") != "Bearer tok-1" {
			t.Errorf("%s headers: %v", m, h)
		}
	}
}

func TestToken_passwordGrant(t *testing.T) {
	f := newFake(t, okAgent)
	cfg := testConfig(f.srv.URL)
	cfg.ClientID, cfg.ClientSecret = testClientID, testClientSecret
	if _, err := mustNew(t, cfg).GetAgent(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	cfg.ClientSecret = "wrong"
	_, err := mustNew(t, cfg).GetAgent(context.Background(), 1)
	var ae *APIError
	if !errors.As(err, &ae) || ae.Status != 401 || ae.Code != "invalid_grant" {
		t.Fatalf("bad client secret: %v", err)
	}
}

func TestTokenSource_fiftyConcurrentCallsShareOneFetch(t *testing.T) {
	f := newFake(t, okAgent)
	f.tokenDelay = 50 * time.Millisecond // keep the fetch in flight while the burst arrives
	c := mustNew(t, testConfig(f.srv.URL))
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for range 50 {
		wg.Go(func() {
			if _, err := c.GetAgent(context.Background(), 1); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := f.tokenCalls.Load(); n != 1 {
		t.Fatalf("%d token requests for 50 concurrent calls, want 1", n)
	}
	if n := f.discCalls.Load(); n != 1 {
		t.Fatalf("%d discovery requests, want 1", n)
	}
}

func TestToken_reauthOnceOn401(t *testing.T) {
	f := newFake(t, okAgent)
	c := mustNew(t, testConfig(f.srv.URL))
	ctx := context.Background()
	if _, err := c.GetAgent(ctx, 1); err != nil {
		t.Fatal(err)
	}
	f.revokeAll()
	// Many callers hit the 401 together: they share one new token.
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := c.GetAgent(ctx, 1); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := f.tokenCalls.Load(); n != 2 {
		t.Fatalf("%d token requests, want 2", n)
	}

	// A 401 that a fresh token does not cure is returned, not looped on.
	bad := newFake(t, func(w http.ResponseWriter, _ *http.Request) {
		writeTestJSON(w, 401, map[string]string{"error": "invalid_token", "error_description": "nope"})
	})
	_, err := mustNew(t, testConfig(bad.srv.URL)).GetAgent(ctx, 1)
	var ae *APIError
	if !errors.As(err, &ae) || ae.Status != 401 || bad.apiCalls.Load() != 2 || bad.tokenCalls.Load() != 2 {
		t.Fatalf("persistent 401: err %v, %d API calls, %d token calls", err, bad.apiCalls.Load(), bad.tokenCalls.Load())
	}
}

func TestTokenSource_refreshAheadOfExpiry(t *testing.T) {
	now := time.Unix(1000, 0)
	var fetches atomic.Int32
	ts := newTokenSource(func(context.Context) (*token, error) {
		n := fetches.Add(1)
		ttl := time.Hour
		return &token{value: fmt.Sprintf("t%d", n), refreshAt: now.Add(ttl - refreshMargin(ttl))}, nil
	}, new(singleflight.Group))
	ts.now = func() time.Time { return now }
	ctx := context.Background()
	if v, _ := ts.get(ctx); v != "t1" {
		t.Fatalf("first token %q", v)
	}
	now = now.Add(58 * time.Minute) // inside the lifetime, before the margin
	if v, _ := ts.get(ctx); v != "t1" || fetches.Load() != 1 {
		t.Fatalf("token refreshed too early: %q after %d fetches", v, fetches.Load())
	}
	now = now.Add(90 * time.Second) // within a minute of expiry: refresh
	if v, _ := ts.get(ctx); v != "t2" {
		t.Fatalf("token not refreshed ahead of expiry: %q", v)
	}
	ts.invalidate("t1") // an old token's 401 must not drop the newer one
	if v, _ := ts.get(ctx); v != "t2" || fetches.Load() != 2 {
		t.Fatalf("stale invalidate dropped the current token")
	}
	ts.invalidate("t2")
	if v, _ := ts.get(ctx); v != "t3" {
		t.Fatalf("invalidate did not force a fetch: %q", v)
	}
	if refreshMargin(2*time.Second) != 400*time.Millisecond || refreshMargin(time.Hour) != time.Minute {
		t.Fatal("refreshMargin")
	}
}

func TestDiscovery_failureNotCached(t *testing.T) {
	var fail atomic.Bool
	fail.Store(true)
	f := newFake(t, okAgent)
	f.discovery = func(w http.ResponseWriter, r *http.Request) {
		if fail.Load() {
			writeTestJSON(w, 500, map[string]string{"message": "discovery is down"})
			return
		}
		writeTestJSON(w, 200, map[string]any{"api_endpoint": f.srv.URL, "auth_endpoint": f.srv.URL})
	}
	c := mustNew(t, testConfig(f.srv.URL))
	_, err := c.GetAgent(context.Background(), 1)
	var ae *APIError
	if !errors.As(err, &ae) || ae.Status != 500 || !strings.Contains(err.Error(), "discovery is down") {
		t.Fatalf("discovery failure: %v", err)
	}
	fail.Store(false)
	if _, err := c.GetAgent(context.Background(), 1); err != nil {
		t.Fatalf("discovery failure was cached: %v", err)
	}
	if _, err := c.GetAgent(context.Background(), 1); err != nil || f.discCalls.Load() != 2 {
		t.Fatalf("discovery success not cached: %d calls", f.discCalls.Load())
	}
}

func TestDiscovery_refusesPlainHTTPEndpoint(t *testing.T) {
	f := newFake(t, okAgent)
	f.discovery = func(w http.ResponseWriter, _ *http.Request) {
		writeTestJSON(w, 200, map[string]any{"api_endpoint": "http://api.example.com", "auth_endpoint": f.srv.URL})
	}
	if _, err := mustNew(t, testConfig(f.srv.URL)).GetAgent(context.Background(), 1); err == nil || !strings.Contains(err.Error(), "https") {
		t.Fatalf("plain http api_endpoint accepted: %v", err)
	}
}

func TestAPIEndpoint_skipsDiscovery(t *testing.T) {
	f := newFake(t, okAgent)
	cfg := testConfig(f.srv.URL)
	cfg.TenantID, cfg.APIEndpoint = "", f.srv.URL
	if _, err := mustNew(t, cfg).GetAgent(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	if f.discCalls.Load() != 0 || f.tokenCalls.Load() != 1 {
		t.Fatalf("discovery %d, tokens %d", f.discCalls.Load(), f.tokenCalls.Load())
	}
}

// dropConn closes the connection without an answer, after the request was read.
func dropConn(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close() // the point is to close it
}

func TestLostAnswer_createNotResent(t *testing.T) {
	var posts atomic.Int32
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			posts.Add(1)
			dropConn(w)
			return
		}
		writeTestJSON(w, 200, map[string]any{"hits": 0, "data": []any{}})
	})
	c := mustNew(t, testConfig(f.srv.URL))
	_, err := c.CreateIntegration(context.Background(), IntegrationInput{Name: "Watering Hole", ClientSecret: "s"})
	if !errors.Is(err, ErrAnswerLost) {
		t.Fatalf("want ErrAnswerLost, got %v", err)
	}
	if IsNotFound(err) {
		t.Fatal("a lost create must not read as not found")
	}
	if n := posts.Load(); n != 1 {
		t.Fatalf("POST sent %d times, want exactly 1", n)
	}
}

func TestLostAnswer_timeoutOnCreate(t *testing.T) {
	var posts atomic.Int32
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			writeTestJSON(w, 200, map[string]any{"totalRecords": 0, "agentSkillAssignments": []any{}})
			return
		}
		posts.Add(1)
		// Reading the body lets the server notice the client hanging up.
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	cfg := testConfig(f.srv.URL)
	cfg.RequestTimeout = 100 * time.Millisecond
	c := mustNew(t, cfg)
	err := c.AssignSkills(context.Background(), 1, []SkillAssignmentInput{{SkillID: 2, Proficiency: 1, IsActive: true}})
	if !errors.Is(err, ErrAnswerLost) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("want ErrAnswerLost wrapping the timeout, got %v", err)
	}
	if !strings.Contains(err.Error(), "not assigned now") {
		t.Fatalf("the lost POST was not checked by listing the agent's skills: %v", err)
	}
	if n := posts.Load(); n != 1 {
		t.Fatalf("POST sent %d times, want exactly 1", n)
	}
}

func TestLostAnswer_idempotentRetried(t *testing.T) {
	var puts atomic.Int32
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		if puts.Add(1) == 1 {
			dropConn(w)
			return
		}
		writeTestJSON(w, 200, map[string]any{"routingQueueId": "q1", "channelId": "c1"})
	})
	b, err := mustNew(t, testConfig(f.srv.URL)).BindChannel(context.Background(), "q1", "c1")
	if err != nil || b.ChannelID != "c1" || puts.Load() != 2 {
		t.Fatalf("binding after a dropped answer: %v %+v, %d PUTs", err, b, puts.Load())
	}
}

// failFirstDial fails the first request before anything is written, like a refused dial.
type failFirstDial struct {
	calls atomic.Int32
	base  http.RoundTripper
}

func (f *failFirstDial) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/skills") && f.calls.Add(1) == 1 {
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
	}
	return f.base.RoundTrip(r)
}

func TestDialError_createRetried(t *testing.T) {
	var posts atomic.Int32
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			posts.Add(1)
			writeTestJSON(w, 200, map[string]any{"errorCount": 0, "skillsResults": []map[string]any{{"success": true}}})
			return
		}
		writeTestJSON(w, 200, map[string]any{"totalRecords": 1, "_links": map[string]any{"next": nil},
			"skills": []map[string]any{{"skillId": 5, "skillName": "Chat", "isActive": true}}})
	})
	cfg := testConfig(f.srv.URL)
	cfg.HTTPClient = &http.Client{Transport: &failFirstDial{base: http.DefaultTransport}}
	s, err := mustNew(t, cfg).CreateSkill(context.Background(), SkillInput{SkillName: "Chat"})
	if err != nil || s.SkillID != 5 || posts.Load() != 1 {
		t.Fatalf("create after a refused dial: %v %+v, %d POSTs reached the server", err, s, posts.Load())
	}
}

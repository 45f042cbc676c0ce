package cxone_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// nounCall is one representative call per API noun, with the route it hits.
type nounCall struct {
	name   string
	method string
	path   string // request path prefix, for fault rules
	route  string // request-count key
	call   func(e *env, f *fixture) error
}

// fixture holds objects that calls of every noun need.
type fixture struct {
	agent   int64
	skill   *cxone.Skill
	integ   *cxone.Integration
	channel string
	n       int // makes created names unique per call
}

func newFixture(e *env) *fixture {
	f := &fixture{agent: e.agentIDs()[0], skill: e.skill("Fixture skill"), integ: e.integration("Fixture integration"), channel: "fx-ch"}
	e.channel(f.channel, f.integ.ID)
	return f
}

func (f *fixture) next() int { f.n++; return f.n }

var nounCalls = []nounCall{
	{"agents list", "GET", adminPath + "/agents", "GET " + adminKey + "/agents", func(e *env, _ *fixture) error {
		_, err := e.c.ListAgents(e.ctx, cxone.AgentListOptions{})
		return err
	}},
	{"agents update", "PUT", adminPath + "/agents", "PUT " + adminKey + "/agents", func(e *env, f *fixture) error {
		return e.c.UpdateAgentDigitalSettings(e.ctx, cxone.AgentDigitalSettings{AgentID: f.agent, DigitalEngagementEnabled: new(true)})
	}},
	{"agents create", "POST", adminPath + "/agents", "POST " + adminKey + "/agents", func(e *env, f *fixture) error {
		_, err := e.c.CreateAgent(e.ctx, userInput(fmt.Sprintf("created-%d", f.next())))
		return err
	}},
	{"teams list", "GET", adminPath + "/teams", "GET " + adminKey + "/teams", func(e *env, _ *fixture) error {
		_, err := e.c.ListTeams(e.ctx, cxone.TeamListOptions{})
		return err
	}},
	{"security profiles get", "GET", adminPath + "/security-profiles/", "GET " + adminKey + "/security-profiles/{profileId}", func(e *env, _ *fixture) error {
		_, err := e.c.GetSecurityProfile(e.ctx, 5)
		return err
	}},
	{"skills create", "POST", adminPath + "/skills", "POST " + adminKey + "/skills", func(e *env, f *fixture) error {
		_, err := e.c.CreateSkill(e.ctx, cxone.SkillInput{SkillName: fmt.Sprintf("created-%d", f.next()), MaxPriority: 10})
		return err
	}},
	{"skills get", "GET", adminPath + "/skills/", "GET " + adminKey + "/skills/{skillId}", func(e *env, f *fixture) error {
		_, err := e.c.GetSkill(e.ctx, f.skill.SkillID)
		return err
	}},
	{"assignments create", "POST", adminPath + "/agents/", "POST " + adminKey + "/agents/{agentId}/skills", func(e *env, f *fixture) error {
		s, err := e.c.CreateSkill(e.ctx, cxone.SkillInput{SkillName: fmt.Sprintf("assigned-%d", f.next()), MaxPriority: 10})
		if err != nil {
			return err
		}
		return e.c.AssignSkills(e.ctx, f.agent, []cxone.SkillAssignmentInput{{SkillID: s.SkillID, Proficiency: 1, IsActive: true}})
	}},
	{"assignments list", "GET", adminPath + "/agents/", "GET " + adminKey + "/agents/{agentId}/skills", func(e *env, f *fixture) error {
		_, err := e.c.ListAgentSkills(e.ctx, f.agent)
		return err
	}},
	{"routing queues", "GET", dfoPath + "/routing-queues", "GET " + dfoPath + "/routing-queues", func(e *env, f *fixture) error {
		_, err := e.c.GetRoutingQueue(e.ctx, f.skill.RoutingQueueID)
		return err
	}},
	{"channels upsert", "POST", dfoPath + "/channels", "POST " + dfoPath + "/channels", func(e *env, f *fixture) error {
		_, err := e.c.UpsertChannel(e.ctx, channelInput(f.channel, f.integ.ID))
		return err
	}},
	{"channels list", "GET", dfoPath + "/channels", "GET " + dfoPath + "/channels", func(e *env, _ *fixture) error {
		_, err := e.c.ListChannels(e.ctx)
		return err
	}},
	{"integrations create", "POST", dfoPath + "/channel-integrations", "POST " + dfoPath + "/channel-integrations", func(e *env, f *fixture) error {
		_, err := e.c.CreateIntegration(e.ctx, integrationInput(fmt.Sprintf("created-%d", f.next())))
		return err
	}},
	{"integrations get", "GET", dfoPath + "/channel-integrations/", "GET " + dfoPath + "/channel-integrations/{id}", func(e *env, f *fixture) error {
		_, err := e.c.GetIntegration(e.ctx, f.integ.ID)
		return err
	}},
	{"bindings bind", "PUT", dfoPath + "/routing-queues/", "PUT " + dfoPath + "/routing-queues/{queueId}/channels/{channelId}", func(e *env, f *fixture) error {
		_, err := e.c.BindChannel(e.ctx, f.skill.RoutingQueueID, f.channel)
		return err
	}},
	{"bindings list", "GET", dfoPath + "/routing-queues/", "GET " + dfoPath + "/routing-queues/{queueId}/channels", func(e *env, f *fixture) error {
		_, err := e.c.ListQueueBindings(e.ctx, f.skill.RoutingQueueID)
		return err
	}},
}

// TestFaults_everyNoun: throttling with and without Retry-After, and 503s, are retried for
// every noun (creates included: those statuses mean CXone did not serve the request), and
// each call then succeeds after exactly faults+1 attempts. Each call has a client of its
// own: one client refused two requests of three all along would rightly slow itself down
// (pacer.go), which is not what this test is about.
func TestFaults_everyNoun(t *testing.T) {
	faults := []struct {
		name string
		rule mockcxone.FaultRule
	}{
		{"429 with Retry-After", mockcxone.FaultRule{Status: 429, Count: 2, RetryAfter: "1"}},
		{"429 without Retry-After", mockcxone.FaultRule{Status: 429, Count: 2}},
		{"503", mockcxone.FaultRule{Status: 503, Count: 2}},
	}
	e := newEnv(t, mockcxone.Options{})
	f := newFixture(e)
	for _, nc := range nounCalls {
		for _, fl := range faults {
			t.Run(nc.name+"/"+fl.name, func(t *testing.T) {
				rule := fl.rule
				rule.Method, rule.Path = nc.method, nc.path
				e.faults(rule)
				defer e.faults()
				before := e.count(nc.route)
				start := time.Now()
				if err := nc.call(e.freshClient(t), f); err != nil {
					t.Fatal(err)
				}
				if got := e.count(nc.route) - before; got != 3 {
					t.Fatalf("%d attempts, want 3 (2 faults + 1)", got)
				}
				if d := time.Since(start); d > 2*time.Second {
					t.Fatalf("took %v: Retry-After not capped", d)
				}
			})
		}
	}
}

// TestToken_expiryAndReauthEveryNoun runs every noun's call across token expiry: tokens live
// 300 ms, but the mock says expires_in 1 (its smallest), so the client believes a token
// longer than it lives and must recover from the 401s by re-authenticating once per token.
func TestToken_expiryAndReauthEveryNoun(t *testing.T) {
	e := newEnv(t, mockcxone.Options{TokenTTL: 300 * time.Millisecond})
	f := newFixture(e)
	deadline := time.Now().Add(1200 * time.Millisecond)
	for time.Now().Before(deadline) {
		for _, nc := range nounCalls {
			if err := nc.call(e, f); err != nil {
				t.Fatalf("%s: %v", nc.name, err)
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	if n := e.count(tokenKey); n < 3 {
		t.Fatalf("%d token requests over 4 token lifetimes, want at least 3", n)
	}
	if !strings.Contains(e.log.text(), "fetching a new one") {
		t.Fatal("no 401 re-authentication happened")
	}
}

// TestToken_refreshedBeforeExpiry: with an honest expires_in the client replaces the token
// before it lapses, so no call ever meets a 401.
func TestToken_refreshedBeforeExpiry(t *testing.T) {
	e := newEnv(t, mockcxone.Options{TokenTTL: time.Second})
	f := newFixture(e)
	deadline := time.Now().Add(1500 * time.Millisecond)
	for time.Now().Before(deadline) {
		if err := nounCalls[0].call(e, f); err != nil {
			t.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if n := e.count(tokenKey); n < 2 {
		t.Fatalf("%d token requests over 1.5 token lifetimes, want at least 2", n)
	}
	if strings.Contains(e.log.text(), "fetching a new one") {
		t.Fatal("a call met an expired token: refresh ahead of expiry did not happen")
	}
}

func TestToken_reauthOn401(t *testing.T) {
	e := newEnv(t, mockcxone.Options{TokenTTL: 200 * time.Millisecond})
	if _, err := e.c.ListAgents(e.ctx, cxone.AgentListOptions{}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // the mock expired the token; the client still trusts it
	if _, err := e.c.ListAgents(e.ctx, cxone.AgentListOptions{}); err != nil {
		t.Fatalf("after the token expired: %v", err)
	}
	if n := e.count(tokenKey); n != 2 {
		t.Fatalf("%d token requests, want 2", n)
	}
	if n := e.count("GET " + adminKey + "/agents"); n != 3 {
		t.Fatalf("%d GETs, want 3 (ok, 401, repeat)", n)
	}

	// Many callers meet the 401 together: they share one new token.
	time.Sleep(300 * time.Millisecond)
	e.faults(mockcxone.FaultRule{Path: "/authentication/", LatencyMS: 50}) // keep the fetch in flight
	listChannelsTogether(t, e, 20)
	if n := e.count(tokenKey); n != 3 {
		t.Fatalf("%d token requests, want 3: one for the 20 callers that met the 401", n)
	}
}

func TestToken_fiftyConcurrentCallsFetchOne(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	e.faults(mockcxone.FaultRule{Path: "/authentication/", LatencyMS: 50}) // keep the fetch in flight while the burst arrives
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range 50 {
		wg.Go(func() {
			<-start
			var err error
			if i%2 == 0 {
				_, err = e.c.ListAgents(e.ctx, cxone.AgentListOptions{})
			} else {
				_, err = e.c.ListChannels(e.ctx)
			}
			if err != nil {
				t.Error(err)
			}
		})
	}
	close(start)
	wg.Wait()
	if n := e.count(tokenKey); n != 1 {
		t.Fatalf("%d token requests for 50 concurrent calls, want 1", n)
	}
	if n := e.count("GET " + mockcxone.DiscoveryPath); n != 1 {
		t.Fatalf("%d discovery requests, want 1", n)
	}
}

func TestToken_passwordGrantAndBadCredentials(t *testing.T) {
	e := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) { c.ClientID, c.ClientSecret = mockcxone.ClientID, mockcxone.ClientSecret })
	if _, err := e.c.ListAgents(e.ctx, cxone.AgentListOptions{}); err != nil {
		t.Fatal(err)
	}
	if e.count("POST /auth/token") != 1 || e.count(tokenKey) != 0 {
		t.Fatal("password grant not used")
	}
	bad := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) { c.AccessKeySecret = "wrong" })
	_, err := bad.c.ListAgents(bad.ctx, cxone.AgentListOptions{})
	wantAPIError(t, err, 401, "")
	if bad.count("GET "+adminKey+"/agents") != 0 {
		t.Fatal("an API call was made without a token")
	}
}

func TestRetry_retryAfterDateFormCapped(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	date := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
	e.faults(mockcxone.FaultRule{Method: "GET", Path: adminPath + "/agents", Status: 429, Count: 1, RetryAfter: date})
	start := time.Now()
	_, err := e.c.ListAgents(e.ctx, cxone.AgentListOptions{})
	var be *cxone.RetryBudgetError
	if !errors.As(err, &be) || be.RetryAfter < 59*time.Minute || !strings.Contains(err.Error(), "asked to wait 59m") {
		t.Fatalf("a Retry-After date an hour ahead, beyond the retry budget: want a *RetryBudgetError saying how long, got %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("waited %v: a Retry-After beyond the retry budget did not fail at once", d)
	}
	// Honoured: with a generous cap, a date about two seconds ahead is waited for.
	slow := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) { c.MaxRetryAfter = time.Minute })
	if _, err := slow.c.ListAgents(slow.ctx, cxone.AgentListOptions{}); err != nil { // token and discovery first
		t.Fatal(err)
	}
	date = time.Now().Add(2 * time.Second).UTC().Format(http.TimeFormat)
	slow.faults(mockcxone.FaultRule{Method: "GET", Path: adminPath + "/agents", Status: 429, Count: 1, RetryAfter: date})
	start = time.Now()
	if _, err := slow.c.ListAgents(slow.ctx, cxone.AgentListOptions{}); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 900*time.Millisecond || d > 3*time.Second {
		t.Fatalf("waited %v for a Retry-After date ~2s ahead (second precision)", d)
	}
}

func TestRetry_maxRetriesBound(t *testing.T) {
	for _, tc := range []struct {
		status, maxRetries, attempts int
	}{
		{503, 3, 4},
		{429, 2, 3},
		{503, 0, 1},
		{500, 3, 1}, // may have been served: never retried
	} {
		e := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) { c.MaxRetries = tc.maxRetries })
		e.faults(mockcxone.FaultRule{Method: "GET", Path: adminPath + "/agents", Status: tc.status})
		_, err := e.c.ListAgents(e.ctx, cxone.AgentListOptions{})
		wantAPIError(t, err, tc.status, "fault injected")
		if n := e.count("GET " + adminKey + "/agents"); n != tc.attempts {
			t.Errorf("status %d, MaxRetries %d: %d attempts, want %d", tc.status, tc.maxRetries, n, tc.attempts)
		}
	}
}

func TestRetry_contextCancelStopsWaiting(t *testing.T) {
	e := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) { c.MaxRetryAfter = time.Minute; c.MaxRetries = 10 })
	e.faults(mockcxone.FaultRule{Method: "GET", Path: adminPath + "/agents", Status: 429, RetryAfter: "30"})
	ctx, cancel := context.WithTimeout(e.ctx, 150*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := e.c.ListAgents(ctx, cxone.AgentListOptions{})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("want the context's error, got %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("returned after %v, not at once when the context ended", d)
	}

	// Cancelled during a slow attempt, too.
	e.faults(mockcxone.FaultRule{Method: "GET", Path: adminPath + "/agents", LatencyMS: 5000})
	ctx, cancel = context.WithCancel(e.ctx)
	time.AfterFunc(100*time.Millisecond, cancel)
	start = time.Now()
	if _, err := e.c.ListAgents(ctx, cxone.AgentListOptions{}); !errors.Is(err, context.Canceled) || time.Since(start) > time.Second {
		t.Fatalf("cancel during an attempt: %v after %v", err, time.Since(start))
	}
}

func TestRateLimit_sharedByAllCallsAndRetries(t *testing.T) {
	const rps = 100
	e := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) { c.MaxRequestsPerSecond = rps })
	if _, err := e.c.ListAgents(e.ctx, cxone.AgentListOptions{}); err != nil { // discovery, token, one call
		t.Fatal(err)
	}
	// 503s, not 429s: a burst of 429s would also set a pace below the limit (pacer.go), and
	// this test is about the limit.
	e.faults(mockcxone.FaultRule{Method: "GET", Path: dfoPath + "/channels", Status: 503, Count: 10})
	start := time.Now()
	listChannelsTogether(t, e, 20)
	elapsed := time.Since(start)
	// 20 calls plus 10 retries of throttled ones: 30 requests at 100/s with a burst of one.
	if n := e.count("GET " + dfoPath + "/channels"); n != 30 {
		t.Fatalf("%d requests, want 30", n)
	}
	if minimum := 29 * time.Second / rps; elapsed < minimum-20*time.Millisecond {
		t.Fatalf("30 requests took %v, the limiter allows no less than %v", elapsed, minimum)
	}

	// Without a limit the same work is much faster, so the check above measures the limiter.
	free := newEnv(t, mockcxone.Options{})
	start = time.Now()
	for range 30 {
		if _, err := free.c.ListChannels(free.ctx); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d > elapsed {
		t.Fatalf("unlimited client (%v) slower than the limited one (%v)", d, elapsed)
	}
}

// listChannelsTogether makes n ListChannels calls at once and waits for them all; each
// error fails the test.
func listChannelsTogether(t *testing.T, e *env, n int) {
	t.Helper()
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			if _, err := e.c.ListChannels(e.ctx); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}

package cxone_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// Request paths and request-count keys of the mock, as internal/cxone/README.md writes them.
const (
	adminPath = "/inContactAPI/services/v34.0"
	adminKey  = "/inContactAPI/services/{version}"
	dfoPath   = "/dfo/3.0"
	tokenKey  = "POST /authentication/v1/token/access-key"
)

// env is one mock CXone and a client of it.
type env struct {
	t   *testing.T
	s   *mockcxone.Server
	c   *cxone.Client
	cfg cxone.Config
	log *memLogger
	ctx context.Context
}

// newEnv starts a mock (routing queues sync at once unless opts says otherwise) and a fast
// client of it, after applying mods to the client configuration.
func newEnv(t *testing.T, opts mockcxone.Options, mods ...func(*cxone.Config)) *env {
	t.Helper()
	if opts.SyncDelay == 0 {
		opts.SyncDelay = -1
	}
	s := mockcxone.NewTestServer(t, opts)
	log := &memLogger{}
	cfg := cxone.Config{
		TenantID:        mockcxone.TenantID,
		AuthURL:         s.URL,
		AccessKeyID:     mockcxone.AccessKeyID,
		AccessKeySecret: mockcxone.AccessKeySecret,
		MaxRetries:      3,
		RetryWaitMin:    time.Millisecond,
		RetryWaitMax:    5 * time.Millisecond,
		MaxRetryAfter:   20 * time.Millisecond,
		RequestTimeout:  5 * time.Second,
		UserAgent:       "terraform-provider-cxone/test",
		Logger:          log,
	}
	for _, m := range mods {
		m(&cfg)
	}
	c, err := cxone.New(cfg)
	if err != nil {
		t.Fatalf("cxone.New: %v", err)
	}
	return &env{t: t, s: s, c: c, cfg: cfg, log: log, ctx: t.Context()}
}

// freshClient is the same mock with a new client of the same configuration, which has
// learnt nothing yet: no token, no discovery, no pace (a 429 slows a client down for a while).
func (e *env) freshClient(t *testing.T) *env {
	t.Helper()
	c, err := cxone.New(e.cfg)
	if err != nil {
		t.Fatalf("cxone.New: %v", err)
	}
	fresh := *e
	fresh.t, fresh.c, fresh.ctx = t, c, t.Context()
	return &fresh
}

// count is how many requests the mock received on a route ("GET " + adminKey + "/agents").
func (e *env) count(route string) int {
	return e.s.Requests().ByRoute[route]
}

// faults sets fault rules, failing the test if the mock refuses them.
func (e *env) faults(rules ...mockcxone.FaultRule) {
	e.t.Helper()
	if err := e.s.SetFaults(rules); err != nil {
		e.t.Fatalf("SetFaults: %v", err)
	}
}

// agentIDs returns the ids of the seeded agents, in the mock's order.
func (e *env) agentIDs() []int64 {
	var ids []int64
	for _, a := range e.s.State().Agents {
		ids = append(ids, a.AgentID)
	}
	return ids
}

// skill creates a digital skill named name.
func (e *env) skill(name string) *cxone.Skill {
	e.t.Helper()
	s, err := e.c.CreateSkill(e.ctx, cxone.SkillInput{SkillName: name, InitialPriority: 1, MaxPriority: 100, ServiceLevelGoal: 80, ServiceLevelThreshold: 30})
	if err != nil {
		e.t.Fatalf("CreateSkill(%q): %v", name, err)
	}
	return s
}

// integrationInput is a valid integration named name.
func integrationInput(name string) cxone.IntegrationInput {
	return cxone.IntegrationInput{
		Name:               name,
		IntegrationBoxURL:  "https://middleware.thejungle.example/box",
		AuthorizationURL:   "https://middleware.thejungle.example/token",
		ClientID:           "watering-hole",
		ClientSecret:       "integration-SECRET-value",
		UseDfo3OutboundAPI: true,
		AddActionURL:       "https://middleware.thejungle.example/add",
		ReconnectActionURL: "https://middleware.thejungle.example/reconnect",
		RemoveActionURL:    "https://middleware.thejungle.example/remove",
		Color:              "#33AA55",
	}
}

// integration creates an integration named name.
func (e *env) integration(name string) *cxone.Integration {
	e.t.Helper()
	in, err := e.c.CreateIntegration(e.ctx, integrationInput(name))
	if err != nil {
		e.t.Fatalf("CreateIntegration(%q): %v", name, err)
	}
	return in
}

// channelInput is a valid channel with id id on integration integrationID.
func channelInput(id, integrationID string) cxone.Channel {
	return cxone.Channel{
		ID: id, IDOnExternalPlatform: "ext-" + id, ChannelIntegrationID: integrationID,
		RealExternalPlatformID: "custom", Name: "Watering Hole " + id, HasTreeStructure: true,
		HasReply: new(true), ContentFormat: "plain",
	}
}

// channel creates a channel with id id.
func (e *env) channel(id, integrationID string) *cxone.Channel {
	e.t.Helper()
	ch, err := e.c.UpsertChannel(e.ctx, channelInput(id, integrationID))
	if err != nil {
		e.t.Fatalf("UpsertChannel(%q): %v", id, err)
	}
	return ch
}

// parallel runs f(i) for i in [0, n) on a few workers and fails the test on any error.
func parallel(t *testing.T, n int, f func(i int) error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	next := make(chan int)
	for range 8 {
		wg.Go(func() {
			for i := range next {
				if err := f(i); err != nil {
					errs <- fmt.Errorf("item %d: %w", i, err)
				}
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// wantRetired retires an object (CXone deletes none of these kinds) and checks that the
// look-up by name still finds it, and that what it finds is as retired says (inactive).
func wantRetired[T any](t *testing.T, retire func() error, find func() (*T, error), retired func(*T) bool) {
	t.Helper()
	if err := retire(); err != nil {
		t.Fatal(err)
	}
	found, err := find()
	if err != nil || !retired(found) {
		t.Fatalf("found %+v %v", found, err)
	}
}

// wantAPIError asserts err is an *APIError with this status whose message contains msg.
func wantAPIError(t *testing.T, err error, status int, msg string) {
	t.Helper()
	var ae *cxone.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("want *APIError %d, got %T %v", status, err, err)
	}
	if ae.Status != status || !strings.Contains(ae.Message, msg) {
		t.Fatalf("want %d with message containing %q, got %d %q (%v)", status, msg, ae.Status, ae.Message, err)
	}
}

// wantItemError asserts err holds an *ItemError at index whose message contains msg.
func wantItemError(t *testing.T, err error, index int, msg string) {
	t.Helper()
	var ie *cxone.ItemError
	if !errors.As(err, &ie) || ie.Index != index || !strings.Contains(ie.Message, msg) {
		t.Fatalf("want *ItemError %d containing %q, got %T %v", index, msg, err, err)
	}
}

// memLogger records log lines for the secret-leak test.
type memLogger struct {
	mu    sync.Mutex
	lines []string
}

func (l *memLogger) add(level, msg string, fields map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf("%s %s %v", level, msg, fields))
}

func (l *memLogger) Debug(_ context.Context, msg string, fields map[string]any) {
	l.add("DEBUG", msg, fields)
}

func (l *memLogger) Warn(_ context.Context, msg string, fields map[string]any) {
	l.add("WARN", msg, fields)
}

func (l *memLogger) text() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

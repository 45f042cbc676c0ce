// Package mockcxone is an in-memory, stateful stand-in for the NICE CXone APIs the
// provider calls: discovery, both token grants, the Admin API (agents, teams, security
// profiles, skills, skill assignments) and the Digital Engagement API (routing queues, channels, BYOC
// integrations, routing-queue bindings). It follows the contract in
// internal/cxone/README.md, quirks included, so that the client and the provider can be
// tested without a tenant.
//
// Files follow the client's nouns: routes.go lists every call, handlers_<noun>.go serves
// one noun, and testhooks_<noun>.go holds that noun's test hooks, each named
// <Verb><Noun>ForTest, for data the API cannot make (a duplicate name, a deleted user).
// Besides the CXone calls it serves its own controls under /_mock/ (state, request
// counts, fault injection, reset). `make mock` runs it as a program (cmd/mockcxone).
//
// In Go tests:
//
//	s := mockcxone.NewTestServer(t, mockcxone.Options{SyncDelay: -1}) // s.URL is the auth_url
//	s.State()                 // everything held, typed (same JSON as GET /_mock/state)
//	s.Requests().ByRoute[...] // counts keyed "GET /dfo/3.0/channels" and the like
//	s.SetFaults(rules)        // fault injection; nil clears
//	s.SyncNow()               // finish pending skill -> routing queue syncs
//	s.IntegrationSecret(id)   // the secret the API never shows
//	s.Reset()                 // back to the seed
//
// Changes made "outside Terraform" go through the HTTP API like any client's; the
// seed credentials are the constants TenantID, AccessKeyID, AccessKeySecret,
// ClientID and ClientSecret.
package mockcxone

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

// Seed credentials and tenant: the only ones the mock accepts.
const (
	// TenantID is the tenant discovery knows.
	TenantID = "mock-tenant"
	// AccessKeyID and AccessKeySecret are the access key of both token grants.
	AccessKeyID = "mock-access-key"
	// AccessKeySecret is the secret of AccessKeyID.
	AccessKeySecret = "mock-access-secret"
	// ClientID and ClientSecret identify the registered app of the password grant.
	ClientID = "mock-client"
	// ClientSecret is the secret of ClientID.
	ClientSecret = "mock-client-secret"
)

// Route prefixes, written as in internal/cxone/README.md; request counts use them in their keys.
const (
	// AdminBase is the Admin API base path; versions v1.0 to v34.0 are served (gateway.go).
	AdminBase = "/inContactAPI/services/{version}"
	// DFOBase is the Digital Engagement (DFO 3.0) API base path.
	DFOBase = "/dfo/3.0"
	// DiscoveryPath is the unauthenticated discovery document.
	DiscoveryPath = "/.well-known/cxone-configuration"
)

// Defaults for zero Options fields.
const (
	// DefaultSyncDelay is how long a new digital skill waits for its routing queue.
	DefaultSyncDelay = time.Second
	// DefaultTokenTTL is the lifetime of an access token.
	DefaultTokenTTL = time.Hour
)

// Options tune the mock. The zero value is a usable default.
type Options struct {
	// SyncDelay is the time between creating a digital skill and the appearance of
	// its routing queue. Zero means DefaultSyncDelay; a negative value syncs at once,
	// inside the create call.
	SyncDelay time.Duration
	// TokenTTL is the lifetime of issued tokens (zero: DefaultTokenTTL).
	TokenTTL time.Duration
	// ExtraUsers adds that many generated active users, user0001 onwards.
	ExtraUsers int
	// Large adds a large tenant's objects to the seed (LargeTenant is the size
	// `mockcxone -large-tenant` uses); Reset puts them back too.
	Large TenantSize
	// RateLimit is the number of API requests per second allowed per token
	// (a token bucket of that size); over it the mock answers 429 without
	// Retry-After, as CXone often does. Zero means no limit.
	RateLimit int
	// TenantRateLimit is the number of API requests per second allowed for the whole
	// tenant, whatever token they carry (a token bucket of that size): several clients
	// (pipelines) then share one budget, as they share a real tenant's. Over it the
	// mock answers 429 without Retry-After. Zero means no limit.
	TenantRateLimit int
	// NoTenantBindingList makes GET /routing-queue-channels (the project-defined
	// list of every binding) answer as a path the API does not serve, as a tenant
	// without that call would: clients then list bindings queue by queue.
	NoTenantBindingList bool
	// Logf, when set, receives one line per request served.
	Logf func(format string, args ...any)
}

// Server is one mock CXone tenant. It is safe for concurrent use.
type Server struct {
	// URL is the base URL the server is reachable at, set by NewTestServer (or by
	// whoever runs Handler on a listener). Discovery does not depend on it: it
	// answers with the host the request came to.
	URL string

	opts     Options
	store    *store
	faults   *faultSet
	requests *requestCounter
	tokens   *tokenStore
	tenant   *rate.Limiter // TenantRateLimit; nil: none
	mux      *http.ServeMux
	control  *http.ServeMux
}

// New returns a server holding the seed data (README.md, "The mock CXone server").
func New(opts Options) *Server {
	if opts.SyncDelay == 0 {
		opts.SyncDelay = DefaultSyncDelay
	}
	if opts.TokenTTL <= 0 {
		opts.TokenTTL = DefaultTokenTTL
	}
	s := &Server{
		opts:     opts,
		store:    newStore(opts.ExtraUsers, opts.Large),
		faults:   &faultSet{},
		requests: newRequestCounter(),
		tokens:   newTokenStore(opts.TokenTTL, opts.RateLimit),
		mux:      http.NewServeMux(),
		control:  http.NewServeMux(),
	}
	if opts.TenantRateLimit > 0 {
		s.tenant = rate.NewLimiter(rate.Limit(opts.TenantRateLimit), opts.TenantRateLimit)
	}
	s.routeAPI()
	s.routeControl()
	return s
}

// NewTestServer starts a server on a random 127.0.0.1 port for the length of a test
// and sets its URL; the test's cleanup stops it.
func NewTestServer(t testing.TB, opts Options) *Server {
	t.Helper()
	s := New(opts)
	ts := httptest.NewServer(s.Handler())
	s.URL = ts.URL
	t.Cleanup(ts.Close)
	return s
}

// Handler is the whole mock: discovery, auth, both APIs and the /_mock/ controls.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(s.serveHTTP)
}

// Reset restores the seed data and clears fault rules and request counts. Issued
// tokens stay valid: they are not tenant data.
func (s *Server) Reset() {
	s.store.reset()
	s.faults.set(nil)
	s.requests.reset()
}

// route registers an API handler under a pattern such as
// "GET /inContactAPI/services/{version}/agents"; the pattern is also the key the
// request is counted under.
func (s *Server) route(pattern string, h http.HandlerFunc) {
	s.mux.Handle(pattern, h)
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/_mock/") || r.URL.Path == "/_mock" {
		s.control.ServeHTTP(w, r)
		return
	}
	// apiRoute only tells the route; serving goes through the mux itself, which
	// also fills in the path values ({agentId}, ...) the handlers read.
	pattern := s.apiRoute(r)
	s.requests.add(r.Method, pattern, r.UserAgent())

	sw := &statusWriter{ResponseWriter: w, count: s.requests.addStatus}
	start := time.Now()
	defer func() {
		status := sw.finish(r)
		if s.opts.Logf != nil {
			s.opts.Logf("mockcxone: %s %s -> %d (%s)", r.Method, r.URL.RequestURI(), status, time.Since(start).Round(time.Millisecond))
		}
	}()
	w = sw

	// Discovery is never faulted: it is where a client learns where to go at all.
	if r.URL.Path != DiscoveryPath {
		if rule, ok := s.faults.match(r.Method, r.URL.Path); ok {
			s.applyFault(w, r, rule, http.HandlerFunc(s.serveAPI))
			return
		}
	}
	s.serveAPI(w, r)
}

// baseURL is the scheme and host the request reached, so discovery points back at
// this server whatever port or name it was reached by.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// statusWriter notes the status of the answer for the request counts and the log, and
// still lets a fault drop the connection. A request is counted by status once: when the
// handler returns, or at once when its connection is dropped (before the client can see
// it closed, so a test that reads the counts after the failure finds it counted).
type statusWriter struct {
	http.ResponseWriter
	count   func(status int)
	status  int
	wrote   bool
	counted bool
}

func (sw *statusWriter) WriteHeader(code int) {
	if !sw.wrote {
		sw.status, sw.wrote = code, true
	}
	sw.ResponseWriter.WriteHeader(code)
}

func (sw *statusWriter) Write(b []byte) (int, error) {
	if !sw.wrote {
		sw.status, sw.wrote = http.StatusOK, true
	}
	n, err := sw.ResponseWriter.Write(b)
	if err != nil {
		return n, fmt.Errorf("writing response: %w", err)
	}
	return n, nil
}

// Hijack lets drop_response faults close the connection through the wrapper; the request
// counts as answered with no status.
func (sw *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := sw.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("response writer cannot be hijacked")
	}
	sw.status, sw.wrote = noAnswer, true
	sw.countOnce()
	c, rw, err := hj.Hijack()
	if err != nil {
		return nil, nil, fmt.Errorf("hijacking connection: %w", err)
	}
	return c, rw, nil
}

// finish counts the request when the handler returns and gives the status to log. A
// handler that wrote nothing answered 200, unless its client had gone: then nothing was
// answered.
func (sw *statusWriter) finish(r *http.Request) int {
	if !sw.wrote {
		sw.status = http.StatusOK
		if r.Context().Err() != nil {
			sw.status = noAnswer
		}
	}
	sw.countOnce()
	return sw.status
}

func (sw *statusWriter) countOnce() {
	if !sw.counted {
		sw.counted = true
		sw.count(sw.status)
	}
}

// Unwrap gives http.ResponseController access to the underlying writer.
func (sw *statusWriter) Unwrap() http.ResponseWriter { return sw.ResponseWriter }

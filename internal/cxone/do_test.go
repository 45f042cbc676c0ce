package cxone_test

import (
	"errors"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// transportFunc lets a test change what the client's transport does with a request before
// it reaches the mock: record it, fail it as a refused dial, or rewrite it.
type transportFunc func(*http.Request) (*http.Response, error)

func (f transportFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// refusedDial is the error of a connection that was never made: nothing was sent.
var refusedDial = &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}

func TestDo_headersOnEveryCall(t *testing.T) {
	var seen sync.Map
	e := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) {
		c.HTTPClient = &http.Client{Transport: transportFunc(func(r *http.Request) (*http.Response, error) {
			if strings.Contains(r.URL.Path, "/agents") {
				seen.Store(r.Method, r.Header.Clone())
			}
			return http.DefaultTransport.RoundTrip(r)
		})}
	})
	id := e.agentIDs()[0]
	if _, err := e.c.GetAgent(e.ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := e.c.UpdateAgentDigitalSettings(e.ctx, cxone.AgentDigitalSettings{AgentID: id}); err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{http.MethodGet, http.MethodPut} {
		v, ok := seen.Load(m)
		if !ok {
			t.Fatalf("no %s seen", m)
		}
		h := v.(http.Header) //nolint:forcetypeassert // stored above
		if h.Get("Accept") != "application/json" || h.Get("User-Agent") != "terraform-provider-cxone/test" ||
			!strings.HasPrefix(h.Get("Authorization"), "Bearer ") {
			t.Errorf("%s headers: %v", m, h)
		}
	}
}

// TestDiscovery_failureNotCached: a discovery that failed is tried again by the next call; one
// that succeeded is not repeated.
func TestDiscovery_failureNotCached(t *testing.T) {
	var fail atomic.Bool
	fail.Store(true)
	e := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) {
		c.MaxRetries = 0
		c.HTTPClient = &http.Client{Transport: transportFunc(func(r *http.Request) (*http.Response, error) {
			if r.URL.Path == mockcxone.DiscoveryPath && fail.Load() {
				return nil, refusedDial
			}
			return http.DefaultTransport.RoundTrip(r)
		})}
	})
	_, err := e.c.ListChannels(e.ctx)
	if err == nil || !strings.Contains(err.Error(), "discovering") || !strings.Contains(err.Error(), "connection refused") {
		t.Fatalf("discovery failure: %v", err)
	}
	if cxone.IsNotFound(err) || cxone.Refused(err) {
		t.Fatalf("a failed discovery reads as an answer from CXone: %v", err)
	}
	fail.Store(false)
	for range 2 {
		if _, err := e.c.ListChannels(e.ctx); err != nil {
			t.Fatalf("after discovery recovered: %v", err)
		}
	}
	if n := e.count("GET " + mockcxone.DiscoveryPath); n != 1 {
		t.Fatalf("%d discovery requests reached the mock, want 1 (then cached)", n)
	}
}

// TestDiscovery_refusesPlainHTTPEndpoint: discovery that points at plain http on a host that
// is not loopback is refused before any credential is sent there. The mock names the host a
// request reached, so reaching it under another name makes it answer with that name.
func TestDiscovery_refusesPlainHTTPEndpoint(t *testing.T) {
	e := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) {
		c.HTTPClient = &http.Client{Transport: transportFunc(func(r *http.Request) (*http.Response, error) {
			if r.URL.Path == mockcxone.DiscoveryPath {
				r = r.Clone(r.Context())
				r.Host = "api.example.com"
			}
			return http.DefaultTransport.RoundTrip(r)
		})}
	})
	_, err := e.c.ListChannels(e.ctx)
	if err == nil || !strings.Contains(err.Error(), "https") || !strings.Contains(err.Error(), "api.example.com") {
		t.Fatalf("plain http api_endpoint accepted: %v", err)
	}
	if n := e.count(tokenKey); n != 0 {
		t.Fatalf("%d token requests after a refused discovery, want 0", n)
	}
}

func TestAPIEndpoint_skipsDiscovery(t *testing.T) {
	e := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) { c.TenantID, c.APIEndpoint = "", c.AuthURL })
	if _, err := e.c.ListChannels(e.ctx); err != nil {
		t.Fatal(err)
	}
	if d, tok := e.count("GET "+mockcxone.DiscoveryPath), e.count(tokenKey); d != 0 || tok != 1 {
		t.Fatalf("discovery %d, tokens %d; want 0 and 1", d, tok)
	}
}

// TestDialError_createRetried: a create whose connection was refused never reached CXone, so
// it is sent again.
func TestDialError_createRetried(t *testing.T) {
	var calls atomic.Int32
	e := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) {
		c.HTTPClient = &http.Client{Transport: transportFunc(func(r *http.Request) (*http.Response, error) {
			if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/skills") && calls.Add(1) == 1 {
				return nil, refusedDial
			}
			return http.DefaultTransport.RoundTrip(r)
		})}
	})
	s, err := e.c.CreateSkill(e.ctx, cxone.SkillInput{SkillName: "Chat", MaxPriority: 10})
	if err != nil || s.SkillName != "Chat" {
		t.Fatalf("create after a refused dial: %v %+v", err, s)
	}
	if n, all := e.count("POST "+adminKey+"/skills"), e.s.State().Skills; n != 1 || len(all) != 1 {
		t.Fatalf("%d POSTs reached the mock and it holds %d skills; want 1 and 1", n, len(all))
	}
}

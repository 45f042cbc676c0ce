package cxone

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sync/singleflight"
)

// testConfig is a valid configuration that is never dialled.
func testConfig(baseURL string) Config {
	return Config{TenantID: "t1", AuthURL: baseURL, AccessKeyID: "key", AccessKeySecret: "secret"}
}

func mustNew(t *testing.T, cfg Config) *Client {
	t.Helper()
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
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

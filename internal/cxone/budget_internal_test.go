package cxone

import (
	"testing"
	"time"
)

// TestBudget_defaultBoundsAHangingServer: with the defaults, a call (its token fetch, which
// runs within a budget of its own at the same time, included) against a server that never
// answers ends when the budget does, and every later call of the run within a budget's length
// fails at once; so a plan fails within the 3 minutes promised, whatever its size.
// TestWire_hangFailsWithinRetryBudget shows the mechanism with a small budget.
func TestBudget_defaultBoundsAHangingServer(t *testing.T) {
	cfg, err := normalizeConfig(Config{APIEndpoint: "https://api.example", AccessKeyID: "a", AccessKeySecret: "b"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.RetryTimeout != DefaultRetryTimeout || DefaultRetryTimeout > 3*time.Minute-10*time.Second {
		t.Fatalf("default retry budget %v: a hanging server must fail a plan within 3 minutes", cfg.RetryTimeout)
	}
	if cfg.RequestTimeout > cfg.RetryTimeout {
		t.Fatalf("one attempt (%v) may outlast the whole budget (%v)", cfg.RequestTimeout, cfg.RetryTimeout)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	c.trip()
	if !c.tripped() {
		t.Fatal("a spent budget does not fail the next call at once")
	}
	c.trips.until = time.Now().Add(-time.Millisecond)
	if c.tripped() {
		t.Fatal("a budget spent long ago still fails calls")
	}
}

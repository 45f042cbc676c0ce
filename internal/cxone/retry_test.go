package cxone

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	cases := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"3", 3 * time.Second, true},
		{" 0 ", 0, true},
		{now.Add(7 * time.Second).Format(http.TimeFormat), 7 * time.Second, true},
		{now.Add(-time.Minute).Format(http.TimeFormat), 0, true},
		{now.Add(5 * time.Second).Format(time.RFC850), 5 * time.Second, true},
		{"99999999999999", maxRetryAfterSeconds * time.Second, true},
		{"-1", 0, false},
		{"soon", 0, false},
		{"", 0, false},
	}
	for _, tc := range cases {
		got, ok := parseRetryAfter(tc.in, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestBackoff_retryAfterHonouredAndCapped(t *testing.T) {
	c := &Client{cfg: Config{MaxRetryAfter: 5 * time.Second}}
	resp := func(v string) *http.Response {
		return &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {v}}}
	}
	if got := c.backoff(time.Millisecond, 2*time.Millisecond, 0, resp("2")); got != 2*time.Second {
		t.Fatalf("Retry-After 2 gave %v", got)
	}
	if got := c.backoff(time.Millisecond, 2*time.Millisecond, 0, resp("3600")); got != 5*time.Second {
		t.Fatalf("Retry-After 3600 not capped: %v", got)
	}
	date := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
	if got := c.backoff(time.Millisecond, 2*time.Millisecond, 0, resp(date)); got != 5*time.Second {
		t.Fatalf("Retry-After date an hour ahead not capped: %v", got)
	}
	date = time.Now().Add(3 * time.Second).UTC().Format(http.TimeFormat)
	if got := c.backoff(time.Millisecond, 2*time.Millisecond, 0, resp(date)); got < time.Second || got > 3*time.Second {
		t.Fatalf("Retry-After date 3s ahead gave %v", got)
	}
	// No header: exponential backoff within the bounds.
	noHeader := &http.Response{StatusCode: 503, Header: http.Header{}}
	if got := c.backoff(10*time.Millisecond, 40*time.Millisecond, 0, noHeader); got < 10*time.Millisecond || got > 40*time.Millisecond {
		t.Fatalf("backoff without Retry-After = %v", got)
	}
}

func TestJitterBackoff_boundsAndGrowth(t *testing.T) {
	minW, maxW := 10*time.Millisecond, 200*time.Millisecond
	for attempt := range 12 {
		ceiling := min(minW<<attempt, maxW)
		for range 200 {
			d := jitterBackoff(minW, maxW, attempt)
			if d < minW || d > maxW || d < ceiling/2 || d > ceiling {
				t.Fatalf("attempt %d: %v outside [%v, %v]", attempt, d, max(minW, ceiling/2), ceiling)
			}
		}
	}
	// Jitter: the waits of one attempt are not all equal.
	seen := map[time.Duration]bool{}
	for range 50 {
		seen[jitterBackoff(minW, maxW, 3)] = true
	}
	if len(seen) < 2 {
		t.Fatal("backoff has no jitter")
	}
}

func TestCheckRetry_policy(t *testing.T) {
	c := &Client{}
	idem := withRequestInfo(context.Background(), &requestInfo{idempotent: true})
	create := withRequestInfo(context.Background(), &requestInfo{idempotent: false})
	sent := &url.Error{Op: "Post", URL: "http://x", Err: &sentError{err: io.EOF}}
	dial := &url.Error{Op: "Post", URL: "http://x", Err: errors.New("dial tcp: connection refused")}
	scheme := &url.Error{Op: "Get", URL: "ftp://x", Err: errors.New("unsupported protocol scheme \"ftp\"")}
	cases := []struct {
		name   string
		ctx    context.Context
		status int
		err    error
		want   bool
	}{
		{"429 on create", create, 429, nil, true},
		{"503 on create", create, 503, nil, true},
		// A gateway's 502 or 504 does not say the service behind it did not act.
		{"502 on create not retried", create, 502, nil, false},
		{"504 on create not retried", create, 504, nil, false},
		{"502 on idempotent", idem, 502, nil, true},
		{"504 on idempotent", idem, 504, nil, true},
		{"500 not retried", idem, 500, nil, false},
		{"400", idem, 400, nil, false},
		{"200", idem, 200, nil, false},
		{"dial error on create", create, 0, dial, true},
		{"lost answer on create", create, 0, sent, false},
		{"lost answer on idempotent", idem, 0, sent, true},
		{"bad scheme", idem, 0, scheme, false},
	}
	for _, tc := range cases {
		var resp *http.Response
		if tc.err == nil {
			resp = &http.Response{StatusCode: tc.status}
		}
		got, _ := c.checkRetry(tc.ctx, resp, tc.err)
		if got != tc.want {
			t.Errorf("%s: retry = %v, want %v", tc.name, got, tc.want)
		}
	}
	cancelled, cancel := context.WithCancel(idem)
	cancel()
	if retry, err := c.checkRetry(cancelled, &http.Response{StatusCode: 503}, nil); retry || !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled context: retry %v err %v", retry, err)
	}
}

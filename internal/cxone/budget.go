package cxone

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// Each call of the client (its discovery, token fetch, attempts, waits and retries together)
// has a retry budget, Config.RetryTimeout, on top of the per-attempt RequestTimeout: a server
// that accepts and never answers, or drips a byte at a time, costs one budget, not
// attempts x timeout x token fetches. A Retry-After longer than what is left of the budget
// fails the call at once rather than parking the run for hours.
//
// A run of many calls against a CXone that does not answer would spend one budget per wave of
// parallel calls; so once a call has spent its whole budget, the calls that start within the
// next budget's length fail at once, without a request, saying why. The run has already failed
// by then; this only makes it say so in minutes rather than hours.

// errBudgetSpent is the cause of a call's context when its retry budget ran out.
var errBudgetSpent = errors.New("the retry budget ran out")

// budgetTrip remembers the last call that spent its whole budget.
type budgetTrip struct {
	mu    sync.Mutex
	until time.Time
}

// withBudget runs call within the retry budget, turning the budget's end into a
// *RetryBudgetError that keeps the last failure (and so ErrAnswerLost, when a create's answer
// was lost) in its chain.
func (c *Client) withBudget(ctx context.Context, r *request, call func(context.Context, *requestInfo) error) error {
	if c.tripped() {
		return &RetryBudgetError{Method: r.method, Path: pathOf(r.path), Budget: c.cfg.RetryTimeout, Earlier: true}
	}
	bctx, cancel := context.WithTimeoutCause(ctx, c.cfg.RetryTimeout, errBudgetSpent)
	defer cancel()
	info := &requestInfo{idempotent: r.idempotent, token: r.purpose == purposeToken, budgetEnd: time.Now().Add(c.cfg.RetryTimeout)}
	err := call(bctx, info)
	if err == nil || ctx.Err() != nil || !errors.Is(context.Cause(bctx), errBudgetSpent) {
		return err
	}
	var be *RetryBudgetError
	if errors.As(err, &be) {
		return err // a Retry-After beyond the budget, or a token fetch that spent its own
	}
	c.trip()
	return &RetryBudgetError{Method: r.method, Path: pathOf(r.path), Budget: c.cfg.RetryTimeout, Attempts: int(info.attempts.Load()), Last: err}
}

// tripped reports whether a call spent its whole budget less than a budget's length ago.
func (c *Client) tripped() bool {
	c.trips.mu.Lock()
	defer c.trips.mu.Unlock()
	return time.Now().Before(c.trips.until)
}

func (c *Client) trip() {
	c.trips.mu.Lock()
	defer c.trips.mu.Unlock()
	c.trips.until = time.Now().Add(c.cfg.RetryTimeout)
}

// retryAfterBeyondBudget is the CheckRetry rule for Retry-After: when CXone asks for a wait
// longer than what is left of the call's budget, retrying is pointless, and the error says
// how long CXone asked for.
func (c *Client) retryAfterBeyondBudget(ctx context.Context, resp *http.Response) error {
	if resp == nil || (resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable) {
		return nil
	}
	// The budget's own end, not the caller's deadline: a caller that gives up sooner gets
	// its own context's error, as it would without a budget.
	info := requestInfoFrom(ctx)
	d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
	if !ok || info.budgetEnd.IsZero() || d <= time.Until(info.budgetEnd) {
		return nil
	}
	method, path := "", ""
	if resp.Request != nil {
		method, path = resp.Request.Method, resp.Request.URL.Path
	}
	return &RetryBudgetError{Method: method, Path: path, Budget: c.cfg.RetryTimeout, RetryAfter: d,
		Attempts: int(info.attempts.Load())}
}

// pathOf is the path of a request path or URL, without host or query, for messages.
func pathOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Path != "" {
		return u.Path
	}
	return raw
}

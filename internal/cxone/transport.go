package cxone

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"sync"
	"sync/atomic"
	"time"
)

// requestInfo travels in a request's context through retryablehttp to the retry policy and
// the attempt transport; retryablehttp keeps one context for all attempts of a request.
type requestInfo struct {
	idempotent bool
	authed     bool
	token      bool      // a token request: it follows no redirect
	budgetEnd  time.Time // when the call's retry budget runs out (budget.go)
	attempts   atomic.Int32
}

type requestInfoKey struct{}

func withRequestInfo(ctx context.Context, info *requestInfo) context.Context {
	return context.WithValue(ctx, requestInfoKey{}, info)
}

// requestInfoFrom returns the request's info; a request without one is treated as
// non-idempotent, the safe assumption.
func requestInfoFrom(ctx context.Context) *requestInfo {
	if info, ok := ctx.Value(requestInfoKey{}).(*requestInfo); ok {
		return info
	}
	return &requestInfo{}
}

// attemptTransport wraps the base transport and runs once per attempt, retries included:
// that is where the shared pacing (pacer.go), the per-attempt timeout, the attempt log line
// and the "was the request written?" bookkeeping belong.
type attemptTransport struct {
	base    http.RoundTripper
	pacer   *pacer // nil: unpaced
	timeout time.Duration
	log     Logger
}

// RoundTrip performs one attempt.
func (t *attemptTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	info := requestInfoFrom(ctx)
	attempt := int(info.attempts.Add(1))
	var tk ticket
	if t.pacer != nil {
		var err error
		if tk, err = t.pacer.wait(ctx); err != nil {
			return nil, fmt.Errorf("waiting for the client's request pace: %w", err)
		}
	}

	actx, cancel := context.WithTimeout(ctx, t.timeout)
	// Anything written to the connection counts as sent: CXone may have acted on it.
	var sent atomic.Bool
	actx = httptrace.WithClientTrace(actx, &httptrace.ClientTrace{
		WroteHeaders: func() { sent.Store(true) },
		WroteRequest: func(httptrace.WroteRequestInfo) { sent.Store(true) },
	})

	start := time.Now()
	resp, err := t.base.RoundTrip(req.WithContext(actx))
	if err != nil {
		cancel()
		if sent.Load() {
			err = &sentError{err: err}
		}
		logAttempt(ctx, t.log, req.Method, req.URL.Path, attempt, 0, time.Since(start), err)
		return nil, err
	}
	if t.pacer != nil {
		t.pacer.answered(tk, resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	// The attempt's timeout also covers reading the body, so it ends when the body is closed.
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	logAttempt(ctx, t.log, req.Method, req.URL.Path, attempt, resp.StatusCode, time.Since(start), nil)
	return resp, nil
}

// CloseIdleConnections lets retryablehttp and http.Client reach the base transport.
func (t *attemptTransport) CloseIdleConnections() {
	if c, ok := t.base.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

// cancelOnClose releases an attempt's timeout context once its body is done with.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
	once   sync.Once
}

func (b *cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.cancel)
	return err
}

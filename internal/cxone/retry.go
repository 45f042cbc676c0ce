package cxone

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// isRetryableStatus lists the answers after which sending the request again is safe.
// 429 and 503 say CXone did not serve the request, so they are retried for every request,
// creates included. 502 and 504 come from a gateway that got no (timely) answer from the
// service behind it: that service may still have acted, so only idempotent requests are sent
// again; for a create they mean the answer was lost (see isLostAnswerStatus). A 500 is not
// here: the request may have been served.
func isRetryableStatus(status int, idempotent bool) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		return true
	case http.StatusBadGateway, http.StatusGatewayTimeout:
		return idempotent
	}
	return false
}

// isLostAnswerStatus reports the gateway answers that leave it open whether the service
// behind the gateway acted. A non-idempotent request answered so is treated like one whose
// answer never arrived.
func isLostAnswerStatus(status int) bool {
	return status == http.StatusBadGateway || status == http.StatusGatewayTimeout
}

// sentError marks a transport failure that happened after the request (or part of it) was
// written to the connection, or while its answer was being read: CXone may have served it.
type sentError struct{ err error }

func (e *sentError) Error() string { return e.err.Error() }
func (e *sentError) Unwrap() error { return e.err }

// lostAnswerError is what a non-idempotent request returns when its answer was lost. It wraps
// both ErrAnswerLost and the cause (the transport error, or the gateway's 502 or 504 as an
// *APIError), so errors.Is and errors.As work for either.
type lostAnswerError struct {
	method, path string
	err          error
}

func (e *lostAnswerError) Error() string {
	return e.method + " " + e.path + ": " + ErrAnswerLost.Error() + ": " + e.err.Error()
}

func (e *lostAnswerError) Unwrap() []error { return []error{ErrAnswerLost, e.err} }

// checkRetry is the retryablehttp CheckRetry policy. It retries throttling and gateway
// answers and transport failures, except that a non-idempotent request that may have reached
// CXone is never sent again (a transport failure after it was written, or a 502 or 504): a
// second create could make a second object. Nor is a request retried whose outcome another
// attempt cannot change: a refused redirect, an answer over the size limit, or a Retry-After
// beyond the call's retry budget. Which transport failures are worth another attempt is
// retryablehttp's own judgement (bad schemes, redirect loops, untrusted certificates are not).
func (c *Client) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	// Returning err itself when giving up keeps it (retryablehttp prefers this error to
	// the transport's, and they are the same): it carries the cancellation and tells send
	// whether the request had been written.
	if ctx.Err() != nil {
		if err != nil {
			return false, err
		}
		return false, ctx.Err()
	}
	if err != nil {
		var (
			redirect *RedirectError
			tooLarge *AnswerTooLargeError
			held     *heldError
		)
		if errors.As(err, &redirect) || errors.As(err, &tooLarge) || errors.As(err, &held) {
			return false, err
		}
		if retry, _ := retryablehttp.ErrorPropagatedRetryPolicy(ctx, nil, err); !retry {
			return false, err
		}
		var sent *sentError
		if errors.As(err, &sent) && !requestInfoFrom(ctx).idempotent {
			return false, err
		}
		return true, nil
	}
	if !isRetryableStatus(resp.StatusCode, requestInfoFrom(ctx).idempotent) {
		return false, nil
	}
	if berr := c.retryAfterBeyondBudget(ctx, resp); berr != nil {
		return false, berr
	}
	return true, nil
}

// backoff is the retryablehttp Backoff policy: Retry-After when CXone sent one (checkRetry
// has made sure it fits in the call's budget; capped at MaxRetryAfter), otherwise retryablehttp's exponential backoff
// with "equal jitter" on top, so parallel callers that were throttled together do not come
// back together, while the wait still grows.
func (c *Client) backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			// Floored at minWait so "Retry-After: 0" cannot turn retries into a busy loop,
			// and capped at MaxRetryAfter: the attempt after it is cheap, and if CXone still
			// refuses, it says again how long to wait.
			return min(max(d, minWait), c.cfg.MaxRetryAfter)
		}
	}
	return jitterBackoff(minWait, maxWait, attempt)
}

// jitterBackoff picks a random point in the upper half of retryablehttp's exponential
// backoff for the attempt (doubling from minWait, capped at maxWait).
func jitterBackoff(minWait, maxWait time.Duration, attempt int) time.Duration {
	if maxWait < minWait {
		maxWait = minWait
	}
	ceiling := retryablehttp.DefaultBackoff(minWait, maxWait, attempt, nil)
	half := ceiling / 2
	d := half
	if half > 0 {
		d += rand.N(half + 1)
	}
	return max(d, minWait)
}

// maxRetryAfterSeconds bounds a parsed Retry-After before it becomes a Duration.
const maxRetryAfterSeconds = 24 * 60 * 60

// parseRetryAfter reads a Retry-After value in either form HTTP allows: delay seconds or an
// HTTP date. A date in the past means "now".
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		// Clamp before multiplying so a huge value cannot overflow; the caller caps it anyway.
		return time.Duration(min(secs, maxRetryAfterSeconds)) * time.Second, true
	}
	at, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(at.Sub(now), 0), true
}

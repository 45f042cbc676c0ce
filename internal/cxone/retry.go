package cxone

import (
	"context"
	"crypto/x509"
	"errors"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
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
// second create could make a second object.
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
		if !isRetryableTransportError(err) {
			return false, err
		}
		var sent *sentError
		if errors.As(err, &sent) && !requestInfoFrom(ctx).idempotent {
			return false, err
		}
		return true, nil
	}
	return isRetryableStatus(resp.StatusCode, requestInfoFrom(ctx).idempotent), nil
}

// isRetryableTransportError rules out failures that another attempt cannot fix: bad URLs,
// redirect loops and certificates that are not trusted.
func isRetryableTransportError(err error) bool {
	var ue *url.Error
	if errors.As(err, &ue) {
		msg := ue.Error()
		if strings.Contains(msg, "unsupported protocol scheme") || strings.Contains(msg, "stopped after") ||
			strings.Contains(msg, "invalid header") {
			return false
		}
	}
	var unknownAuthority x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	return !errors.As(err, &unknownAuthority) && !errors.As(err, &hostname) && !errors.As(err, &invalid)
}

// backoff is the retryablehttp Backoff policy: Retry-After when CXone sent one (capped at
// MaxRetryAfter so a server cannot park the provider for hours), otherwise exponential
// backoff with jitter between RetryWaitMin and RetryWaitMax.
func (c *Client) backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			// Floored at minWait so "Retry-After: 0" cannot turn retries into a busy loop.
			return min(max(d, minWait), c.cfg.MaxRetryAfter)
		}
	}
	return jitterBackoff(minWait, maxWait, attempt)
}

// jitterBackoff doubles the wait per attempt up to maxWait and picks a random point in the
// upper half of it ("equal jitter"), so parallel callers that were throttled together do not
// come back together, while the wait still grows.
func jitterBackoff(minWait, maxWait time.Duration, attempt int) time.Duration {
	if maxWait < minWait {
		maxWait = minWait
	}
	ceiling := minWait
	for i := 0; i < attempt && ceiling < maxWait; i++ {
		ceiling *= 2
	}
	ceiling = min(ceiling, maxWait)
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

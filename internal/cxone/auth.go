package cxone

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// token is a cached access token and the moment to stop using it.
type token struct {
	value     string
	refreshAt time.Time
	// expiresAt is when CXone stops accepting the token (estimated from expires_in).
	expiresAt time.Time
}

// tokenSource hands out one access token to every caller of a Client. Concurrent callers
// that find no valid token share a single fetch, so a burst of parallel calls costs one
// token request, and one caller giving up does not fail the others.
type tokenSource struct {
	fetch  func(context.Context) (*token, error)
	flight *singleflight.Group
	now    func() time.Time

	mu  sync.Mutex
	cur *token
}

func newTokenSource(fetch func(context.Context) (*token, error), flight *singleflight.Group) *tokenSource {
	return &tokenSource{fetch: fetch, flight: flight, now: time.Now}
}

// valid returns the cached token if it is still fresh.
func (s *tokenSource) valid() (*token, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur != nil && s.now().Before(s.cur.refreshAt) {
		return s.cur, true
	}
	return nil, false
}

// get returns a fresh token's value, fetching one (shared) when needed.
func (s *tokenSource) get(ctx context.Context) (string, error) {
	t, err := s.getToken(ctx)
	if err != nil {
		return "", err
	}
	return t.value, nil
}

// getToken returns a fresh token, fetching one (shared) when needed.
func (s *tokenSource) getToken(ctx context.Context) (*token, error) {
	if t, ok := s.valid(); ok {
		return t, nil
	}
	ch := s.flight.DoChan("token", func() (any, error) {
		// Another flight may have finished between valid() and here.
		if t, ok := s.valid(); ok {
			return t, nil
		}
		// Detached from the first caller's cancellation: the token serves everyone waiting.
		// Each attempt has its own timeout and the retries are bounded, so this ends.
		t, err := s.fetch(context.WithoutCancel(ctx))
		if err != nil {
			return nil, err
		}
		s.mu.Lock()
		s.cur = t
		s.mu.Unlock()
		return t, nil
	})
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case res := <-ch:
		if res.Err != nil {
			return nil, res.Err
		}
		t, ok := res.Val.(*token)
		if !ok || t == nil {
			return nil, errors.New("getting an access token: no token was fetched")
		}
		return t, nil
	}
}

// invalidate drops the cached token if it is the one CXone just refused; a caller that got a
// 401 with an older token must not throw away a newer one another caller already fetched.
func (s *tokenSource) invalidate(used string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur != nil && s.cur.value == used {
		s.cur = nil
	}
}

// tokenAnswer is CXone's token response (both grants answer the same shape).
type tokenAnswer struct {
	AccessToken json.RawMessage `json:"access_token"`
	TokenType   json.RawMessage `json:"token_type"`
	ExpiresIn   flexInt64       `json:"expires_in"`
}

// Token lifetimes: one without a usable expires_in (missing, zero or negative) is kept for
// noExpiryLifetime, and any expires_in is held between minTokenLifetime and maxTokenLifetime,
// so that neither a broken token service (expires_in 1, or 2^63-1) nor an overflow can make
// the client fetch a token per request or keep one for ever. A 401 ends a token sooner.
const (
	noExpiryLifetime = time.Hour
	minTokenLifetime = time.Second // expires_in is whole seconds: only 0 and below are below it
	maxTokenLifetime = 24 * time.Hour
)

// tokenLifetime turns expires_in (seconds) into how long to use the token.
func tokenLifetime(expiresIn int64) time.Duration {
	if expiresIn <= 0 {
		return noExpiryLifetime
	}
	// Clamped in seconds, before the multiplication that could overflow.
	secs := min(max(expiresIn, int64(minTokenLifetime/time.Second)), int64(maxTokenLifetime/time.Second))
	return time.Duration(secs) * time.Second
}

// jsonString reads a JSON string field; anything else (missing, null, a number, an object)
// is "", false.
func jsonString(raw json.RawMessage) (string, bool) {
	var s string
	if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// refreshMargin is how long before expiry a token is replaced, so that a request never
// leaves with a token about to lapse: a fifth of its life, at most a minute.
func refreshMargin(ttl time.Duration) time.Duration {
	return min(ttl/5, time.Minute)
}

// fetchToken asks CXone for a token with the configured grant.
func (c *Client) fetchToken(ctx context.Context) (*token, error) {
	ep, err := c.endpoints(ctx)
	if err != nil {
		return nil, err
	}
	r := &request{method: http.MethodPost, api: absoluteURL, idempotent: true, noAuth: true, purpose: purposeToken}
	grant := "access-key"
	if c.cfg.ClientID != "" {
		grant = "password"
		r.path = ep.auth + "/auth/token"
		r.form = url.Values{
			"grant_type": {"password"},
			"username":   {c.cfg.AccessKeyID},
			"password":   {c.cfg.AccessKeySecret},
		}
		r.basicUser, r.basicPass = c.cfg.ClientID, c.cfg.ClientSecret
	} else {
		r.path = ep.auth + "/authentication/v1/token/access-key"
		r.body = map[string]string{"accessKeyId": c.cfg.AccessKeyID, "accessKeySecret": c.cfg.AccessKeySecret}
	}
	start := time.Now()
	var ans tokenAnswer
	if err := c.do(ctx, r, &ans); err != nil {
		return nil, fmt.Errorf("getting an access token (%s grant): %w", grant, err)
	}
	value, ok := jsonString(ans.AccessToken)
	if !ok || strings.TrimSpace(value) == "" {
		return nil, fmt.Errorf("getting an access token (%s grant): CXone's answer has no access_token string "+
			"(check that auth_url names CXone's token service and that no proxy answers in its place)", grant)
	}
	if strings.ContainsFunc(value, func(r rune) bool { return r < 0x21 || r > 0x7e }) {
		// A token goes into an Authorization header; a control character or space there is
		// not a token CXone issued.
		return nil, fmt.Errorf("getting an access token (%s grant): CXone's access_token holds characters no token has", grant)
	}
	if tt, ok := jsonString(ans.TokenType); len(ans.TokenType) > 0 && string(ans.TokenType) != "null" && (!ok || tt != "" && !strings.EqualFold(tt, "bearer")) {
		return nil, fmt.Errorf("getting an access token (%s grant): unsupported token_type %s", grant, cleanText(string(ans.TokenType)))
	}
	ttl := tokenLifetime(int64(ans.ExpiresIn))
	c.log.Debug(ctx, "fetched a CXone access token", map[string]any{"grant": grant, "expires_in_s": int64(ans.ExpiresIn)})
	// Timed from before the request, so network delay only makes the refresh earlier.
	return &token{value: value, refreshAt: start.Add(ttl - refreshMargin(ttl)), expiresAt: start.Add(ttl)}, nil
}

// flexInt64 decodes an integer sent as a JSON number or as a string; null leaves 0.
type flexInt64 int64

// UnmarshalJSON accepts 3600, "3600" and null.
func (f *flexInt64) UnmarshalJSON(b []byte) error {
	s := strings.TrimSpace(string(b))
	if s == "null" {
		return nil
	}
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		if s == "" {
			return nil
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		// A fractional number is still a usable count.
		fl, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || math.IsNaN(fl) || fl > 1e15 || fl < -1e15 {
			return errors.Join(errors.New("expected an integer"), err)
		}
		n = int64(fl)
	}
	*f = flexInt64(n)
	return nil
}

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
func (s *tokenSource) valid() (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur != nil && s.now().Before(s.cur.refreshAt) {
		return s.cur.value, true
	}
	return "", false
}

// get returns a fresh token, fetching one (shared) when needed.
func (s *tokenSource) get(ctx context.Context) (string, error) {
	if v, ok := s.valid(); ok {
		return v, nil
	}
	ch := s.flight.DoChan("token", func() (any, error) {
		// Another flight may have finished between valid() and here.
		if v, ok := s.valid(); ok {
			return v, nil
		}
		// Detached from the first caller's cancellation: the token serves everyone waiting.
		// Each attempt has its own timeout and the retries are bounded, so this ends.
		t, err := s.fetch(context.WithoutCancel(ctx))
		if err != nil {
			return "", err
		}
		s.mu.Lock()
		s.cur = t
		s.mu.Unlock()
		return t.value, nil
	})
	select {
	case <-ctx.Done():
		return "", ctx.Err()
	case res := <-ch:
		if res.Err != nil {
			return "", res.Err
		}
		v, _ := res.Val.(string) // the flight function only returns strings
		return v, nil
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
	AccessToken string    `json:"access_token"`
	TokenType   string    `json:"token_type"`
	ExpiresIn   flexInt64 `json:"expires_in"`
}

// noExpiryLifetime is how long a token without expires_in is kept; a 401 ends it sooner.
const noExpiryLifetime = time.Hour

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
	if ans.AccessToken == "" {
		return nil, fmt.Errorf("getting an access token (%s grant): CXone answered without an access_token", grant)
	}
	if tt := ans.TokenType; tt != "" && !strings.EqualFold(tt, "bearer") {
		return nil, fmt.Errorf("getting an access token (%s grant): unsupported token_type %q", grant, tt)
	}
	ttl := time.Duration(ans.ExpiresIn) * time.Second
	if ans.ExpiresIn <= 0 {
		ttl = noExpiryLifetime
	}
	c.log.Debug(ctx, "fetched a CXone access token", map[string]any{"grant": grant, "expires_in_s": int64(ans.ExpiresIn)})
	// Timed from before the request, so network delay only makes the refresh earlier.
	return &token{value: ans.AccessToken, refreshAt: start.Add(ttl - refreshMargin(ttl))}, nil
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

package mockcxone

import (
	"crypto/rand"
	"encoding/hex"
	"mime"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// tokenStore holds issued access tokens with their expiry and, when a rate limit
// is set, each token's own request bucket.
type tokenStore struct {
	mu     sync.Mutex
	ttl    time.Duration
	rate   int
	tokens map[string]*tokenInfo
}

type tokenInfo struct {
	expires time.Time
	limiter *rate.Limiter
}

func newTokenStore(ttl time.Duration, perSecond int) *tokenStore {
	return &tokenStore{ttl: ttl, rate: perSecond, tokens: map[string]*tokenInfo{}}
}

// issue creates a token; expired ones are forgotten on the way so a long-running
// mock does not grow without bound.
func (ts *tokenStore) issue() (string, time.Duration) {
	tok := randomHex(32)
	now := time.Now()
	info := &tokenInfo{expires: now.Add(ts.ttl)}
	if ts.rate > 0 {
		info.limiter = rate.NewLimiter(rate.Limit(ts.rate), ts.rate)
	}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	for k, v := range ts.tokens {
		if now.After(v.expires) {
			delete(ts.tokens, k)
		}
	}
	ts.tokens[tok] = info
	return tok, ts.ttl
}

// lookup returns the token's info when it is known and unexpired.
func (ts *tokenStore) lookup(tok string) *tokenInfo {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	info := ts.tokens[tok]
	if info == nil || time.Now().After(info.expires) {
		return nil
	}
	return info
}

func randomHex(n int) string {
	b := make([]byte, n)
	// crypto/rand.Read never fails on supported platforms (it panics instead).
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// handlePasswordGrant is grant 1: a registered app (HTTP Basic) with an access key
// as user name and password.
func (s *Server) handlePasswordGrant(w http.ResponseWriter, r *http.Request) {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/x-www-form-urlencoded" {
		adminError(w, http.StatusBadRequest, "invalid_request", "Content-Type must be application/x-www-form-urlencoded")
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok || id != ClientID || secret != ClientSecret {
		adminError(w, http.StatusUnauthorized, "invalid_client", "client authentication failed")
		return
	}
	if err := r.ParseForm(); err != nil {
		adminError(w, http.StatusBadRequest, "invalid_request", "unreadable form: "+err.Error())
		return
	}
	if gt := r.PostForm.Get("grant_type"); gt != "password" {
		adminError(w, http.StatusBadRequest, "unsupported_grant_type", "grant_type must be password, not "+gt)
		return
	}
	if r.PostForm.Get("username") != AccessKeyID || r.PostForm.Get("password") != AccessKeySecret {
		adminError(w, http.StatusUnauthorized, "invalid_grant", "the access key id or secret is wrong")
		return
	}
	s.answerToken(w)
}

// handleAccessKeyGrant is grant 2: the access key alone, as JSON.
func (s *Server) handleAccessKeyGrant(w http.ResponseWriter, r *http.Request) {
	var body struct {
		AccessKeyID     string `json:"accessKeyId"`
		AccessKeySecret string `json:"accessKeySecret"`
	}
	if err := decodeBody(r, &body); err != nil {
		adminError(w, http.StatusBadRequest, "invalid_request", err.Error())
		return
	}
	if body.AccessKeyID != AccessKeyID || body.AccessKeySecret != AccessKeySecret {
		adminError(w, http.StatusUnauthorized, "invalid_client", "the access key id or secret is wrong")
		return
	}
	s.answerToken(w)
}

func (s *Server) answerToken(w http.ResponseWriter) {
	tok, ttl := s.tokens.issue()
	secs := int(ttl / time.Second)
	if secs < 1 {
		secs = 1
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token":  tok,
		"token_type":    "Bearer",
		"expires_in":    secs,
		"refresh_token": randomHex(16),
		"id_token":      "mock-id-token." + randomHex(16),
	})
}

// apiFamily says which API a handler belongs to: the Admin API also insists on a
// JSON Accept header.
type apiFamily int

const (
	familyAdmin apiFamily = iota
	familyDFO
)

// api wraps a handler with what every API call goes through: a valid, unexpired
// bearer token, the token's rate limit, and (Admin API) content negotiation.
func (s *Server) api(family apiFamily, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		tok, ok := strings.CutPrefix(auth, "Bearer ")
		if !ok || tok == "" {
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_request"`)
			s.authError(w, family, "a bearer token is required")
			return
		}
		info := s.tokens.lookup(tok)
		if info == nil {
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
			s.authError(w, family, "the token is unknown or expired")
			return
		}
		if (info.limiter != nil && !info.limiter.Allow()) || (s.tenant != nil && !s.tenant.Allow()) {
			// No Retry-After: CXone often leaves it out, and clients must cope.
			if family == familyDFO {
				dfoError(w, http.StatusTooManyRequests, "", codeRateLimited, "rate limit exceeded")
			} else {
				adminError(w, http.StatusTooManyRequests, "too_many_requests", "rate limit exceeded")
			}
			return
		}
		if family == familyAdmin && !acceptsJSON(r.Header.Values("Accept")) {
			writeJSON(w, http.StatusNotAcceptable, map[string]string{"message": "No known way to render data"})
			return
		}
		h(w, r)
	}
}

func (s *Server) authError(w http.ResponseWriter, family apiFamily, msg string) {
	if family == familyDFO {
		dfoError(w, http.StatusUnauthorized, "", codeUnauthorized, msg)
		return
	}
	adminError(w, http.StatusUnauthorized, "invalid_token", msg)
}

// acceptsJSON reports whether Accept headers allow application/json. A missing
// header does not: the Admin API answers 406 without one.
func acceptsJSON(values []string) bool {
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
			if err != nil {
				continue
			}
			if q := strings.TrimSpace(params["q"]); q == "0" || q == "0.0" || q == "0.00" || q == "0.000" {
				continue
			}
			switch mt {
			case "application/json", "application/*", "*/*":
				return true
			}
		}
	}
	return false
}

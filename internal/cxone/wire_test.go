package cxone_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

const (
	hostileSecret = "hostile-secret-value"
	hostileToken  = "tok-abc123"
	teamPath      = "/inContactAPI/services/v34.0/teams/7"
)

// hostile is an httptest CXone whose token service answers well (unless tokenAnswer is set)
// and whose API answers with api. It counts the requests that carried a credential.
type hostile struct {
	srv         *httptest.Server
	tokens      atomic.Int32
	calls       atomic.Int32
	tokenAnswer http.HandlerFunc
	api         http.HandlerFunc
}

func newHostile(t *testing.T, api http.HandlerFunc) *hostile {
	t.Helper()
	h := &hostile{api: api}
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/authentication/v1/token/access-key" {
			h.tokens.Add(1)
			if h.tokenAnswer != nil {
				h.tokenAnswer(w, r)
				return
			}
			fmt.Fprintf(w, `{"access_token":%q,"token_type":"Bearer","expires_in":3600}`, hostileToken)
			return
		}
		h.calls.Add(1)
		h.api(w, r)
	}))
	t.Cleanup(h.srv.Close)
	return h
}

// client is a fast client of the hostile server, after mods.
func (h *hostile) client(t *testing.T, mods ...func(*cxone.Config)) *cxone.Client {
	t.Helper()
	cfg := cxone.Config{
		APIEndpoint: h.srv.URL, AuthURL: h.srv.URL,
		AccessKeyID: "id", AccessKeySecret: hostileSecret,
		MaxRetries: 3, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond,
		MaxRetryAfter: 20 * time.Millisecond, RequestTimeout: 5 * time.Second,
	}
	for _, m := range mods {
		m(&cfg)
	}
	c, err := cxone.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// elsewhere is a server on another port that records whether any request reached it.
func elsewhere(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var hits atomic.Int32
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, `{"teamId":7,"teamName":"x"}`)
	}))
	t.Cleanup(s.Close)
	return s, &hits
}

func TestWire_apiRedirectToAnotherOriginRefused(t *testing.T) {
	other, hits := elsewhere(t)
	h := newHostile(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+r.URL.Path, http.StatusFound)
	})
	_, err := h.client(t).GetTeam(t.Context(), 7)
	var re *cxone.RedirectError
	if !errors.As(err, &re) || re.Status != 302 || re.Target != other.URL {
		t.Fatalf("want a *RedirectError for the 302, got %v", err)
	}
	if hits.Load() != 0 {
		t.Fatal("the bearer token followed a redirect to another port")
	}
	for _, want := range []string{"302", "GET " + teamPath, "proxy", "api_endpoint"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not say %q: %v", want, err)
		}
	}
	if h.calls.Load() != 1 {
		t.Errorf("%d API requests, want 1: a refused redirect is not retried", h.calls.Load())
	}
}

func TestWire_sameOriginRedirectFollowed(t *testing.T) {
	h := newHostile(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == teamPath {
			http.Redirect(w, r, "/inContactAPI/services/v34.0/teams/7/", http.StatusTemporaryRedirect)
			return
		}
		fmt.Fprint(w, `{"teams":[{"teamId":7,"teamName":"x"}]}`)
	})
	if _, err := h.client(t).GetTeam(t.Context(), 7); err != nil {
		var re *cxone.RedirectError
		if errors.As(err, &re) {
			t.Fatalf("a redirect within the origin was refused: %v", err)
		}
	}
}

func TestWire_tokenRedirectRefusedEvenToSameOrigin(t *testing.T) {
	other, hits := elsewhere(t)
	for _, target := range []string{"/authentication/v1/token/elsewhere", other.URL + "/token"} {
		h := newHostile(t, func(http.ResponseWriter, *http.Request) {})
		h.tokenAnswer = func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, target, http.StatusTemporaryRedirect)
		}
		_, err := h.client(t).GetTeam(t.Context(), 7)
		var re *cxone.RedirectError
		if !errors.As(err, &re) || !re.Token || re.Status != 307 {
			t.Fatalf("redirect to %s: want a token *RedirectError, got %v", target, err)
		}
		if h.tokens.Load() != 1 || h.calls.Load() != 0 {
			t.Fatalf("redirect to %s: the secret was sent %d times, %d API calls", target, h.tokens.Load(), h.calls.Load())
		}
	}
	if hits.Load() != 0 {
		t.Fatal("the access key secret followed a redirect")
	}
}

func TestWire_hangFailsWithinRetryBudget(t *testing.T) {
	h := newHostile(t, func(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	c := h.client(t, func(c *cxone.Config) { c.RetryTimeout = 300 * time.Millisecond })
	start := time.Now()
	_, err := c.GetTeam(t.Context(), 7)
	var be *cxone.RetryBudgetError
	if !errors.As(err, &be) || !strings.Contains(err.Error(), "retry_timeout") {
		t.Fatalf("want a *RetryBudgetError naming retry_timeout, got %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("a hanging server held the call %v with a 300ms budget and a 5s request timeout", d)
	}
	// The next call of the run does not spend another budget on the same silent server.
	start = time.Now()
	if _, err := c.GetTeam(t.Context(), 7); !errors.As(err, &be) || !be.Earlier || time.Since(start) > 100*time.Millisecond {
		t.Fatalf("second call: want an at-once *RetryBudgetError, got %v after %v", err, time.Since(start))
	}
}

func TestWire_slowDripHasADeadline(t *testing.T) {
	h := newHostile(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000")
		for range 1000 {
			if _, err := w.Write([]byte(" ")); err != nil {
				return
			}
			_ = http.NewResponseController(w).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
	c := h.client(t, func(c *cxone.Config) {
		c.RequestTimeout, c.RetryTimeout = 200*time.Millisecond, 700*time.Millisecond
	})
	start := time.Now()
	if _, err := c.GetTeam(t.Context(), 7); err == nil {
		t.Fatal("a body dripped over 50s was accepted")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("a slow drip held the call %v, past its 700ms budget", d)
	}
}

func TestWire_retryAfterBeyondBudgetFailsAtOnce(t *testing.T) {
	h := newHostile(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "86400")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	start := time.Now()
	_, err := h.client(t).GetTeam(t.Context(), 7) // the default budget, 2 minutes
	var be *cxone.RetryBudgetError
	if !errors.As(err, &be) || be.RetryAfter != 24*time.Hour || !strings.Contains(err.Error(), "asked to wait 24h0m0s") {
		t.Fatalf("want a *RetryBudgetError saying CXone asked for 24h, got %v", err)
	}
	if d := time.Since(start); d > 2*time.Second || h.calls.Load() != 1 {
		t.Fatalf("Retry-After: 86400 took %v and %d requests, want one request and an at-once failure", d, h.calls.Load())
	}
}

// TestWire_retryAfterHoldsOtherCallsWithoutWaiting: once CXone has asked for a day, the calls
// that come after it within the hold are not sent and do not sleep out their budget either:
// each fails at once and says what CXone asked for.
func TestWire_retryAfterHoldsOtherCallsWithoutWaiting(t *testing.T) {
	h := newHostile(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "86400")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	c := h.client(t, func(cfg *cxone.Config) {
		cfg.MaxRetryAfter = time.Hour
		cfg.RetryTimeout = 30 * time.Second
	})
	if _, err := c.GetTeam(t.Context(), 7); err == nil {
		t.Fatal("a 429 was taken for an answer")
	}
	start := time.Now()
	for range 3 {
		_, err := c.GetTeam(t.Context(), 7)
		var be *cxone.RetryBudgetError
		if !errors.As(err, &be) || !be.Held || be.RetryAfter != 24*time.Hour ||
			!strings.Contains(err.Error(), "was not sent: CXone asked to wait 24h0m0s") {
			t.Fatalf("want a *RetryBudgetError saying an earlier answer asked for 24h, got %v", err)
		}
	}
	if d := time.Since(start); d > 2*time.Second || h.calls.Load() != 1 {
		t.Fatalf("the calls after Retry-After: 86400 took %v and sent %d requests in all, want at-once failures and no request beyond the first", d, h.calls.Load())
	}
}

func TestWire_tooLargeAnswersAreErrorsNamingTheLimit(t *testing.T) {
	big := bytes.Repeat([]byte("a"), 5<<20)
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	_, _ = zw.Write([]byte(`{"teams":[{"teamName":"`))
	_, _ = zw.Write(big)
	_ = zw.Close()
	for name, answer := range map[string]http.HandlerFunc{
		"declared length": func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write(big) },
		"chunked": func(w http.ResponseWriter, _ *http.Request) {
			for i := 0; i < len(big); i += 1 << 20 {
				_, _ = w.Write(big[i : i+1<<20])
				_ = http.NewResponseController(w).Flush()
			}
		},
		"gzip bomb": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			_, _ = w.Write(bomb.Bytes())
		},
		"error body": func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write(big)
		},
	} {
		t.Run(name, func(t *testing.T) {
			h := newHostile(t, answer)
			_, err := h.client(t).GetTeam(t.Context(), 7)
			var tl *cxone.AnswerTooLargeError
			if !errors.As(err, &tl) || !strings.Contains(err.Error(), "larger than 4 MiB") {
				t.Fatalf("want an *AnswerTooLargeError naming 4 MiB, got %.300v", err)
			}
			if h.calls.Load() != 1 {
				t.Fatalf("%d requests: a too-large answer is not retried", h.calls.Load())
			}
		})
	}
}

func TestWire_errorTextCleanedAndCut(t *testing.T) {
	msg := "bad\x1b[31m red\x1b]0;title\x07 \x1b[2J\u202eevil\r\nline" + strings.Repeat("x", 3<<20)
	h := newHostile(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		text, _ := json.Marshal(msg)
		_, _ = fmt.Fprintf(w, `{"error":"invalid\u001b[0m_request","error_description":%s}`, text)
	})
	_, err := h.client(t).GetTeam(t.Context(), 7)
	if err == nil {
		t.Fatal("want an error")
	}
	text := err.Error()
	if len(text) > 2<<10 {
		t.Fatalf("a 4 MiB message reached the error whole (%d bytes)", len(text))
	}
	if strings.ContainsAny(text, "\x1b\x07\r\n\u202e") {
		t.Fatalf("control or escape characters reached the error: %q", text[:200])
	}
	for _, want := range []string{"bad red", "invalid_request", "more bytes cut"} {
		if !strings.Contains(text, want) {
			t.Errorf("the error does not say %q: %.200q", want, text)
		}
	}
}

func TestWire_brokenTokenAnswers(t *testing.T) {
	for name, tc := range map[string]struct {
		body    string
		wantErr string
		calls   int
	}{
		"missing access_token":    {`{"token_type":"Bearer","expires_in":3600}`, "no access_token string", 0},
		"numeric access_token":    {`{"access_token":12345,"expires_in":3600}`, "no access_token string", 0},
		"html":                    {`<html><body>Proxy login</body></html>`, "decoding", 0},
		"empty object":            {`{}`, "no access_token string", 0},
		"expires_in overflows":    {`{"access_token":"a","expires_in":9223372036854775807}`, "", 5},
		"expires_in negative":     {`{"access_token":"a","expires_in":-5}`, "", 5},
		"expires_in zero, string": {`{"access_token":"a","expires_in":"0"}`, "", 5},
	} {
		t.Run(name, func(t *testing.T) {
			h := newHostile(t, func(w http.ResponseWriter, _ *http.Request) {
				fmt.Fprint(w, `{"teams":[{"teamId":7,"teamName":"x"}]}`)
			})
			h.tokenAnswer = func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, tc.body) }
			c := h.client(t)
			var err error
			for range 5 {
				if _, err = c.GetTeam(t.Context(), 7); err != nil {
					break
				}
			}
			if tc.wantErr == "" {
				if err != nil || h.tokens.Load() != 1 || int(h.calls.Load()) != tc.calls {
					t.Fatalf("err %v, %d token requests for %d calls: want one token for all", err, h.tokens.Load(), h.calls.Load())
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) || strings.Contains(err.Error(), hostileSecret) {
				t.Fatalf("want an error saying %q (without the secret), got %v", tc.wantErr, err)
			}
		})
	}
}

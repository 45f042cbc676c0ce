package mockcxone

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// hostileGet sends GET path with c's token through a client that neither follows
// redirects nor decompresses, and reads at most limit bytes of the answer.
func hostileGet(t *testing.T, c *tclient, path string, timeout time.Duration, limit int64) (*http.Response, []byte, error) {
	t.Helper()
	hc := &http.Client{Timeout: timeout, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Transport: &http.Transport{DisableCompression: true}}
	req, err := http.NewRequest("GET", c.s.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, limit))
	return resp, b, err
}

func TestFaultKinds(t *testing.T) {
	c := newClient(t, Options{})
	path := adminPrefix + "/teams"
	cases := []struct {
		rule  FaultRule
		check func(t *testing.T, resp *http.Response, body []byte, err error)
	}{
		{FaultRule{Kind: "redirect", Target: "http://127.0.0.1:9"}, func(t *testing.T, resp *http.Response, _ []byte, err error) {
			if err != nil || resp.StatusCode != 302 || resp.Header.Get("Location") != "http://127.0.0.1:9"+path {
				t.Fatalf("want 302 to the target with the path, got %v %v", resp, err)
			}
		}},
		{FaultRule{Kind: "html"}, func(t *testing.T, resp *http.Response, body []byte, _ error) {
			if resp.StatusCode != 200 || !strings.HasPrefix(string(body), "<!DOCTYPE html>") {
				t.Fatalf("want a 200 HTML page, got %d %s", resp.StatusCode, body)
			}
		}},
		{FaultRule{Kind: "empty_object", Status: 200}, func(t *testing.T, _ *http.Response, body []byte, _ error) {
			if string(body) != "{}" {
				t.Fatalf("want {}, got %s", body)
			}
		}},
		{FaultRule{Kind: "null_fields"}, func(t *testing.T, _ *http.Response, body []byte, _ error) {
			var v struct {
				Teams []map[string]any `json:"teams"`
			}
			if err := json.Unmarshal(body, &v); err != nil || len(v.Teams) == 0 || v.Teams[0]["teamId"] != nil || v.Teams[0]["teamName"] != nil {
				t.Fatalf("want teams with null ids and names, got %.300s (%v)", body, err)
			}
		}},
		{FaultRule{Kind: "truncated"}, func(t *testing.T, _ *http.Response, _ []byte, err error) {
			if !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Fatalf("want the answer cut short of its length, got %v", err)
			}
		}},
		{FaultRule{Kind: "oversize", SizeMB: 3}, func(t *testing.T, resp *http.Response, body []byte, _ error) {
			if resp.ContentLength != 3<<20 || len(body) != 1<<20 {
				t.Fatalf("want a 3 MiB answer, got length %d", resp.ContentLength)
			}
		}},
		{FaultRule{Kind: "gzip_bomb", SizeMB: 3}, func(t *testing.T, resp *http.Response, body []byte, _ error) {
			zr, err := gzip.NewReader(strings.NewReader(string(body)))
			if err != nil || resp.Header.Get("Content-Encoding") != "gzip" {
				t.Fatalf("want a gzip answer, got %v", err)
			}
			n, _ := io.Copy(io.Discard, zr)
			if len(body) > 64<<10 || n < 3<<20 {
				t.Fatalf("want a small answer expanding to 3 MiB, got %d bytes expanding to %d", len(body), n)
			}
		}},
		{FaultRule{Kind: "hang"}, func(t *testing.T, _ *http.Response, _ []byte, err error) {
			if err == nil || !strings.Contains(err.Error(), "Timeout") {
				t.Fatalf("want no answer before the client's timeout, got %v", err)
			}
		}},
		{FaultRule{Kind: "slow_drip", IntervalMS: 100}, func(t *testing.T, _ *http.Response, body []byte, err error) {
			if err == nil || len(body) == 0 || len(body) > 10 {
				t.Fatalf("want a few bytes before the client's timeout, got %d bytes, %v", len(body), err)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.rule.Kind, func(t *testing.T) {
			setFaults(t, c.s, tc.rule)
			resp, body, err := hostileGet(t, c, path, 500*time.Millisecond, 1<<20)
			tc.check(t, resp, body, err)
		})
	}
	// bad_token answers where the rule's path says: the token endpoint.
	setFaults(t, c.s, FaultRule{Path: "/authentication/", Kind: "bad_token"})
	a := c.raw("POST", "/authentication/v1/token/access-key", nil, `{"accessKeyId":"mock-access-key","accessKeySecret":"mock-access-secret"}`)
	if a.status != 200 || !strings.Contains(string(a.body), `"access_token":null`) {
		t.Fatalf("bad_token: %d %s", a.status, a.body)
	}
}

func TestFaultKindsRefuseWhatTheyCannotMean(t *testing.T) {
	for rule, want := range map[FaultRule]string{
		{Kind: "teapot"}:                                    `kind "teapot" is not a fault kind`,
		{Kind: "redirect"}:                                  "needs target",
		{Kind: "redirect", Target: "/x"}:                    "needs target",
		{Kind: "redirect", Target: "http://x", Status: 200}: "not a redirect status",
		{Kind: "html", SizeMB: 3}:                           `size_mb is not used by kind "html"`,
		{Target: "http://x"}:                                "target is only used with a kind",
		{Kind: "hang", DropResponse: true}:                  "drop_response is not used",
		{Kind: "oversize", SizeMB: 1 << 20}:                 "size_mb",
	} {
		if err := New(Options{}).SetFaults([]FaultRule{rule}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%+v: want an error saying %q, got %v", rule, want, err)
		}
	}
	var r FaultRule
	if err := json.Unmarshal([]byte(`{"kind":"hang","targte":"x"}`), &r); err == nil || !strings.Contains(err.Error(), "targte") {
		t.Errorf("an unknown field was accepted: %v", err)
	}
}

// TestTenantRateLimitIsShared: the tenant-wide limit counts every token's requests together.
func TestTenantRateLimitIsShared(t *testing.T) {
	c := newClient(t, Options{TenantRateLimit: 5})
	other := *c
	b := other.raw("POST", "/authentication/v1/token/access-key", nil, `{"accessKeyId":"mock-access-key","accessKeySecret":"mock-access-secret"}`)
	other.token = decode[tokenAnswer](t, b).AccessToken
	refused := 0
	for i := range 10 {
		cl := c
		if i%2 == 1 {
			cl = &other
		}
		if cl.admin("GET", "/skills", nil).status == http.StatusTooManyRequests {
			refused++
		}
	}
	if refused < 4 {
		t.Fatalf("%d of 10 requests of two tokens refused under a tenant limit of 5 a second, want about 5", refused)
	}
}

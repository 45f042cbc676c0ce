package mockcxone

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestPasswordGrant(t *testing.T) {
	c := newClient(t, Options{TokenTTL: 90 * time.Second})
	form := url.Values{"grant_type": {"password"}, "username": {AccessKeyID}, "password": {AccessKeySecret}}
	h := func(id, secret string) http.Header {
		basic := base64.StdEncoding.EncodeToString([]byte(id + ":" + secret))
		return http.Header{"Authorization": {"Basic " + basic}, "Content-Type": {"application/x-www-form-urlencoded"}}
	}
	a := c.raw("POST", "/auth/token", h(ClientID, ClientSecret), form.Encode()).want(t, http.StatusOK)
	tok := decode[tokenAnswer](t, a)
	if tok.TokenType != "Bearer" || tok.ExpiresIn != 90 || tok.AccessToken == "" || tok.RefreshToken == "" || tok.IDToken == "" {
		t.Errorf("token answer: %s", a.body)
	}
	// The token works on the API.
	c.token = tok.AccessToken
	c.admin("GET", "/agents", nil).want(t, http.StatusOK)

	bad := c.raw("POST", "/auth/token", h(ClientID, "wrong"), form.Encode()).want(t, http.StatusUnauthorized)
	if e := decode[map[string]string](t, bad); e["error"] != "invalid_client" || e["error_description"] == "" {
		t.Errorf("bad client: %s", bad.body)
	}
	form.Set("password", "wrong")
	bad = c.raw("POST", "/auth/token", h(ClientID, ClientSecret), form.Encode()).want(t, http.StatusUnauthorized)
	if e := decode[map[string]string](t, bad); e["error"] != "invalid_grant" {
		t.Errorf("bad key: %s", bad.body)
	}
}

func TestAccessKeyGrantRejectsBadKey(t *testing.T) {
	c := newClient(t, Options{})
	a := c.raw("POST", "/authentication/v1/token/access-key", nil,
		`{"accessKeyId":"mock-access-key","accessKeySecret":"nope"}`).want(t, http.StatusUnauthorized)
	if e := decode[map[string]string](t, a); e["error"] != "invalid_client" {
		t.Errorf("answer: %s", a.body)
	}
}

func TestAuthEnforced(t *testing.T) {
	c := newClient(t, Options{TokenTTL: 300 * time.Millisecond})
	for _, p := range []string{adminPrefix + "/agents", "/dfo/3.0/routing-queues"} {
		c.raw("GET", p, http.Header{"Accept": {"application/json"}}, "").want(t, http.StatusUnauthorized)
		c.raw("GET", p, http.Header{"Accept": {"application/json"}, "Authorization": {"Bearer forged"}}, "").want(t, http.StatusUnauthorized)
	}
	c.raw("GET", "/dfo/3.0/routing-queues", nil, "").wantDFOError(t, http.StatusUnauthorized)

	a := decode[map[string]any](t, c.raw("POST", "/authentication/v1/token/access-key", nil,
		`{"accessKeyId":"mock-access-key","accessKeySecret":"mock-access-secret"}`))
	if a["expires_in"] != 1.0 {
		t.Errorf("expires_in for a sub-second TTL = %v, want 1", a["expires_in"])
	}
	c.admin("GET", "/agents", nil).want(t, http.StatusOK)
	time.Sleep(350 * time.Millisecond)
	c.admin("GET", "/agents", nil).want(t, http.StatusUnauthorized)
}

func TestAdminNeedsJSONAccept(t *testing.T) {
	c := newClient(t, Options{})
	auth := "Bearer " + c.token
	for accept, want := range map[string]int{
		"":                     http.StatusNotAcceptable,
		"text/html":            http.StatusNotAcceptable,
		"application/json;q=0": http.StatusNotAcceptable,
		"application/json":     http.StatusOK,
		"text/html, */*;q=0.1": http.StatusOK,
		"application/*":        http.StatusOK,
	} {
		h := http.Header{"Authorization": {auth}}
		if accept != "" {
			h.Set("Accept", accept)
		}
		a := c.raw("GET", adminPrefix+"/agents", h, "")
		if a.status != want {
			t.Errorf("Accept %q: %d, want %d", accept, a.status, want)
		}
		if want == http.StatusNotAcceptable && !strings.Contains(string(a.body), "No known way to render data") {
			t.Errorf("406 body: %s", a.body)
		}
	}
	// The DFO API does not negotiate.
	c.raw("GET", "/dfo/3.0/routing-queues", http.Header{"Authorization": {auth}}, "").want(t, http.StatusOK)
}

func TestRateLimit(t *testing.T) {
	c := newClient(t, Options{RateLimit: 3})
	codes := map[int]int{}
	for range 6 {
		a := c.admin("GET", "/agents/1001", nil)
		codes[a.status]++
		if a.status == http.StatusTooManyRequests && a.header.Get("Retry-After") != "" {
			t.Errorf("429 carries Retry-After %q; CXone usually sends none", a.header.Get("Retry-After"))
		}
	}
	if codes[http.StatusOK] != 3 || codes[http.StatusTooManyRequests] != 3 {
		t.Errorf("answers %v, want 3 x 200 and 3 x 429", codes)
	}
	// Another token has its own bucket (token requests are not limited).
	a := c.raw("POST", "/authentication/v1/token/access-key", nil,
		`{"accessKeyId":"mock-access-key","accessKeySecret":"mock-access-secret"}`)
	c.token = decode[tokenAnswer](t, a).AccessToken
	c.admin("GET", "/agents/1001", nil).want(t, http.StatusOK)
}

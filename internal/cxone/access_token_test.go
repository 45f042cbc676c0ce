package cxone_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// The token handed out is the one the client signs its calls with: one token
// request for both, an expiry from the token's lifetime, and the discovered API host.
func TestAccessToken_sharedWithTheClient(t *testing.T) {
	e := newEnv(t, mockcxone.Options{TokenTTL: 10 * time.Minute})
	before := time.Now()
	tok, err := e.c.GetAccessToken(e.ctx)
	if err != nil {
		t.Fatalf("AccessToken: %v", err)
	}
	if tok.Value == "" || tok.Type != "Bearer" {
		t.Fatalf("token = %q, type %q; want a value and Bearer", tok.Value, tok.Type)
	}
	if tok.APIEndpoint != e.s.URL {
		t.Errorf("APIEndpoint = %q, want the mock's %q", tok.APIEndpoint, e.s.URL)
	}
	if d := tok.ExpiresAt.Sub(before); d < 9*time.Minute || d > 11*time.Minute {
		t.Errorf("ExpiresAt is %v after the request, want about 10m", d)
	}
	if _, err := e.c.ListSkills(e.ctx, cxone.SkillListOptions{}); err != nil {
		t.Fatalf("ListSkills: %v", err)
	}
	again, err := e.c.GetAccessToken(e.ctx)
	if err != nil {
		t.Fatalf("AccessToken again: %v", err)
	}
	if again.Value != tok.Value {
		t.Error("a second AccessToken gave another token while the first was fresh")
	}
	if n := e.count(tokenKey); n != 1 {
		t.Errorf("token requests = %d, want 1", n)
	}
	// The token works for a call made outside the client.
	req, err := http.NewRequestWithContext(e.ctx, http.MethodGet, tok.APIEndpoint+adminPath+"/skills", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", tok.Type+" "+tok.Value)
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET skills with the token answered %d", resp.StatusCode)
	}
}

// A wrong secret is an error, not an empty token.
func TestAccessToken_badCredentials(t *testing.T) {
	e := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) { c.AccessKeySecret = "wrong" })
	if _, err := e.c.GetAccessToken(e.ctx); err == nil {
		t.Fatal("AccessToken with a wrong secret succeeded")
	}
}

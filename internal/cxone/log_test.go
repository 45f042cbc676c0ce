package cxone_test

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// tokenRecorder remembers every bearer token the client sends, so the test can look for
// them in the logs.
type tokenRecorder struct {
	mu     sync.Mutex
	tokens map[string]bool
}

func (r *tokenRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	if h := req.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		r.mu.Lock()
		r.tokens[strings.TrimPrefix(h, "Bearer ")] = true
		r.mu.Unlock()
	}
	return http.DefaultTransport.RoundTrip(req)
}

// TestLogging_neverLeaksSecrets drives every kind of event the client logs (discovery,
// both token requests, re-authentication, retries, errors, a lost answer, a secret-bearing
// create) and then searches the captured log for every secret and token.
func TestLogging_neverLeaksSecrets(t *testing.T) {
	rec := &tokenRecorder{tokens: map[string]bool{}}
	e := newEnv(t, mockcxone.Options{TokenTTL: 150 * time.Millisecond}, func(c *cxone.Config) {
		c.ClientID, c.ClientSecret = mockcxone.ClientID, mockcxone.ClientSecret
		c.HTTPClient = &http.Client{Transport: rec}
	})
	in := integrationInput("Secretive")
	created, err := e.c.CreateIntegration(e.ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // token expires in the mock: the next call re-authenticates
	in.ClientSecret = "second-integration-SECRET"
	if _, err := e.c.UpdateIntegration(e.ctx, created.ID, in); err != nil {
		t.Fatal(err)
	}
	e.faults(
		mockcxone.FaultRule{Method: "GET", Path: adminPath + "/agents", Status: 429, Count: 1},
		mockcxone.FaultRule{Method: "POST", Path: dfoPath + "/channel-integrations", DropResponse: true, Count: 1},
	)
	if _, err := e.c.ListAgents(e.ctx, cxone.AgentListOptions{}); err != nil {
		t.Fatal(err)
	}
	lost := integrationInput("Lost secret")
	lost.ClientSecret = "lost-integration-SECRET"
	if _, err := e.c.CreateIntegration(e.ctx, lost); err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.GetIntegration(e.ctx, "missing"); !cxone.IsNotFound(err) {
		t.Fatal(err)
	}
	_ = fmt.Sprint(in, lost) // printing an input must not leak either (checked below)

	logText := e.log.text()
	if len(rec.tokens) < 2 {
		t.Fatalf("expected at least two tokens in use, saw %d", len(rec.tokens))
	}
	secrets := []string{
		mockcxone.AccessKeySecret, mockcxone.ClientSecret,
		"integration-SECRET-value", "second-integration-SECRET", "lost-integration-SECRET",
		base64.StdEncoding.EncodeToString([]byte(mockcxone.ClientID + ":" + mockcxone.ClientSecret)),
		"Bearer", "Authorization", "clientSecret", "password=",
	}
	for tok := range rec.tokens {
		secrets = append(secrets, tok)
	}
	for _, s := range secrets {
		if strings.Contains(logText, s) {
			t.Errorf("log contains secret %q", s)
		}
	}
	for _, s := range []string{fmt.Sprint(in), fmt.Sprintf("%#v", lost)} {
		if strings.Contains(s, "SECRET") {
			t.Errorf("formatting an IntegrationInput shows its secret: %s", s)
		}
	}

	// And the log does say what happened, with the fields the brief asks for.
	for _, want := range []string{
		"method:POST", "path:/auth/token", "path:/dfo/3.0/channel-integrations", "status:429", "status:401",
		"attempt:2", "duration_ms:", "fetching a new one", "answer to an integration create was lost",
	} {
		if !strings.Contains(logText, want) {
			t.Errorf("log lacks %q:\n%s", want, logText)
		}
	}
}

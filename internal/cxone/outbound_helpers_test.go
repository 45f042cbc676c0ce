package cxone_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// cannedTransport answers requests for one method and path with a fixed 200 body, and
// passes every other request to the mock: it stands for a CXone whose answer has another
// shape than the contract's.
type cannedTransport struct {
	method, path, body string
}

func (c cannedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == c.method && r.URL.Path == c.path {
		return &http.Response{
			StatusCode: http.StatusOK, Status: "200 OK", Request: r,
			Header: http.Header{"Content-Type": {"application/json"}},
			Body:   io.NopCloser(strings.NewReader(c.body)),
		}, nil
	}
	return http.DefaultTransport.RoundTrip(r)
}

// cannedEnv is a mock whose answer to method and path (under adminPath or dfoPath) is
// body.
func cannedEnv(t *testing.T, method, path, body string) *env {
	t.Helper()
	return newEnv(t, mockcxone.Options{}, func(cfg *cxone.Config) {
		cfg.HTTPClient = &http.Client{Transport: cannedTransport{method: method, path: path, body: body}}
	})
}

// wantUnreadable runs read against a CXone answering each body in turn and fails unless
// every read is an error.
func wantUnreadable(t *testing.T, method, path string, bodies []string, read func(e *env) (any, error)) {
	t.Helper()
	for _, body := range bodies {
		e := cannedEnv(t, method, path, body)
		// Only CXone's 404 says an object is gone: an answer of another shape is an
		// error, and never a not-found.
		if got, err := read(e); err == nil || cxone.IsNotFound(err) {
			t.Errorf("answer %s to %s %s was believed (%+v) or taken for not found: %v", body, method, path, got, err)
		}
	}
}

// Package acctest holds what the tests of several packages need against the mock
// CXone server: today, one API client of a mock.
package acctest

import (
	"strings"
	"testing"
	"time"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// Client is an API client of mock m with the seed's access key, which retries
// twice, quickly: for tests' own checks, for changes made outside Terraform, and
// for tests of what is built on the client.
func Client(t testing.TB, m *mockcxone.Server) *cxone.Client {
	t.Helper()
	return ClientAt(t, m.URL)
}

// ClientAt is Client for a mock reached at authURL (through a Hostile server, say).
func ClientAt(t testing.TB, authURL string) *cxone.Client {
	t.Helper()
	c, err := cxone.New(cxone.Config{
		TenantID:        mockcxone.TenantID,
		AuthURL:         authURL,
		AccessKeyID:     mockcxone.AccessKeyID,
		AccessKeySecret: mockcxone.AccessKeySecret,
		MaxRetries:      2,
		RetryWaitMin:    time.Millisecond,
		RetryWaitMax:    10 * time.Millisecond,
	})
	if err != nil {
		t.Fatalf("building test client: %v", err)
	}
	return c
}

// Mentioned fails t for each of wants that none of problems mentions: for the tests of
// the checks that report problems (a model against its schema, say), that must be able
// to fail.
func Mentioned(t testing.TB, problems []string, wants ...string) {
	t.Helper()
	joined := strings.Join(problems, "\n")
	for _, want := range wants {
		if !strings.Contains(joined, want) {
			t.Errorf("the problems found do not mention %q; they are:\n%s", want, joined)
		}
	}
}

package provider

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestAccHostile_stateSurvivesAMisbehavingCXone applies the fleet (every resource type), then
// runs `terraform apply -refresh-only` while every API read meets a hostile answer: a redirect
// to another origin, an HTML page, a truncated body, 200 MiB plain or as a gzip bomb, a server
// that never answers or drips a byte every two seconds, a 429 asking to wait a day, and a
// broken token answer. Each run fails, in seconds (retry_timeout is 4s here), with an error
// that says what happened; the state holds every object it held before; and neither the
// output nor the TF_LOG=TRACE log holds a secret or a bearer token. A redirect's target sees
// no request at all.
func TestAccHostile_stateSurvivesAMisbehavingCXone(t *testing.T) {
	m := testAccParallelStart(t)
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		elsewhere.Add(1)
		w.WriteHeader(http.StatusTeapot)
	}))
	t.Cleanup(other.Close)

	tf := newTFCLI(t, m, "TF_LOG=TRACE", "TF_LOG_PATH=terraform.log", cxone.SettingRetryTimeout.EnvVar()+"=4s")
	tf.write("main.tf", testAccCLIRequiredProviders+testAccFleetConfig(m, 1, "v1"))
	tf.mustRun("apply", "-auto-approve", "-parallelism=10")
	before := strings.Fields(tf.mustRun("state", "list"))
	if len(before) < 20 {
		t.Fatalf("the fleet left %d objects in state", len(before))
	}

	reads := func(rule mockcxone.FaultRule) []mockcxone.FaultRule {
		admin, dfo := rule, rule
		admin.Method, admin.Path = "GET", adminPrefix+"/"
		dfo.Method, dfo.Path = "GET", dfoPrefix+"/"
		return []mockcxone.FaultRule{admin, dfo}
	}
	for _, tc := range []struct {
		name  string
		rules []mockcxone.FaultRule
		want  string
	}{
		{"redirect", reads(mockcxone.FaultRule{Kind: "redirect", Target: other.URL}), "redirect to " + other.URL},
		{"html", reads(mockcxone.FaultRule{Kind: "html"}), "CXone"},
		{"truncated", reads(mockcxone.FaultRule{Kind: "truncated"}), "unexpected EOF"},
		{"oversize", reads(mockcxone.FaultRule{Kind: "oversize", SizeMB: 200}), "larger than 4 MiB"},
		{"gzip bomb", reads(mockcxone.FaultRule{Kind: "gzip_bomb", SizeMB: 200}), "larger than 4 MiB"},
		{"hang", reads(mockcxone.FaultRule{Kind: "hang"}), "retry_timeout"},
		{"slow drip", reads(mockcxone.FaultRule{Kind: "slow_drip"}), "retry_timeout"},
		{"retry-after a day", reads(mockcxone.FaultRule{Status: 429, RetryAfter: "86400"}), "asked to wait 24h0m0s"},
		{"broken token", []mockcxone.FaultRule{{Method: "POST", Path: "/authentication/", Kind: "bad_token"}}, "access_token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			testAccSetFaults(t, m, tc.rules...)
			start := time.Now()
			stdout, stderr, code := tf.run("apply", "-refresh-only", "-auto-approve", "-no-color", "-parallelism=10")
			took := time.Since(start)
			testAccSetFaults(t, m)
			out := stdout + stderr
			if code == 0 {
				t.Fatalf("the refresh succeeded against a hostile CXone:\n%s", out)
			}
			if !strings.Contains(strings.Join(strings.Fields(out), " "), tc.want) {
				t.Errorf("the error does not say %q:\n%s", tc.want, out)
			}
			if took > time.Minute {
				t.Errorf("the refresh took %v", took)
			}
			if after := strings.Fields(tf.mustRun("state", "list")); !slices.Equal(after, before) {
				t.Fatalf("the state changed: before %v, after %v", before, after)
			}
			log, err := os.ReadFile(filepath.Join(tf.dir, "terraform.log"))
			if err != nil {
				t.Fatal(err)
			}
			for where, text := range map[string]string{"output": out, "TRACE log": string(log)} {
				if strings.Contains(text, mockcxone.AccessKeySecret) || bearerRE.MatchString(text) || strings.ContainsRune(text, 0x1b) {
					t.Fatalf("the %s holds a secret, a bearer token or an escape character", where)
				}
			}
		})
	}
	if n := elsewhere.Load(); n != 0 {
		t.Fatalf("the redirect target received %d requests", n)
	}
	// With CXone well again, nothing is to change.
	tf.mustRun("plan", "-detailed-exitcode", "-parallelism=10")
}

// bearerRE finds a bearer token written out.
var bearerRE = regexp.MustCompile(`(?i)bearer [A-Za-z0-9._~+/-]{8,}`)

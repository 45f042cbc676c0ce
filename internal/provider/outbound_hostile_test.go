package provider

import (
	"strings"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/acctest"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestAccCLI_hostileOutboundAnswersKeepState applies the watering-hole example (its
// outbound launch included), then has a proxy in CXone's place answer the reads of one
// outbound kind at a time with 200 {} or with CXone's answer stripped of every isActive.
// CXone only deactivates these objects, and the provider takes an inactive one for gone,
// so an answer that does not say whether an object is active must not read as "inactive".
// Each `terraform apply -refresh-only` fails with an error that says the answer was not
// believed, and the state holds every object, with every value, it held before.
func TestAccCLI_hostileOutboundAnswersKeepState(t *testing.T) {
	_, h, tf := newHostileCLI(t, "TF_VAR_middleware_client_secret=scenario-middleware-secret")
	tf.writeExample("watering-hole", "*.tf")
	tf.mustRun("apply", "-auto-approve", "-no-color")
	want := tf.stateValues()

	const admin = "/inContactAPI/services/v34.0"
	kinds := []struct {
		name, prefix string
		active       bool // the kind's answers say whether each object is active
	}{
		{"message templates", admin + "/message-templates", true},
		{"campaigns", admin + "/campaigns", true},
		{"dispositions", admin + "/dispositions", true},
		{"DNC groups and their links", admin + "/dnc-groups", true},
		{"skills and their parameters", admin + "/skills", true},
		{"calling lists", admin + "/lists/call-lists", false},
	}
	answers := []struct {
		name   string
		answer acctest.Answer
	}{{"{}", acctest.EmptyObject}, {"no isActive", acctest.NoActive}}
	for _, kind := range kinds {
		for _, a := range answers {
			if a.answer == acctest.NoActive && !kind.active {
				continue
			}
			what := "apply -refresh-only with " + a.name + " for " + kind.name
			var out hostileRun
			spoilt := h.Spoiling(a.answer, kind.prefix, func() { out = tf.hostileRun("apply", "-refresh-only", "-auto-approve", "-no-color") })
			out.wantNotBelieved(t, what, spoilt, kind.prefix, "has been deleted", "Inactive")
			tf.expectState(what, want)
		}
	}
	tf.mustRun("plan", "-detailed-exitcode", "-no-color")
}

// newHostileCLI starts, for a test that runs in parallel with others, a mock CXone behind
// a Hostile server and a Terraform directory whose provider reaches the mock through it
// (extraEnv as newTFCLI takes it).
func newHostileCLI(t *testing.T, extraEnv ...string) (*mockcxone.Server, *acctest.Hostile, *tfCLI) {
	m := testAccParallelStart(t)
	h := acctest.NewHostile(t, m)
	return m, h, newTFCLI(t, m, append(extraEnv, "CXONE_AUTH_URL="+h.URL)...)
}

// hostileRun is what a Terraform command answered while a Hostile server spoilt answers.
type hostileRun struct {
	stdout, stderr string
	code           int
}

// hostileRun runs a Terraform command, for wantNotBelieved.
func (c *tfCLI) hostileRun(args ...string) hostileRun {
	stdout, stderr, code := c.run(args...)
	return hostileRun{stdout, stderr, code}
}

// wantNotBelieved fails the test (what names the command and the answer) unless some
// answer under prefix was spoilt, the command failed saying the answer was not believed,
// and its output holds none of gone (words that say an object was read as gone).
func (r hostileRun) wantNotBelieved(t *testing.T, what string, spoilt bool, prefix string, gone ...string) {
	t.Helper()
	if !spoilt {
		t.Fatalf("%s: no request reached %s", what, prefix)
	}
	if r.code != 1 || !notBelieved(r.stderr) {
		t.Fatalf("%s exited %d, want 1 with the answer not believed:\n%s\n%s", what, r.code, r.stdout, r.stderr)
	}
	for _, words := range gone {
		if strings.Contains(r.stdout, words) {
			t.Errorf("%s read objects as gone (%q):\n%s", what, words, r.stdout)
		}
	}
}

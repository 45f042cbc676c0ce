package provider

import (
	"regexp"
	"strings"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestAccSecretHygiene applies with TF_LOG=TRACE and distinctive secrets, through
// the password grant so that both provider secrets are in play, and checks that
// neither the log, nor the saved plan shown as JSON, nor the state holds the
// access-key secret, the client secret, the write-only middleware secret or a
// bearer token.
func TestAccSecretHygiene(t *testing.T) {
	m := testAccParallelStart(t)
	const woSecret = "wo-middleware-secret-7f3a9c1e"
	tf := newTFCLI(t, m,
		"TF_LOG=TRACE",
		"TF_LOG_PATH=terraform.log",
		"CXONE_CLIENT_ID="+mockcxone.ClientID,
		"CXONE_CLIENT_SECRET="+mockcxone.ClientSecret,
		// Through the environment: Terraform itself logs its command line.
		"TF_VAR_middleware_secret="+woSecret,
	)
	tf.write("main.tf", testAccCLIRequiredProviders+`
provider "cxone" {}

variable "middleware_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "cxone_byoc_integration" "h" {
  name                     = "Hygiene"
  integration_box_url      = "https://middleware.thejungle.example/hygiene"
  authorization_url        = "https://middleware.thejungle.example/oauth/token"
  client_id                = "hygiene"
  client_secret_wo         = var.middleware_secret
  client_secret_wo_version = 1
}

resource "cxone_digital_channel" "h" {
  integration_id = cxone_byoc_integration.h.id
  external_id    = "hygiene"
  name           = "Hygiene"
}
`)
	tf.mustRun("plan", "-out=tfplan")
	planJSON := tf.mustRun("show", "-json", "tfplan")
	tf.mustRun("apply", "tfplan")
	stateJSON := tf.mustRun("show", "-json")
	stateFile := tf.read("terraform.tfstate")
	// The write-only secret did reach CXone, so it passed through the provider.
	if st := m.State(); len(st.Integrations) != 1 {
		t.Fatalf("expected one integration, got %+v", st.Integrations)
	} else if got, _ := m.IntegrationSecret(st.Integrations[0].ID); got != woSecret {
		t.Fatalf("CXone holds middleware secret %q, want the write-only value", got)
	}
	tf.mustRun("destroy", "-auto-approve")
	log := tf.read("terraform.log")

	// The log must be the real thing: the provider's own API call lines at TRACE/DEBUG.
	if !strings.Contains(log, "/dfo/3.0/channel-integrations") || !strings.Contains(log, "/auth/token") {
		t.Fatalf("the TRACE log does not show the provider's API calls; the test would prove nothing (%d bytes)", len(log))
	}
	bearer := regexp.MustCompile(`(?i)bearer\s+[A-Za-z0-9._~+/=-]{12,}`)
	for name, text := range map[string]string{"log": log, "plan JSON": planJSON, "state JSON": stateJSON, "state file": stateFile} {
		for what, secret := range map[string]string{
			"access-key secret":        mockcxone.AccessKeySecret,
			"client secret":            mockcxone.ClientSecret,
			"write-only client secret": woSecret,
		} {
			if strings.Contains(text, secret) {
				t.Errorf("the %s contains the %s", name, what)
			}
		}
		if loc := bearer.FindStringIndex(text); loc != nil {
			t.Errorf("the %s contains a bearer token: %q", name, text[loc[0]:min(loc[1], loc[0]+24)]+"...")
		}
	}
}

package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// testAccWithEcho adds terraform-plugin-testing's echo provider, which copies an
// ephemeral value into its own state so that a test can look at it.
var testAccWithEcho = withEcho(testAccProtoV6ProviderFactories, echoprovider.NewProviderServer())

// withEcho is factories with echo added under the name "echo".
func withEcho[S any](factories map[string]func() (S, error), echo func() (S, error)) map[string]func() (S, error) {
	out := maps.Clone(factories)
	out["echo"] = echo
	return out
}

// TestAccAccessToken_echo opens the token and hands it to the echo provider: the
// values are what the mock issued and serves, and the token works for an API call.
func TestAccAccessToken_echo(t *testing.T) {
	m := testAccStart(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: testAccWithEcho,
		Steps: []resource.TestStep{{
			Config: testAccAccessTokenConfig_echo(m),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("echo.token", tfjsonpath.New("data").AtMapKey("token_type"), knownvalue.StringExact("Bearer")),
				statecheck.ExpectKnownValue("echo.token", tfjsonpath.New("data").AtMapKey("api_endpoint"), knownvalue.StringExact(m.URL)),
				statecheck.ExpectKnownValue("echo.token", tfjsonpath.New("data").AtMapKey("access_token"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{64}$`))),
				statecheck.ExpectKnownValue("echo.token", tfjsonpath.New("data").AtMapKey("authorization_header"), knownvalue.StringRegexp(regexp.MustCompile(`^Bearer [0-9a-f]{64}$`))),
				statecheck.ExpectKnownValue("echo.token", tfjsonpath.New("data").AtMapKey("expires_at"),
					knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
				tokenWorks(m),
			},
		}},
	})
}

// TestAccAccessToken_neverInState uses the token as an integration's write-only
// secret, the one place an ephemeral value can go without the echo provider: it
// reaches the API, and neither the plan nor the state holds it.
func TestAccAccessToken_neverInState(t *testing.T) {
	m := testAccStart(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckByocIntegrationDestroy(t, m),
		Steps: []resource.TestStep{{
			Config:           testAccAccessTokenConfig_writeOnly(m),
			ConfigPlanChecks: plannedAction(testAccByocName, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				stateIs(testAccByocName, "client_secret_wo", knownvalue.Null()),
				secretNotInState(m),
			},
		}},
	})
}

// tokenWorks reads the token the echo provider kept and calls the mock's API with it.
func tokenWorks(m *mockcxone.Server) statecheck.StateCheck {
	return stateFunc(func(state any) error {
		b, err := json.Marshal(state)
		if err != nil {
			return err
		}
		tok := regexp.MustCompile(`"access_token":"([0-9a-f]{64})"`).FindSubmatch(b)
		if tok == nil {
			return errors.New("no access_token in the echo provider's state")
		}
		return callWithToken(m, string(tok[1]))
	})
}

// secretNotInState checks that the secret the integration got is a working token
// and appears nowhere in the state.
func secretNotInState(m *mockcxone.Server) statecheck.StateCheck {
	return stateFunc(func(state any) error {
		var secret string
		for _, in := range m.State().Integrations {
			secret, _ = m.IntegrationSecret(in.ID)
		}
		if secret == "" {
			return errors.New("the integration got no secret")
		}
		if err := callWithToken(m, secret); err != nil {
			return fmt.Errorf("the secret sent is not a working token: %w", err)
		}
		return jsonWithout("state", state, secret)
	})
}

// callWithToken lists skills on the mock with a bearer token.
func callWithToken(m *mockcxone.Server, token string) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet,
		m.URL+"/inContactAPI/services/v34.0/skills", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET skills with the token answered %d", resp.StatusCode)
	}
	return nil
}

// stateFunc is a state check written as a function of the whole state.
type stateFunc func(state any) error

// CheckState runs the function.
func (f stateFunc) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f(req.State)
}

func testAccAccessTokenConfig_echo(m *mockcxone.Server) string {
	return testAccProviderConfig(m) + `
ephemeral "cxone_access_token" "this" {}

provider "echo" {
  data = ephemeral.cxone_access_token.this
}

resource "echo" "token" {}
`
}

func testAccAccessTokenConfig_writeOnly(m *mockcxone.Server) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
ephemeral "cxone_access_token" "this" {}

resource "cxone_byoc_integration" "test" {
  name                     = "The Watering Hole"
  integration_box_url      = %[1]q
  authorization_url        = %[2]q
  client_id                = %[3]q
  client_secret_wo         = ephemeral.cxone_access_token.this.access_token
  client_secret_wo_version = 1
}
`, testAccByocBoxURL, testAccByocAuthURL, testAccByocClientID)
}

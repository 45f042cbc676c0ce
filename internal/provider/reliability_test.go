package provider

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// Route prefixes of every create and update call, for fault rules.
const (
	adminPrefix = "/inContactAPI/services/v34.0"
	dfoPrefix   = "/dfo/3.0"
)

// TestAccReliability_noise applies 65 objects of all six types at -parallelism=20
// while 20% of API requests answer 429 (half with Retry-After) and 10% answer 503:
// the apply succeeds, the next plan is empty, CXone holds exactly the declared
// objects, and destroy under the same noise removes them. It drives the CLI
// itself, since the test framework cannot set -parallelism.
func TestAccReliability_noise(t *testing.T) {
	m := testAccParallelStart(t)
	testAccSetFaults(t, m,
		mockcxone.FaultRule{Status: 429, Probability: mockcxone.Prob(0.10), RetryAfter: "1"},
		mockcxone.FaultRule{Status: 429, Probability: mockcxone.Prob(0.10 / 0.90)},
		mockcxone.FaultRule{Status: 503, Probability: mockcxone.Prob(0.10 / 0.80)},
	)
	tf := newTFCLI(t, m)
	tf.write("main.tf", testAccCLIRequiredProviders+testAccFleetConfig(m, 10, "v1"))
	tf.mustRun("apply", "-auto-approve", "-parallelism=20")
	tf.mustRun("plan", "-detailed-exitcode", "-parallelism=20")
	if err := testAccCheckFleetInCXone(m, "v1")(); err != nil {
		t.Fatal(err)
	}
	if hits := m.FaultHits(); hits[0] == 0 || hits[1] == 0 || hits[2] == 0 {
		t.Fatalf("the noise did not reach the apply: fault hits %v", hits)
	}
	tf.mustRun("destroy", "-auto-approve", "-parallelism=20")
	if err := testAccCheckFleetDestroyed(m)(); err != nil {
		t.Fatal(err)
	}
}

// TestAccReliability_lostAnswers drops the answer of the first call to every create
// and update route after the mock applied it. The provider must neither fail nor
// create a second object: lost creates are looked up, idempotent calls retried.
func TestAccReliability_lostAnswers(t *testing.T) {
	m := testAccStart(t)
	drop := func(method, path string) mockcxone.FaultRule {
		return mockcxone.FaultRule{Method: method, Path: path, DropResponse: true, Count: 1}
	}
	checks := func(version string) []statecheck.StateCheck {
		return []statecheck.StateCheck{testAccCheckFleetInCXone(m, version), testAccCheckAllFaultsFired(m)}
	}
	createRules := []mockcxone.FaultRule{
		drop("PUT", adminPrefix+"/agents"),   // digital permissions (PUT /agents)
		drop("POST", adminPrefix+"/skills"),  // skills
		drop("POST", adminPrefix+"/agents/"), // skill assignments
		drop("POST", dfoPrefix+"/channel-integrations"),
		drop("POST", dfoPrefix+"/channels"),
		drop("PUT", dfoPrefix+"/routing-queues/"), // bindings
	}
	updateRules := []mockcxone.FaultRule{
		drop("PUT", adminPrefix+"/skills/"),
		drop("PUT", adminPrefix+"/agents/"), // assignment proficiency
		drop("PUT", dfoPrefix+"/channel-integrations/"),
		drop("POST", dfoPrefix+"/channels"), // channel upsert
		drop("PUT", adminPrefix+"/agents"),
	}
	testAccSteps(t, func(*terraform.State) error { return testAccCheckFleetDestroyed(m)() }, []resource.TestStep{
		{
			PreConfig:         func() { testAccSetFaults(t, m, createRules...) },
			Config:            testAccFleetConfig(m, 3, "v1"),
			ConfigStateChecks: checks("v1"),
		},
		{
			PreConfig:         func() { testAccSetFaults(t, m, updateRules...) },
			Config:            testAccFleetConfig(m, 3, "v2"),
			ConfigPlanChecks:  emptyReplan,
			ConfigStateChecks: checks("v2"),
		},
	})
}

// TestAccReliability_tokenExpiry runs the story with tokens that live two seconds,
// shorter than the skill's routing-queue sync: the apply succeeds on fresh tokens.
func TestAccReliability_tokenExpiry(t *testing.T) {
	m := testAccStart(t, func(o *mockcxone.Options) {
		o.TokenTTL = 2 * time.Second
		o.SyncDelay = 3 * time.Second
	})
	testAccSteps(t, testAccCheckScenarioDestroyed(t, m), []resource.TestStep{
		{
			Config: testAccScenarioConfig(m, "The Watering Hole", 5, "The Watering Hole direct messages"),
			Check: resource.ComposeTestCheckFunc(
				testAccCheckScenarioInCXone(t, m, 5, "The Watering Hole direct messages"),
				func(*terraform.State) error {
					if n := m.Requests().ByRoute["POST /authentication/v1/token/access-key"]; n < 2 {
						return fmt.Errorf("expected the provider to fetch fresh tokens during the apply, it fetched %d", n)
					}
					return nil
				},
			),
		},
	})
}

// TestAccReliability_persistentFailure: a route that answers 500 (or 503 past
// max_retries) forever ends the apply with a diagnostic naming the object, the
// operation and CXone's answer, and what was created before the failure stays in
// state, so the next plan creates only what is missing.
func TestAccReliability_persistentFailure(t *testing.T) {
	for _, status := range []int{500, 503} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			m := testAccStart(t)
			failedSends := 0
			testAccSteps(t, nil, []resource.TestStep{
				{
					PreConfig: func() {
						testAccSetFaults(t, m, mockcxone.FaultRule{Method: "POST", Path: dfoPrefix + "/channels", Status: status})
					},
					Config:      testAccPersistentFailureConfig(m),
					ExpectError: regexp.MustCompile(`(?s)Unable to Create Digital Channel.*persistent-failure.*` + fmt.Sprint(status)),
				},
				{
					// Once CXone recovers, the next apply creates only what is missing.
					PreConfig: func() {
						failedSends = m.Requests().ByRoute["POST "+dfoPrefix+"/channels"]
						testAccSetFaults(t, m)
					},
					Config: testAccPersistentFailureConfig(m),
					ConfigPlanChecks: planActions(map[string]plancheck.ResourceActionType{
						"cxone_byoc_integration.p": plancheck.ResourceActionNoop,
						"cxone_digital_channel.p":  plancheck.ResourceActionCreate,
					}),
				},
			})
			// max_retries = 2: three attempts for 503; 500 is never retried, since
			// CXone may have served the request.
			want := map[int]int{500: 1, 503: 3}[status]
			if failedSends != want {
				t.Errorf("the failing create was sent %d times, want %d", failedSends, want)
			}
		})
	}
}

func testAccPersistentFailureConfig(m *mockcxone.Server) string {
	return testAccProviderConfigWith(m, "max_retries = 2") + `
resource "cxone_byoc_integration" "p" {
  name                = "Persistent failure"
  integration_box_url = "https://middleware.thejungle.example/pf"
  authorization_url   = "https://middleware.thejungle.example/oauth/token"
  client_id           = "pf"
  client_secret       = "pf-secret"
}

resource "cxone_digital_channel" "p" {
  integration_id = cxone_byoc_integration.p.id
  external_id    = "persistent-failure"
  name           = "persistent-failure"
}
`
}

func testAccCheckAllFaultsFired(m *mockcxone.Server) checkMock {
	return func() error {
		for i, n := range m.FaultHits() {
			if n == 0 {
				return fmt.Errorf("fault rule %d (%+v) never fired: the test did not exercise it", i, m.Faults()[i])
			}
		}
		return nil
	}
}

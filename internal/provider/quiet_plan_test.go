package provider

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// expectOnlyChange checks that the plan updates addr in place, changing exactly attrs
// and leaving every other attribute known and as it was, and that it changes nothing else.
type expectOnlyChange struct {
	addr  string
	attrs []string
}

// CheckPlan runs the check.
func (e expectOnlyChange) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	var errs []string
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != e.addr {
			if !rc.Change.Actions.NoOp() && !rc.Change.Actions.Read() {
				errs = append(errs, fmt.Sprintf("%s: %v, want no change", rc.Address, rc.Change.Actions))
			}
			continue
		}
		if !rc.Change.Actions.Update() {
			errs = append(errs, fmt.Sprintf("%s: %v, want an in-place update", rc.Address, rc.Change.Actions))
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		after, _ := rc.Change.After.(map[string]any)
		unknown, _ := rc.Change.AfterUnknown.(map[string]any)
		var changed []string
		for k := range before {
			if u, _ := unknown[k].(bool); u {
				errs = append(errs, fmt.Sprintf("%s.%s is unknown in the plan", e.addr, k))
			}
			if !reflect.DeepEqual(before[k], after[k]) {
				changed = append(changed, k)
			}
		}
		sort.Strings(changed)
		if !slices.Equal(changed, e.attrs) {
			errs = append(errs, fmt.Sprintf("%s changes %v, want only %v", e.addr, changed, e.attrs))
		}
	}
	if len(errs) > 0 {
		resp.Error = fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
}

var _ plancheck.PlanCheck = expectOnlyChange{}

// planOnlyChanges is the plan checks of a step that updates addr in place, changing
// exactly attrs (expectOnlyChange), and whose re-plan after the apply is empty.
func planOnlyChanges(addr string, attrs ...string) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             []plancheck.PlanCheck{expectOnlyChange{addr, attrs}},
		PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
	}
}

// quietValues are the values of testAccQuietConfig that the steps change one at a time.
type quietValues struct {
	threshold, proficiency int
	notes, boxPath, name   string
	secret                 bool // false: the secret variable is unset
}

func testAccQuietConfig(m *mockcxone.Server, v quietValues) string {
	secret := `client_secret       = "quiet-secret"`
	if !v.secret {
		secret = "# client_secret = var.secret, with the variable unset"
	}
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_digital_user_permissions" "q" {
  agent_id          = 1002
  digital_threshold = %[1]d
}

resource "cxone_digital_skill" "q" {
  name  = "Quiet Pool"
  notes = %[3]q
}

resource "cxone_skill_assignment" "q" {
  agent_id    = cxone_digital_user_permissions.q.agent_id
  skill_id    = cxone_digital_skill.q.id
  proficiency = %[2]d
}

resource "cxone_byoc_integration" "q" {
  name                = "Quiet Pool"
  integration_box_url = "https://middleware.thejungle.example/%[4]s"
  authorization_url   = "https://middleware.thejungle.example/oauth/token"
  client_id           = "quiet"
  %[6]s
}

resource "cxone_digital_channel" "q" {
  integration_id = cxone_byoc_integration.q.id
  external_id    = "quiet"
  name           = %[5]q
}

resource "cxone_routing_queue_binding" "q" {
  routing_queue_id = cxone_digital_skill.q.routing_queue_id
  channel_id       = cxone_digital_channel.q.id
}
`, v.threshold, v.proficiency, v.notes, v.boxPath, v.name, secret)
}

// TestAccQuietPlans changes one attribute of each resource type in turn: the plan shows
// that one attribute changing and nothing else, with no computed value unknown
// (has_client_secret and skill_name included). Bindings have no attribute that changes in
// place. Then the secret is left out: the plan is empty, and an update still sends the
// secret kept in the state.
func TestAccQuietPlans(t *testing.T) {
	m := testAccStart(t)
	base := quietValues{threshold: 2, proficiency: 3, notes: "v1", boxPath: "quiet", name: "Quiet channel", secret: true}
	step := func(change func(*quietValues), addr string, attrs ...string) resource.TestStep {
		v := base
		change(&v)
		base = v
		return resource.TestStep{
			Config:           testAccQuietConfig(m, v),
			ConfigPlanChecks: planOnlyChanges(addr, attrs...),
		}
	}
	steps := []resource.TestStep{{Config: testAccQuietConfig(m, base)}}
	steps = append(steps,
		step(func(v *quietValues) { v.threshold = 4 }, "cxone_digital_user_permissions.q", "digital_threshold"),
		step(func(v *quietValues) { v.notes = "v2" }, "cxone_digital_skill.q", "notes"),
		step(func(v *quietValues) { v.proficiency = 9 }, "cxone_skill_assignment.q", "proficiency"),
		step(func(v *quietValues) { v.boxPath = "quiet-v2" }, "cxone_byoc_integration.q", "integration_box_url"),
		step(func(v *quietValues) { v.name = "Quiet channel v2" }, "cxone_digital_channel.q", "name"),
	)
	noSecret := base
	noSecret.secret = false
	steps = append(steps,
		// A pull-request plan without the secret: nothing to do.
		resource.TestStep{Config: testAccQuietConfig(m, noSecret), PlanOnly: true},
		// A change without the secret: the one kept in the state is sent.
		step(func(v *quietValues) { v.secret, v.boxPath = false, "quiet-v3" }, "cxone_byoc_integration.q", "integration_box_url"),
	)
	steps[len(steps)-1].Check = func(*terraform.State) error {
		if got := testAccIntegrationSecret(t, m, "Quiet Pool"); got != "quiet-secret" {
			return fmt.Errorf("CXone holds secret %q after an update without the secret configured, want the one in the state", got)
		}
		return nil
	}
	testAccSteps(t, nil, steps)
}

// TestAccByocIntegration_writeOnlySecretUnset: with a write-only secret, a plan without
// the secret variable is empty, and a change that must send the secret fails at plan
// time naming client_secret_wo.
func TestAccByocIntegration_writeOnlySecretUnset(t *testing.T) {
	m := testAccStart(t)
	cfg := testAccByocIntegrationConfig_writeOnly(m, "first-secret", 1)
	unset := regexp.MustCompile(`\n\s*client_secret_wo\s*=.*`).ReplaceAllString(cfg, "\n  # client_secret_wo = var.secret, unset")
	changed := strings.Replace(unset, `name `, `color = "#123456"`+"\n  name ", 1)
	testAccSteps(t, testAccCheckByocIntegrationDestroy(t, m), []resource.TestStep{
		{Config: cfg},
		{Config: unset, PlanOnly: true},
		{Config: changed, PlanOnly: true, ExpectError: expectErrorText("Missing Client Secret",
			"CXone replaces every field", "client_secret_wo")},
	})
}

// testAccIntegrationSecret is the secret the mock holds for the integration named name.
func testAccIntegrationSecret(t *testing.T, m *mockcxone.Server, name string) string {
	t.Helper()
	for _, in := range m.State().Integrations {
		if in.Name == name {
			got, _ := m.IntegrationSecret(in.ID)
			return got
		}
	}
	t.Fatalf("no integration named %q in the mock", name)
	return ""
}

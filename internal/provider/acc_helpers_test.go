package provider

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cxone-oss/terraform-provider-cxone/internal/acctest"
	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// testAccProtoV6ProviderFactories runs the provider in-process for acceptance tests,
// served by the framework's own server as main serves it.
var testAccProtoV6ProviderFactories = testAccFactories(providerserver.NewProtocol6WithError(New("test")()))

// testAccFactories registers a provider server under the name "cxone", in the form
// resource.TestCase's ProtoV6ProviderFactories takes.
func testAccFactories[S any](server func() (S, error)) map[string]func() (S, error) {
	return map[string]func() (S, error){"cxone": server}
}

// testAccPreCheck skips acceptance tests unless TF_ACC is set, as resource.Test
// does; tests that drive the CLI themselves need it before anything else.
func testAccPreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance tests run only with TF_ACC=1 (make test)")
	}
}

// testAccMockOptions are the mock settings acceptance tests use unless they need
// others: a short routing-queue sync so skill creation waits briefly but really waits.
func testAccMockOptions() mockcxone.Options {
	return mockcxone.Options{SyncDelay: 300 * time.Millisecond, TokenTTL: time.Hour}
}

// testAccMock starts a mock CXone server for one test; it stops when the test ends.
func testAccMock(t *testing.T, opts ...func(*mockcxone.Options)) *mockcxone.Server {
	t.Helper()
	o := testAccMockOptions()
	for _, f := range opts {
		f(&o)
	}
	return mockcxone.NewTestServer(t, o)
}

// testAccStart begins an acceptance test: it is skipped unless TF_ACC is set, and
// otherwise gets a mock of its own, set up by opts as testAccMock takes them.
func testAccStart(t *testing.T, opts ...func(*mockcxone.Options)) *mockcxone.Server {
	t.Helper()
	testAccPreCheck(t)
	return testAccMock(t, opts...)
}

// testAccParallelStart is testAccStart for a test that does not run its steps through
// testAccSteps (most drive the CLI themselves): skipped unless TF_ACC is set, otherwise
// run in parallel with the other tests, with a mock of its own.
func testAccParallelStart(t *testing.T) *mockcxone.Server {
	t.Helper()
	testAccPreCheck(t)
	t.Parallel()
	return testAccMock(t)
}

// testAccSteps runs steps against the in-process provider, in parallel with the other
// tests; checkDestroy (nil for none) runs after the final destroy.
func testAccSteps(t *testing.T, checkDestroy resource.TestCheckFunc, steps []resource.TestStep) {
	t.Helper()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             checkDestroy,
		Steps:                    steps,
	})
}

// testAccProviderConfig is the provider block that reaches mock m through discovery,
// with the seed's access key. Tests put it first in every configuration.
func testAccProviderConfig(m *mockcxone.Server) string {
	return fmt.Sprintf(`
provider "cxone" {
  tenant_id         = "mock-tenant"
  auth_url          = %[1]q
  access_key_id     = "mock-access-key"
  access_key_secret = "mock-access-secret"
}
`, m.URL)
}

// testAccProviderConfigWith is testAccProviderConfig with extra provider arguments.
func testAccProviderConfigWith(m *mockcxone.Server, extra string) string {
	return strings.Replace(testAccProviderConfig(m), "\n}\n", "\n  "+extra+"\n}\n", 1)
}

// testAccBlockConfig is the provider block and one block of the configuration, block its
// header (`resource "cxone_digital_skill" "test"`), holding attrs, each value already in
// HCL form (`"x"`, `1001`, `null`), in name order.
func testAccBlockConfig(m *mockcxone.Server, block string, attrs map[string]string) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(attrs)) {
		fmt.Fprintf(&b, "  %s = %s\n", k, attrs[k])
	}
	return testAccProviderConfig(m) + fmt.Sprintf("\n%s {\n%s}\n", block, b.String())
}

// testAccLookUpConfig is the provider block and a data source of type typ named
// "test" that looks its object up by attr, the string value.
func testAccLookUpConfig(m *mockcxone.Server, typ, attr, value string) string {
	return testAccBlockConfig(m, fmt.Sprintf("data %q \"test\"", typ), map[string]string{attr: strconv.Quote(value)})
}

// testAccClient is an API client for checks and for changes made outside Terraform.
func testAccClient(t testing.TB, m *mockcxone.Server) *cxone.Client {
	t.Helper()
	return acctest.Client(t, m)
}

// testAccFind finds the object named name through the API with find, a client method
// such as (*cxone.Client).FindDispositionByName; an error fails the test.
func testAccFind[T any](t *testing.T, m *mockcxone.Server, find func(*cxone.Client, context.Context, string) (*T, error), name string) *T {
	t.Helper()
	obj, err := find(testAccClient(t, m), context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return obj
}

// TestMain removes what the CLI tests built once the package's tests are done.
func TestMain(m *testing.M) {
	code := m.Run()
	removeCLIProviderBuild()
	os.Exit(code)
}

// testAccSetFaults replaces the mock's fault rules; no rules clears them.
func testAccSetFaults(t *testing.T, m *mockcxone.Server, rules ...mockcxone.FaultRule) {
	t.Helper()
	if err := m.SetFaults(rules); err != nil {
		t.Fatalf("setting mock fault rules: %v", err)
	}
}

// checkMock adapts a check of the mock's state to ConfigStateChecks. Unlike a
// TestCheckFunc, it needs no shim of Terraform's state, which cannot represent
// for_each instances.
type checkMock func() error

// CheckState runs the check.
func (f checkMock) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f()
}

// expectErrorText matches diagnostics that contain each part, in order. Terraform wraps
// long lines and frames them with "│", so the spaces inside a part match any run of
// white space and frame characters.
func expectErrorText(parts ...string) *regexp.Regexp {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		words := strings.Fields(p)
		for j, w := range words {
			words[j] = regexp.QuoteMeta(w)
		}
		quoted[i] = strings.Join(words, `[\s│]+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}

// testAccImportSteps imports addr by `terraform import` (verified against the state),
// and by an import block with its ID, with and without generated configuration;
// then a malformed ID fails with want, and an ID CXone does not know as not found.
func testAccImportSteps(addr, malformedID, want, unknownID string) []resource.TestStep {
	return []resource.TestStep{
		{ResourceName: addr, ImportState: true, ImportStateVerify: true},
		{ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
		{ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithID, GenerateConfig: true},
		{ResourceName: addr, ImportState: true, ImportStateId: malformedID, ExpectError: expectErrorText(want)},
		{ResourceName: addr, ImportState: true, ImportStateId: unknownID, ExpectError: expectErrorText("Unable to Import", "There is no", "with ID "+unknownID+" in CXone")},
	}
}

// testAccImportByIDSteps applies cfg, then imports addr by `terraform import` (verified
// against the state) and by an import block with its ID; then malformedID fails with
// an error that says each of want, in order.
func testAccImportByIDSteps(cfg, addr, malformedID string, want ...string) []resource.TestStep {
	return []resource.TestStep{
		{Config: cfg},
		{Config: cfg, ResourceName: addr, ImportState: true, ImportStateVerify: true},
		{Config: cfg, ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
		{Config: cfg, ResourceName: addr, ImportState: true, ImportStateId: malformedID, ExpectError: expectErrorText(want...)},
	}
}

// planRecreates is the plan check of a refresh that found addr gone from CXone:
// the plan creates it again.
func planRecreates(addr string) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
	}}
}

// testAccCheckDestroyed asks CXone, after destroy, about every resource of type typ
// in the state: left says what is still there (an object not deleted, one not
// deactivated), "" when nothing is. CXone's not-found answer is gone.
func testAccCheckDestroyed(t *testing.T, m *mockcxone.Server, typ string,
	left func(context.Context, *cxone.Client, *terraform.ResourceState) (string, error)) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		c := testAccClient(t, m)
		for _, rs := range s.RootModule().Resources {
			if rs.Type != typ {
				continue
			}
			what, err := left(context.Background(), c, rs)
			switch {
			case cxone.IsNotFound(err):
			case err != nil:
				return fmt.Errorf("checking %s %s after destroy: %w", typ, rs.Primary.ID, err)
			case what != "":
				return errors.New(what)
			}
		}
		return nil
	}
}

// emptyReplan is the plan check of a step whose re-plan after the apply is empty.
var emptyReplan = resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}

// planAction is the plan checks of a step that plans action for addr, and passes the
// more checks of that plan, and whose re-plan after the apply is empty.
func planAction(addr string, action plancheck.ResourceActionType, more ...plancheck.PlanCheck) resource.ConfigPlanChecks {
	checks := plannedAction(addr, action, more...)
	checks.PostApplyPostRefresh = []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}
	return checks
}

// plannedAction is planAction without the check of the re-plan.
func plannedAction(addr string, action plancheck.ResourceActionType, more ...plancheck.PlanCheck) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply: append([]plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, action)}, more...),
	}
}

// planActions is planAction for several resources, each address with the action
// planned for it.
func planActions(actions map[string]plancheck.ResourceActionType) resource.ConfigPlanChecks {
	var pre []plancheck.PlanCheck
	for _, addr := range slices.Sorted(maps.Keys(actions)) {
		pre = append(pre, plancheck.ExpectResourceAction(addr, actions[addr]))
	}
	return resource.ConfigPlanChecks{PreApply: pre, PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
}

// outside is a PreConfig that changes CXone outside Terraform; an error fails the test.
func outside(t *testing.T, change func() error) func() {
	return func() {
		t.Helper()
		if err := change(); err != nil {
			t.Fatal(err)
		}
	}
}

// sameValue returns a check to put in each step whose state must hold the value of
// addr's attr that the steps before held: each call records the value and compares it
// with those recorded before.
func sameValue(addr, attr string) func() statecheck.StateCheck {
	return trackValue(addr, attr, compare.ValuesSame())
}

// differentValue is like sameValue, each step's value differing from those before.
func differentValue(addr, attr string) func() statecheck.StateCheck {
	return trackValue(addr, attr, compare.ValuesDiffer())
}

func trackValue(addr, attr string, comparer compare.ValueComparer) func() statecheck.StateCheck {
	c := statecheck.CompareValue(comparer)
	return func() statecheck.StateCheck { return c.AddStateValue(addr, tfjsonpath.New(attr)) }
}

// testAccDriftStep changes addr's object outside Terraform (change): the apply of config
// plans an update, which puts the configuration back, checks run on the state after it,
// and the re-plan is empty.
func testAccDriftStep(t *testing.T, addr, config string, change func() error, checks ...statecheck.StateCheck) resource.TestStep {
	return resource.TestStep{
		PreConfig:         outside(t, change),
		Config:            config,
		ConfigPlanChecks:  planAction(addr, plancheck.ResourceActionUpdate),
		ConfigStateChecks: checks,
	}
}

// testAccReactivateStep deactivates addr's object outside Terraform (deactivate): for
// Terraform it is gone, so the apply of config plans a create, which reactivates the
// same object (sameID, fed with its ID by the steps before), and the re-plan is empty.
func testAccReactivateStep(t *testing.T, addr, config string, sameID func() statecheck.StateCheck, deactivate func() error,
	checks ...statecheck.StateCheck) resource.TestStep {
	return resource.TestStep{
		PreConfig:         outside(t, deactivate),
		Config:            config,
		ConfigPlanChecks:  planAction(addr, plancheck.ResourceActionCreate),
		ConfigStateChecks: append([]statecheck.StateCheck{sameID()}, checks...),
	}
}

// testAccRecreateSteps destroy config's object, which deactivates it as the mock's state
// shows (inMock(false)), and create it again from config: the same object comes back
// (sameID, fed with its ID by the steps before), active (inMock(true)).
func testAccRecreateSteps(config string, sameID func() statecheck.StateCheck, inMock func(active bool) error) []resource.TestStep {
	return []resource.TestStep{
		{Config: config, Destroy: true, Check: func(*terraform.State) error { return inMock(false) }},
		{
			Config:           config,
			ConfigPlanChecks: emptyReplan,
			ConfigStateChecks: []statecheck.StateCheck{
				sameID(),
				checkMock(func() error { return inMock(true) }),
			},
		},
	}
}

// testAccNameTakenStep adds to config a second resource of type typ named name, which
// CXone has active: its create fails ("Unable to Create " + title, such as "DNC Group")
// with an error that names the active noun ("DNC group") and gives the import to run.
func testAccNameTakenStep(config, typ, title, noun, name string) resource.TestStep {
	return resource.TestStep{
		Config: config + fmt.Sprintf("\nresource %q \"again\" {\n  name = %q\n}\n", typ, name),
		ExpectError: expectErrorText("Unable to Create "+title, fmt.Sprintf("already has an active %s named %q", noun, name),
			"terraform import "+typ+".<name>"),
	}
}

// testAccGoneStep removes addr's object outside Terraform (remove): a plan of config
// finds it gone and creates it again.
func testAccGoneStep(addr, config string, remove func()) resource.TestStep {
	return resource.TestStep{
		PreConfig:          remove,
		Config:             config,
		PlanOnly:           true,
		ExpectNonEmptyPlan: true,
		ConfigPlanChecks:   planRecreates(addr),
	}
}

// testAccCheckDeactivated is testAccCheckDestroyed for a type with numeric IDs that
// destroy deactivates, since CXone cannot delete it: get reads an object, state gives
// its name and whether it still counts as active; noun names the type in messages.
func testAccCheckDeactivated[T any](t *testing.T, m *mockcxone.Server, typ, noun string,
	get func(*cxone.Client, context.Context, int64) (*T, error), state func(*T) (name string, active bool)) resource.TestCheckFunc {
	return testAccCheckDestroyed(t, m, typ, func(ctx context.Context, c *cxone.Client, rs *terraform.ResourceState) (string, error) {
		id, err := parseNumericID(rs.Primary.ID, noun+" ID")
		if err != nil {
			return "", err
		}
		obj, err := get(c, ctx, id)
		if err != nil {
			return "", err
		}
		if name, active := state(obj); active {
			return fmt.Sprintf("%s %d (%q) is still active after destroy: %+v", noun, id, name, obj), nil
		}
		return "", nil
	})
}

// checkOneInMock checks the mock's own state (what /_mock/state shows): exactly one of
// objs is what pick picks out (what, in messages), and it is active or not as want says.
func checkOneInMock[T any](what string, objs []T, pick func(T) (picked, active bool), want bool) error {
	var found []T
	for _, o := range objs {
		if picked, _ := pick(o); picked {
			found = append(found, o)
		}
	}
	if len(found) == 1 {
		if _, active := pick(found[0]); active == want {
			return nil
		}
	}
	return fmt.Errorf("%s in the mock: %+v, want one with isActive %t", what, found, want)
}

// expectValues checks the top-level attributes of addr named in values, in name order,
// then runs the more checks.
func expectValues(addr string, values map[string]knownvalue.Check, more ...statecheck.StateCheck) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for _, name := range slices.Sorted(maps.Keys(values)) {
		checks = append(checks, stateIs(addr, name, values[name]))
	}
	return append(checks, more...)
}

// stateIs is a short form of a state check of one top-level attribute.
func stateIs(addr, attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), v)
}

// planIs is the plan check of one top-level attribute's planned value, stateIs for plans.
func planIs(addr, attr string, v knownvalue.Check) plancheck.PlanCheck {
	return plancheck.ExpectKnownValue(addr, tfjsonpath.New(attr), v)
}

// planError is a step whose plan of config fails with an error that says each of
// want, in order.
func planError(config string, want ...string) resource.TestStep {
	return resource.TestStep{Config: config, PlanOnly: true, ExpectError: expectErrorText(want...)}
}

// checkNoRequests fails t if m got an API request beyond the provider's settings
// check: what the steps before refused, they refused at plan time.
func checkNoRequests(t *testing.T, m *mockcxone.Server) {
	t.Helper()
	if n := requestsBeyondSettingsCheck(m); n != 0 {
		t.Errorf("plan-time validation made %d API requests, want 0: %v", n, m.Requests().ByRoute)
	}
}

// testAccPlanErrors runs steps, configurations that plan-time validation refuses (most
// of them planError steps), and checks that none of them reached CXone.
func testAccPlanErrors(t *testing.T, m *mockcxone.Server, steps []resource.TestStep) {
	t.Helper()
	testAccSteps(t, nil, steps)
	checkNoRequests(t, m)
}

// planValues checks the planned values of addr's top-level attributes named in values,
// in name order.
func planValues(addr string, values map[string]knownvalue.Check) []plancheck.PlanCheck {
	var checks []plancheck.PlanCheck
	for _, name := range slices.Sorted(maps.Keys(values)) {
		checks = append(checks, planIs(addr, name, values[name]))
	}
	return checks
}

// sameAt checks that attribute attrA of addrA holds the value attribute attrB of addrB holds.
func sameAt(addrA, attrA, addrB, attrB string) statecheck.StateCheck {
	return statecheck.CompareValuePairs(addrA, tfjsonpath.New(attrA), addrB, tfjsonpath.New(attrB), compare.ValuesSame())
}

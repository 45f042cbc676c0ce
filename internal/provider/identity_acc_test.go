package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"strconv"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// identityFrom says where an identity attribute's value is found in the state, and
// whether the identity holds it as a number.
type identityFrom struct {
	stateAttr string
	number    bool
}

// identityCase is one resource's identity acceptance test: its configurations
// before and after an update, where its identity comes from, and how to make the
// object disappear outside Terraform (given its state values).
type identityCase struct {
	addr            string
	create, update  string
	identity        map[string]identityFrom
	remove          func(values map[string]any) error
	importNeedsPlan bool // the import plans an update (the integration's secret is never read back)
	// goneForGood: the object cannot be created again (a user deleted outside
	// Terraform), so the last step only plans after the read that finds it gone.
	goneForGood bool
}

// testAccIdentity runs c: identity after create and after update, import by
// identity (ImportBlockWithResourceIdentity compares it with the state's) and by
// ID (its planned identity checked), and identity after a read that finds the
// object gone and the apply that creates it again.
func testAccIdentity(t *testing.T, c identityCase) {
	want := map[string]knownvalue.Check{}
	expect := identityExpectation{addr: c.addr, from: c.identity, want: want}
	var values map[string]any
	var recreated map[string]any
	gone := resource.TestStep{
		PreConfig: outside(t, func() error { return c.remove(values) }),
		Config:    c.update,
		// The object created again may have new IDs: its identity follows them.
		ConfigStateChecks: []statecheck.StateCheck{expect.fromState(&recreated)},
		ConfigPlanChecks:  plannedAction(c.addr, plancheck.ResourceActionCreate),
	}
	if c.goneForGood {
		gone = testAccGoneStep(c.addr, c.update, outside(t, func() error { return c.remove(values) }))
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: c.create, ConfigStateChecks: []statecheck.StateCheck{expect.fromState(&values)}},
			{Config: c.update, ConfigStateChecks: []statecheck.StateCheck{expect.unchanged()}},
			{
				ResourceName:       c.addr,
				ImportState:        true,
				ImportStateKind:    resource.ImportBlockWithResourceIdentity,
				ExpectNonEmptyPlan: c.importNeedsPlan,
			},
			{
				ResourceName:       c.addr,
				ImportState:        true,
				ImportStateKind:    resource.ImportBlockWithID,
				ExpectNonEmptyPlan: c.importNeedsPlan,
				ImportPlanChecks:   resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{expect.planned()}},
			},
			gone,
		},
	})
}

// identityExpectation checks a resource's identity against the values its state
// held after create: want is filled by fromState and used by the later checks.
type identityExpectation struct {
	addr string
	from map[string]identityFrom
	want map[string]knownvalue.Check
}

// fromState builds the expected identity from the state's attributes, keeps the
// state's values in *values for removing the object later, and checks the identity.
func (e identityExpectation) fromState(values *map[string]any) statecheck.StateCheck {
	return stateCheckFunc(func(ctx context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
		r := findStateResource(req.State, e.addr)
		if r == nil {
			resp.Error = fmt.Errorf("%s is not in the state", e.addr)
			return
		}
		*values = r.AttributeValues
		for name, f := range e.from {
			v, _ := r.AttributeValues[f.stateAttr].(string)
			if !f.number {
				e.want[name] = knownvalue.StringExact(v)
				continue
			}
			if num, ok := r.AttributeValues[f.stateAttr].(json.Number); ok {
				v = num.String()
			}
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				resp.Error = fmt.Errorf("%s.%s = %v is not a number", e.addr, f.stateAttr, r.AttributeValues[f.stateAttr])
				return
			}
			e.want[name] = knownvalue.Int64Exact(n)
		}
		statecheck.ExpectIdentity(e.addr, e.want).CheckState(ctx, req, resp)
	})
}

// unchanged checks that the identity is still the one found after create.
func (e identityExpectation) unchanged() statecheck.StateCheck {
	return stateCheckFunc(func(ctx context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
		statecheck.ExpectIdentity(e.addr, maps.Clone(e.want)).CheckState(ctx, req, resp)
	})
}

// planned checks the identity an import plans.
func (e identityExpectation) planned() plancheck.PlanCheck {
	return planCheckFunc(func(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
		var r *tfjson.StateResource
		if req.Plan.PlannedValues != nil {
			r = findModuleResource(req.Plan.PlannedValues.RootModule, e.addr)
		}
		if r == nil {
			resp.Error = fmt.Errorf("%s is not in the plan", e.addr)
			return
		}
		if len(r.IdentityValues) != len(e.want) {
			resp.Error = fmt.Errorf("%s: planned identity %v, want %d attributes", e.addr, r.IdentityValues, len(e.want))
			return
		}
		for name, check := range e.want {
			if err := check.CheckValue(r.IdentityValues[name]); err != nil {
				resp.Error = fmt.Errorf("%s: planned identity %s: %w", e.addr, name, err)
				return
			}
		}
	})
}

type stateCheckFunc func(context.Context, statecheck.CheckStateRequest, *statecheck.CheckStateResponse)

func (f stateCheckFunc) CheckState(ctx context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	f(ctx, req, resp)
}

type planCheckFunc func(context.Context, plancheck.CheckPlanRequest, *plancheck.CheckPlanResponse)

func (f planCheckFunc) CheckPlan(ctx context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	f(ctx, req, resp)
}

func findStateResource(s *tfjson.State, addr string) *tfjson.StateResource {
	if s == nil || s.Values == nil {
		return nil
	}
	return findModuleResource(s.Values.RootModule, addr)
}

func findModuleResource(m *tfjson.StateModule, addr string) *tfjson.StateResource {
	if m == nil {
		return nil
	}
	for _, r := range m.Resources {
		if r.Address == addr {
			return r
		}
	}
	return nil
}

func TestAccDigitalUserPermissions_identity(t *testing.T) {
	m := testAccStart(t)
	testAccIdentity(t, identityCase{
		addr:     userPermissionsAddr,
		create:   testAccDigitalUserPermissionsConfig_basic(m, mowgliAgentID),
		update:   testAccDigitalUserPermissionsConfig_settings(m, mowgliAgentID, true, 5, false, 120),
		identity: map[string]identityFrom{"agent_id": {stateAttr: "agent_id", number: true}},
		// The user deleted: the read finds it gone, and nothing can create it again.
		remove: func(map[string]any) error {
			if !m.RemoveAgentForTest(mowgliAgentID) {
				return errors.New("mowgli was not in the mock")
			}
			return nil
		},
		goneForGood: true,
	})
}

func TestAccDigitalSkill_identity(t *testing.T) {
	m := testAccStart(t)
	testAccIdentity(t, identityCase{
		addr:     testAccSkillAddr,
		create:   testAccDigitalSkillConfig_basic(m, "The Watering Hole"),
		update:   testAccDigitalSkillConfig_full(m, "The Watering Hole", "renamed later", 1, 2, 900, 20, 70),
		identity: map[string]identityFrom{"skill_id": {stateAttr: "id", number: true}},
		remove: func(map[string]any) error {
			testAccDeactivateSkill(t, m, "The Watering Hole")
			return nil
		},
	})
}

func TestAccSkillAssignment_identity(t *testing.T) {
	m := testAccStart(t)
	skillID := testAccCreateSkill(t, m, "The Watering Hole")
	testAccIdentity(t, identityCase{
		addr:   skillAssignmentAddr,
		create: testAccSkillAssignmentConfig_full(m, mowgliAgentID, skillID, 3, true),
		update: testAccSkillAssignmentConfig_full(m, mowgliAgentID, skillID, 5, false),
		identity: map[string]identityFrom{
			"agent_id": {stateAttr: "agent_id", number: true},
			"skill_id": {stateAttr: "skill_id", number: true},
		},
		remove: func(map[string]any) error {
			return testAccClient(t, m).UnassignSkill(t.Context(), mowgliAgentID, skillID)
		},
	})
}

func TestAccByocIntegration_identity(t *testing.T) {
	m := testAccStart(t)
	testAccIdentity(t, identityCase{
		addr:   testAccByocName,
		create: testAccByocIntegrationConfig_secret(m, "The Watering Hole", "bare-necessities"),
		update: testAccByocIntegrationConfig_full(m, "The Watering Hole (renamed)", "bare-necessities", "#2E86AB",
			"https://middleware.thejungle.example/add-contact", true),
		identity: map[string]identityFrom{"id": {stateAttr: "id"}},
		remove: func(v map[string]any) error {
			return testAccClient(t, m).DeleteIntegration(t.Context(), stateString(v, "id"))
		},
		importNeedsPlan: true,
	})
}

func TestAccDigitalChannel_identity(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")
	testAccIdentity(t, identityCase{
		addr:     channelAddr,
		create:   testAccDigitalChannelConfig_basic(m, integrationID, "The Watering Hole public posts"),
		update:   testAccDigitalChannelConfig_basic(m, integrationID, "The Watering Hole posts"),
		identity: map[string]identityFrom{"id": {stateAttr: "id"}},
		remove: func(v map[string]any) error {
			return testAccClient(t, m).DeleteChannel(t.Context(), stateString(v, "id"))
		},
	})
}

func TestAccRoutingQueueBinding_identity(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")
	queueID := testAccRoutingQueueFixture(t, m, "The Watering Hole")
	testAccIdentity(t, identityCase{
		addr:   bindingAddr,
		create: testAccRoutingQueueBindingConfig_basic(m, integrationID, queueID),
		// A binding has nothing to update: the apply renames its channel instead.
		update: testAccDigitalChannelConfig_basic(m, integrationID, "The Watering Hole posts") + testAccBindingBlock(queueID),
		identity: map[string]identityFrom{
			"routing_queue_id": {stateAttr: "routing_queue_id"},
			"channel_id":       {stateAttr: "channel_id"},
		},
		remove: func(v map[string]any) error {
			return testAccClient(t, m).UnbindChannel(t.Context(), queueID, stateString(v, "channel_id"))
		},
	})
}

// testAccBindingBlock binds cxone_digital_channel.test to a queue.
func testAccBindingBlock(queueID string) string {
	return fmt.Sprintf(`
resource "cxone_routing_queue_binding" "test" {
  routing_queue_id = %[1]q
  channel_id       = cxone_digital_channel.test.id
}
`, queueID)
}

// stateString reads a string attribute of a resource's state values.
func stateString(values map[string]any, attr string) string {
	s, _ := values[attr].(string)
	return s
}

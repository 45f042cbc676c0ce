package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	cxoneprovider "github.com/cxone-oss/terraform-provider-cxone/internal/provider"
)

func TestMixFor(t *testing.T) {
	cases := map[int]mix{
		14:   {Assignments: 1, Channels: 1, Bindings: 1, Permissions: 1, Skills: 1, Integrations: 1, Users: 1, Launches: 1},
		50:   {Assignments: 14, Channels: 18, Bindings: 4, Permissions: 3, Skills: 1, Integrations: 2, Users: 1, Launches: 1},
		1000: {Assignments: 438, Channels: 350, Bindings: 80, Permissions: 60, Skills: 11, Integrations: 30, Users: 10, Launches: 3},
	}
	for n, want := range cases {
		if got := mixFor(n); got != want {
			t.Errorf("mixFor(%d) = %+v, want %+v", n, got, want)
		}
	}
	for n := minResources; n <= 1200; n++ {
		m := mixFor(n)
		if m.total() != n {
			t.Fatalf("mixFor(%d) holds %d resources: %+v", n, m.total(), m)
		}
		if m.Assignments < 1 || m.Bindings > m.Channels || m.Skills < 1 || m.Integrations < 1 || m.Permissions < 1 || m.Users < 1 || m.Launches < 1 {
			t.Fatalf("mixFor(%d) = %+v lacks a type or has more bindings than channels", n, m)
		}
	}
}

// agentsFrom is as many agent IDs as m needs, counting up from first.
func agentsFrom(m mix, first int64) []int64 {
	agents := make([]int64, m.agentsNeeded())
	for i := range agents {
		agents[i] = first + int64(i)
	}
	return agents
}

// generateOrFail generates m's resources for agents, failing the test if it cannot.
func generateOrFail(t *testing.T, m mix, agents []int64) []resourceSpec {
	t.Helper()
	specs, err := generate(m, agents)
	if err != nil {
		t.Fatal(err)
	}
	return specs
}

func TestGenerateUsesDistinctPairsAndExistingAgents(t *testing.T) {
	m := mixFor(1000)
	agents := agentsFrom(m, 2001)
	specs := generateOrFail(t, m, agents)
	if len(specs) != 1000 {
		t.Fatalf("generated %d resources, want 1000", len(specs))
	}
	byType := countByType(specs)
	if byType[typeAssignment] != m.Assignments || byType[typeChannel] != m.Channels || byType[typeBinding] != m.Bindings {
		t.Errorf("counts by type %v do not match the mix %+v", byType, m)
	}

	known := map[string]bool{}
	pairs := map[string]bool{}
	channelsBound := map[string]bool{}
	permAgents := map[int64]bool{}
	for _, r := range specs {
		for _, k := range r.keys {
			if v := r.values[k]; v.ref != nil && !known[v.ref.typ+"."+v.ref.name] {
				t.Fatalf("%s.%s refers to %s before it is declared", r.typ, r.name, v.ref)
			}
		}
		known[r.typ+"."+r.name] = true
		switch r.typ {
		case typeAssignment:
			pair := hclLiteral(r.values["agent_id"].lit) + "/" + r.values["skill_id"].ref.name
			if pairs[pair] {
				t.Fatalf("assignment pair %s appears twice", pair)
			}
			pairs[pair] = true
		case typeBinding:
			ch := r.values["channel_id"].ref.name
			if channelsBound[ch] {
				t.Fatalf("channel %s is bound twice", ch)
			}
			channelsBound[ch] = true
		case typePermissions:
			id, ok := r.values["agent_id"].lit.(int64)
			if !ok || id < 2001 || permAgents[id] {
				t.Fatalf("permissions %s names agent %v: unknown or repeated", r.name, r.values["agent_id"].lit)
			}
			permAgents[id] = true
		}
	}

	if _, err := generate(m, agents[:len(agents)-1]); err == nil {
		t.Error("generate accepted fewer agents than the mix needs")
	}
}

func TestRenderKeepsTheGraph(t *testing.T) {
	m := mixFor(minResources)
	specs := generateOrFail(t, m, []int64{1001})
	cx := renderCxone(specs, nil)
	for _, want := range []string{
		`source = "cxone-oss/cxone"`,
		`resource "cxone_skill_assignment" "a1" {`,
		"  skill_id    = cxone_digital_skill.s1.id\n",
		"  routing_queue_id = cxone_digital_skill.s1.routing_queue_id\n",
		"  integration_id = cxone_byoc_integration.i1.id\n",
		"  agent_id          = 1001\n",
		`  is_private     = false`,
	} {
		if !strings.Contains(cx, want) {
			t.Errorf("cxone configuration lacks %q:\n%s", want, cx)
		}
	}

	base := renderBaseline(specs)
	if strings.Contains(base, "cxone_") || strings.Contains(base, `provider "`) {
		t.Errorf("baseline must not need the provider:\n%s", base)
	}
	if got := strings.Count(base, `resource "terraform_data"`); got != len(specs) {
		t.Errorf("baseline holds %d resources, want %d", got, len(specs))
	}
	for _, want := range []string{
		`resource "terraform_data" "skill_assignment_a1" {`,
		"    skill_id    = terraform_data.digital_skill_s1.id\n",
		"    channel_id       = terraform_data.digital_channel_c1.id\n",
	} {
		if !strings.Contains(base, want) {
			t.Errorf("baseline lacks %q:\n%s", want, base)
		}
	}
}

func TestHCLLiteral(t *testing.T) {
	for in, want := range map[any]string{`a "b"`: `"a \"b\""`, 7: "7", int64(40000000001): "40000000001", true: "true"} {
		if got := hclLiteral(in); got != want {
			t.Errorf("hclLiteral(%v) = %s, want %s", in, got, want)
		}
	}
}

func TestRenderCxoneRefersToLookups(t *testing.T) {
	m := mixFor(minResources)
	users := []user{{AgentID: 1001, UserName: "mowgli"}, {AgentID: 1002, UserName: "baloo"}}
	specs := generateOrFail(t, m, agentIDs(users))
	lookups, err := lookupsFor(users, 2)
	if err != nil {
		t.Fatal(err)
	}
	cx := renderCxone(specs, lookups)
	for _, want := range []string{
		"data \"cxone_user\" \"u1\" {\n  user_name = \"mowgli\"\n}\n",
		"data \"cxone_user\" \"u2\" {\n  user_name = \"baloo\"\n}\n",
		"  agent_id          = data.cxone_user.u1.agent_id\n", // permissions
		"  agent_id    = data.cxone_user.u1.agent_id\n",       // the assignment
	} {
		if !strings.Contains(cx, want) {
			t.Errorf("configuration lacks %q:\n%s", want, cx)
		}
	}
	if strings.Contains(cx, "= 1001") {
		t.Errorf("an agent that is looked up is still named by its id:\n%s", cx)
	}
	if _, err := lookupsFor(users, 3); err == nil {
		t.Error("lookupsFor accepted more look-ups than users")
	}
}

func TestUsersNeededCoversLookupsAndAgents(t *testing.T) {
	for n, want := range map[int]int{50: 16, 100: 33, 1000: 333} {
		if got := usersNeeded(mixFor(n), n); got != want {
			t.Errorf("usersNeeded(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestRenderLargeTenant(t *testing.T) {
	var users []user
	for i := range 10 {
		users = append(users, user{AgentID: int64(1001 + i), UserName: fmt.Sprintf("user%04d", i)})
	}
	cx, err := renderLargeTenant(users)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(cx, `resource "cxone_digital_user_permissions"`); got != largeTenantPermissions {
		t.Errorf("%d permissions, want %d:\n%s", got, largeTenantPermissions, cx)
	}
	if got := strings.Count(cx, `data "cxone_user"`); got != largeTenantLookups {
		t.Errorf("%d look-ups, want %d:\n%s", got, largeTenantLookups, cx)
	}
	for _, want := range []string{`user_name = "user0007"`, "agent_id          = data.cxone_user.u2.agent_id", "agent_id          = 1010"} {
		if !strings.Contains(cx, want) {
			t.Errorf("configuration lacks %q:\n%s", want, cx)
		}
	}
	if _, err := renderLargeTenant(users[:2]); err == nil {
		t.Error("renderLargeTenant accepted two users")
	}
}

// TestGenerateCoversEveryResourceType keeps the bench's mix in step with the provider:
// the smallest configuration holds a resource of every type the provider serves.
func TestGenerateCoversEveryResourceType(t *testing.T) {
	ctx := t.Context()
	p := cxoneprovider.New("test")()
	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)
	want := map[string]bool{}
	for _, newResource := range p.Resources(ctx) {
		var resp resource.MetadataResponse
		newResource().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &resp)
		want[resp.TypeName] = true
	}
	m := mixFor(minResources)
	specs := generateOrFail(t, m, make([]int64, m.agentsNeeded()))
	got := map[string]bool{}
	for _, r := range specs {
		got[r.typ] = true
	}
	for typ := range want {
		if !got[typ] {
			t.Errorf("the bench's configuration of %d resources has no %s: add it to mix and generate", minResources, typ)
		}
	}
	if len(want) == 0 {
		t.Fatal("the provider lists no resources")
	}
}

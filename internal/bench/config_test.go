package main

import (
	"strings"
	"testing"
)

func TestMixFor(t *testing.T) {
	cases := map[int]mix{
		6:    {Assignments: 1, Channels: 1, Bindings: 1, Permissions: 1, Skills: 1, Integrations: 1},
		50:   {Assignments: 22, Channels: 18, Bindings: 4, Permissions: 3, Skills: 1, Integrations: 2},
		1000: {Assignments: 469, Channels: 350, Bindings: 80, Permissions: 60, Skills: 11, Integrations: 30},
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
		if m.Assignments < 1 || m.Bindings > m.Channels || m.Skills < 1 || m.Integrations < 1 || m.Permissions < 1 {
			t.Fatalf("mixFor(%d) = %+v lacks a type or has more bindings than channels", n, m)
		}
	}
}

func TestGenerateUsesDistinctPairsAndExistingAgents(t *testing.T) {
	m := mixFor(1000)
	agents := make([]int64, m.agentsNeeded())
	for i := range agents {
		agents[i] = int64(2001 + i)
	}
	specs, err := generate(m, agents)
	if err != nil {
		t.Fatal(err)
	}
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
	specs, err := generate(m, []int64{1001})
	if err != nil {
		t.Fatal(err)
	}
	cx := renderCxone(specs)
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

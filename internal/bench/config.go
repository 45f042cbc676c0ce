package main

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// minResources is the smallest configuration holding one resource of every type: the
// seven inbound types and one launch of the seven outbound ones.
const minResources = 14

// Resource types of the provider, as users write them.
const (
	typeAssignment  = "cxone_skill_assignment"
	typeChannel     = "cxone_digital_channel"
	typeBinding     = "cxone_routing_queue_binding"
	typePermissions = "cxone_digital_user_permissions"
	typeSkill       = "cxone_digital_skill"
	typeIntegration = "cxone_byoc_integration"
	typeUser        = "cxone_user"
	dataUser        = "cxone_user"

	// Outbound with Personal Connection: one launch is one of each.
	typeTemplate      = "cxone_message_template"
	typeCampaign      = "cxone_campaign"
	typeDisposition   = "cxone_disposition"
	typeDNCGroup      = "cxone_dnc_group"
	typeDNCLink       = "cxone_dnc_group_skill"
	typeOutboundSkill = "cxone_outbound_skill"
	typeCallingList   = "cxone_calling_list"
)

// outboundTypes is how many resources one launch holds.
const outboundTypes = 7

// mix is how many resources of each type a configuration of N holds.
type mix struct {
	Assignments  int `json:"skill_assignments"`
	Channels     int `json:"channels"`
	Bindings     int `json:"routing_queue_bindings"`
	Permissions  int `json:"digital_user_permissions"`
	Skills       int `json:"digital_skills"`
	Integrations int `json:"byoc_integrations"`
	Users        int `json:"users"`
	// Launches is how many outbound set-ups (a template, a campaign, a disposition, a DNC
	// group, a Personal Connection skill scrubbed against it and a calling list) it holds.
	Launches int `json:"outbound_launches"`
}

// total is the number of resources in the mix.
func (m mix) total() int {
	return m.Assignments + m.Channels + m.Bindings + m.Permissions + m.Skills + m.Integrations + m.Users +
		outboundTypes*m.Launches
}

// agentsNeeded is how many distinct active agents the mix uses: assignments take
// distinct (agent, skill) pairs, so each agent holds at most one assignment per
// skill, and every permissions resource needs an agent of its own.
func (m mix) agentsNeeded() int {
	perSkill := (m.Assignments + m.Skills - 1) / m.Skills
	return max(perSkill, m.Permissions)
}

// mixFor splits n the way a large tenant's configuration looks (the issue's
// fractions): mostly skill assignments and channels, at least one of every type.
// Assignments take what the rounding leaves, so the total is exactly n.
func mixFor(n int) mix {
	part := func(f float64) int { return max(1, int(math.Round(f*float64(n)))) }
	m := mix{
		// A contact centre has a few digital skills, each with many agents: about one
		// skill per hundred resources (2 at N=100, 11 at N=1000).
		Skills:       1 + n/100,
		Integrations: part(0.03),
		Permissions:  part(0.06),
		Bindings:     part(0.08),
		// New employees: a few per hundred resources.
		Users: part(0.01),
		// Outbound campaigns are few: one launch, and one more per 500 resources.
		Launches: 1 + n/500,
	}
	// Each binding binds a channel of its own, so there are at least as many channels.
	m.Channels = max(part(0.35), m.Bindings)
	m.Assignments = n - m.Channels - m.Bindings - m.Permissions - m.Skills - m.Integrations - m.Users - outboundTypes*m.Launches
	// In the smallest configurations the rounded parts leave no assignment; the
	// channels beyond those the bindings need give way.
	for m.Assignments < 1 && m.Channels > m.Bindings {
		m.Channels--
		m.Assignments++
	}
	return m
}

// value is one attribute value of a generated resource: a literal, a reference to an
// attribute of another generated resource, or an HCL expression written as is (a list
// of objects, without references).
type value struct {
	lit any // string, int or bool
	ref *reference
	raw string
}

// reference points at attr of the resource typ.name.
type reference struct {
	typ, name, attr string
}

// String is the reference as HCL; empty for nil, so a caller can test once.
func (r *reference) String() string {
	if r == nil {
		return ""
	}
	return r.typ + "." + r.name + "." + r.attr
}

// resourceSpec is one resource of a generated configuration, kept apart from its
// HCL so that the same graph renders as cxone resources and as the baseline.
type resourceSpec struct {
	typ, name string
	keys      []string // attribute order in the output
	values    map[string]value
}

func (r *resourceSpec) set(key string, v value) {
	if r.values == nil {
		r.values = map[string]value{}
	}
	r.keys = append(r.keys, key)
	r.values[key] = v
}

func lit(v any) value                  { return value{lit: v} }
func raw(hcl string) value             { return value{raw: hcl} }
func ref(typ, name, attr string) value { return value{ref: &reference{typ, name, attr}} }
func rname(prefix string, i, n int) string {
	return fmt.Sprintf("%s%0*d", prefix, len(strconv.Itoa(n)), i+1)
}

// generate builds the resources of a mix. agents are the ids of active agents,
// at least m.agentsNeeded() of them. Names carry the index so that every name the
// API wants unique (skills, integrations) is.
func generate(m mix, agents []int64) ([]resourceSpec, error) {
	if need := m.agentsNeeded(); len(agents) < need {
		return nil, fmt.Errorf("the mix needs %d active agents, the mock has %d", need, len(agents))
	}
	var out []resourceSpec
	skill := func(i int) string { return rname("s", i, m.Skills) }
	integration := func(i int) string { return rname("i", i, m.Integrations) }
	channel := func(i int) string { return rname("c", i, m.Channels) }

	for i := range m.Skills {
		r := resourceSpec{typ: typeSkill, name: skill(i)}
		r.set("name", lit(fmt.Sprintf("Bench skill %d", i+1)))
		r.set("notes", lit("Generated by the provider benchmark"))
		r.set("service_level_threshold", lit(20+i%40))
		out = append(out, r)
	}
	for i := range m.Integrations {
		r := resourceSpec{typ: typeIntegration, name: integration(i)}
		r.set("name", lit(fmt.Sprintf("Bench integration %d", i+1)))
		r.set("integration_box_url", lit(fmt.Sprintf("https://middleware.bench.example/box/%d", i+1)))
		r.set("authorization_url", lit("https://middleware.bench.example/oauth/token"))
		r.set("client_id", lit(fmt.Sprintf("bench-%d", i+1)))
		r.set("client_secret", lit(fmt.Sprintf("bench-secret-%d", i+1)))
		out = append(out, r)
	}
	for i := range m.Users {
		// In the mock's seeded team Jungle Digital (301) with the security profile Agent (5).
		r := resourceSpec{typ: typeUser, name: rname("u", i, m.Users)}
		r.set("user_name", lit(fmt.Sprintf("bench.user.%d", i+1)))
		r.set("first_name", lit("Bench"))
		r.set("last_name", lit(fmt.Sprintf("User %d", i+1)))
		r.set("email_address", lit(fmt.Sprintf("bench.user.%d@thejungle.example", i+1)))
		r.set("team_id", lit(301))
		r.set("security_profile_id", lit(5))
		r.set("time_zone", lit("Asia/Kolkata"))
		r.set("country", lit("IN"))
		r.set("city", lit("Seoni"))
		out = append(out, r)
	}
	for i := range m.Permissions {
		r := resourceSpec{typ: typePermissions, name: rname("p", i, m.Permissions)}
		r.set("agent_id", lit(agents[i]))
		r.set("digital_threshold", lit(1+i%10))
		out = append(out, r)
	}
	for i := range m.Assignments {
		// Skill varies fastest: pairs (agent i/S, skill i%S) are distinct, and
		// every skill gets about the same number of agents.
		r := resourceSpec{typ: typeAssignment, name: rname("a", i, m.Assignments)}
		r.set("agent_id", lit(agents[i/m.Skills]))
		r.set("skill_id", ref(typeSkill, skill(i%m.Skills), "id"))
		r.set("proficiency", lit(1+i%20))
		out = append(out, r)
	}
	for i := range m.Channels {
		r := resourceSpec{typ: typeChannel, name: channel(i)}
		r.set("integration_id", ref(typeIntegration, integration(i%m.Integrations), "id"))
		r.set("external_id", lit(fmt.Sprintf("bench-channel-%d", i+1)))
		r.set("name", lit(fmt.Sprintf("Bench channel %d", i+1)))
		r.set("is_private", lit(i%2 == 1))
		out = append(out, r)
	}
	for i := range m.Bindings {
		r := resourceSpec{typ: typeBinding, name: rname("b", i, m.Bindings)}
		r.set("routing_queue_id", ref(typeSkill, skill(i%m.Skills), "routing_queue_id"))
		r.set("channel_id", ref(typeChannel, channel(i), "id"))
		out = append(out, r)
	}
	for i := range m.Launches {
		out = append(out, launch(i, m.Launches)...)
	}
	return out, nil
}

// launch is the i-th outbound set-up of a configuration with n of them. Its names are
// unique in the tenant ("Bench out ..." and the skill "Bench.out.N", whose names allow
// no spaces), and every reference is one a configuration writes by hand.
func launch(i, n int) []resourceSpec {
	name := func(prefix string) string { return rname(prefix, i, n) }
	tmpl := resourceSpec{typ: typeTemplate, name: name("t")}
	tmpl.set("name", lit(fmt.Sprintf("Bench out template %d", i+1)))
	tmpl.set("type", lit("sms"))
	tmpl.set("body", lit("Hello {FirstName}, The Watering Hole now answers your messages."))
	campaign := resourceSpec{typ: typeCampaign, name: name("cp")}
	campaign.set("name", lit(fmt.Sprintf("Bench out campaign %d", i+1)))
	campaign.set("description", lit("Generated by the provider benchmark"))
	disposition := resourceSpec{typ: typeDisposition, name: name("d")}
	disposition.set("name", lit(fmt.Sprintf("Bench out replied %d", i+1)))
	disposition.set("notes", lit("Generated by the provider benchmark"))
	group := resourceSpec{typ: typeDNCGroup, name: name("g")}
	group.set("name", lit(fmt.Sprintf("Bench out opt-outs %d", i+1)))
	group.set("description", lit("Generated by the provider benchmark"))
	skill := resourceSpec{typ: typeOutboundSkill, name: name("o")}
	skill.set("name", lit(fmt.Sprintf("Bench.out.%d", i+1)))
	skill.set("campaign_id", ref(typeCampaign, campaign.name, "id"))
	skill.set("message_template_id", ref(typeTemplate, tmpl.name, "id"))
	skill.set("notes", lit("Generated by the provider benchmark"))
	link := resourceSpec{typ: typeDNCLink, name: name("l")}
	link.set("dnc_group_id", ref(typeDNCGroup, group.name, "id"))
	link.set("skill_id", ref(typeOutboundSkill, skill.name, "id"))
	link.set("relation", lit("scrubbed"))
	list := resourceSpec{typ: typeCallingList, name: name("cl")}
	list.set("name", lit(fmt.Sprintf("Bench out list %d", i+1)))
	list.set("external_id_column", lit("member"))
	list.set("destination_mappings", raw(`[{ field_name = "PhoneNumber", column = "handle" }]`))
	return []resourceSpec{tmpl, campaign, disposition, group, skill, link, list}
}

// providerPreamble declares the provider; its settings come from the environment
// (CXONE_*), which points it at the mock.
const providerPreamble = `terraform {
  required_providers {
    cxone = {
      source = "cxone-oss/cxone"
    }
  }
}

provider "cxone" {}
`

// renderCxone writes the resources as the provider's own, after the look-ups: a
// resource's agent_id refers to the look-up of its agent when there is one, as a
// configuration that looks its users up by name is written.
func renderCxone(specs []resourceSpec, lookups []userLookup) string {
	var b strings.Builder
	b.WriteString(providerPreamble)
	lookedUp := map[int64]string{}
	for _, l := range lookups {
		fmt.Fprintf(&b, "\ndata %q %q {\n  user_name = %s\n}\n", dataUser, l.name, hclLiteral(l.user.UserName))
		lookedUp[l.user.AgentID] = "data." + dataUser + "." + l.name + ".agent_id"
	}
	for _, r := range specs {
		fmt.Fprintf(&b, "\nresource %q %q {\n", r.typ, r.name)
		width := keyWidth(r.keys)
		for _, k := range r.keys {
			v := r.values[k]
			expr := v.ref.String()
			if v.raw != "" {
				expr = v.raw
			} else if v.ref == nil {
				expr = hclLiteral(v.lit)
				if id, ok := v.lit.(int64); ok && k == "agent_id" && lookedUp[id] != "" {
					expr = lookedUp[id]
				}
			}
			fmt.Fprintf(&b, "  %-*s = %s\n", width, k, expr)
		}
		b.WriteString("}\n")
	}
	return b.String()
}

// renderBaseline writes the same graph as terraform_data resources: every
// resource's attributes become its input object, and a reference becomes a
// reference to the other terraform_data's id, so Terraform walks a graph of the
// same shape and stores state of a similar size, without any provider.
func renderBaseline(specs []resourceSpec) string {
	var b strings.Builder
	for i, r := range specs {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "resource \"terraform_data\" %q {\n  input = {\n", baselineName(r.typ, r.name))
		width := keyWidth(r.keys)
		for _, k := range r.keys {
			v := r.values[k]
			var expr string
			switch {
			case v.raw != "":
				expr = v.raw
			case v.ref != nil:
				expr = "terraform_data." + baselineName(v.ref.typ, v.ref.name) + ".id"
			default:
				expr = hclLiteral(v.lit)
			}
			fmt.Fprintf(&b, "    %-*s = %s\n", width, k, expr)
		}
		b.WriteString("  }\n}\n")
	}
	return b.String()
}

// baselineName keeps the resource type in the name, since names repeat across types.
func baselineName(typ, name string) string {
	return strings.TrimPrefix(typ, "cxone_") + "_" + name
}

// keyWidth aligns "=" the way terraform fmt does, so the files read naturally.
func keyWidth(keys []string) int {
	w := 0
	for _, k := range keys {
		w = max(w, len(k))
	}
	return w
}

// hclLiteral renders a Go literal as HCL. Generated strings hold no "${" or "%{",
// so Go's quoting is valid HCL.
func hclLiteral(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case bool:
		return strconv.FormatBool(x)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	default:
		panic(fmt.Sprintf("bench: no HCL form for %T", v))
	}
}

// countByType tells how many resources of each type specs holds, for checks and reports.
func countByType(specs []resourceSpec) map[string]int {
	out := map[string]int{}
	for _, r := range specs {
		out[r.typ]++
	}
	return out
}

// sortedKeys lists the keys of a count map in a stable order.
func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

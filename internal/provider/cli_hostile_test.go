package provider

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/acctest"
)

// TestAccCLI_hostileAnswersKeepState applies the scenario (users' digital settings,
// a skill, its assignments, an integration, channels, their bindings), then has a
// proxy in CXone's place answer the reads of one kind at a time with 200 {} or with
// the ids and names of its objects null. terraform plan, apply -refresh-only, apply
// and import each fail with an error that says the answer was not believed, and after
// each the state holds every object, with every value, it held before: nothing is
// planned for creation, nothing leaves the state.
func TestAccCLI_hostileAnswersKeepState(t *testing.T) {
	m, h, tf := newHostileCLI(t)
	config := strings.ReplaceAll(testAccScenarioConfig(m, "The Watering Hole", 5, "The Watering Hole direct messages"), m.URL, h.URL)
	tf.write("main.tf", testAccCLIRequiredProviders+config)
	tf.mustRun("apply", "-auto-approve", "-no-color")
	want := tf.stateValues()
	if len(want) < 10 {
		t.Fatalf("the scenario's state holds %d objects: %v", len(want), slices.Sorted(maps.Keys(want)))
	}
	kinds := []struct{ name, prefix string }{
		{"skills and their assignments", "/inContactAPI/services/v34.0/skills"},
		{"integrations", "/dfo/3.0/channel-integrations"},
		{"channels", "/dfo/3.0/channels"},
		{"users and their skills", "/inContactAPI/services/v34.0/agents"},
		{"routing queues and bindings", "/dfo/3.0/routing-queues"},
	}
	answers := []struct {
		name   string
		answer acctest.Answer
	}{{"{}", acctest.EmptyObject}, {"null ids and names", acctest.NullKeys}}
	commands := [][]string{
		{"plan", "-detailed-exitcode", "-no-color"},
		{"apply", "-refresh-only", "-auto-approve", "-no-color"},
		{"apply", "-auto-approve", "-no-color"},
	}
	for _, kind := range kinds {
		for _, a := range answers {
			for _, cmd := range commands {
				what := strings.Join(cmd[:len(cmd)-1], " ") + " with " + a.name + " for " + kind.name
				var out hostileRun
				spoilt := h.Spoiling(a.answer, kind.prefix, func() { out = tf.hostileRun(cmd...) })
				out.wantNotBelieved(t, what, spoilt, kind.prefix, "will be created", "has been deleted")
				tf.expectState(what, want)
			}
		}
	}

	// Import: with the proxy in the way, importing an object back fails and adds
	// nothing; honestly answered, it restores the object.
	imports := []struct{ addr, prefix string }{
		{"cxone_digital_skill.watering_hole", "/inContactAPI/services/v34.0/skills"},
		{"cxone_byoc_integration.watering_hole", "/dfo/3.0/channel-integrations"},
		{"cxone_digital_channel.public", "/dfo/3.0/channels"},
	}
	for _, imp := range imports {
		var obj map[string]any
		if err := json.Unmarshal([]byte(want[imp.addr]), &obj); err != nil {
			t.Fatal(err)
		}
		id, _ := obj["id"].(string)
		tf.mustRun("state", "rm", imp.addr)
		without := tf.stateValues()
		for _, a := range answers {
			what := "import of " + imp.addr + " with " + a.name
			var out hostileRun
			spoilt := h.Spoiling(a.answer, imp.prefix, func() { out = tf.hostileRun("import", "-no-color", imp.addr, id) })
			out.wantNotBelieved(t, what, spoilt, imp.prefix)
			tf.expectState(what, without)
		}
		tf.mustRun("import", "-no-color", imp.addr, id)
	}
	// Imported back (an integration's client_secret_wo_version is not imported, being
	// the configuration's own), every object is in the state again.
	if got := tf.stateValues(); !slices.Equal(slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want))) {
		t.Fatalf("after the imports the state holds %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
}

// stateValues maps each resource address of the state to its values, as JSON.
func (c *tfCLI) stateValues() map[string]string {
	c.t.Helper()
	var state struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Address string          `json:"address"`
					Mode    string          `json:"mode"`
					Values  json.RawMessage `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(c.mustRun("show", "-json")), &state); err != nil {
		c.t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range state.Values.RootModule.Resources {
		if r.Mode == "managed" {
			out[r.Address] = string(r.Values)
		}
	}
	return out
}

// expectState fails the test unless the state holds exactly want.
func (c *tfCLI) expectState(what string, want map[string]string) {
	c.t.Helper()
	got := c.stateValues()
	for addr, v := range want {
		switch g, ok := got[addr]; {
		case !ok:
			c.t.Errorf("after %s, %s is no longer in the state", what, addr)
		case g != v:
			c.t.Errorf("after %s, %s changed in the state:\n%s\nwas\n%s", what, addr, g, v)
		}
	}
	for addr := range got {
		if _, ok := want[addr]; !ok {
			c.t.Errorf("after %s, the state gained %s", what, addr)
		}
	}
}

// notBelieved reports whether Terraform's error output says an answer was not
// believed (Terraform wraps the text, so spaces and line ends are made one).
func notBelieved(stderr string) bool {
	return strings.Contains(strings.Join(strings.Fields(stderr), " "), "not the documented shape")
}

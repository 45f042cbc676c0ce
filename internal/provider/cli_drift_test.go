package provider

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestAccCLI_driftChecks runs the drift-alert recipe of the drift-detection guide on the
// scenario, with TF_LOG unset and with TF_LOG=DEBUG into a log file: `terraform plan
// -detailed-exitcode` exits 0 when nothing drifted and 2 when an object of any one
// resource type was changed outside Terraform, and `plan -refresh-only -json` reports
// resource_drift for that object only then.
func TestAccCLI_driftChecks(t *testing.T) {
	testAccPreCheck(t)
	t.Parallel()
	for _, logging := range []string{"unset", "DEBUG"} {
		t.Run("TF_LOG "+logging, func(t *testing.T) {
			t.Parallel()
			m := testAccMock(t)
			var env []string
			if logging != "unset" {
				env = []string{"TF_LOG=" + logging, "TF_LOG_PATH=" + filepath.Join(t.TempDir(), "terraform.log")}
			}
			tf := newTFCLI(t, m, env...)
			tf.write("main.tf", testAccCLIRequiredProviders+
				testAccScenarioConfig(m, "The Watering Hole", 5, "The Watering Hole direct messages"))
			tf.mustRun("apply", "-auto-approve", "-no-color")
			tf.expectDrift("")
			for _, d := range testAccScenarioDrifts(t, m) {
				revert := d.change()
				tf.expectDrift(d.addr)
				revert()
				tf.expectDrift("")
			}
		})
	}
}

// expectDrift checks the two drift commands: addr is the resource changed outside
// Terraform, or "" when nothing is.
func (c *tfCLI) expectDrift(addr string) {
	c.t.Helper()
	want := 0
	if addr != "" {
		want = 2
	}
	if stdout, stderr, code := c.run("plan", "-detailed-exitcode", "-no-color", "-lock=false"); code != want {
		c.t.Fatalf("drift of %q: plan -detailed-exitcode exited %d, want %d:\n%s\n%s", addr, code, want, stdout, stderr)
	}
	stdout, stderr, code := c.run("plan", "-refresh-only", "-json", "-lock=false")
	if code != 0 {
		c.t.Fatalf("plan -refresh-only -json exited %d:\n%s", code, stderr)
	}
	var drifted []string
	for _, line := range strings.Split(stdout, "\n") {
		var msg struct {
			Type   string `json:"type"`
			Change struct {
				Resource struct {
					Addr string `json:"addr"`
				} `json:"resource"`
			} `json:"change"`
		}
		if json.Unmarshal([]byte(line), &msg) == nil && msg.Type == "resource_drift" {
			drifted = append(drifted, msg.Change.Resource.Addr)
		}
	}
	if addr == "" && len(drifted) != 0 || addr != "" && (len(drifted) != 1 || drifted[0] != addr) {
		c.t.Fatalf("plan -refresh-only -json reports resource_drift for %v, want %q", drifted, addr)
	}
}

// scenarioDrift is a change made outside Terraform to one object of the scenario; change
// returns the function that undoes it.
type scenarioDrift struct {
	addr   string
	change func() (revert func())
}

// testAccScenarioDrifts gives one outside change for each resource type of the scenario.
func testAccScenarioDrifts(t *testing.T, m *mockcxone.Server) []scenarioDrift {
	c, ctx := testAccClient(t, m), context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	st := func() mockcxone.State { return m.State() }
	baloo := agentIDByName(st(), "baloo")
	skillID := func() int64 { return st().Skills[0].SkillID }
	threshold := func(n int) func() {
		return func() {
			must(c.UpdateAgentDigitalSettings(ctx, cxone.AgentDigitalSettings{AgentID: baloo, DigitalThreshold: &n}))
		}
	}
	notes := func(s string) func() {
		return func() {
			sk, err := c.GetSkill(ctx, skillID())
			must(err)
			_, err = c.UpdateSkill(ctx, sk.SkillID, cxone.SkillInput{SkillName: sk.SkillName, Notes: s,
				InitialPriority: sk.InitialPriority, Acceleration: sk.Acceleration, MaxPriority: sk.MaxPriority,
				ServiceLevelThreshold: sk.ServiceLevelThreshold, ServiceLevelGoal: sk.ServiceLevelGoal})
			must(err)
		}
	}
	proficiency := func(n int) func() {
		return func() {
			must(c.UpdateSkillAssignments(ctx, baloo, []cxone.SkillAssignmentInput{{SkillID: skillID(), Proficiency: n, IsActive: true}}))
		}
	}
	boxURL := func(u string) func() {
		return func() {
			in, err := c.GetIntegration(ctx, st().Integrations[0].ID)
			must(err)
			_, err = c.UpdateIntegration(ctx, in.ID, cxone.IntegrationInput{Name: in.Name, IntegrationBoxURL: u,
				AuthorizationURL: in.AuthorizationURL, ClientID: in.ClientID, ClientSecret: "scenario-middleware-secret",
				UseDfo3OutboundAPI: in.UseDfo3OutboundAPI, AddActionURL: in.AddActionURL,
				ReconnectActionURL: in.ReconnectActionURL, RemoveActionURL: in.RemoveActionURL, Color: in.Color})
			must(err)
		}
	}
	channelName := func(name string) func() {
		return func() {
			ch, err := c.GetChannel(ctx, channelIDByExternal(t, m, "watering-hole-dm"))
			must(err)
			ch.Name = name
			_, err = c.UpsertChannel(ctx, *ch)
			must(err)
		}
	}
	undo := func(do, undo func()) func() func() { return func() func() { do(); return undo } }
	dm := func() string { return channelIDByExternal(t, m, "watering-hole-dm") }
	return []scenarioDrift{
		{"cxone_digital_user_permissions.baloo", undo(threshold(9), threshold(3))},
		{"cxone_digital_skill.watering_hole", undo(notes("changed outside"), notes("Public posts and direct messages from The Watering Hole"))},
		{"cxone_skill_assignment.baloo", undo(proficiency(20), proficiency(5))},
		{"cxone_byoc_integration.watering_hole", undo(boxURL("https://elsewhere.example/box"),
			boxURL("https://middleware.thejungle.example/watering-hole"))},
		{"cxone_digital_channel.dm", undo(channelName("renamed outside"), channelName("The Watering Hole direct messages"))},
		{"cxone_routing_queue_binding.dm", func() func() {
			q := st().Skills[0].RoutingQueueID
			must(c.UnbindChannel(ctx, q, dm()))
			return func() {
				_, err := c.BindChannel(ctx, q, dm())
				must(err)
			}
		}},
	}
}

package provider

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestAccCLI_cutOffApplyConverges cuts off an apply of every resource type, under mock
// latency, at several moments: SIGKILL to Terraform's process group (a CI runner that
// dies, taking the provider with it) and SIGINT (Ctrl-C). It then applies again, running
// any import an error names, and checks that CXone holds exactly the declared objects,
// with one channel per external ID, that the next plan is empty and that destroy leaves
// nothing behind.
func TestAccCLI_cutOffApplyConverges(t *testing.T) {
	testAccPreCheck(t)
	t.Parallel()
	// The moments: as soon as the mock holds an object of a kind, so the apply is cut off
	// right after CXone made it and before Terraform could save it.
	holds := func(what string, n int, count func(mockcxone.State) int) moment {
		return moment{fmt.Sprintf("%d %s", n, what), func(st mockcxone.State) bool { return count(st) >= n }}
	}
	skills := holds("skill", 1, func(st mockcxone.State) int { return len(st.Skills) })
	integrations := holds("integration", 1, func(st mockcxone.State) int { return len(st.Integrations) })
	channels := holds("channel", 1, func(st mockcxone.State) int { return len(st.Channels) })
	assignments := holds("assignment", 1, func(st mockcxone.State) int { return len(st.Assignments) })
	bindings := holds("binding", 1, func(st mockcxone.State) int { return len(st.Bindings) })
	for _, tc := range []struct {
		sig syscall.Signal
		at  moment
	}{
		{syscall.SIGKILL, skills},
		{syscall.SIGKILL, integrations},
		{syscall.SIGKILL, channels},
		{syscall.SIGKILL, assignments},
		{syscall.SIGKILL, bindings},
		{syscall.SIGINT, skills},
		{syscall.SIGINT, channels},
	} {
		t.Run(fmt.Sprintf("%s at %s", strings.ToUpper(tc.sig.String()), tc.at.name), func(t *testing.T) {
			t.Parallel()
			m := testAccMock(t)
			testAccSetFaults(t, m, mockcxone.FaultRule{LatencyMS: 120})
			tf := newTFCLI(t, m)
			tf.write("main.tf", testAccCLIRequiredProviders+
				testAccScenarioConfig(m, "The Watering Hole", 5, "The Watering Hole direct messages"))

			start := time.Now()
			cut := tf.runCutOff(tc.sig, func() bool { return tc.at.reached(m.State()) }, "apply", "-auto-approve", "-no-color")
			if !cut {
				t.Logf("the apply ended before the signal: this run checks only the re-run")
			}
			testAccSetFaults(t, m)
			imports := tf.applyFollowingImports()
			if err := testAccCheckScenarioInCXone(t, m, 5, "The Watering Hole direct messages")(nil); err != nil {
				t.Fatalf("after the re-run: %v", err)
			}
			seen := map[string]int{}
			for _, ch := range m.State().Channels {
				seen[ch.ChannelIntegrationID+"/"+ch.IDOnExternalPlatform]++
			}
			for k, n := range seen {
				if n != 1 {
					t.Errorf("%d channels for external ID %s", n, k)
				}
			}
			tf.mustRun("plan", "-detailed-exitcode", "-no-color")
			tf.mustRun("destroy", "-auto-approve", "-no-color")
			if err := testAccCheckScenarioDestroyed(t, m)(nil); err != nil {
				t.Fatal(err)
			}
			t.Logf("cut off: %t; imports followed: %v; %s", cut, imports, time.Since(start).Round(time.Millisecond))
		})
	}
}

// moment is a point of an apply, told by what the mock holds.
type moment struct {
	name    string
	reached func(mockcxone.State) bool
}

// runCutOff starts terraform with args in a process group of its own and, as soon as
// reached is true, sends sig to the whole group (Terraform and its provider). A SIGINT is
// followed by a SIGKILL if Terraform has not stopped 30 seconds later. It reports whether
// the signal was sent before terraform ended.
func (c *tfCLI) runCutOff(sig syscall.Signal, reached func() bool, args ...string) bool {
	c.t.Helper()
	cmd := c.command(args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(done)
	}()
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
wait:
	for {
		select {
		case <-done:
			return false
		case <-tick.C:
			if reached() {
				break wait
			}
		}
	}
	_ = syscall.Kill(-cmd.Process.Pid, sig)
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}
	// The provider may outlive Terraform by a moment; make sure the group is gone.
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	c.t.Logf("terraform %s cut off with %s:\n%s", strings.Join(args, " "), sig, lastLines(out.String(), 15))
	return true
}

var (
	diagWithRE   = regexp.MustCompile(`with ([A-Za-z0-9_.\[\]"-]+),`)
	importHintRE = regexp.MustCompile(`terraform\s+import\s+(cxone_[a-z_]+)\.<name>\s+(\S+)`)
)

// applyFollowingImports applies until it succeeds, running the import that each failed
// create names, with the resource address from the diagnostic's "with" line. It returns
// the imports it ran.
func (c *tfCLI) applyFollowingImports() []string {
	c.t.Helper()
	var ran []string
	for range 4 {
		stdout, stderr, code := c.run("apply", "-auto-approve", "-no-color")
		if code == 0 {
			return ran
		}
		var imports [][2]string
		for _, block := range strings.Split(stdout+"\n"+stderr, "Error: ")[1:] {
			w, h := diagWithRE.FindStringSubmatch(block), importHintRE.FindStringSubmatch(block)
			if w == nil || h == nil || !strings.HasPrefix(w[1], h[1]+".") {
				continue
			}
			imports = append(imports, [2]string{w[1], h[2]})
		}
		if len(imports) == 0 {
			c.t.Fatalf("the re-run apply failed without an import to run:\n%s\n%s", stdout, stderr)
		}
		for _, imp := range imports {
			c.mustRun("import", "-no-color", imp[0], imp[1])
			ran = append(ran, imp[0]+" "+imp[1])
		}
	}
	c.t.Fatalf("apply did not converge after the imports %v", ran)
	return nil
}

// lastLines is the end of a command's output, for the log.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

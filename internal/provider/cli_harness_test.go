package provider

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/acctest"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// Some acceptance tests drive the Terraform CLI themselves instead of through
// terraform-plugin-testing, because they need what the test framework does not
// pass on: -parallelism, TF_LOG=TRACE with a log file, saved plans shown as
// JSON, or -generate-config-out. They run a provider binary built once per test
// run, found by Terraform through a dev_overrides CLI configuration: no registry.

var cliProviderBuild struct {
	once sync.Once
	dir  string
	err  error
}

// testAccCLIProviderDir builds the provider binary once and returns its folder.
func testAccCLIProviderDir(t *testing.T) string {
	t.Helper()
	cliProviderBuild.once.Do(func() {
		// Shared by every test of the run, so not a test's TempDir; TestMain removes it.
		dir, err := os.MkdirTemp("", "cxone-provider-bin-") //nolint:usetesting // see above
		if err != nil {
			cliProviderBuild.err = err
			return
		}
		cliProviderBuild.dir = dir
		out, err := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-cxone"),
			"github.com/cxone-oss/terraform-provider-cxone").CombinedOutput()
		if err != nil {
			cliProviderBuild.err = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if cliProviderBuild.err != nil {
		t.Fatalf("building the provider for CLI tests: %v", cliProviderBuild.err)
	}
	return cliProviderBuild.dir
}

// removeCLIProviderBuild deletes the binary built for CLI tests; TestMain calls it.
func removeCLIProviderBuild() {
	if cliProviderBuild.dir != "" {
		_ = os.RemoveAll(cliProviderBuild.dir)
	}
}

// tfCLI runs the Terraform CLI in a working folder of its own against a mock.
type tfCLI struct {
	t   *testing.T
	dir string
	env []string
}

// newTFCLI prepares a working folder whose provider settings reach m through the
// CXONE_* environment variables, as a CI job would set them.
func newTFCLI(t *testing.T, m *mockcxone.Server, extraEnv ...string) *tfCLI {
	t.Helper()
	bin := testAccCLIProviderDir(t)
	dir := t.TempDir()
	cliConfig := filepath.Join(dir, "dev.tfrc")
	err := os.WriteFile(cliConfig, fmt.Appendf(nil, `provider_installation {
  dev_overrides {
    "cxone-oss/cxone" = %q
  }
  direct {}
}
`, bin), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	env := []string{}
	for _, kv := range os.Environ() {
		// The parent's Terraform and CXone settings must not leak into the run.
		if strings.HasPrefix(kv, "TF_") || strings.HasPrefix(kv, "CXONE_") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env,
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"TF_DATA_DIR="+filepath.Join(dir, ".terraform"),
		"TF_IN_AUTOMATION=1",
		"TF_INPUT=0",
		"CHECKPOINT_DISABLE=1",
		"CXONE_TENANT_ID="+mockcxone.TenantID,
		"CXONE_AUTH_URL="+m.URL,
		"CXONE_ACCESS_KEY_ID="+mockcxone.AccessKeyID,
		"CXONE_ACCESS_KEY_SECRET="+mockcxone.AccessKeySecret,
	)
	return &tfCLI{t: t, dir: dir, env: append(env, extraEnv...)}
}

// write puts a file into the working folder.
func (c *tfCLI) write(name, content string) {
	c.t.Helper()
	if err := os.WriteFile(filepath.Join(c.dir, name), []byte(content), 0o600); err != nil {
		c.t.Fatal(err)
	}
}

// writeExample puts into the working folder the files of examples/folder whose names
// match pattern ("*.tf"), as acctest.ExampleFiles finds them.
func (c *tfCLI) writeExample(folder, pattern string) {
	c.t.Helper()
	for name, body := range acctest.ExampleFiles(c.t, folder, pattern) {
		c.write(name, body)
	}
}

// read returns a file of the working folder.
func (c *tfCLI) read(name string) string {
	c.t.Helper()
	b, err := os.ReadFile(filepath.Join(c.dir, name))
	if err != nil {
		c.t.Fatal(err)
	}
	return string(b)
}

// command is terraform (TF_ACC_TERRAFORM_PATH, else the one on PATH) with args, to run
// in the test's folder with its environment.
func (c *tfCLI) command(args ...string) *exec.Cmd {
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		tf = "terraform"
	}
	cmd := exec.Command(tf, args...)
	cmd.Dir, cmd.Env = c.dir, c.env
	return cmd
}

// run runs terraform with args and returns what it wrote to stdout and to
// stderr, and its exit code.
func (c *tfCLI) run(args ...string) (string, string, int) {
	c.t.Helper()
	cmd := c.command(args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return stdout.String(), stderr.String(), 0
	case errors.As(err, &exitErr):
		return stdout.String(), stderr.String(), exitErr.ExitCode()
	default:
		c.t.Fatalf("running terraform %v: %v", args, err)
		return "", "", -1
	}
}

// mustRun runs terraform, fails the test unless it succeeds (with
// -detailed-exitcode: unless the plan is empty), and returns its stdout.
func (c *tfCLI) mustRun(args ...string) string {
	c.t.Helper()
	stdout, stderr, code := c.run(args...)
	if code != 0 {
		c.t.Fatalf("terraform %s exited %d:\n%s\n%s", strings.Join(args, " "), code, stdout, stderr)
	}
	return stdout
}

// testAccCLIRequiredProviders maps the cxone name to this provider, which the dev
// override then serves from the local build.
const testAccCLIRequiredProviders = `
terraform {
  required_providers {
    cxone = {
      source = "cxone-oss/cxone"
    }
  }
}
`

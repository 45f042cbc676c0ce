package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Kinds of scenario: the provider's resources, the same with their users looked up,
// and the baseline.
const (
	kindCxone    = "cxone"
	kindLookups  = "cxone+lookups"
	kindBaseline = "terraform_data"
)

// scenario is one configuration at one mock latency, as the table and the JSON show
// it: its apply (on the row of the first latency, at which it was applied), its timed
// refresh-only plans and its timed full plans. Pointers are left out (null) where a
// figure does not apply.
type scenario struct {
	N         int    `json:"n"`
	Kind      string `json:"kind"`
	LatencyMS int    `json:"latency_ms"`
	Lookups   int    `json:"user_lookups,omitempty"`

	ApplySec      *float64 `json:"apply_seconds,omitempty"`
	ApplyRequests *int     `json:"apply_requests,omitempty"`
	// ApplyByRoute splits the apply's requests by route.
	ApplyByRoute map[string]int `json:"apply_requests_by_route,omitempty"`

	RefreshSec     float64   `json:"refresh_seconds"` // median of the timed refresh-only plans
	RefreshRunsSec []float64 `json:"refresh_runs_seconds"`
	PlanSec        float64   `json:"plan_seconds"` // median of the timed full plans
	PlanRunsSec    []float64 `json:"plan_runs_seconds"`
	// Clean is true when no refresh-only plan found anything changed; PlanClean when
	// no full plan did (exit code 0).
	Clean     bool `json:"refresh_clean"`
	PlanClean bool `json:"plan_clean"`
	// RefreshExitCodes are the -detailed-exitcode answers of the timed refresh-only
	// plans. Terraform can answer 2 while printing "No changes." (its state comparison
	// sees a difference it does not show); Clean follows what it printed.
	RefreshExitCodes []int `json:"refresh_exit_codes"`
	PlanExitCodes    []int `json:"plan_exit_codes"`

	// Requests are those of the timed plan that made the most.
	RefreshRequests *int           `json:"refresh_requests,omitempty"`
	RefreshByRoute  map[string]int `json:"refresh_requests_by_route,omitempty"`
	PlanRequests    *int           `json:"plan_requests,omitempty"`
	PlanByRoute     map[string]int `json:"plan_requests_by_route,omitempty"`
	RequestBudget   *float64       `json:"request_budget,omitempty"`
	PeakRSSMB       *float64       `json:"peak_provider_rss_mb,omitempty"` // of the whole run: apply and every plan
	// PeakRSSByCommandMB splits the row's peak by command: "apply" (first row only),
	// "refresh" and "plan".
	PeakRSSByCommandMB map[string]float64 `json:"peak_provider_rss_mb_by_command,omitempty"`

	RefreshVsBaseline  *float64 `json:"refresh_ratio_to_baseline,omitempty"`
	PlanVsBaseline     *float64 `json:"plan_ratio_to_baseline,omitempty"`
	ApplyVsBaseline    *float64 `json:"apply_ratio_to_baseline,omitempty"`
	RefreshVsNoLatency *float64 `json:"refresh_ratio_to_no_latency,omitempty"`
	PlanVsNoLatency    *float64 `json:"plan_ratio_to_no_latency,omitempty"`
}

// environment records what the numbers were measured on.
type environment struct {
	Terraform string `json:"terraform"`
	Go        string `json:"go"`
	OS        string `json:"os"`
	CPUs      int    `json:"cpus"`
}

// report is everything one bench run measured.
type report struct {
	StartedAt   time.Time         `json:"started_at"`
	Seconds     float64           `json:"seconds"`
	Parallelism int               `json:"parallelism"`
	PlanRuns    int               `json:"plan_runs"`
	Environment environment       `json:"environment"`
	Mixes       map[int]mix       `json:"mixes"`
	Scenarios   []scenario        `json:"scenarios"`
	RateLimited *rateLimitedApply `json:"rate_limited_apply,omitempty"`
	LargeTenant *largeTenantPlan  `json:"large_tenant_plan,omitempty"`
	Fleet       *fleetApply       `json:"fleet_apply,omitempty"`
	Hostile     *hostileMemory    `json:"hostile_memory,omitempty"`
	Targets     []target          `json:"targets"`
	Query       *queryRow         `json:"query,omitempty"`
}

// workspace is what every scenario shares: built binaries and the CLI config.
type workspace struct {
	dir       string
	mockBin   string
	cliConfig string
	opts      options
	log       io.Writer
}

// runBench builds the provider and the mock, runs every scenario and evaluates
// the targets.
func runBench(ctx context.Context, opts options, log io.Writer) (*report, error) {
	root, err := repoRoot()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "cxone-bench-")
	if err != nil {
		return nil, fmt.Errorf("creating a temporary directory: %w", err)
	}
	if opts.keep {
		fmt.Fprintf(log, "bench: keeping %s\n", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	ws := &workspace{dir: dir, mockBin: filepath.Join(dir, "mockcxone"), opts: opts, log: log}
	rep := &report{StartedAt: time.Now().UTC(), Parallelism: opts.parallelism, PlanRuns: opts.planRuns, Mixes: map[int]mix{}}

	fmt.Fprintln(log, "bench: building the provider and the mock")
	if err := goBuild(ctx, root, filepath.Join(dir, "bin", providerBinary), "."); err != nil {
		return nil, err
	}
	if err := goBuild(ctx, root, ws.mockBin, "./internal/mockcxone/cmd/mockcxone"); err != nil {
		return nil, err
	}
	if ws.cliConfig, err = writeCLIConfig(dir); err != nil {
		return nil, err
	}
	if rep.Environment, err = describeEnvironment(ctx, opts.terraform); err != nil {
		return nil, err
	}

	limitedN := rateLimitedN(opts.sizes)
	for _, n := range opts.sizes {
		sz, err := ws.runSize(ctx, n)
		if err != nil {
			return nil, fmt.Errorf("with %d resources: %w", n, err)
		}
		rep.Mixes[n] = sz.mix
		rep.Scenarios = append(rep.Scenarios, sz.scenarios...)
		if n == limitedN && opts.rateLimit > 0 {
			if rep.RateLimited, err = ws.runRateLimited(ctx, sz); err != nil {
				return nil, fmt.Errorf("the rate-limited apply of %d resources: %w", n, err)
			}
			if rep.Fleet, err = ws.runFleet(ctx, sz); err != nil {
				return nil, fmt.Errorf("the fleet apply of %d resources per pipeline: %w", n, err)
			}
		}
		if n == limitedN {
			if rep.Hostile, err = ws.runHostileMemory(ctx, sz); err != nil {
				return nil, fmt.Errorf("the hostile-answer plans of %d resources: %w", n, err)
			}
		}
	}
	if opts.tenantUsers > 0 {
		if rep.LargeTenant, err = ws.runLargeTenant(ctx); err != nil {
			return nil, fmt.Errorf("the large-tenant plan: %w", err)
		}
	}
	if opts.queryTerraform != "" {
		if rep.Query, err = ws.runQuery(ctx, opts.queryTerraform); err != nil {
			return nil, fmt.Errorf("query of the large tenant: %w", err)
		}
	}
	addRatios(rep.Scenarios)
	rep.Targets = evaluateTargets(rep.Scenarios, rep.RateLimited, rep.LargeTenant)
	if rep.Fleet != nil {
		rep.Targets = append(rep.Targets, evaluateFleet(rep.Fleet)...)
	}
	if rep.Hostile != nil {
		rep.Targets = append(rep.Targets, evaluateHostileMemory(rep.Hostile)...)
	}
	if rep.Query != nil {
		rep.Targets = append(rep.Targets, queryTarget(rep.Query))
	}
	rep.Seconds = time.Since(rep.StartedAt).Seconds()
	return rep, nil
}

// progress tells how a scenario went while the bench is still running.
func (ws *workspace) progress(label string, sc scenario) {
	line := fmt.Sprintf("bench: %s: refresh-only plan %.1fs, plan %.1fs", label, sc.RefreshSec, sc.PlanSec)
	if sc.ApplySec != nil {
		line = fmt.Sprintf("bench: %s: apply %.1fs, refresh-only plan %.1fs, plan %.1fs", label, *sc.ApplySec, sc.RefreshSec, sc.PlanSec)
	}
	if sc.RefreshRequests != nil && sc.PlanRequests != nil {
		line += fmt.Sprintf(", %d requests per refresh-only plan, %d per plan, peak provider RSS %.0f MB",
			*sc.RefreshRequests, *sc.PlanRequests, *sc.PeakRSSMB)
		var parts []string
		for _, k := range []string{"apply", "refresh", "plan"} {
			if v, ok := sc.PeakRSSByCommandMB[k]; ok {
				parts = append(parts, fmt.Sprintf("%s %.0f", k, v))
			}
		}
		line += " (" + strings.Join(parts, ", ") + ")"
	}
	switch {
	case !sc.Clean:
		line += ", REFRESH FOUND CHANGES"
	case exitTwoWithoutChanges(sc):
		line += ", refresh printed no changes but exited 2"
	}
	if !sc.PlanClean {
		line += ", PLAN FOUND CHANGES"
	}
	fmt.Fprintln(ws.log, line)
	if ws.opts.verbose {
		for _, part := range []struct {
			name   string
			counts map[string]int
		}{{"apply", sc.ApplyByRoute}, {"refresh-only plan", sc.RefreshByRoute}, {"plan", sc.PlanByRoute}} {
			for _, k := range sortedKeys(part.counts) {
				fmt.Fprintf(ws.log, "bench:     %s %5d  %s\n", part.name, part.counts[k], k)
			}
		}
	}
}

// runner writes config as main.tf in a new folder runs/name of the workspace and returns
// a runner of terraform commands there, against mock (nil: none).
func (ws *workspace) runner(name, config string, mock *mockProcess) (*terraformRunner, error) {
	dir := filepath.Join(ws.dir, "runs", name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", dir, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o644); err != nil {
		return nil, fmt.Errorf("writing the configuration: %w", err)
	}
	return &terraformRunner{binary: ws.opts.terraform, dir: dir, env: ws.env(mock), timeout: ws.opts.timeout}, nil
}

// env is the environment of every terraform command: the caller's, less anything
// that would change Terraform's or the provider's behaviour, plus the CLI config
// and, for cxone scenarios, the provider settings that reach the mock.
func (ws *workspace) env(mock *mockProcess) []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "TF_") || strings.HasPrefix(kv, "CXONE_") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "TF_CLI_CONFIG_FILE="+ws.cliConfig, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	if mock != nil {
		env = append(env,
			"CXONE_TENANT_ID=mock-tenant",
			"CXONE_AUTH_URL="+mock.url,
			"CXONE_ACCESS_KEY_ID=mock-access-key",
			"CXONE_ACCESS_KEY_SECRET=mock-access-secret",
		)
	}
	return env
}

// writeCLIConfig points Terraform at the freshly built provider. With
// dev_overrides no `terraform init` is needed, so nothing is downloaded.
func writeCLIConfig(dir string) (string, error) {
	path := filepath.Join(dir, "terraformrc")
	content := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "cxone-oss/cxone" = %q
  }
  direct {}
}
`, filepath.Join(dir, "bin"))
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		return "", fmt.Errorf("writing the Terraform CLI config: %w", err)
	}
	return path, nil
}

// goBuild builds one package of the module into out.
func goBuild(ctx context.Context, root, out, pkg string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %w\n%s", pkg, err, b)
	}
	return nil
}

// repoRoot finds the module root from the working directory, so the bench runs
// from anywhere inside the repository.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("finding the working directory: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory: run the bench inside the repository")
		}
		dir = parent
	}
}

// describeEnvironment records the versions behind the numbers.
func describeEnvironment(ctx context.Context, terraform string) (environment, error) {
	out, err := exec.CommandContext(ctx, terraform, "version", "-json").Output()
	if err != nil {
		return environment{}, fmt.Errorf("running %s version: %w", terraform, err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		return environment{}, fmt.Errorf("reading %s version: %w", terraform, err)
	}
	return environment{Terraform: v.Version, Go: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH, CPUs: runtime.NumCPU()}, nil
}

// median of a non-empty list.
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func ptr[T any](v T) *T { return &v }

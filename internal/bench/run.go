package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// runSize measures one N: the baseline and the cxone configuration at every
// latency. Each cxone run gets a mock of its own, so that every applied state
// stays valid until the end; then the timed plans go round-robin over the runs,
// so that whatever else loads the machine meanwhile weighs on the baseline and
// the provider alike and the ratios stay fair.
func (ws *workspace) runSize(ctx context.Context, n int) ([]scenario, mix, error) {
	m := mixFor(n)
	extraUsers := max(0, m.agentsNeeded()-seedActiveUsers)
	var runs []*benchRun
	defer func() {
		for _, r := range runs {
			if r.mock == nil {
				continue
			}
			if err := r.mock.stop(); err != nil {
				fmt.Fprintln(ws.log, "bench:", err)
			}
		}
	}()

	var specs []resourceSpec
	for i, lat := range ws.opts.latencies {
		// The mock's own messages go to a file beside the runs (-keep shows it);
		// its failures come back from stop.
		mockLog, err := os.Create(filepath.Join(ws.dir, fmt.Sprintf("mock-n%d-%dms.log", n, lat.Milliseconds())))
		if err != nil {
			return nil, m, fmt.Errorf("creating the mock's log: %w", err)
		}
		defer mockLog.Close()
		mock, err := startMock(ctx, ws.mockBin, extraUsers, mockLog)
		if err != nil {
			return nil, m, err
		}
		// Listed at once, so the deferred stop finds it whatever fails next.
		runs = append(runs, &benchRun{mock: mock})
		if err := mock.setLatency(ctx, lat); err != nil {
			return nil, m, err
		}
		if i == 0 {
			// Every mock starts from the same seed: one look at the agents serves all.
			agents, err := mock.activeAgents(ctx)
			if err != nil {
				return nil, m, err
			}
			if specs, err = generate(m, agents); err != nil {
				return nil, m, err
			}
		}
		r, err := ws.newRun(n, kindCxone, lat, renderCxone(specs), mock)
		if err != nil {
			return nil, m, err
		}
		runs[len(runs)-1] = r
	}
	base, err := ws.newRun(n, kindBaseline, 0, renderBaseline(specs), nil)
	if err != nil {
		return nil, m, err
	}
	runs = append([]*benchRun{base}, runs...)

	for i, r := range runs {
		// The cxone configuration is the same at every latency: validating it
		// once shows a schema mismatch in seconds, before minutes of apply.
		if err := r.apply(ctx, i == 1); err != nil {
			return nil, m, err
		}
	}
	for i := range ws.opts.planRuns {
		for _, r := range runs {
			if err := r.plan(ctx, i); err != nil {
				return nil, m, err
			}
		}
	}
	out := make([]scenario, 0, len(runs))
	for _, r := range runs {
		r.finish()
		ws.progress(r.label, r.sc)
		out = append(out, r.sc)
	}
	return out, m, nil
}

// benchRun is one configuration in its working directory, with the mock it talks to
// (nil for the baseline, which makes no API calls).
type benchRun struct {
	sc    scenario
	label string
	tf    *terraformRunner
	mock  *mockProcess
	par   string
	peak  int64
	log   func(format string, args ...any)
}

// newRun writes config into a fresh working directory.
func (ws *workspace) newRun(n int, kind string, lat time.Duration, config string, mock *mockProcess) (*benchRun, error) {
	r := &benchRun{
		sc:    scenario{N: n, Kind: kind, LatencyMS: int(lat.Milliseconds()), Clean: true},
		label: fmt.Sprintf("N=%d %s", n, kind),
		mock:  mock,
		par:   fmt.Sprintf("-parallelism=%d", ws.opts.parallelism),
		log:   func(format string, args ...any) { fmt.Fprintf(ws.log, "bench: "+format+"\n", args...) },
	}
	if mock != nil {
		r.label += fmt.Sprintf(" latency=%s", lat)
	}
	dir := filepath.Join(ws.dir, "runs", fmt.Sprintf("n%d-%s-%dms", n, kind, r.sc.LatencyMS))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", dir, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o644); err != nil {
		return nil, fmt.Errorf("writing the configuration: %w", err)
	}
	r.tf = &terraformRunner{binary: ws.opts.terraform, dir: dir, env: ws.env(mock), timeout: ws.opts.timeout}
	return r, nil
}

// apply runs terraform apply, timed, after an untimed validate if asked.
func (r *benchRun) apply(ctx context.Context, validate bool) error {
	if validate {
		if _, err := r.tf.run(ctx, "validate.log", []int{0}, "validate", "-no-color"); err != nil {
			return fmt.Errorf("%s: %w", r.label, err)
		}
	}
	r.log("%s: apply", r.label)
	res, requests, err := r.counted(ctx, func() (result, error) {
		return r.tf.run(ctx, "apply.log", []int{0}, "apply", "-auto-approve", "-input=false", "-no-color", r.par)
	})
	if err != nil {
		return err
	}
	r.sc.ApplySec = res.wall.Seconds()
	r.peak = max(r.peak, res.peakRSS)
	if r.mock != nil {
		r.sc.ApplyRequests = ptr(requests.Total)
	}
	return nil
}

// plan runs the i-th timed refresh-only plan. The requests kept are those of the
// plan that made the most, so a refresh that sometimes falls back to one call per
// object shows.
func (r *benchRun) plan(ctx context.Context, i int) error {
	res, requests, err := r.counted(ctx, func() (result, error) {
		return r.tf.run(ctx, fmt.Sprintf("plan-%d.log", i+1), []int{0, 2},
			"plan", "-refresh-only", "-input=false", "-no-color", "-detailed-exitcode", r.par)
	})
	if err != nil {
		return err
	}
	r.sc.PlanRunsSec = append(r.sc.PlanRunsSec, res.wall.Seconds())
	r.sc.RefreshExitCodes = append(r.sc.RefreshExitCodes, res.exitCode)
	r.sc.Clean = r.sc.Clean && (res.exitCode == 0 || reportsNoChanges(res.log))
	r.peak = max(r.peak, res.peakRSS)
	if r.mock != nil && (r.sc.RefreshRequests == nil || requests.Total > *r.sc.RefreshRequests) {
		r.sc.RefreshRequests, r.sc.RefreshByRoute = ptr(requests.Total), requests.ByRoute
	}
	return nil
}

// counted runs fn and returns the API requests the mock saw meanwhile (none for
// the baseline). Nothing else talks to a run's mock, so they are Terraform's.
func (r *benchRun) counted(ctx context.Context, fn func() (result, error)) (result, requestCounts, error) {
	var before, after requestCounts
	var err error
	if r.mock != nil {
		if before, err = r.mock.requests(ctx); err != nil {
			return result{}, after, fmt.Errorf("%s: %w", r.label, err)
		}
	}
	res, err := fn()
	if err != nil {
		return res, after, fmt.Errorf("%s: %w", r.label, err)
	}
	if r.mock == nil {
		return res, after, nil
	}
	if after, err = r.mock.requests(ctx); err != nil {
		return res, after, fmt.Errorf("%s: %w", r.label, err)
	}
	return res, after.minus(before), nil
}

// finish turns the runs' raw figures into the scenario's.
func (r *benchRun) finish() {
	if len(r.sc.PlanRunsSec) > 0 {
		r.sc.PlanSec = median(r.sc.PlanRunsSec)
	}
	if r.mock != nil {
		r.sc.RefreshBudget = ptr(requestBudget(r.sc.N))
		r.sc.PeakRSSMB = ptr(float64(r.peak) / (1 << 20))
	}
}

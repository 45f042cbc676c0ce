package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// sizeResult is what one N measured, and what the rate-limited apply of the same
// configuration needs to know.
type sizeResult struct {
	n         int
	mix       mix
	scenarios []scenario
	mockOpts  mockOptions
	config    string // the cxone configuration without look-ups
	// applyRequests is how many API requests the cxone configuration's apply made
	// without a rate limit, and applySec how long it took.
	applyRequests int
	applySec      float64
}

// runSize measures one N: the baseline, the cxone configuration, and the same with a
// third as many users looked up. Each cxone configuration is applied once, on a mock
// of its own, at the first latency; then the timed plans go round-robin over the
// configurations and the latencies (set on the running mock between plans), so that
// whatever else loads the machine meanwhile weighs on the baseline and the provider
// alike and the ratios stay fair.
func (ws *workspace) runSize(ctx context.Context, n int) (*sizeResult, error) {
	m := mixFor(n)
	sz := &sizeResult{n: n, mix: m, mockOpts: mockOptions{extraUsers: max(0, usersNeeded(m, n)-seedActiveUsers)}}
	var runs []*benchRun
	defer func() {
		for _, r := range runs {
			r.stopMock(ws)
		}
	}()

	var specs []resourceSpec
	var lookups []userLookup
	for _, kind := range []string{kindCxone, kindLookups} {
		mock, err := ws.startMock(ctx, fmt.Sprintf("n%d-%s", n, kind), sz.mockOpts)
		if err != nil {
			return nil, err
		}
		// Listed at once, so the deferred stop finds it whatever fails next.
		runs = append(runs, &benchRun{mock: mock})
		if specs == nil {
			// Every mock starts from the same seed: one look at the users serves all.
			users, err := mock.activeUsers(ctx)
			if err != nil {
				return nil, err
			}
			if specs, err = generate(m, agentIDs(users)); err != nil {
				return nil, err
			}
			if lookups, err = lookupsFor(users, lookupCount(n)); err != nil {
				return nil, err
			}
			sz.config = renderCxone(specs, nil)
		}
		config, nLookups := sz.config, 0
		if kind == kindLookups {
			config, nLookups = renderCxone(specs, lookups), len(lookups)
		}
		r, err := ws.newRun(n, kind, nLookups, config, mock)
		if err != nil {
			return nil, err
		}
		runs[len(runs)-1] = r
	}
	base, err := ws.newRun(n, kindBaseline, 0, renderBaseline(specs), nil)
	if err != nil {
		return nil, err
	}
	runs = append([]*benchRun{base}, runs...)

	for _, r := range runs {
		// Validating the cxone configuration first shows a schema mismatch in seconds,
		// before minutes of applies.
		if err := r.apply(ctx, r.sc().Kind == kindCxone); err != nil {
			return nil, err
		}
	}
	for i := range ws.opts.planRuns {
		for _, r := range runs {
			for _, row := range r.rows {
				if err := r.plans(ctx, i, row); err != nil {
					return nil, err
				}
			}
		}
	}
	for _, r := range runs {
		r.finish()
		for _, row := range r.rows {
			ws.progress(rowLabel(r.label, row), *row)
			sz.scenarios = append(sz.scenarios, *row)
		}
		if r.sc().Kind == kindCxone {
			sz.applyRequests, sz.applySec = *r.sc().ApplyRequests, *r.sc().ApplySec
		}
	}
	return sz, nil
}

// startMock starts a mock whose own messages go to a file beside the runs (-keep
// shows it); its failures come back from stop.
func (ws *workspace) startMock(ctx context.Context, name string, opts mockOptions) (*mockProcess, error) {
	mockLog, err := os.Create(filepath.Join(ws.dir, "mock-"+name+".log"))
	if err != nil {
		return nil, fmt.Errorf("creating the mock's log: %w", err)
	}
	mock, err := startMock(ctx, ws.mockBin, opts, mockLog)
	if err != nil {
		_ = mockLog.Close() // the error that matters is the mock's
		return nil, err
	}
	mock.logFile = mockLog
	return mock, nil
}

// stopMock stops a mock the workspace started, and logs how it ended: by then the figures
// are taken, and a mock that ends badly does not change them.
func (ws *workspace) stopMock(mock *mockProcess) {
	if err := mock.stop(); err != nil {
		fmt.Fprintln(ws.log, "bench:", err)
	}
}

// benchRun is one configuration in its working directory, with the mock it talks to
// (nil for the baseline, which makes no API calls), and its rows: one per latency
// (the baseline has one).
type benchRun struct {
	label string
	tf    *terraformRunner
	mock  *mockProcess
	par   string
	rows  []*scenario
	peak  int64
	log   func(format string, args ...any)
}

// sc is the row the apply belongs to: the first latency's.
func (r *benchRun) sc() *scenario { return r.rows[0] }

// stopMock stops the run's mock, if it has one, reporting a failure to stop.
func (r *benchRun) stopMock(ws *workspace) {
	if r.mock == nil {
		return
	}
	if err := r.mock.stop(); err != nil {
		fmt.Fprintln(ws.log, "bench:", err)
	}
}

// newRun writes config into a fresh working directory.
func (ws *workspace) newRun(n int, kind string, lookups int, config string, mock *mockProcess) (*benchRun, error) {
	r := &benchRun{
		label: fmt.Sprintf("N=%d %s", n, kind),
		mock:  mock,
		par:   fmt.Sprintf("-parallelism=%d", ws.opts.parallelism),
		log:   func(format string, args ...any) { fmt.Fprintf(ws.log, "bench: "+format+"\n", args...) },
	}
	latencies := ws.opts.latencies
	if mock == nil {
		latencies = []time.Duration{0}
	}
	for _, lat := range latencies {
		r.rows = append(r.rows, &scenario{N: n, Kind: kind, LatencyMS: int(lat.Milliseconds()), Lookups: lookups, Clean: true, PlanClean: true})
	}
	tf, err := ws.runner(fmt.Sprintf("n%d-%s", n, kind), config, mock)
	if err != nil {
		return nil, err
	}
	r.tf = tf
	return r, nil
}

// rowLabel names a row in progress lines.
func rowLabel(label string, sc *scenario) string {
	if sc.Kind == kindBaseline {
		return label
	}
	return fmt.Sprintf("%s latency=%dms", label, sc.LatencyMS)
}

// setLatency puts the row's latency on the run's mock.
func (r *benchRun) setLatency(ctx context.Context, sc *scenario) error {
	if r.mock == nil {
		return nil
	}
	if err := r.mock.setLatency(ctx, time.Duration(sc.LatencyMS)*time.Millisecond); err != nil {
		return fmt.Errorf("%s: %w", r.label, err)
	}
	return nil
}

// apply runs terraform apply at the first row's latency, timed, after an untimed
// validate if asked.
func (r *benchRun) apply(ctx context.Context, validate bool) error {
	if validate {
		if _, err := r.tf.run(ctx, "validate.log", []int{0}, "validate", "-no-color"); err != nil {
			return fmt.Errorf("%s: %w", r.label, err)
		}
	}
	if err := r.setLatency(ctx, r.sc()); err != nil {
		return err
	}
	r.log("%s: apply", r.label)
	res, requests, err := r.counted(ctx, func() (result, error) {
		return r.tf.run(ctx, "apply.log", []int{0}, "apply", "-auto-approve", "-input=false", "-no-color", r.par)
	})
	if err != nil {
		return err
	}
	r.sc().ApplySec = ptr(res.wall.Seconds())
	r.notePeak(r.sc(), "apply", res.peakRSS)
	if r.mock != nil {
		r.sc().ApplyRequests, r.sc().ApplyByRoute = ptr(requests.Total), requests.ByRoute
	}
	return nil
}

// plans runs the i-th timed refresh-only plan and the i-th timed full plan of a row.
// The requests kept are those of the plan that made the most, so a plan that
// sometimes falls back to one call per object shows.
func (r *benchRun) plans(ctx context.Context, i int, sc *scenario) error {
	if err := r.setLatency(ctx, sc); err != nil {
		return err
	}
	for _, refreshOnly := range []bool{true, false} {
		args := []string{"plan", "-input=false", "-no-color", "-detailed-exitcode", r.par}
		name := fmt.Sprintf("plan-%dms-%d.log", sc.LatencyMS, i+1)
		if refreshOnly {
			args = append(args, "-refresh-only")
			name = fmt.Sprintf("refresh-%dms-%d.log", sc.LatencyMS, i+1)
		}
		res, requests, err := r.counted(ctx, func() (result, error) {
			return r.tf.run(ctx, name, []int{0, 2}, args...)
		})
		if err != nil {
			return err
		}
		if refreshOnly {
			r.notePeak(sc, "refresh", res.peakRSS)
			sc.RefreshRunsSec = append(sc.RefreshRunsSec, res.wall.Seconds())
			sc.RefreshExitCodes = append(sc.RefreshExitCodes, res.exitCode)
			sc.Clean = sc.Clean && (res.exitCode == 0 || reportsNoChanges(res.log))
			if r.mock != nil && (sc.RefreshRequests == nil || requests.Total > *sc.RefreshRequests) {
				sc.RefreshRequests, sc.RefreshByRoute = ptr(requests.Total), requests.ByRoute
			}
			continue
		}
		r.notePeak(sc, "plan", res.peakRSS)
		sc.PlanRunsSec = append(sc.PlanRunsSec, res.wall.Seconds())
		sc.PlanExitCodes = append(sc.PlanExitCodes, res.exitCode)
		sc.PlanClean = sc.PlanClean && res.exitCode == 0
		if r.mock != nil && (sc.PlanRequests == nil || requests.Total > *sc.PlanRequests) {
			sc.PlanRequests, sc.PlanByRoute = ptr(requests.Total), requests.ByRoute
		}
	}
	return nil
}

// counted runs fn and returns the API requests the mock saw meanwhile (none for
// the baseline). Nothing else talks to a run's mock, so they are Terraform's.
func (r *benchRun) counted(ctx context.Context, fn func() (result, error)) (result, requestCounts, error) {
	return countedOn(ctx, r.mock, r.label, fn)
}

// countedOn is counted for any mock (nil: no counts).
func countedOn(ctx context.Context, mock *mockProcess, label string, fn func() (result, error)) (result, requestCounts, error) {
	var before, after requestCounts
	var err error
	if mock != nil {
		if before, err = mock.requests(ctx); err != nil {
			return result{}, after, fmt.Errorf("%s: %w", label, err)
		}
	}
	res, err := fn()
	if err != nil {
		return res, after, fmt.Errorf("%s: %w", label, err)
	}
	if mock == nil {
		return res, after, nil
	}
	if after, err = mock.requests(ctx); err != nil {
		return res, after, fmt.Errorf("%s: %w", label, err)
	}
	return res, after.minus(before), nil
}

// notePeak keeps a command's peak provider RSS, for the run and for the row's command.
func (r *benchRun) notePeak(sc *scenario, command string, peak int64) {
	r.peak = max(r.peak, peak)
	if r.mock == nil {
		return
	}
	if sc.PeakRSSByCommandMB == nil {
		sc.PeakRSSByCommandMB = map[string]float64{}
	}
	sc.PeakRSSByCommandMB[command] = max(sc.PeakRSSByCommandMB[command], float64(peak)/(1<<20))
}

// finish turns the runs' raw figures into the rows'.
func (r *benchRun) finish() {
	for _, sc := range r.rows {
		if len(sc.RefreshRunsSec) > 0 {
			sc.RefreshSec = median(sc.RefreshRunsSec)
		}
		if len(sc.PlanRunsSec) > 0 {
			sc.PlanSec = median(sc.PlanRunsSec)
		}
		if r.mock != nil {
			sc.RequestBudget = ptr(requestBudget(sc.N))
			sc.PeakRSSMB = ptr(float64(r.peak) / (1 << 20))
		}
	}
}

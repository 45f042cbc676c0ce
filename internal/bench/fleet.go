package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
)

// Two rows about sharing and distrust: several pipelines applying at once against one
// tenant-wide rate limit (each provider process paces itself, none knows the others), and
// the provider's memory while every read answers with an oversize body or a gzip bomb.

// Targets of the two rows (issue 20).
const (
	fleetPipelines       = 4
	maxFleetWall         = 1.3
	maxFleetRefusedPct   = 10.0
	maxHostilePeakRSSMB  = 200.0
	hostileAnswerSizeMiB = 200
)

// fleetApply is K pipelines applying the same-sized configuration at once against a mock
// whose limit is shared by every token.
type fleetApply struct {
	Pipelines int `json:"pipelines"`
	N         int `json:"n_per_pipeline"`
	Limit     int `json:"tenant_rate_limit"`
	// Needed is K times the requests one apply of the configuration made without a limit;
	// Needed/Limit seconds is the least the shared limit allows.
	Needed  int     `json:"requests_needed"`
	Seconds float64 `json:"wall_seconds"` // from the first start to the last finish
	limitedRequests
	Failed int    `json:"failed_applies"`
	Error  string `json:"error,omitempty"`

	limitedRatios
}

// runFleet applies sz's mix in K directories at once, each pipeline with agents and names
// of its own so that they share the tenant's limit and nothing else.
func (ws *workspace) runFleet(ctx context.Context, sz *sizeResult) (*fleetApply, error) {
	need := sz.mix.agentsNeeded()
	opts := mockOptions{extraUsers: max(0, fleetPipelines*need-seedActiveUsers), tenantRateLimit: ws.opts.rateLimit}
	mock, err := ws.startMock(ctx, fmt.Sprintf("n%d-fleet", sz.n), opts)
	if err != nil {
		return nil, err
	}
	defer ws.stopMock(mock)
	users, err := mock.activeUsers(ctx)
	if err != nil {
		return nil, err
	}
	agents := agentIDs(users)
	if len(agents) < fleetPipelines*need {
		return nil, fmt.Errorf("the fleet needs %d active agents, the mock has %d", fleetPipelines*need, len(agents))
	}
	runners := make([]*terraformRunner, fleetPipelines)
	for k := range fleetPipelines {
		specs, err := generate(sz.mix, agents[k*need:(k+1)*need])
		if err != nil {
			return nil, err
		}
		config := pipelineNames(renderCxone(specs, nil), k)
		if runners[k], err = ws.runner(fmt.Sprintf("n%d-fleet-%d", sz.n, k+1), config, mock); err != nil {
			return nil, err
		}
	}
	label := fmt.Sprintf("%d pipelines of N=%d at -tenant-rate-limit %d", fleetPipelines, sz.n, opts.tenantRateLimit)
	fmt.Fprintf(ws.log, "bench: %s: apply\n", label)
	fa := &fleetApply{Pipelines: fleetPipelines, N: sz.n, Limit: opts.tenantRateLimit, Needed: fleetPipelines * sz.applyRequests}
	before, err := mock.requests(ctx)
	if err != nil {
		return nil, err
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		start = time.Now()
	)
	for _, tf := range runners {
		wg.Go(func() {
			_, err := tf.run(ctx, "apply.log", []int{0}, "apply", "-auto-approve", "-input=false", "-no-color",
				fmt.Sprintf("-parallelism=%d", ws.opts.parallelism))
			if err != nil {
				mu.Lock()
				fa.Failed++
				fa.Error = firstLine(err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	fa.Seconds = time.Since(start).Seconds()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%s: %w", label, ctx.Err())
	}
	after, err := mock.requests(ctx)
	if err != nil {
		return nil, err
	}
	fa.limitedRequests = limitedRequestsOf(after.minus(before))
	fa.limitedRatios = limitRatios(fa.Seconds, fa.Needed, fa.Limit, fa.limitedRequests)
	fmt.Fprintf(ws.log, "bench: %s: %.1fs, %d requests (%d needed), %d answered 429, %d failed\n",
		label, fa.Seconds, fa.Requests, fa.Needed, fa.Refused, fa.Failed)
	return fa, nil
}

// pipelineNames makes the names CXone wants unique in a tenant distinct per pipeline.
func pipelineNames(config string, k int) string {
	p := fmt.Sprintf("p%d ", k+1)
	return strings.NewReplacer(
		`"Bench skill `, `"Bench skill `+p,
		`"Bench integration `, `"Bench integration `+p,
		`"Bench channel `, `"Bench channel `+p,
		`"bench-channel-`, fmt.Sprintf(`"bench-p%d-channel-`, k+1),
		// Outbound names are unique in a tenant too; a skill name allows no spaces.
		`"Bench out `, `"Bench out `+p,
		`"Bench.out.`, fmt.Sprintf(`"Bench.out.p%d.`, k+1),
		// User names are unique in a tenant: each pipeline hires users of its own.
		`"bench.user.`, fmt.Sprintf(`"bench.p%d.user.`, k+1),
	).Replace(config)
}

// evaluateFleet checks the fleet row: wall time against the least the shared limit
// allows, the share of requests answered 429, and that every apply succeeded.
func evaluateFleet(fa *fleetApply) []target {
	name := fmt.Sprintf("%d pipelines of N=%d at -tenant-rate-limit %d", fa.Pipelines, fa.N, fa.Limit)
	indicative := fa.Limit != targetRateLimit
	note := ""
	if indicative {
		note = fmt.Sprintf("stated for -tenant-rate-limit %d", targetRateLimit)
	}
	neededNote := fmt.Sprintf("%d requests needed: %.1f s at %d/s", fa.Needed, float64(fa.Needed)/float64(fa.Limit), fa.Limit)
	return limitedApplyTargets(name, fa.limitedRatios, float64(fa.Failed), maxFleetWall, maxFleetRefusedPct,
		indicative, note, neededNote)
}

// hostileMemory is the provider's peak memory while every API read answers with
// hostileAnswerSizeMiB MiB, plain or as a gzip bomb.
type hostileMemory struct {
	N         int                `json:"n"`
	PeakRSSMB map[string]float64 `json:"peak_provider_rss_mb"` // by kind: oversize, gzip_bomb
	// SaidSo is true when every plan failed with the error that names the size limit.
	SaidSo bool `json:"error_named_the_limit"`
}

// runHostileMemory applies sz's configuration, then plans it twice at -parallelism while
// every read answers 200 MiB (once plain, once as a gzip bomb).
func (ws *workspace) runHostileMemory(ctx context.Context, sz *sizeResult) (*hostileMemory, error) {
	mock, err := ws.startMock(ctx, fmt.Sprintf("n%d-hostile", sz.n), sz.mockOpts)
	if err != nil {
		return nil, err
	}
	defer ws.stopMock(mock)
	r, err := ws.newRun(sz.n, "hostile", 0, sz.config, mock)
	if err != nil {
		return nil, err
	}
	r.rows = []*scenario{{LatencyMS: 0}}
	if err := r.apply(ctx, false); err != nil {
		return nil, err
	}
	hm := &hostileMemory{N: sz.n, PeakRSSMB: map[string]float64{}, SaidSo: true}
	for _, kind := range []string{"oversize", "gzip_bomb"} {
		rules := map[string]any{"rules": []map[string]any{
			{"method": "GET", "path": "/inContactAPI/", "kind": kind, "size_mb": hostileAnswerSizeMiB},
			{"method": "GET", "path": "/dfo/", "kind": kind, "size_mb": hostileAnswerSizeMiB},
		}}
		if err := mock.control(ctx, "POST", "/_mock/faults", rules, nil); err != nil {
			return nil, err
		}
		res, _ := r.tf.run(ctx, "plan-"+kind+".log", []int{1}, "plan", "-input=false", "-no-color", r.par)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		hm.PeakRSSMB[kind] = float64(res.peakRSS) / (1 << 20)
		log, _ := os.ReadFile(res.log)
		hm.SaidSo = hm.SaidSo && res.exitCode == 1 && strings.Contains(string(log), "MiB, the most the provider reads")
		fmt.Fprintf(ws.log, "bench: N=%d, every read %d MiB (%s): plan exit %d, peak provider RSS %.0f MB\n",
			sz.n, hostileAnswerSizeMiB, kind, res.exitCode, hm.PeakRSSMB[kind])
	}
	return hm, nil
}

// evaluateHostileMemory checks the peak against 200 MB and that the plans said why.
func evaluateHostileMemory(hm *hostileMemory) []target {
	peak := 0.0
	for _, v := range hm.PeakRSSMB {
		peak = max(peak, v)
	}
	said := 0.0
	if !hm.SaidSo {
		said = 1
	}
	name := fmt.Sprintf("peak provider RSS, N=%d, every read %d MiB plain or gzip", hm.N, hostileAnswerSizeMiB)
	return []target{
		check(name, &peak, maxHostilePeakRSSMB, unitMB, false, ""),
		check(name+": plans not failing with the size limit", &said, 0, unitFailures, false, ""),
	}
}

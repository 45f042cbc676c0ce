package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sample builds the rows of one N as a bench would measure them: the baseline, and
// each cxone configuration at 0, 50 and 100 ms. Seconds grow with latency by the
// factors given; requests are the same at every latency.
func sample(n int, basePlan, refresh0, plan0 float64, refreshReq, planReq, lookupReq, applyReq int, rss float64) []scenario {
	scs := []scenario{{N: n, Kind: kindBaseline, ApplySec: ptr(2.0), RefreshSec: basePlan, PlanSec: basePlan, Clean: true, PlanClean: true}}
	for _, kind := range []string{kindCxone, kindLookups} {
		lookups, req := 0, planReq
		if kind == kindLookups {
			lookups, req = n/3, lookupReq
		}
		for i, lat := range []int{0, 50, 100} {
			sc := scenario{N: n, Kind: kind, LatencyMS: lat, Lookups: lookups, Clean: true, PlanClean: true,
				RefreshSec: refresh0 * (1 + float64(i)), PlanSec: plan0 * (1 + 0.3*float64(i)),
				RefreshRequests: ptr(refreshReq), PlanRequests: ptr(req), RequestBudget: ptr(requestBudget(n)),
				PeakRSSMB: ptr(rss + float64(i))}
			if i == 0 {
				sc.ApplySec, sc.ApplyRequests = ptr(4.0), ptr(applyReq)
			}
			scs = append(scs, sc)
		}
	}
	return scs
}

func byName(ts []target, prefix string) *target {
	for i := range ts {
		if strings.HasPrefix(ts[i].Name, prefix) {
			return &ts[i]
		}
	}
	return nil
}

func wantVerdicts(t *testing.T, ts []target, want map[string]string, indicative bool) {
	t.Helper()
	for name, res := range want {
		tg := byName(ts, name)
		if tg == nil {
			t.Fatalf("no target %q in %+v", name, ts)
		}
		if tg.Result != res || tg.Indicative != indicative {
			t.Errorf("%s: %s (indicative %v, value %v), want %s (indicative %v)", name, tg.Result, tg.Indicative, fmtValue(tg.Value, tg.Unit), res, indicative)
		}
	}
}

func TestTargetsAtN1000(t *testing.T) {
	scs := append(sample(100, 1, 1.4, 2, 15, 15, 40, 130, 40),
		sample(1000, 4, 5.9, 6, 61, 55, 330, 1602, 98.5)...)
	addRatios(scs)
	cx0 := find(scs, 1000, kindCxone, 0)
	if r := cx0.RefreshVsBaseline; r == nil || *r != 5.9/4 {
		t.Fatalf("refresh ratio to baseline = %v, want %v", r, 5.9/4)
	}
	if r := cx0.ApplyVsBaseline; r == nil || *r != 2 {
		t.Fatalf("apply ratio to baseline = %v, want 2", r)
	}
	if r := find(scs, 1000, kindLookups, 100).PlanVsNoLatency; r == nil || math.Abs(*r-1.6) > 1e-9 {
		t.Fatalf("plan ratio at 100 ms = %v, want 1.6", fmtRatio(r))
	}
	if cx0.PlanVsNoLatency != nil {
		t.Error("a row without latency has a ratio to itself")
	}

	rep := &report{Targets: evaluateTargets(scs, nil, nil)}
	wantVerdicts(t, rep.Targets, map[string]string{
		"API requests per refresh-only plan, N=100":             verdictPass, // 15 <= 15
		"API requests per refresh-only plan, N=1000":            verdictFail, // 61 > 60
		"API requests per plan, N=1000":                         verdictPass, // 55 <= 60
		"API requests per plan, N=100 + 33 user look-ups":       verdictFail, // 40 > 15
		"API requests per plan, N=1000 + 333 user look-ups":     verdictFail,
		"refresh-only plan vs terraform_data, N=1000, 0 ms":     verdictPass, // 1.475x
		"refresh-only plan with 50 ms vs 0 ms, N=1000":          verdictPass, // 2x
		"plan with 333 user look-ups at 100 ms vs 0 ms, N=1000": verdictFail, // 1.6x
		"API requests per resource in an apply, N=1000":         verdictFail, // 1.602
		"peak provider RSS, N=1000":                             verdictFail, // 100.5 MB at 100 ms
	}, false)
	if !rep.failed() {
		t.Error("failed() is false with failing targets")
	}
}

func TestTargetsOfASmallBenchAreIndicative(t *testing.T) {
	scs := sample(50, 1, 9, 10, 12, 12, 14, 60, 30)[:2] // the baseline and cxone at 0 ms only
	addRatios(scs)
	ts := evaluateTargets(scs, nil, nil)
	plan := byName(ts, "refresh-only plan vs terraform_data, N=50")
	if plan == nil || plan.Result != verdictFail || !plan.Indicative || !strings.Contains(plan.Note, "N=1000") {
		t.Fatalf("plan target = %+v, want an indicative FAIL that names N=1000", plan)
	}
	for _, name := range []string{"refresh-only plan with 50 ms vs 0 ms, N=50", "plan with look-ups at 100 ms vs 0 ms, N=50"} {
		if lat := byName(ts, name); lat == nil || lat.Result != verdictNone {
			t.Fatalf("%s: %+v, want not measured", name, lat)
		}
	}
	wantVerdicts(t, ts, map[string]string{"API requests per resource in an apply, N=50": verdictPass}, true)
	if (&report{Targets: ts}).failed() {
		t.Error("an indicative failure made the bench fail")
	}
	req := byName(ts, "API requests per refresh-only plan, N=50")
	if req == nil || req.Result != verdictPass || req.Indicative || req.Limit != 12.5 {
		t.Errorf("request target = %+v, want a PASS against 12.5", req)
	}
}

func TestRateLimitedTargets(t *testing.T) {
	ra := &rateLimitedApply{N: 500, Limit: 20, Needed: 800, Seconds: 48, limitedRequests: limitedRequests{Requests: 830, Refused: 30}}
	ra.evaluate()
	if *ra.WallVsNeeded != 1.2 || *ra.RefusedShare != 30.0/830 {
		t.Fatalf("ratios = %v, %v", *ra.WallVsNeeded, *ra.RefusedShare)
	}
	ts := evaluateTargets(nil, ra, nil)
	wantVerdicts(t, ts, map[string]string{
		"apply of N=500 at -rate-limit 20: wall time":         verdictPass, // 1.2x
		"apply of N=500 at -rate-limit 20: requests answered": verdictPass, // 3.6%
		"apply of N=500 at -rate-limit 20: failed":            verdictPass,
	}, false)

	ra = &rateLimitedApply{N: 500, Limit: 20, Needed: 800, Seconds: 52, Failed: true, Error: "terraform apply exited with 1", limitedRequests: limitedRequests{Requests: 1100, Refused: 300}}
	ra.evaluate()
	ts = evaluateTargets(nil, ra, nil)
	wantVerdicts(t, ts, map[string]string{
		"apply of N=500 at -rate-limit 20: wall time":         verdictFail, // 1.3x
		"apply of N=500 at -rate-limit 20: requests answered": verdictFail, // 27%
		"apply of N=500 at -rate-limit 20: failed":            verdictFail,
	}, false)

	small := &rateLimitedApply{N: 50, Limit: 20, Needed: 80, Seconds: 4, limitedRequests: limitedRequests{Requests: 82, Refused: 2}}
	small.evaluate()
	wantVerdicts(t, evaluateTargets(nil, small, nil), map[string]string{"apply of N=50 at -rate-limit 20: wall time": verdictPass}, true)
}

func TestRateLimitedN(t *testing.T) {
	for _, tc := range []struct {
		sizes []int
		want  int
	}{
		{[]int{100, 500, 1000}, 500},
		{[]int{300}, 300},
		{[]int{50}, 50},
		{[]int{1000, 2000}, 1000},
		{[]int{100, 250, 600}, 250},
	} {
		if got := rateLimitedN(tc.sizes); got != tc.want {
			t.Errorf("rateLimitedN(%v) = %d, want %d", tc.sizes, got, tc.want)
		}
	}
}

func TestLargeTenantTarget(t *testing.T) {
	lt := &largeTenantPlan{Users: 10008, Permissions: 3, Lookups: 2, Requests: 105, Budget: 7}
	wantVerdicts(t, evaluateTargets(nil, nil, lt), map[string]string{
		"API requests per plan, 3 permissions + 2 look-ups among 10008 users": verdictFail,
	}, false)
	lt = &largeTenantPlan{Users: 1008, Permissions: 3, Lookups: 2, Requests: 7, Budget: 7}
	wantVerdicts(t, evaluateTargets(nil, nil, lt), map[string]string{
		"API requests per plan, 3 permissions + 2 look-ups among 1008 users": verdictPass,
	}, true)
}

func TestPrintAndWriteReport(t *testing.T) {
	scs := sample(1000, 4, 5, 6, 40, 41, 333, 1602, 80)
	scs[1].RefreshExitCodes = []int{2}
	addRatios(scs)
	ra := &rateLimitedApply{N: 500, Limit: 20, Needed: 800, Seconds: 44, limitedRequests: limitedRequests{Requests: 820, Refused: 12, ByStatus: map[string]int{"200": 808, "429": 12}}}
	ra.evaluate()
	lt := &largeTenantPlan{Users: 10008, Permissions: 3, Lookups: 2, Requests: 105, Budget: 7, PlanSec: 1.5, Clean: true}
	rep := &report{StartedAt: time.Unix(0, 0).UTC(), Parallelism: 10, PlanRuns: 1, Scenarios: scs,
		RateLimited: ra, LargeTenant: lt, Targets: evaluateTargets(scs, ra, lt), Mixes: map[int]mix{1000: mixFor(1000)}}
	var buf bytes.Buffer
	if err := printReport(&buf, rep); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"terraform_data", "cxone+lookups", "1.25x", "1.50x", "80.0", "n/a", "PASS", "FAIL", "Targets", "yes*", "answered 2",
		"Rate-limited apply: N=500 against -rate-limit 20", "12 answered 429 (1.5%)", "1.10x",
		"105 requests per plan (budget 7)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}

	path := filepath.Join(t.TempDir(), "sub", "bench.json")
	if err := writeJSON(path, rep); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var back report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Scenarios) != 7 || back.Scenarios[0].PeakRSSMB != nil || *back.Scenarios[1].RefreshRequests != 40 ||
		*back.Scenarios[4].PlanRequests != 333 || back.Scenarios[4].Lookups != 333 {
		t.Errorf("JSON did not keep the scenarios: %s", b)
	}
	if back.RateLimited == nil || back.RateLimited.ByStatus["429"] != 12 || back.LargeTenant == nil || back.LargeTenant.Requests != 105 {
		t.Errorf("JSON did not keep the single scenarios: %s", b)
	}
	if back.Mixes[1000] != mixFor(1000) {
		t.Errorf("JSON did not keep the mix: %+v", back.Mixes)
	}
}

func TestParseFlags(t *testing.T) {
	var stderr bytes.Buffer
	opts, err := parseFlags([]string{"-n", "50", "-latency", "0, 50ms,25", "-parallelism", "4"}, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if len(opts.sizes) != 1 || opts.sizes[0] != 50 || opts.parallelism != 4 {
		t.Errorf("options = %+v", opts)
	}
	if opts.rateLimit != 20 || opts.tenantUsers != 10000 {
		t.Errorf("rate limit %d and tenant users %d, want the targets' 20 and 10000 by default", opts.rateLimit, opts.tenantUsers)
	}
	if want := []time.Duration{0, 50 * time.Millisecond, 25 * time.Millisecond}; len(opts.latencies) != 3 ||
		opts.latencies[0] != want[0] || opts.latencies[1] != want[1] || opts.latencies[2] != want[2] {
		t.Errorf("latencies = %v, want %v", opts.latencies, want)
	}
	for _, bad := range [][]string{
		{"-n", "5"}, {"-n", "x"}, {"-latency", "-5ms"}, {"-latency", "1.5ms"}, {"-parallelism", "0"}, {"extra"},
		{"-rate-limit", "-1"}, {"-tenant-users", "-3"},
	} {
		if _, err := parseFlags(bad, &stderr); err == nil {
			t.Errorf("parseFlags(%q) accepted it", bad)
		}
	}
}

func TestMedian(t *testing.T) {
	if got := median([]float64{3, 1, 2}); got != 2 {
		t.Errorf("median of 3 = %v", got)
	}
	if got := median([]float64{4, 1, 2, 3}); got != 2.5 {
		t.Errorf("median of 4 = %v", got)
	}
}

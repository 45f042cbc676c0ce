package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sample builds the scenarios of one N as a bench would measure them.
func sample(n int, basePlan, plan0, plan50 float64, requests int, rss float64) []scenario {
	return []scenario{
		{N: n, Kind: kindBaseline, ApplySec: 2, PlanSec: basePlan, Clean: true},
		{N: n, Kind: kindCxone, ApplySec: 4, PlanSec: plan0, Clean: true, RefreshRequests: ptr(requests),
			RefreshBudget: ptr(requestBudget(n)), PeakRSSMB: ptr(rss)},
		{N: n, Kind: kindCxone, LatencyMS: 50, ApplySec: 8, PlanSec: plan50, Clean: true, RefreshRequests: ptr(requests),
			RefreshBudget: ptr(requestBudget(n)), PeakRSSMB: ptr(rss + 1)},
	}
}

func byName(ts []target, prefix string) *target {
	for i := range ts {
		if strings.HasPrefix(ts[i].Name, prefix) {
			return &ts[i]
		}
	}
	return nil
}

func TestTargetsAtN1000(t *testing.T) {
	scs := append(sample(100, 1, 1.9, 3, 15, 40), sample(1000, 4, 5.9, 18, 61, 149.5)...)
	addRatios(scs)
	if r := scs[4].PlanVsBaseline; r == nil || *r != 5.9/4 {
		t.Fatalf("plan ratio to baseline = %v, want %v", r, 5.9/4)
	}
	if r := scs[5].PlanVsNoLatency; r == nil || *r != 18/5.9 {
		t.Fatalf("plan ratio to no latency = %v, want %v", r, 18/5.9)
	}
	if scs[4].PlanVsNoLatency != nil {
		t.Error("a scenario without latency has a ratio to itself")
	}

	rep := &report{Targets: evaluateTargets(scs)}
	want := map[string]string{
		"API requests per refresh, N=100, 0 ms":             verdictPass, // 15 <= 15
		"API requests per refresh, N=1000, 0 ms":            verdictFail, // 61 > 60
		"refresh-only plan vs terraform_data, N=1000, 0 ms": verdictPass,
		"refresh-only plan with 50 ms vs 0 ms, N=1000":      verdictFail, // 3.05x
		"peak provider RSS, N=1000":                         verdictFail, // 150.5 MB at 50 ms
	}
	for name, res := range want {
		tg := byName(rep.Targets, name)
		if tg == nil {
			t.Fatalf("no target %q in %+v", name, rep.Targets)
		}
		if tg.Result != res || tg.Indicative {
			t.Errorf("%s: %s (indicative %v), want %s", name, tg.Result, tg.Indicative, res)
		}
	}
	if !rep.failed() {
		t.Error("failed() is false with failing targets")
	}
}

func TestTargetsOfASmallBenchAreIndicative(t *testing.T) {
	scs := sample(50, 1, 9, 10, 12, 30)
	scs = scs[:2] // no latency measured
	addRatios(scs)
	rep := &report{Targets: evaluateTargets(scs)}
	plan := byName(rep.Targets, "refresh-only plan vs terraform_data, N=50")
	if plan == nil || plan.Result != verdictFail || !plan.Indicative || !strings.Contains(plan.Note, "N=1000") {
		t.Fatalf("plan target = %+v, want an indicative FAIL that names N=1000", plan)
	}
	lat := byName(rep.Targets, "refresh-only plan with 0 ms")
	if lat == nil || lat.Result != verdictNone {
		t.Fatalf("latency target = %+v, want not measured", lat)
	}
	if rep.failed() {
		t.Error("an indicative failure made the bench fail")
	}
	req := byName(rep.Targets, "API requests per refresh, N=50")
	if req == nil || req.Result != verdictPass || req.Indicative || req.Limit != 12.5 {
		t.Errorf("request target = %+v, want a PASS against 12.5", req)
	}
}

func TestPrintAndWriteReport(t *testing.T) {
	scs := sample(1000, 4, 5, 9, 40, 80)
	scs[1].RefreshExitCodes = []int{2}
	addRatios(scs)
	rep := &report{StartedAt: time.Unix(0, 0).UTC(), Parallelism: 10, PlanRuns: 1, Scenarios: scs,
		Targets: evaluateTargets(scs), Mixes: map[int]mix{1000: mixFor(1000)}}
	var buf bytes.Buffer
	if err := printReport(&buf, rep); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"terraform_data", "1.25x", "1.80x", "80.0", "n/a", "PASS", "Targets", "yes*", "answered 2"} {
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
	if len(back.Scenarios) != 3 || back.Scenarios[0].PeakRSSMB != nil || *back.Scenarios[1].RefreshRequests != 40 {
		t.Errorf("JSON did not keep the scenarios: %s", b)
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
	if want := []time.Duration{0, 50 * time.Millisecond, 25 * time.Millisecond}; len(opts.latencies) != 3 ||
		opts.latencies[0] != want[0] || opts.latencies[1] != want[1] || opts.latencies[2] != want[2] {
		t.Errorf("latencies = %v, want %v", opts.latencies, want)
	}
	for _, bad := range [][]string{{"-n", "5"}, {"-n", "x"}, {"-latency", "-5ms"}, {"-latency", "1.5ms"}, {"-parallelism", "0"}, {"extra"}} {
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

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"text/tabwriter"
)

// The targets.
const (
	targetN            = 1000
	targetLatencyMS    = 50
	maxPlanVsBaseline  = 1.5
	maxPlanVsNoLatency = 3.0
	maxPeakRSSMB       = 150.0
)

// requestBudget is the most API requests a refresh of n resources may make: a
// refresh must list, not read one object at a time.
func requestBudget(n int) float64 { return float64(n)/20 + 10 }

// Verdicts of a target.
const (
	verdictPass = "PASS"
	verdictFail = "FAIL"
	verdictNone = "not measured"
)

// target is one of the targets checked against a measurement.
type target struct {
	Name   string   `json:"name"`
	Value  *float64 `json:"value,omitempty"`
	Limit  float64  `json:"limit"`
	Unit   string   `json:"unit"`
	Result string   `json:"result"`
	// Indicative is true when the target is stated for another N or latency than
	// was measured (a small CI bench): its verdict is only a hint, and -strict
	// ignores it.
	Indicative bool   `json:"indicative,omitempty"`
	Note       string `json:"note,omitempty"`
}

// failed tells whether a target that counts failed.
func (r *report) failed() bool {
	for _, t := range r.Targets {
		if t.Result == verdictFail && !t.Indicative {
			return true
		}
	}
	return false
}

// find returns the scenario of n, kind and latency, or nil.
func find(scs []scenario, n int, kind string, latencyMS int) *scenario {
	for i := range scs {
		if scs[i].N == n && scs[i].Kind == kind && (kind == kindBaseline || scs[i].LatencyMS == latencyMS) {
			return &scs[i]
		}
	}
	return nil
}

// addRatios fills the ratios of every cxone scenario to the baseline of its N
// and to its own N without latency.
func addRatios(scs []scenario) {
	for i := range scs {
		sc := &scs[i]
		if sc.Kind != kindCxone {
			continue
		}
		if base := find(scs, sc.N, kindBaseline, 0); base != nil {
			sc.PlanVsBaseline = ratio(sc.PlanSec, base.PlanSec)
			sc.ApplyVsBaseline = ratio(sc.ApplySec, base.ApplySec)
		}
		if sc.LatencyMS > 0 {
			if zero := find(scs, sc.N, kindCxone, 0); zero != nil {
				sc.PlanVsNoLatency = ratio(sc.PlanSec, zero.PlanSec)
			}
		}
	}
}

func ratio(a, b float64) *float64 {
	if b <= 0 {
		return nil
	}
	return ptr(a / b)
}

// evaluateTargets checks the targets. The request budget holds at every N;
// the others are stated for N=1000 (and 50 ms): when that was not measured, the
// largest N (and latency) measured stands in, marked indicative.
func evaluateTargets(scs []scenario) []target {
	var out []target
	for _, sc := range scs {
		if sc.Kind != kindCxone || sc.RefreshRequests == nil {
			continue
		}
		out = append(out, check(fmt.Sprintf("API requests per refresh, N=%d, %d ms", sc.N, sc.LatencyMS),
			ptr(float64(*sc.RefreshRequests)), *sc.RefreshBudget, "requests", false, "budget N/20 + 10"))
	}

	n, indicative := targetN, false
	if find(scs, targetN, kindCxone, 0) == nil {
		n, indicative = largestN(scs), true
	}
	note := ""
	if indicative {
		note = fmt.Sprintf("stated for N=%d; measured at N=%d", targetN, n)
	}
	var planRatio *float64
	if sc := find(scs, n, kindCxone, 0); sc != nil {
		planRatio = sc.PlanVsBaseline
	}
	out = append(out, check(fmt.Sprintf("refresh-only plan vs terraform_data, N=%d, 0 ms", n),
		planRatio, maxPlanVsBaseline, "x", indicative, note))

	lat, latIndicative := targetLatencyMS, indicative
	if find(scs, n, kindCxone, targetLatencyMS) == nil {
		lat, latIndicative = largestLatency(scs, n), true
	}
	var latRatio *float64
	if sc := find(scs, n, kindCxone, lat); sc != nil && lat > 0 {
		latRatio = sc.PlanVsNoLatency
	}
	latNote := note
	if lat != targetLatencyMS && lat > 0 {
		latNote = fmt.Sprintf("stated for %d ms at N=%d; measured %d ms at N=%d", targetLatencyMS, targetN, lat, n)
	}
	out = append(out, check(fmt.Sprintf("refresh-only plan with %d ms vs 0 ms, N=%d", lat, n),
		latRatio, maxPlanVsNoLatency, "x", latIndicative, latNote))

	var peak *float64
	for _, sc := range scs {
		if sc.N == n && sc.PeakRSSMB != nil && (peak == nil || *sc.PeakRSSMB > *peak) {
			peak = sc.PeakRSSMB
		}
	}
	out = append(out, check(fmt.Sprintf("peak provider RSS, N=%d", n), peak, maxPeakRSSMB, "MB", indicative, note))
	return out
}

// check compares a measurement with its upper limit.
func check(name string, value *float64, limit float64, unit string, indicative bool, note string) target {
	t := target{Name: name, Value: value, Limit: limit, Unit: unit, Result: verdictNone, Indicative: indicative, Note: note}
	switch {
	case value == nil:
	case *value <= limit:
		t.Result = verdictPass
	default:
		t.Result = verdictFail
	}
	return t
}

func largestN(scs []scenario) int {
	n := 0
	for _, sc := range scs {
		if sc.Kind == kindCxone {
			n = max(n, sc.N)
		}
	}
	return n
}

func largestLatency(scs []scenario, n int) int {
	l := 0
	for _, sc := range scs {
		if sc.Kind == kindCxone && sc.N == n {
			l = max(l, sc.LatencyMS)
		}
	}
	return l
}

// printReport writes the table and the targets.
func printReport(w io.Writer, rep *report) error {
	fmt.Fprintf(w, "\nterraform %s, %s, %s, %d CPUs, -parallelism=%d, %d timed plan(s) per scenario, %.0fs in all\n\n",
		rep.Environment.Terraform, rep.Environment.Go, rep.Environment.OS, rep.Environment.CPUs,
		rep.Parallelism, rep.PlanRuns, rep.Seconds)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	footnote := false
	fmt.Fprintln(tw, "N\tkind\tlatency\tapply s\tx base\tplan s\tx base\tx 0ms\treq/refresh\tbudget\treq/apply\tpeak RSS MB\trefresh clean\t")
	for _, sc := range rep.Scenarios {
		lat := "-"
		if sc.Kind == kindCxone {
			lat = fmt.Sprintf("%dms", sc.LatencyMS)
		}
		clean := "yes"
		switch {
		case !sc.Clean:
			clean = "NO"
		case exitTwoWithoutChanges(sc):
			clean = "yes*"
			footnote = true
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%.2f\t%s\t%.2f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n",
			sc.N, sc.Kind, lat, sc.ApplySec, fmtRatio(sc.ApplyVsBaseline), sc.PlanSec, fmtRatio(sc.PlanVsBaseline),
			fmtRatio(sc.PlanVsNoLatency), fmtInt(sc.RefreshRequests), fmtNum(sc.RefreshBudget, "%.1f"),
			fmtInt(sc.ApplyRequests), fmtNum(sc.PeakRSSMB, "%.1f"), clean)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("writing the table: %w", err)
	}
	if footnote {
		fmt.Fprintln(w, "* Terraform printed \"No changes.\" but -detailed-exitcode answered 2 (see refresh_exit_codes in the JSON).")
	}

	fmt.Fprintln(w, "\nTargets")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "target\tvalue\tlimit\tresult\t")
	for _, t := range rep.Targets {
		res := t.Result
		if t.Indicative {
			res += " (indicative: " + t.Note + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", t.Name, fmtValue(t.Value, t.Unit), fmtValue(&t.Limit, t.Unit), res)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("writing the targets: %w", err)
	}
	return nil
}

// exitTwoWithoutChanges tells whether a refresh printed no changes yet answered 2.
func exitTwoWithoutChanges(sc scenario) bool {
	return sc.Clean && slices.Contains(sc.RefreshExitCodes, 2)
}

func fmtRatio(v *float64) string { return fmtNum(v, "%.2fx") }

func fmtInt(v *int) string {
	if v == nil {
		return "n/a"
	}
	return fmt.Sprint(*v)
}

func fmtNum(v *float64, format string) string {
	if v == nil {
		return "n/a"
	}
	return fmt.Sprintf(format, *v)
}

func fmtValue(v *float64, unit string) string {
	switch unit {
	case "x":
		return fmtNum(v, "%.2fx")
	case "MB":
		return fmtNum(v, "%.1f MB")
	default:
		return fmtNum(v, "%.1f")
	}
}

// writeJSON writes the report where -out says, creating its directory.
func writeJSON(path string, rep *report) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("creating the directory of %s: %w", path, err)
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding the results: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

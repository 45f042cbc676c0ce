package main

import "fmt"

// The targets of the issues the bench reports on. Request budgets hold at every N; the
// others are stated for N=1000 and a latency, the rate-limited apply for 250 to 500
// resources at -rate-limit 20, and the large-tenant plan for 10,000 users.
const (
	targetN                     = 1000
	refreshLatencyMS            = 50
	planLatencyMS               = 100
	maxRefreshVsBaseline        = 1.5
	maxRefreshVsNoLatency       = 3.0
	maxPlanVsNoLatency          = 1.5
	maxApplyRequestsPerResource = 1.3
	maxPeakRSSMB                = 100.0
	targetRateLimit             = 20
	maxRateLimitedWall          = 1.25
	maxRefusedPercent           = 5.0
	targetTenantUsers           = 10000
)

// requestBudget is the most API requests a plan of n resources (and n/3 look-ups) may
// make: a plan must list, not read one object at a time.
func requestBudget(n int) float64 { return float64(n)/20 + 10 }

// Verdicts of a target.
const (
	verdictPass = "PASS"
	verdictFail = "FAIL"
	verdictNone = "not measured"
)

// target is one of the issues' targets checked against a measurement.
type target struct {
	Name   string   `json:"name"`
	Value  *float64 `json:"value,omitempty"`
	Limit  float64  `json:"limit"`
	Unit   string   `json:"unit"`
	Result string   `json:"result"`
	// Indicative is true when the target is stated for another size, latency or
	// limit than was measured (a small CI bench): its verdict is only a hint, and
	// -strict ignores it.
	Indicative bool   `json:"indicative,omitempty"`
	Note       string `json:"note,omitempty"`
}

// Units of targets, as the table prints them.
const (
	unitRequests    = "requests"
	unitRatio       = "x"
	unitMB          = "MB"
	unitPercent     = "%"
	unitPerResource = "requests/resource"
	unitFailures    = "failed"
)

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

// addRatios fills the ratios of every cxone scenario to the baseline of its N and to
// its own configuration without latency.
func addRatios(scs []scenario) {
	for i := range scs {
		sc := &scs[i]
		if sc.Kind == kindBaseline {
			continue
		}
		if base := find(scs, sc.N, kindBaseline, 0); base != nil {
			sc.RefreshVsBaseline = ratio(sc.RefreshSec, base.RefreshSec)
			sc.PlanVsBaseline = ratio(sc.PlanSec, base.PlanSec)
			if sc.ApplySec != nil && base.ApplySec != nil {
				sc.ApplyVsBaseline = ratio(*sc.ApplySec, *base.ApplySec)
			}
		}
		if sc.LatencyMS > 0 {
			if zero := find(scs, sc.N, sc.Kind, 0); zero != nil {
				sc.RefreshVsNoLatency = ratio(sc.RefreshSec, zero.RefreshSec)
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

// evaluateTargets checks every target. Targets stated for N=1000 (and a latency) are
// judged at the largest N (and latency) measured when that was not, marked indicative;
// so are the rate-limited apply and the large-tenant plan when measured smaller.
func evaluateTargets(scs []scenario, ra *rateLimitedApply, lt *largeTenantPlan) []target {
	var out []target
	for _, n := range sizesOf(scs) {
		budget := fmt.Sprintf("budget N/20 + 10 = %.1f", requestBudget(n))
		out = append(out,
			check(fmt.Sprintf("API requests per refresh-only plan, N=%d", n),
				mostRequests(scs, n, kindCxone, true), requestBudget(n), unitRequests, false, budget),
			check(fmt.Sprintf("API requests per plan, N=%d", n),
				mostRequests(scs, n, kindCxone, false), requestBudget(n), unitRequests, false, budget))
		if sc := find(scs, n, kindLookups, 0); sc != nil {
			out = append(out, check(fmt.Sprintf("API requests per plan, N=%d + %d user look-ups", n, sc.Lookups),
				mostRequests(scs, n, kindLookups, false), requestBudget(n), unitRequests, false, budget))
		}
	}
	out = append(out, evaluateAtN(scs)...)
	if lt != nil {
		note := fmt.Sprintf("budget %d + %d + %d (discovery and token)", lt.Permissions, lt.Lookups, largeTenantOverhead)
		indicative := lt.Users < targetTenantUsers
		if indicative {
			note = fmt.Sprintf("stated for %d users; measured with %d", targetTenantUsers, lt.Users)
		}
		out = append(out, check(fmt.Sprintf("API requests per plan, %d permissions + %d look-ups among %d users", lt.Permissions, lt.Lookups, lt.Users),
			ptr(float64(lt.Requests)), lt.Budget, unitRequests, indicative, note))
	}
	if ra != nil {
		out = append(out, evaluateRateLimited(ra)...)
	}
	return out
}

// evaluateAtN checks the targets stated for N=1000.
func evaluateAtN(scs []scenario) []target {
	n, indicative := targetN, false
	if find(scs, targetN, kindCxone, 0) == nil {
		n, indicative = largestN(scs), true
	}
	note := ""
	if indicative {
		note = fmt.Sprintf("stated for N=%d; measured at N=%d", targetN, n)
	}
	var out []target
	var refresh *float64
	if sc := find(scs, n, kindCxone, 0); sc != nil {
		refresh = sc.RefreshVsBaseline
	}
	out = append(out, check(fmt.Sprintf("refresh-only plan vs terraform_data, N=%d, 0 ms", n),
		refresh, maxRefreshVsBaseline, unitRatio, indicative, note))

	lat, latIndicative, latNote := pickLatency(scs, n, kindCxone, refreshLatencyMS, indicative, note)
	var refreshLat *float64
	if sc := find(scs, n, kindCxone, lat); sc != nil && lat > 0 {
		refreshLat = sc.RefreshVsNoLatency
	}
	out = append(out, check(fmt.Sprintf("refresh-only plan with %d ms vs 0 ms, N=%d", lat, n),
		refreshLat, maxRefreshVsNoLatency, unitRatio, latIndicative, latNote))

	lat, latIndicative, latNote = pickLatency(scs, n, kindLookups, planLatencyMS, indicative, note)
	var planLat *float64
	name := fmt.Sprintf("plan with look-ups at %d ms vs 0 ms, N=%d", lat, n)
	if sc := find(scs, n, kindLookups, lat); sc != nil && lat > 0 {
		planLat = sc.PlanVsNoLatency
		name = fmt.Sprintf("plan with %d user look-ups at %d ms vs 0 ms, N=%d", sc.Lookups, lat, n)
	}
	out = append(out, check(name, planLat, maxPlanVsNoLatency, unitRatio, latIndicative, latNote))

	var perResource *float64
	if sc := find(scs, n, kindCxone, 0); sc != nil && sc.ApplyRequests != nil {
		perResource = ptr(float64(*sc.ApplyRequests) / float64(n))
	}
	out = append(out, check(fmt.Sprintf("API requests per resource in an apply, N=%d", n),
		perResource, maxApplyRequestsPerResource, unitPerResource, indicative, note))

	var peak *float64
	for _, sc := range scs {
		if sc.N == n && sc.PeakRSSMB != nil && (peak == nil || *sc.PeakRSSMB > *peak) {
			peak = sc.PeakRSSMB
		}
	}
	out = append(out, check(fmt.Sprintf("peak provider RSS, N=%d", n), peak, maxPeakRSSMB, unitMB, indicative, note))
	return out
}

// pickLatency is the latency a latency target of kind at n is judged at: the one it is
// stated for, or else the largest measured, marked indicative.
func pickLatency(scs []scenario, n int, kind string, want int, indicative bool, note string) (int, bool, string) {
	if find(scs, n, kind, want) != nil {
		return want, indicative, note
	}
	lat := largestLatency(scs, n, kind)
	if lat == 0 {
		return want, true, note // not measured: named as stated
	}
	return lat, true, fmt.Sprintf("stated for %d ms at N=%d; measured %d ms at N=%d", want, targetN, lat, n)
}

// evaluateRateLimited checks the rate-limited apply: its wall time against the least
// the limit allows, the share of its requests answered 429, and that it succeeded.
func evaluateRateLimited(ra *rateLimitedApply) []target {
	indicative := ra.N < rateLimitedMinN || ra.N > rateLimitedMaxN || ra.Limit != targetRateLimit
	note := ""
	if indicative {
		note = fmt.Sprintf("stated for %d to %d resources at -rate-limit %d; measured N=%d at -rate-limit %d",
			rateLimitedMinN, rateLimitedMaxN, targetRateLimit, ra.N, ra.Limit)
	}
	name := fmt.Sprintf("apply of N=%d at -rate-limit %d", ra.N, ra.Limit)
	failed := 0.0
	if ra.Failed {
		failed = 1
	}
	neededNote := fmt.Sprintf("%d requests needed without a limit: %.1f s at %d/s", ra.Needed, float64(ra.Needed)/float64(ra.Limit), ra.Limit)
	return limitedApplyTargets(name, ra.limitedRatios, failed, maxRateLimitedWall, maxRefusedPercent,
		indicative, note, neededNote)
}

// limitedRequests are the requests of an apply against a request limit: how many, how
// many of them were answered 429, and how many had each status.
type limitedRequests struct {
	Requests int            `json:"requests"`
	Refused  int            `json:"requests_answered_429"`
	ByStatus map[string]int `json:"requests_by_status"`
}

// limitedRequestsOf is the figures of the requests counted.
func limitedRequestsOf(c requestCounts) limitedRequests {
	return limitedRequests{Requests: c.Total, Refused: c.refused(), ByStatus: c.ByStatus}
}

// limitedRatios are the figures the targets judge of an apply against a request limit:
// its wall time against the least the limit allows for the requests needed, and the
// share of its requests answered 429; nil where a figure cannot be told.
type limitedRatios struct {
	WallVsNeeded *float64 `json:"wall_ratio_to_needed,omitempty"`
	RefusedShare *float64 `json:"share_answered_429,omitempty"`
}

// limitRatios is the figures of an apply of seconds that made reqs, needed requests
// without a limit of limit per second.
func limitRatios(seconds float64, needed, limit int, reqs limitedRequests) limitedRatios {
	var r limitedRatios
	if needed > 0 && limit > 0 {
		r.WallVsNeeded = ratio(seconds, float64(needed)/float64(limit))
	}
	if reqs.Requests > 0 {
		r.RefusedShare = ptr(float64(reqs.Refused) / float64(reqs.Requests))
	}
	return r
}

// limitedApplyTargets checks an apply against a request limit: its wall time against the
// least the limit allows (within maxWall), the percentage of its requests answered 429
// (within maxRefusedPct) and that no apply failed. The wall time's note is neededNote
// where note is empty.
func limitedApplyTargets(name string, ratios limitedRatios, failed, maxWall, maxRefusedPct float64,
	indicative bool, note, neededNote string) []target {
	wallNote := note
	if wallNote == "" {
		wallNote = neededNote
	}
	return []target{
		check(name+": wall time vs requests needed / limit", ratios.WallVsNeeded, maxWall, unitRatio, indicative, wallNote),
		check(name+": requests answered 429", percentOf(ratios.RefusedShare), maxRefusedPct, unitPercent, indicative, note),
		check(name+": failed applies", &failed, 0, unitFailures, indicative, note),
	}
}

// mostRequests is the most API requests any latency's timed plans of kind at n made
// (refresh-only plans, or full plans), or nil.
func mostRequests(scs []scenario, n int, kind string, refreshOnly bool) *float64 {
	var most *float64
	for _, sc := range scs {
		if sc.N != n || sc.Kind != kind {
			continue
		}
		v := sc.PlanRequests
		if refreshOnly {
			v = sc.RefreshRequests
		}
		if v != nil && (most == nil || float64(*v) > *most) {
			most = ptr(float64(*v))
		}
	}
	return most
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

// sizesOf lists the N of the cxone scenarios in the order measured.
func sizesOf(scs []scenario) []int {
	var out []int
	seen := map[int]bool{}
	for _, sc := range scs {
		if sc.Kind != kindBaseline && !seen[sc.N] {
			seen[sc.N] = true
			out = append(out, sc.N)
		}
	}
	return out
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

func largestLatency(scs []scenario, n int, kind string) int {
	l := 0
	for _, sc := range scs {
		if sc.Kind == kind && sc.N == n {
			l = max(l, sc.LatencyMS)
		}
	}
	return l
}

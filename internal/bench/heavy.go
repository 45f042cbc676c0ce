package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// The two scenarios that are not one per N: an apply against the tenant's rate limit,
// and a small configuration's plan in a tenant of thousands of users.

// The range of configuration sizes the rate-limited apply is stated for.
const (
	rateLimitedMinN = 250
	rateLimitedMaxN = 500
)

// rateLimitedN picks the N whose configuration is applied against the rate limit: the
// largest measured within the stated range's top, else the smallest measured (a small
// bench measures a reduced version).
func rateLimitedN(sizes []int) int {
	best, smallest := 0, 0
	for _, n := range sizes {
		if n <= rateLimitedMaxN && n > best {
			best = n
		}
		if smallest == 0 || n < smallest {
			smallest = n
		}
	}
	if best == 0 {
		return smallest
	}
	return best
}

// rateLimitedApply is the apply of one N's cxone configuration (without look-ups)
// against a mock that answers 429 beyond Limit requests per second, with no
// client-side cap.
type rateLimitedApply struct {
	N     int `json:"n"`
	Limit int `json:"rate_limit"`
	// Needed is how many requests the same apply made without a limit; Needed/Limit
	// seconds is the least the limit allows.
	Needed int `json:"requests_needed"`
	// UnlimitedSec is how long the apply without a limit took: when it is near
	// Needed/Limit, Terraform's own work, not the pace, sets the wall time.
	UnlimitedSec float64 `json:"unlimited_apply_seconds"`
	Seconds      float64 `json:"apply_seconds"`
	limitedRequests
	// Failed is true when the apply did not succeed; Error tells how it ended.
	Failed bool   `json:"failed"`
	Error  string `json:"error,omitempty"`

	limitedRatios
}

// runRateLimited applies sz's configuration in a fresh directory against a fresh mock
// holding the same users, limited to -rate-limit requests per second. A failed apply
// is a measurement (the target says there must be none), not an error of the bench.
func (ws *workspace) runRateLimited(ctx context.Context, sz *sizeResult) (*rateLimitedApply, error) {
	opts := sz.mockOpts
	opts.rateLimit = ws.opts.rateLimit
	mock, err := ws.startMock(ctx, fmt.Sprintf("n%d-rate-limited", sz.n), opts)
	if err != nil {
		return nil, err
	}
	defer ws.stopMock(mock)
	tf, err := ws.runner(fmt.Sprintf("n%d-rate-limited", sz.n), sz.config, mock)
	if err != nil {
		return nil, err
	}
	label := fmt.Sprintf("N=%d cxone at -rate-limit %d", sz.n, opts.rateLimit)
	fmt.Fprintf(ws.log, "bench: %s: apply\n", label)

	ra := &rateLimitedApply{N: sz.n, Limit: opts.rateLimit, Needed: sz.applyRequests, UnlimitedSec: sz.applySec}
	before, err := mock.requests(ctx)
	if err != nil {
		return nil, err
	}
	res, runErr := tf.run(ctx, "apply.log", []int{0}, "apply", "-auto-approve", "-input=false", "-no-color",
		fmt.Sprintf("-parallelism=%d", ws.opts.parallelism))
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%s: %w", label, runErr)
	}
	after, err := mock.requests(ctx)
	if err != nil {
		return nil, err
	}
	ra.Seconds, ra.limitedRequests = res.wall.Seconds(), limitedRequestsOf(after.minus(before))
	if runErr != nil {
		ra.Failed, ra.Error = true, firstLine(runErr)
	}
	ra.evaluate()
	line := fmt.Sprintf("bench: %s: apply %.1fs, %d requests, %d answered 429", label, ra.Seconds, ra.Requests, ra.Refused)
	if ra.Failed {
		line += ", APPLY FAILED: " + ra.Error
	}
	fmt.Fprintln(ws.log, line)
	return ra, nil
}

// evaluate fills the ratios the targets judge.
func (ra *rateLimitedApply) evaluate() {
	ra.limitedRatios = limitRatios(ra.Seconds, ra.Needed, ra.Limit, ra.limitedRequests)
}

// firstLine is an error's first line, for a JSON field and a progress line.
func firstLine(err error) string {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return msg
}

// largeTenantPlan is the plan of a small configuration (three digital permissions,
// two of them for users looked up) in a tenant of Users active users.
type largeTenantPlan struct {
	Users       int            `json:"active_users"`
	Permissions int            `json:"digital_user_permissions"`
	Lookups     int            `json:"user_lookups"`
	PlanSec     float64        `json:"plan_seconds"`
	Requests    int            `json:"plan_requests"` // the most any timed plan made
	ByRoute     map[string]int `json:"plan_requests_by_route"`
	Budget      float64        `json:"request_budget"`
	Clean       bool           `json:"plan_clean"`
}

// runLargeTenant applies the large-tenant configuration to a mock holding
// -tenant-users generated users, then times full plans and counts their requests.
func (ws *workspace) runLargeTenant(ctx context.Context) (*largeTenantPlan, error) {
	mock, err := ws.startMock(ctx, "large-tenant", mockOptions{extraUsers: ws.opts.tenantUsers})
	if err != nil {
		return nil, err
	}
	defer ws.stopMock(mock)
	users, err := mock.activeUsers(ctx)
	if err != nil {
		return nil, err
	}
	config, err := renderLargeTenant(users)
	if err != nil {
		return nil, err
	}
	r, err := ws.newRun(largeTenantPermissions, "large-tenant", largeTenantLookups, config, mock)
	if err != nil {
		return nil, err
	}
	r.label = fmt.Sprintf("%d permissions + %d look-ups among %d users", largeTenantPermissions, largeTenantLookups, len(users))
	r.rows = []*scenario{{LatencyMS: 0}} // measured without latency, whatever -latency says
	if err := r.apply(ctx, false); err != nil {
		return nil, err
	}
	lt := &largeTenantPlan{Users: len(users), Permissions: largeTenantPermissions, Lookups: largeTenantLookups,
		Budget: largeTenantPermissions + largeTenantLookups + largeTenantOverhead, Clean: true}
	var secs []float64
	for i := range ws.opts.planRuns {
		res, requests, err := r.counted(ctx, func() (result, error) {
			return r.tf.run(ctx, fmt.Sprintf("plan-%d.log", i+1), []int{0, 2}, "plan", "-input=false", "-no-color", "-detailed-exitcode", r.par)
		})
		if err != nil {
			return nil, err
		}
		secs = append(secs, res.wall.Seconds())
		lt.Clean = lt.Clean && res.exitCode == 0
		if requests.Total > lt.Requests {
			lt.Requests, lt.ByRoute = requests.Total, requests.ByRoute
		}
	}
	if len(secs) == 0 {
		return nil, errors.New("no plan was timed")
	}
	lt.PlanSec = median(secs)
	fmt.Fprintf(ws.log, "bench: %s: plan %.1fs, %d requests per plan\n", r.label, lt.PlanSec, lt.Requests)
	if ws.opts.verbose {
		for _, k := range sortedKeys(lt.ByRoute) {
			fmt.Fprintf(ws.log, "bench:     plan %5d  %s\n", lt.ByRoute[k], k)
		}
	}
	return lt, nil
}

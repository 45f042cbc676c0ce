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

// printReport writes the table, the two single scenarios and the targets.
func printReport(w io.Writer, rep *report) error {
	fmt.Fprintf(w, "\nterraform %s, %s, %s, %d CPUs, -parallelism=%d, %d timed plan(s) of each kind per row, %.0fs in all\n\n",
		rep.Environment.Terraform, rep.Environment.Go, rep.Environment.OS, rep.Environment.CPUs,
		rep.Parallelism, rep.PlanRuns, rep.Seconds)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	footnote := false
	// "refresh" is plan -refresh-only, "plan" the full plan; req are API requests.
	fmt.Fprintln(tw, "N\tconfig\tlatency\tapply s\tx base\trefresh s\tx base\tx 0ms\treq\tplan s\tx base\tx 0ms\treq\tbudget\tapply req\tpeak RSS MB\tclean\t")
	for _, sc := range rep.Scenarios {
		lat := "-"
		if sc.Kind != kindBaseline {
			lat = fmt.Sprintf("%dms", sc.LatencyMS)
		}
		clean := "yes"
		switch {
		case !sc.Clean:
			clean = "NO (refresh)"
		case !sc.PlanClean:
			clean = "NO (plan)"
		case exitTwoWithoutChanges(sc):
			clean = "yes*"
			footnote = true
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%.2f\t%s\t%s\t%s\t%.2f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n",
			sc.N, sc.Kind, lat, fmtNum(sc.ApplySec, "%.2f"), fmtRatio(sc.ApplyVsBaseline),
			sc.RefreshSec, fmtRatio(sc.RefreshVsBaseline), fmtRatio(sc.RefreshVsNoLatency), fmtInt(sc.RefreshRequests),
			sc.PlanSec, fmtRatio(sc.PlanVsBaseline), fmtRatio(sc.PlanVsNoLatency), fmtInt(sc.PlanRequests),
			fmtNum(sc.RequestBudget, "%.1f"), fmtInt(sc.ApplyRequests), fmtNum(sc.PeakRSSMB, "%.1f"), clean)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("writing the table: %w", err)
	}
	fmt.Fprintln(w, "refresh: terraform plan -refresh-only; plan: terraform plan; req: API requests (the most any timed plan made); x 0ms: to the same plan without latency.")
	if footnote {
		fmt.Fprintln(w, "* Terraform printed \"No changes.\" but -detailed-exitcode answered 2 to plan -refresh-only (see refresh_exit_codes in the JSON).")
	}
	if ra := rep.RateLimited; ra != nil {
		fmt.Fprintf(w, "\nRate-limited apply: N=%d against -rate-limit %d, no client cap: %.1f s, %d requests, %d answered 429 (%s);\n",
			ra.N, ra.Limit, ra.Seconds, ra.Requests, ra.Refused, fmtValue(percentOf(ra.RefusedShare), unitPercent))
		fmt.Fprintf(w, "  without a limit the same apply made %d requests (in %.1f s), %.1f s at %d/s: %s.",
			ra.Needed, ra.UnlimitedSec, float64(ra.Needed)/float64(max(ra.Limit, 1)), ra.Limit, fmtRatio(ra.WallVsNeeded))
		if ra.Failed {
			fmt.Fprintf(w, " THE APPLY FAILED: %s", ra.Error)
		}
		fmt.Fprintln(w)
	}
	if fa := rep.Fleet; fa != nil {
		fmt.Fprintf(w, "\nFleet: %d pipelines of N=%d applying at once against -tenant-rate-limit %d: %.1f s, %d requests, %d answered 429 (%s);\n",
			fa.Pipelines, fa.N, fa.Limit, fa.Seconds, fa.Requests, fa.Refused, fmtValue(percentOf(fa.RefusedShare), unitPercent))
		fmt.Fprintf(w, "  %d requests needed without a limit, %.1f s at %d/s: %s; %d failed applies.\n",
			fa.Needed, float64(fa.Needed)/float64(max(fa.Limit, 1)), fa.Limit, fmtRatio(fa.WallVsNeeded), fa.Failed)
	}
	if hm := rep.Hostile; hm != nil {
		fmt.Fprintf(w, "\nHostile answers: plans of N=%d while every read answers %d MiB: peak provider RSS %.0f MB plain, %.0f MB gzip bomb; the error named the limit: %v.\n",
			hm.N, hostileAnswerSizeMiB, hm.PeakRSSMB["oversize"], hm.PeakRSSMB["gzip_bomb"], hm.SaidSo)
	}
	if lt := rep.LargeTenant; lt != nil {
		fmt.Fprintf(w, "\nLarge tenant: %d digital permissions + %d user look-ups among %d active users: %d requests per plan (budget %.0f), plan %.2f s",
			lt.Permissions, lt.Lookups, lt.Users, lt.Requests, lt.Budget, lt.PlanSec)
		if !lt.Clean {
			fmt.Fprint(w, ", PLAN FOUND CHANGES")
		}
		fmt.Fprintln(w, ".")
	}

	fmt.Fprintln(w, "\nTargets")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "target\tvalue\tlimit\tresult\t")
	for _, t := range rep.Targets {
		res := t.Result
		switch {
		case t.Indicative:
			res += " (indicative: " + t.Note + ")"
		case t.Note != "":
			res += " (" + t.Note + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", t.Name, fmtValue(t.Value, t.Unit), fmtValue(&t.Limit, t.Unit), res)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("writing the targets: %w", err)
	}
	return nil
}

// percentOf turns a share into a percentage.
func percentOf(share *float64) *float64 {
	if share == nil {
		return nil
	}
	return ptr(100 * *share)
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
	case unitRatio:
		return fmtNum(v, "%.2fx")
	case unitMB:
		return fmtNum(v, "%.1f MB")
	case unitPercent:
		return fmtNum(v, "%.1f%%")
	case unitPerResource:
		return fmtNum(v, "%.2f")
	case unitFailures:
		return fmtNum(v, "%.0f")
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

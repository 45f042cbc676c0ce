package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/tabwriter"
)

// The query row: `terraform query -generate-config-out` of every resource type but
// cxone_user over the mock's large tenant (mockcxone -large-tenant), on Terraform 1.14+.
// The large tenant has no outbound objects: their lists cost a request or two each.

// queryTypes are the resource types the query lists, each with its list resource.
var queryTypes = []string{
	"cxone_digital_skill", "cxone_digital_user_permissions", "cxone_skill_assignment",
	"cxone_byoc_integration", "cxone_digital_channel", "cxone_routing_queue_binding",
	"cxone_message_template", "cxone_campaign", "cxone_disposition", "cxone_dnc_group",
	"cxone_dnc_group_skill", "cxone_outbound_skill", "cxone_calling_list",
}

// queryLimit is each list block's limit: above any count of the large tenant, so
// the query lists everything.
const queryLimit = 100000

// queryRequestBudget is the request target of a query listing n objects: one
// request per 50 objects, plus a constant for sign-in, discovery and the last
// short page of each list.
func queryRequestBudget(n int) float64 { return float64(n)/50 + 30 }

// queryRow is the query row of the report.
type queryRow struct {
	Terraform string         `json:"terraform"`
	Objects   int            `json:"objects"`
	ByType    map[string]int `json:"objects_by_type"`
	WallSec   float64        `json:"wall_seconds"`
	Requests  int            `json:"requests"`
	Budget    float64        `json:"request_budget"`
	ByRoute   map[string]int `json:"requests_by_route"`
	PeakRSSMB float64        `json:"peak_provider_rss_mb"`
}

// queryConfig is the working directory's configuration and query file.
func queryConfig() (config, query string) {
	config = `terraform {
  required_providers {
    cxone = {
      source = "cxone-oss/cxone"
    }
  }
}

provider "cxone" {}
`
	var b strings.Builder
	for _, typ := range queryTypes {
		fmt.Fprintf(&b, "list %q \"all\" {\n  provider         = cxone\n  include_resource = true\n  limit            = %d\n}\n\n", typ, queryLimit)
	}
	return config, b.String()
}

var generatedResource = regexp.MustCompile(`(?m)^resource "(cxone_[a-z_]+)" `)

// runQuery starts a mock holding the large tenant and times one `terraform query
// -generate-config-out` of the six types with the Terraform at tf.
func (ws *workspace) runQuery(ctx context.Context, tf string) (*queryRow, error) {
	fmt.Fprintln(ws.log, "bench: query of the large tenant (mockcxone -large-tenant)")
	mock, err := startMock(ctx, ws.mockBin, mockOptions{large: true}, ws.log)
	if err != nil {
		return nil, err
	}
	defer func() { _ = mock.stop() }() // the figures are taken; how the mock ends does not change them

	dir := filepath.Join(ws.dir, "query")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", dir, err)
	}
	config, query := queryConfig()
	for name, content := range map[string]string{"main.tf": config, "all.tfquery.hcl": query} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			return nil, fmt.Errorf("writing %s: %w", name, err)
		}
	}
	runner := &terraformRunner{binary: tf, dir: dir, env: append(ws.env(mock), "TF_DATA_DIR="+filepath.Join(dir, ".terraform")), timeout: ws.opts.timeout}

	before, err := mock.requests(ctx)
	if err != nil {
		return nil, err
	}
	res, err := runner.run(ctx, "query.log", []int{0}, "query", "-no-color", "-generate-config-out=generated.tf")
	if err != nil {
		return nil, err
	}
	after, err := mock.requests(ctx)
	if err != nil {
		return nil, err
	}
	generated, err := os.ReadFile(filepath.Join(dir, "generated.tf"))
	if err != nil {
		return nil, fmt.Errorf("reading the generated configuration: %w", err)
	}
	row := &queryRow{ByType: map[string]int{}, WallSec: res.wall.Seconds(), PeakRSSMB: float64(res.peakRSS) / (1 << 20)}
	for _, m := range generatedResource.FindAllSubmatch(generated, -1) {
		row.ByType[string(m[1])]++
		row.Objects++
	}
	reqs := after.minus(before)
	row.Requests, row.ByRoute, row.Budget = reqs.Total, reqs.ByRoute, queryRequestBudget(row.Objects)
	if v, err := describeEnvironment(ctx, tf); err == nil {
		row.Terraform = v.Terraform
	}
	fmt.Fprintf(ws.log, "bench: query: %d objects in %.1fs, %d requests (budget %.0f), peak provider RSS %.0f MB\n",
		row.Objects, row.WallSec, row.Requests, row.Budget, row.PeakRSSMB)
	return row, nil
}

// queryTarget is the query row's request target.
func queryTarget(row *queryRow) target {
	if row == nil {
		return check("API requests of terraform query over the large tenant", nil, 0, "requests", false, "")
	}
	return check(fmt.Sprintf("API requests of terraform query, %d objects (objects/50 + 30)", row.Objects),
		ptr(float64(row.Requests)), row.Budget, "requests", false, "")
}

// printQueryRow prints the query row, or why there is none.
func printQueryRow(w io.Writer, row *queryRow, skipped string) error {
	fmt.Fprintln(w, "\nQuery of the large tenant (terraform query -generate-config-out, six types)")
	if row == nil {
		fmt.Fprintf(w, "not measured: %s\n", skipped)
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "terraform\tobjects\twall s\trequests\tbudget\tpeak RSS MB\t")
	fmt.Fprintf(tw, "%s\t%d\t%.2f\t%d\t%.0f\t%.1f\t\n", row.Terraform, row.Objects, row.WallSec, row.Requests, row.Budget, row.PeakRSSMB)
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("writing the query row: %w", err)
	}
	for _, typ := range queryTypes {
		fmt.Fprintf(w, "  %-32s %6d\n", typ, row.ByType[typ])
	}
	return nil
}

// Command bench measures the provider against the mock CXone server with the real
// Terraform CLI (`make bench`, or `go run ./internal/bench` from the repository root).
//
// For every N it applies a configuration of N cxone resources (mostly skill
// assignments and channels, some of every type), and the same configuration with N/3
// users looked up by data "cxone_user" blocks, then times refresh-only plans and full
// plans at every mock latency and counts the API requests they made; it does the same
// with N terraform_data resources of a similar shape as the baseline. It also applies
// one configuration against the mock's rate limit, the same from four pipelines at once
// against a tenant-wide limit (fleet.go), plans it while every read answers 200 MiB
// plain or as a gzip bomb, and plans a small configuration in a tenant of thousands of
// users. It prints a table with ratios to the baseline and
// every target with PASS or FAIL, and writes the same as JSON. It exits 0 whatever the
// targets say, unless -strict.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// options are the command-line settings of one bench run.
type options struct {
	sizes       []int
	latencies   []time.Duration
	out         string
	parallelism int
	planRuns    int
	strict      bool
	terraform   string
	timeout     time.Duration
	keep        bool
	verbose     bool
	rateLimit   int
	tenantUsers int
	// queryTerraform is a Terraform 1.14+ for the query row; "" leaves the row out.
	queryTerraform string
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process around it: it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opts, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 2
	}
	rep, err := runBench(ctx, opts, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 1
	}
	if err := printReport(stdout, rep); err != nil {
		fmt.Fprintln(stderr, "bench: printing the table:", err)
		return 1
	}
	if err := printQueryRow(stdout, rep.Query, "no -query-terraform (a Terraform 1.14+)"); err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 1
	}
	if err := writeJSON(opts.out, rep); err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 1
	}
	fmt.Fprintf(stdout, "\nwrote %s\n", opts.out)
	if opts.strict && rep.failed() {
		fmt.Fprintln(stderr, "bench: a target failed (-strict)")
		return 1
	}
	return 0
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("n", "100,500,1000", "comma-separated numbers of resources per configuration")
	latencies := fs.String("latency", "0,50ms,100ms", "comma-separated mock latencies per request (a bare number is milliseconds); the first is the applies'")
	var opts options
	fs.StringVar(&opts.out, "out", "bench-results/bench.json", "where to write the results as JSON")
	fs.IntVar(&opts.parallelism, "parallelism", 10, "terraform -parallelism for apply and plan")
	fs.IntVar(&opts.planRuns, "plan-runs", 3, "plans of each kind timed per configuration and latency; the median is reported")
	fs.IntVar(&opts.rateLimit, "rate-limit", targetRateLimit,
		fmt.Sprintf("the mock's rate limit for the rate-limited apply of the largest N up to %d (0 skips it)", rateLimitedMaxN))
	fs.IntVar(&opts.tenantUsers, "tenant-users", targetTenantUsers, "generated users of the large-tenant plan (0 skips it)")
	fs.BoolVar(&opts.strict, "strict", false, "exit 1 when a target fails")
	fs.StringVar(&opts.terraform, "terraform", "terraform", "the Terraform CLI to run")
	fs.DurationVar(&opts.timeout, "timeout", 15*time.Minute, "limit for each terraform command")
	fs.BoolVar(&opts.keep, "keep", false, "keep the temporary directory (configurations, state, logs)")
	fs.BoolVar(&opts.verbose, "v", false, "print progress and the API requests of each refresh by route")
	fs.StringVar(&opts.queryTerraform, "query-terraform", "", "a Terraform 1.14+ (make -s terraform-1.14) for the query row over the large tenant; empty: no query row")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: go run ./internal/bench [flags]   (from the repository root)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return opts, err // flag already printed the problem, and ErrHelp must stay recognisable
	}
	if fs.NArg() > 0 {
		return opts, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	var err error
	if opts.sizes, err = parseSizes(*sizes); err != nil {
		return opts, err
	}
	if opts.latencies, err = parseLatencies(*latencies); err != nil {
		return opts, err
	}
	if opts.parallelism < 1 || opts.planRuns < 1 || opts.timeout <= 0 {
		return opts, errors.New("-parallelism, -plan-runs and -timeout must be positive")
	}
	if opts.rateLimit < 0 || opts.tenantUsers < 0 {
		return opts, errors.New("-rate-limit and -tenant-users must not be negative")
	}
	if opts.out == "" {
		return opts, errors.New("-out must name a file")
	}
	return opts, nil
}

// parseSizes reads "100,500,1000". Below minResources a configuration cannot hold
// one resource of every type.
func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return nil, fmt.Errorf("-n: %q is not a number: %w", f, err)
		}
		if n < minResources {
			return nil, fmt.Errorf("-n: %d is too small: a configuration needs at least %d resources, one of every type", n, minResources)
		}
		out = append(out, n)
	}
	return out, nil
}

// parseLatencies reads "0,50ms"; a bare number means milliseconds, as the issue
// writes latencies.
func parseLatencies(s string) ([]time.Duration, error) {
	var out []time.Duration
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		d, err := time.ParseDuration(f)
		if err != nil {
			ms, nerr := strconv.Atoi(f)
			if nerr != nil {
				return nil, fmt.Errorf("-latency: %q is neither a duration nor milliseconds: %w", f, err)
			}
			d = time.Duration(ms) * time.Millisecond
		}
		if d < 0 || d%time.Millisecond != 0 {
			return nil, fmt.Errorf("-latency: %s must be a non-negative whole number of milliseconds", d)
		}
		out = append(out, d)
	}
	return out, nil
}

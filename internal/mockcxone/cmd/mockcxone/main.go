// Command mockcxone runs the mock CXone server in the foreground (`make mock`), for
// trying the provider by hand, the demo and benchmarks.
//
// The first line on stdout is always "listening on http://HOST:PORT", so that a
// script starting it with -addr 127.0.0.1:0 can learn the port it got.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "mockcxone:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	defaultAddr := os.Getenv("MOCK_ADDR")
	if defaultAddr == "" {
		defaultAddr = "127.0.0.1:8765"
	}
	fs := flag.NewFlagSet("mockcxone", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", defaultAddr, "address to listen on (port 0 picks a free port); default from MOCK_ADDR")
	extraUsers := fs.Int("extra-users", 0, "number of generated active users user0001... besides the seed users")
	syncDelay := fs.Duration("sync-delay", mockcxone.DefaultSyncDelay, "time until a new digital skill gets its routing queue (0 syncs at once)")
	tokenTTL := fs.Duration("token-ttl", mockcxone.DefaultTokenTTL, "lifetime of access tokens")
	rateLimit := fs.Int("rate-limit", 0, "API requests per second per token, answered 429 beyond (0: no limit)")
	tenantRateLimit := fs.Int("tenant-rate-limit", 0, "API requests per second for the whole tenant, whatever the token, answered 429 beyond (0: no limit)")
	quiet := fs.Bool("quiet", false, "do not log each request on stderr")
	large := fs.Bool("large-tenant", false, fmt.Sprintf("also seed a large tenant: %d users with digital engagement, %d digital skills, "+
		"%d assignments, %d integrations, %d channels, %d bindings", mockcxone.LargeTenant.Users, mockcxone.LargeTenant.Skills,
		mockcxone.LargeTenant.Assignments, mockcxone.LargeTenant.Integrations, mockcxone.LargeTenant.Channels, mockcxone.LargeTenant.Bindings))
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("parsing flags: %w", err)
	}
	if *extraUsers < 0 || *rateLimit < 0 || *tenantRateLimit < 0 || *syncDelay < 0 || *tokenTTL <= 0 {
		return errors.New("-extra-users, -rate-limit, -tenant-rate-limit and -sync-delay must not be negative, and -token-ttl must be positive")
	}

	opts := mockcxone.Options{
		SyncDelay:       *syncDelay,
		TokenTTL:        *tokenTTL,
		ExtraUsers:      *extraUsers,
		RateLimit:       *rateLimit,
		TenantRateLimit: *tenantRateLimit,
	}
	if *large {
		opts.Large = mockcxone.LargeTenant
	}
	if *syncDelay == 0 {
		opts.SyncDelay = -1 // Options reads 0 as "default"; a negative delay syncs at once
	}
	if !*quiet {
		opts.Logf = log.New(stderr, "", log.LstdFlags|log.Lmicroseconds).Printf
	}
	srv := mockcxone.New(opts)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", *addr, err)
	}
	srv.URL = "http://" + reachableAddr(ln.Addr())
	// os.Stdout is unbuffered, so this line is out before anything can connect.
	if _, err := fmt.Fprintf(stdout, "listening on %s\n", srv.URL); err != nil {
		return fmt.Errorf("writing to stdout: %w", err)
	}
	if _, err := fmt.Fprint(stdout, settings(srv.URL)); err != nil {
		return fmt.Errorf("writing to stdout: %w", err)
	}

	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()

	select {
	case err := <-served:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	fmt.Fprintln(stderr, "mockcxone: shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serving: %w", err)
	}
	return nil
}

// reachableAddr turns a wildcard listen address into one a client can dial.
func reachableAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

// settings tells how to point the provider at this mock.
func settings(url string) string {
	return fmt.Sprintf(`
Provider settings that reach this mock:

  provider "cxone" {
    tenant_id         = %[2]q
    auth_url          = %[1]q
    access_key_id     = %[3]q
    access_key_secret = %[4]q
  }

or in the environment:

  export CXONE_TENANT_ID=%[2]s
  export CXONE_AUTH_URL=%[1]s
  export CXONE_ACCESS_KEY_ID=%[3]s
  export CXONE_ACCESS_KEY_SECRET=%[4]s

For the password grant add client_id = %[5]q and client_secret = %[6]q
(CXONE_CLIENT_ID, CXONE_CLIENT_SECRET).
Mock controls: GET %[1]s/_mock/state, GET /_mock/requests, GET and POST /_mock/faults,
POST /_mock/reset.
`, url, mockcxone.TenantID, mockcxone.AccessKeyID, mockcxone.AccessKeySecret, mockcxone.ClientID, mockcxone.ClientSecret)
}

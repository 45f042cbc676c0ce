package cxone

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// These tests drive the pacer through a real Client against the mock's -rate-limit (a token
// bucket per access token, as large as the limit, answering 429 without Retry-After), with
// callers in parallel as Terraform's -parallelism runs them.

// limitedRun is the outcome of calls made by parallel callers against a rate-limited mock.
type limitedRun struct {
	requests mockcxone.RequestCounts
	elapsed  time.Duration
	failed   int
}

// refusedShare is the share of the run's API requests answered 429.
func (r limitedRun) refusedShare() float64 {
	return float64(r.requests.ByStatus["429"]) / float64(max(r.requests.Total, 1))
}

// runAgainstLimit makes calls GetAgent calls with callers goroutines on one client against a
// mock limited to limit requests per second. Unpaced, the client runs without its pacer, as
// it did before pacing. The first call (discovery and token) is made alone, before the clock
// starts.
func runAgainstLimit(tb testing.TB, limit, callers, calls int, paced bool, cfg Config) limitedRun {
	tb.Helper()
	s := mockcxone.NewTestServer(tb, mockcxone.Options{RateLimit: limit})
	cfg.TenantID, cfg.AuthURL = mockcxone.TenantID, s.URL
	cfg.AccessKeyID, cfg.AccessKeySecret = mockcxone.AccessKeyID, mockcxone.AccessKeySecret
	c, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	if !paced {
		c.http.HTTPClient.Transport.(*attemptTransport).pacer = nil //nolint:forcetypeassert // New builds it so
	}
	ctx := context.Background()
	agent := s.State().Agents[0].AgentID
	if _, err := c.GetAgent(ctx, agent); err != nil {
		tb.Fatal(err)
	}
	// Time for the bucket to win back the token that call took, so every run starts full.
	time.Sleep(2 * time.Second / time.Duration(limit))
	before := s.Requests()

	var next, failed atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range callers {
		wg.Go(func() {
			for next.Add(1) <= int64(calls) {
				if _, err := c.GetAgent(ctx, agent); err != nil {
					failed.Add(1)
				}
			}
		})
	}
	wg.Wait()
	return limitedRun{elapsed: time.Since(start), failed: int(failed.Load()), requests: requestsSince(s, before)}
}

// requestsSince counts the requests s has served since it had served before.
func requestsSince(s *mockcxone.Server, before mockcxone.RequestCounts) mockcxone.RequestCounts {
	after := s.Requests()
	out := mockcxone.RequestCounts{Total: after.Total - before.Total, ByStatus: map[string]int{}}
	for k, v := range after.ByStatus {
		out.ByStatus[k] = v - before.ByStatus[k]
	}
	return out
}

// fastRetries keeps the unpaced comparison short: without pacing, throughput against a
// limit is set by how soon refused callers come back.
var fastRetries = Config{MaxRetries: 10, RetryWaitMin: 20 * time.Millisecond, RetryWaitMax: 200 * time.Millisecond}

// TestPacing_keepsRefusalsFewAgainstARateLimit: ten callers share what one caller's 429
// teaches. Unpaced, each caller learns of the limit only from its own 429s and comes back
// after its own backoff, so a large share of the requests is refused; paced, the 429s of the
// first second set the pace of every caller and few requests are refused after.
func TestPacing_keepsRefusalsFewAgainstARateLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("runs for a few seconds against the mock's rate limit")
	}
	const limit, callers, calls = 100, 10, 300
	unpaced := runAgainstLimit(t, limit, callers, calls, false, fastRetries)
	paced := runAgainstLimit(t, limit, callers, calls, true, fastRetries)
	t.Logf("unpaced: %d requests, %.1f%% answered 429, %v; paced: %d requests, %.1f%% answered 429, %v",
		unpaced.requests.Total, 100*unpaced.refusedShare(), unpaced.elapsed,
		paced.requests.Total, 100*paced.refusedShare(), paced.elapsed)
	if paced.failed > 0 {
		t.Fatalf("%d paced calls failed", paced.failed)
	}
	if unpaced.refusedShare() < 0.25 {
		t.Fatalf("unpaced, only %.1f%% of requests were refused: the comparison shows nothing", 100*unpaced.refusedShare())
	}
	if paced.refusedShare() > 0.08 {
		t.Errorf("paced, %.1f%% of requests were refused, want at most 8%%", 100*paced.refusedShare())
	}
	// The pace must not throw throughput away: the calls need (calls - limit) / limit seconds
	// after the full bucket.
	if ideal := time.Duration(calls-limit) * time.Second / limit; paced.elapsed > ideal*3/2+time.Second {
		t.Errorf("paced calls took %v, ideal %v", paced.elapsed, ideal)
	}
}

// TestPacing_oneCallersRetryAfterHoldsTheOthers: a 429 with Retry-After met by one caller on
// one route makes another caller, on another route, wait too.
func TestPacing_oneCallersRetryAfterHoldsTheOthers(t *testing.T) {
	s := mockcxone.NewTestServer(t, mockcxone.Options{SyncDelay: -1})
	c, err := New(Config{
		TenantID: mockcxone.TenantID, AuthURL: s.URL,
		AccessKeyID: mockcxone.AccessKeyID, AccessKeySecret: mockcxone.AccessKeySecret,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond, MaxRetryAfter: 5 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	agent := s.State().Agents[0].AgentID
	if _, err := c.GetAgent(ctx, agent); err != nil { // discovery and token
		t.Fatal(err)
	}
	if err := s.SetFaults([]mockcxone.FaultRule{{Method: http.MethodGet, Path: "/inContactAPI/services/v34.0/skills", Status: 429, Count: 1, RetryAfter: "1"}}); err != nil {
		t.Fatal(err)
	}
	refused := make(chan struct{})
	go func() {
		defer close(refused)
		_, _ = c.ListSkills(ctx, SkillListOptions{}) // waits out its own Retry-After, then succeeds
	}()
	// Once the mock has answered the skills call, the agents call starts.
	for s.Requests().ByStatus["429"] == 0 {
		time.Sleep(time.Millisecond)
	}
	start := time.Now()
	if _, err := c.GetAgent(ctx, agent); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 800*time.Millisecond {
		t.Errorf("the other caller's request went after %v, inside the 1 s Retry-After", d)
	}
	<-refused
}

// BenchmarkPacing_rateLimit20 is the client-level version of the bench's rate-limited apply:
// ten callers and 300 calls against -rate-limit 20, with the client's default retry settings,
// as the provider runs it. It reports the share of requests answered 429 and the wall time
// against the least the limit allows (requests needed / 20 after the first full bucket).
//
//	go test ./internal/cxone -run XXX -bench Pacing -benchtime 1x
func BenchmarkPacing_rateLimit20(b *testing.B) {
	const limit, callers, calls = 20, 10, 300
	for _, paced := range []bool{true, false} {
		name := "paced"
		if !paced {
			name = "unpaced"
		}
		b.Run(name, func(b *testing.B) {
			for range b.N {
				run := runAgainstLimit(b, limit, callers, calls, paced, Config{MaxRetries: -1})
				if run.failed > 0 {
					b.Errorf("%d calls failed", run.failed)
				}
				ideal := time.Duration(calls-limit) * time.Second / limit
				b.ReportMetric(100*run.refusedShare(), "%429")
				b.ReportMetric(run.elapsed.Seconds()/ideal.Seconds(), "x-ideal")
				b.ReportMetric(float64(run.requests.Total), "requests")
			}
		})
	}
}

// runFleet is runAgainstLimit for several clients (pipelines) at once against one mock whose
// limit is the tenant's, shared by every token: each client paces itself and knows nothing of
// the others. Each client makes calls calls with callers goroutines.
func runFleet(tb testing.TB, clients, limit, callers, calls int) limitedRun {
	tb.Helper()
	s := mockcxone.NewTestServer(tb, mockcxone.Options{TenantRateLimit: limit})
	agent := s.State().Agents[0].AgentID
	ctx := context.Background()
	cs := make([]*Client, clients)
	for i := range cs {
		c, err := New(Config{TenantID: mockcxone.TenantID, AuthURL: s.URL,
			AccessKeyID: mockcxone.AccessKeyID, AccessKeySecret: mockcxone.AccessKeySecret, MaxRetries: 5})
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := c.GetAgent(ctx, agent); err != nil {
			tb.Fatal(err)
		}
		cs[i] = c
	}
	time.Sleep(time.Second)
	before := s.Requests()
	var failed atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for _, c := range cs {
		var next atomic.Int64
		for range callers {
			wg.Go(func() {
				for next.Add(1) <= int64(calls) {
					if _, err := c.GetAgent(ctx, agent); err != nil {
						if failed.Add(1) == 1 {
							tb.Log(err)
						}
					}
				}
			})
		}
	}
	stop := make(chan struct{})
	if testing.Verbose() {
		go func() { // the 429s of each second, to see where they come from
			last := s.Requests()
			for {
				select {
				case <-stop:
					return
				case <-time.After(time.Second):
				}
				now := s.Requests()
				tb.Logf("%5.1fs: %3d requests, %3d answered 429", time.Since(start).Seconds(), now.Total-last.Total, now.ByStatus["429"]-last.ByStatus["429"])
				last = now
			}
		}()
	}
	wg.Wait()
	close(stop)
	return limitedRun{elapsed: time.Since(start), failed: int(failed.Load()), requests: requestsSince(s, before)}
}

// BenchmarkPacing_fleet is the client-level version of the bench's fleet row: four clients,
// each with ten callers, against a tenant-wide -rate-limit 20. It reports the share of
// requests answered 429 and the wall time against the least the limit allows.
//
//	go test ./internal/cxone -run XXX -bench Pacing_fleet -benchtime 1x
func BenchmarkPacing_fleet(b *testing.B) {
	const clients, limit, callers, calls = 4, 20, 10, 75
	for range b.N {
		run := runFleet(b, clients, limit, callers, calls)
		b.ReportMetric(float64(run.failed), "failed")
		ideal := time.Duration(clients*calls-limit) * time.Second / limit
		b.ReportMetric(100*run.refusedShare(), "%429")
		b.ReportMetric(run.elapsed.Seconds()/ideal.Seconds(), "x-ideal")
		b.ReportMetric(float64(run.requests.Total), "requests")
	}
}

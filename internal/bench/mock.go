package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"time"
)

// mockProcess is a running mockcxone program and the client of its /_mock/ controls.
type mockProcess struct {
	cmd     *exec.Cmd
	url     string
	http    *http.Client
	done    chan error
	logFile io.Closer // where its stderr goes, closed by stop; nil: none
}

// mockOptions are the mock's settings a bench run chooses.
type mockOptions struct {
	extraUsers int // generated active users besides the seed users
	rateLimit  int // API requests per second per token; 0: no limit
	// tenantRateLimit is API requests per second for the whole tenant, every token
	// together; 0: no limit.
	tenantRateLimit int
	large           bool // -large-tenant: the large tenant the query row lists
}

// args are the mock's command-line flags for o.
func (o mockOptions) args() []string {
	args := []string{"-addr", "127.0.0.1:0", "-quiet", "-sync-delay", "0", "-extra-users", strconv.Itoa(o.extraUsers)}
	if o.rateLimit > 0 {
		args = append(args, "-rate-limit", strconv.Itoa(o.rateLimit))
	}
	if o.tenantRateLimit > 0 {
		args = append(args, "-tenant-rate-limit", strconv.Itoa(o.tenantRateLimit))
	}
	if o.large {
		args = append(args, "-large-tenant")
	}
	return args
}

// startMock runs the mock binary on a free loopback port with skills syncing at
// once (so a skill's routing queue is known when its create returns) and waits for
// the line that tells its address.
func startMock(ctx context.Context, binary string, opts mockOptions, stderr io.Writer) (*mockProcess, error) {
	cmd := exec.Command(binary, opts.args()...)
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("connecting to the mock's output: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the mock: %w", err)
	}
	m := &mockProcess{cmd: cmd, http: &http.Client{Timeout: 30 * time.Second}, done: make(chan error, 1)}

	lines := bufio.NewReader(out)
	first := make(chan string, 1)
	go func() {
		line, _ := lines.ReadString('\n') // a short read shows as a bad first line below
		first <- line
		// The rest is the settings help text; drained so the mock never blocks on it.
		_, _ = io.Copy(io.Discard, lines)
		m.done <- cmd.Wait()
	}()

	var line string
	select {
	case line = <-first:
	case <-time.After(30 * time.Second):
		_ = m.stop() // the error that matters is that it never got going
		return nil, errors.New("the mock did not say where it listens within 30s")
	case <-ctx.Done():
		_ = m.stop() // interrupted anyway
		return nil, fmt.Errorf("starting the mock: %w", ctx.Err())
	}
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "listening on ")
	if !ok {
		_ = m.stop() // the first line says what went wrong
		return nil, fmt.Errorf("the mock's first line was %q, not \"listening on URL\"", line)
	}
	m.url = url
	return m, nil
}

// stop ends the mock (it shuts down on SIGINT) and waits for it, killing it if it
// does not go within a few seconds. The error tells how it ended when that was not
// a clean shutdown.
func (m *mockProcess) stop() error {
	if m.logFile != nil {
		defer m.logFile.Close()
	}
	if m.cmd.Process == nil {
		return nil
	}
	if err := m.cmd.Process.Signal(os.Interrupt); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("interrupting the mock: %w", err)
	}
	select {
	case err := <-m.done:
		if err != nil {
			return fmt.Errorf("the mock ended badly: %w", err)
		}
		return nil
	case <-time.After(5 * time.Second):
		if err := m.cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
			return fmt.Errorf("killing the mock: %w", err)
		}
		if err := <-m.done; err != nil {
			return fmt.Errorf("the mock did not stop within 5s and was killed: %w", err)
		}
		return errors.New("the mock did not stop within 5s and was killed")
	}
}

// control calls one /_mock/ endpoint and decodes its JSON answer into out (if not nil).
func (m *mockProcess) control(ctx context.Context, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("encoding the body of %s %s: %w", method, path, err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, m.url+path, rd)
	if err != nil {
		return fmt.Errorf("building %s %s: %w", method, path, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := m.http.Do(req)
	if err != nil {
		return fmt.Errorf("calling the mock's %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("reading the mock's answer to %s %s: %w", method, path, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("the mock answered %s to %s %s: %s", resp.Status, method, path, strings.TrimSpace(string(raw)))
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("decoding the mock's answer to %s %s: %w", method, path, err)
	}
	return nil
}

// requestCounts is GET /_mock/requests: API requests in all, by route, and by the
// status answered ("200", "429", or "none" for a request that got no answer).
type requestCounts struct {
	Total    int            `json:"total"`
	ByRoute  map[string]int `json:"by_route"`
	ByStatus map[string]int `json:"by_status"`
}

// minus is the requests made between two snapshots.
func (c requestCounts) minus(before requestCounts) requestCounts {
	return requestCounts{
		Total:    c.Total - before.Total,
		ByRoute:  countsMinus(c.ByRoute, before.ByRoute),
		ByStatus: countsMinus(c.ByStatus, before.ByStatus),
	}
}

func countsMinus(after, before map[string]int) map[string]int {
	out := map[string]int{}
	for k, v := range after {
		if d := v - before[k]; d != 0 {
			out[k] = d
		}
	}
	return out
}

// refused is how many requests were answered 429.
func (c requestCounts) refused() int { return c.ByStatus["429"] }

func (m *mockProcess) requests(ctx context.Context) (requestCounts, error) {
	var rc requestCounts
	err := m.control(ctx, http.MethodGet, "/_mock/requests", nil, &rc)
	return rc, err
}

// setLatency delays every API answer by d; zero clears the rules. A rule without
// a status serves the request normally after the delay.
func (m *mockProcess) setLatency(ctx context.Context, d time.Duration) error {
	rules := []map[string]any{}
	if d > 0 {
		rules = append(rules, map[string]any{"latency_ms": d.Milliseconds()})
	}
	return m.control(ctx, http.MethodPost, "/_mock/faults", map[string]any{"rules": rules}, nil)
}

// user is an active agent of the tenant, as a configuration names it.
type user struct {
	AgentID  int64  `json:"agentId"`
	UserName string `json:"userName"`
	IsActive bool   `json:"isActive"`
}

// activeUsers returns the tenant's active agents in ascending order of id, from
// GET /_mock/state, so the configuration only names agents that exist.
func (m *mockProcess) activeUsers(ctx context.Context) ([]user, error) {
	var st struct {
		Agents []user `json:"agents"`
	}
	if err := m.control(ctx, http.MethodGet, "/_mock/state", nil, &st); err != nil {
		return nil, err
	}
	var out []user
	for _, a := range st.Agents {
		if a.IsActive {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].AgentID < out[j].AgentID })
	return out, nil
}

// agentIDs lists the users' agent ids in the same order.
func agentIDs(users []user) []int64 {
	out := make([]int64, len(users))
	for i, u := range users {
		out[i] = u.AgentID
	}
	return out
}

// seedActiveUsers is how many active users the mock holds without -extra-users.
const seedActiveUsers = 8

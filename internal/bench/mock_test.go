package main

import (
	"io"
	"net/http"
	"path/filepath"
	"testing"
	"time"
)

// TestMockControls builds and runs the real mock program, as the bench does.
func TestMockControls(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the mock")
	}
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "mockcxone")
	if err := goBuild(t.Context(), root, bin, "./internal/mockcxone/cmd/mockcxone"); err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	m, err := startMock(ctx, bin, 3, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := m.stop(); err != nil {
			t.Error(err)
		}
	}()

	agents, err := m.activeAgents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(agents) != seedActiveUsers+3 || agents[0] != 1001 {
		t.Fatalf("active agents = %v, want the %d seed users from 1001 plus 3", agents, seedActiveUsers)
	}
	for _, id := range agents {
		if id == 1009 {
			t.Errorf("inactive seed user 1009 (raksha) listed as active: %v", agents)
		}
	}

	if err := m.setLatency(ctx, 30*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	call(t, m.url+"/inContactAPI/services/v34.0/agents")
	if d := time.Since(start); d < 30*time.Millisecond {
		t.Errorf("answer took %s with 30ms of latency", d)
	}
	rc, err := m.requests(ctx)
	if err != nil || rc.Total != 1 {
		t.Fatalf("requests = %+v, %v; want 1", rc, err)
	}
	call(t, m.url+"/inContactAPI/services/v34.0/skills")
	after, err := m.requests(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := after.minus(rc); d.Total != 1 || len(d.ByRoute) != 1 || d.ByRoute["GET /inContactAPI/services/{version}/skills"] != 1 {
		t.Errorf("minus = %+v, want the one skills call", d)
	}
}

// call makes one unauthenticated request; the answer (401) does not matter, only
// that the mock counted and delayed it.
func call(t *testing.T, url string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		t.Fatal(err)
	}
	if err := resp.Body.Close(); err != nil {
		t.Fatal(err)
	}
}

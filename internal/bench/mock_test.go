package main

import (
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
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
	m, err := startMock(ctx, bin, mockOptions{extraUsers: 3}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := m.stop(); err != nil {
			t.Error(err)
		}
	}()

	users, err := m.activeUsers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	agents := agentIDs(users)
	if users[0].UserName == "" || users[len(users)-1].UserName != "user0003" {
		t.Errorf("users = %+v, want names, the last one user0003", users)
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
	if after.ByStatus["401"] != 2 || after.refused() != 0 {
		t.Errorf("by status = %v, want the two calls without a token answered 401", after.ByStatus)
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

// TestRequestCountsByStatus reads GET /_mock/requests as the mock writes it and takes
// the difference of two snapshots, statuses included.
func TestRequestCountsByStatus(t *testing.T) {
	var before, after requestCounts
	if err := json.Unmarshal([]byte(`{"total": 10, "by_route": {"GET /dfo/3.0/channels": 10}, "by_status": {"200": 8, "429": 2}}`), &before); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(`{"total": 25, "by_route": {"GET /dfo/3.0/channels": 25}, "by_status": {"200": 18, "429": 6, "none": 1}}`), &after); err != nil {
		t.Fatal(err)
	}
	d := after.minus(before)
	if d.Total != 15 || d.refused() != 4 || d.ByStatus["200"] != 10 || d.ByStatus["none"] != 1 || d.ByRoute["GET /dfo/3.0/channels"] != 15 {
		t.Errorf("minus = %+v", d)
	}
}

func TestMockOptionsArgs(t *testing.T) {
	plain := strings.Join(mockOptions{extraUsers: 5}.args(), " ")
	if !strings.Contains(plain, "-extra-users 5") || strings.Contains(plain, "-rate-limit") {
		t.Errorf("args = %s", plain)
	}
	if limited := strings.Join(mockOptions{rateLimit: 20}.args(), " "); !strings.Contains(limited, "-rate-limit 20") {
		t.Errorf("args = %s", limited)
	}
}

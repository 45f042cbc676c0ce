package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestReadStatusOfThisProcess(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	ppid, hwm, ok := readStatus(os.Getpid())
	if !ok || ppid != os.Getppid() || hwm < 1<<20 {
		t.Errorf("readStatus = ppid %d, VmHWM %d, %v; want ppid %d and a VmHWM of at least 1 MiB", ppid, hwm, ok, os.Getppid())
	}
}

// TestRSSWatchSeesOnlyProviderChildren runs a shell (standing in for terraform)
// that starts a process named like the provider, and checks that the watch finds
// it through its parent.
func TestRSSWatchSeesOnlyProviderChildren(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep binary")
	}
	dir := t.TempDir()
	fake := filepath.Join(dir, providerBinary)
	b, err := os.ReadFile(sleep)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fake, b, 0o755); err != nil {
		t.Fatal(err)
	}

	// "; true" keeps the shell alive as the parent instead of exec'ing the child.
	sh := exec.Command("sh", "-c", fake+" 0.4; true")
	if err := sh.Start(); err != nil {
		t.Fatal(err)
	}
	w := newRSSWatch(sh.Process.Pid)
	if err := sh.Wait(); err != nil {
		t.Fatal(err)
	}
	if peak := w.stop(); peak <= 0 {
		t.Errorf("peak = %d, want the fake provider's VmHWM", peak)
	}

	other := newRSSWatch(os.Getpid()) // no provider is a child of the test
	time.Sleep(2 * rssPollInterval)
	if peak := other.stop(); peak != 0 {
		t.Errorf("peak = %d for a parent without provider children", peak)
	}
}

func TestTerraformRunnerReportsFailures(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "fake-terraform")
	if err := os.WriteFile(script, []byte("#!/bin/sh\necho \"ran $*\"\nexit \"$EXIT\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	tf := &terraformRunner{binary: script, dir: dir, env: []string{"EXIT=2"}, timeout: 10 * time.Second}
	res, err := tf.run(context.Background(), "plan.log", []int{0, 2}, "plan", "-x")
	if err != nil || res.exitCode != 2 || res.wall <= 0 {
		t.Fatalf("run = %+v, %v; want exit 2 accepted", res, err)
	}
	log, err := os.ReadFile(filepath.Join(dir, "plan.log"))
	if err != nil || strings.TrimSpace(string(log)) != "ran plan -x" {
		t.Errorf("log = %q, %v", log, err)
	}
	if reportsNoChanges(res.log) {
		t.Error("a log without \"No changes.\" reported none")
	}
	res, err = tf.run(context.Background(), "plan2.log", []int{0, 2}, "plan", "\nNo changes. Your infrastructure still matches the configuration.")
	if err != nil || !reportsNoChanges(res.log) {
		t.Errorf("run = %+v, %v; want a log that reports no changes", res, err)
	}

	_, err = tf.run(context.Background(), "apply.log", []int{0}, "apply")
	if err == nil || !strings.Contains(err.Error(), "exited with 2") || !strings.Contains(err.Error(), "ran apply") {
		t.Errorf("err = %v, want the exit code and the log's tail", err)
	}
}

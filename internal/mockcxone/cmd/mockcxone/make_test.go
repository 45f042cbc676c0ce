//go:build unix

package main

import (
	"bufio"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMakeMockStopsWithMake: `make mock` started in the background and stopped with a
// SIGTERM to make (what `kill` of a background job sends) stops the mock and frees its
// port. make passes SIGTERM on to its own children only, so the recipe must exec the mock:
// with a shell or `go run` in between, the mock outlived make.
func TestMakeMockStopsWithMake(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the mock through make")
	}
	makePath, err := exec.LookPath("make")
	if err != nil {
		t.Skip("no make on PATH")
	}
	root, err := filepath.Abs("../../../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "GNUmakefile")); err != nil {
		t.Skipf("no GNUmakefile at %s: %v", root, err)
	}
	cmd := exec.Command(makePath, "--no-print-directory", "-C", root, "mock", "MOCK_ADDR=127.0.0.1:0", "MOCK_ARGS=-quiet")
	// A group of its own, so that whatever make started can be cleaned up even if it
	// outlives make (the failure this test is about).
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // the group: make and what it started
		_ = cmd.Wait()
	})

	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "listening on http://"); ok {
				addr <- u
			}
		}
	}()
	var hostPort string
	select {
	case hostPort = <-addr:
	case <-time.After(2 * time.Minute):
		t.Fatal("make mock did not start the mock")
	}
	if c, err := net.Dial("tcp", hostPort); err != nil {
		t.Fatalf("the mock does not accept connections: %v", err)
	} else {
		_ = c.Close()
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.Dial("tcp", hostPort)
		if err != nil {
			return // the port is free
		}
		_ = c.Close()
		if time.Now().After(deadline) {
			t.Fatalf("the mock still listens on %s after make was stopped", hostPort)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

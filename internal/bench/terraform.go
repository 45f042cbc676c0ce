package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// providerBinary is the file name Terraform runs the provider as under dev_overrides.
const providerBinary = "terraform-provider-cxone"

// terraformRunner runs the Terraform CLI in one working directory with the
// environment of the bench: the CLI config with dev_overrides and the provider
// settings that reach the mock.
type terraformRunner struct {
	binary  string
	dir     string
	env     []string
	timeout time.Duration
}

// result is one timed terraform command.
type result struct {
	wall     time.Duration
	exitCode int
	peakRSS  int64 // bytes; the largest VmHWM of any provider process it started
	log      string
}

// run executes terraform with args, logging its output to logName in the working
// directory. okCodes are the exit codes that are not failures (plan
// -detailed-exitcode answers 2 for "changes"). While it runs, the provider
// processes it starts are watched for their peak resident set.
func (t *terraformRunner) run(ctx context.Context, logName string, okCodes []int, args ...string) (result, error) {
	ctx, cancel := context.WithTimeout(ctx, t.timeout)
	defer cancel()
	logPath := filepath.Join(t.dir, logName)
	logFile, err := os.Create(logPath)
	if err != nil {
		return result{}, fmt.Errorf("creating %s: %w", logPath, err)
	}
	defer logFile.Close()

	cmd := exec.CommandContext(ctx, t.binary, args...)
	cmd.Dir = t.dir
	cmd.Env = t.env
	cmd.Stdout = logFile
	cmd.Stderr = logFile
	// Terraform stops its providers itself on SIGINT; the default kill would leave them.
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 10 * time.Second

	start := time.Now()
	if err := cmd.Start(); err != nil {
		return result{}, fmt.Errorf("starting terraform %s: %w", args[0], err)
	}
	watch := newRSSWatch(cmd.Process.Pid)
	err = cmd.Wait()
	res := result{wall: time.Since(start), peakRSS: watch.stop(), log: logPath}

	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		res.exitCode = exitErr.ExitCode()
	default:
		return res, fmt.Errorf("running terraform %s: %w", args[0], err)
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return res, fmt.Errorf("terraform %s did not finish within %s (log: %s)", args[0], t.timeout, logPath)
	}
	if ctx.Err() != nil {
		return res, fmt.Errorf("terraform %s was interrupted: %w", args[0], ctx.Err())
	}
	for _, c := range okCodes {
		if res.exitCode == c {
			return res, nil
		}
	}
	return res, fmt.Errorf("terraform %s exited with %d (log: %s):\n%s", args[0], res.exitCode, logPath, tail(logPath, 40))
}

// reportsNoChanges tells whether a plan's log says it found nothing to change.
func reportsNoChanges(logPath string) bool {
	b, err := os.ReadFile(logPath)
	return err == nil && bytes.Contains(b, []byte("\nNo changes."))
}

// tail returns the last n lines of a log, for error messages that explain themselves.
func tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Sprintf("(cannot read the log: %v)", err)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// rssPollInterval is how often /proc is read for the provider's peak RSS. VmHWM is
// the kernel's own high-water mark, so polling only has to catch the process
// before it exits, not at its peak.
const rssPollInterval = 50 * time.Millisecond

// rssWatch polls the children of one terraform process for provider processes and
// keeps the largest VmHWM seen.
type rssWatch struct {
	parent int
	quit   chan struct{}
	wg     sync.WaitGroup
	peak   int64
}

func newRSSWatch(parent int) *rssWatch {
	w := &rssWatch{parent: parent, quit: make(chan struct{})}
	w.wg.Add(1)
	go w.loop()
	return w
}

func (w *rssWatch) loop() {
	defer w.wg.Done()
	tick := time.NewTicker(rssPollInterval)
	defer tick.Stop()
	for {
		w.poll()
		select {
		case <-w.quit:
			return
		case <-tick.C:
		}
	}
}

// poll looks at every process once. Only direct children of our terraform count:
// other runs of the provider on the machine (tests, another bench) must not.
func (w *rssWatch) poll() {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return // not Linux: the peak stays unknown (0)
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if !isProvider(pid) {
			continue
		}
		ppid, hwm, ok := readStatus(pid)
		if ok && ppid == w.parent && hwm > w.peak {
			w.peak = hwm
		}
	}
}

// stop ends polling and returns the peak in bytes (0 if no provider was seen).
func (w *rssWatch) stop() int64 {
	close(w.quit)
	w.wg.Wait()
	return w.peak
}

// isProvider tells whether pid runs the provider binary. A process gone meanwhile
// is simply not one.
func isProvider(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil || len(b) == 0 {
		return false
	}
	argv0, _, _ := bytes.Cut(b, []byte{0})
	return filepath.Base(string(argv0)) == providerBinary
}

// readStatus reads the parent pid and VmHWM (bytes) from /proc/PID/status.
func readStatus(pid int) (ppid int, hwm int64, ok bool) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, 0, false
	}
	defer f.Close()
	var havePPid, haveHWM bool
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, val, found := strings.Cut(sc.Text(), ":")
		if !found {
			continue
		}
		fields := strings.Fields(val)
		if len(fields) == 0 {
			continue
		}
		switch key {
		case "PPid":
			ppid, err = strconv.Atoi(fields[0])
			havePPid = err == nil
		case "VmHWM":
			kb, err := strconv.ParseInt(fields[0], 10, 64)
			hwm, haveHWM = kb*1024, err == nil
		}
	}
	return ppid, hwm, havePPid && haveHWM && sc.Err() == nil
}

package cxone

import (
	"context"
	"errors"
	"math"
	"net/http"
	"testing"
	"time"
)

// The pacer's rules, one by one, on a clock the test moves: nothing here sleeps.

type fakeClock struct{ t time.Time }

func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

// testPacer is a pacer on a fake clock whose sleep moves the clock.
func testPacer(ceiling float64) (*pacer, *fakeClock) {
	clk := &fakeClock{t: time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)}
	p := newPacer(ceiling, 10*time.Second)
	p.now = func() time.Time { return clk.t }
	p.sleep = func(_ context.Context, d time.Duration) error { clk.advance(d); return nil }
	p.random = func() float64 { return 0.5 } // steps of paceGrowEvery exactly
	return p, clk
}

// take reserves a turn and returns how long after now it starts, and its ticket.
func take(p *pacer, clk *fakeClock) (time.Duration, ticket) {
	at, tk, _ := p.reserve()
	return at.Sub(clk.t), tk
}

// serve records n answers of 200 to attempts sent at the current pace.
func serve(p *pacer, n int) {
	for range n {
		p.answered(ticket{cuts: p.cuts}, http.StatusOK, "")
	}
}

// refuse records a 429 to an attempt sent with tk.
func refuse(p *pacer, tk ticket) { p.answered(tk, http.StatusTooManyRequests, "") }

// spacing takes n turns at once and returns the gaps between their starts.
func spacing(p *pacer, clk *fakeClock, n int) []time.Duration {
	var gaps []time.Duration
	var last time.Duration
	for i := range n {
		d, _ := take(p, clk)
		if i > 0 {
			gaps = append(gaps, d-last)
		}
		last = d
	}
	return gaps
}

func wantPace(t *testing.T, p *pacer, want float64) {
	t.Helper()
	if got := p.pace(); math.Abs(got-want) > 1e-9 {
		t.Fatalf("pace = %v requests/s, want %v", got, want)
	}
}

func TestPacer_unpacedUntilRefused(t *testing.T) {
	p, clk := testPacer(0)
	for range 50 {
		if d, _ := take(p, clk); d != 0 {
			t.Fatalf("an unpaced client waited %v", d)
		}
	}
	serve(p, 100)
	for range 50 {
		if d, _ := take(p, clk); d != 0 {
			t.Fatalf("a client that was never refused waited %v", d)
		}
	}
}

func TestPacer_ceilingSpacesEveryAttempt(t *testing.T) {
	p, clk := testPacer(10)
	for _, gap := range spacing(p, clk, 5) {
		if gap != 100*time.Millisecond {
			t.Fatalf("gaps at a ceiling of 10/s: %v", spacing(p, clk, 5))
		}
	}
}

// TestPacer_a429SlowsEveryCaller: one 429 sets the pace of every later turn, whoever takes it.
func TestPacer_a429SlowsEveryCaller(t *testing.T) {
	p, clk := testPacer(0)
	serve(p, 20) // CXone served 20 in the last second
	_, tk := take(p, clk)
	refuse(p, tk)
	wantPace(t, p, 16)
	if d, _ := take(p, clk); d != time.Second/16 {
		t.Fatalf("first turn after the cut starts after %v, want a step of the new pace", d)
	}
	for _, gap := range spacing(p, clk, 4) {
		if gap != time.Second/16 {
			t.Fatalf("turns after the cut are %v apart, want %v", gap, time.Second/16)
		}
	}
}

// TestPacer_aBurstOfRefusalsCutsOnce: the 429s of attempts sent before a cut were sent at the
// old pace and do not cut again; a 429 to an attempt sent at the new pace does.
func TestPacer_aBurstOfRefusalsCutsOnce(t *testing.T) {
	p, clk := testPacer(0)
	serve(p, 20)
	var inFlight []ticket
	for range 10 {
		_, tk := take(p, clk)
		inFlight = append(inFlight, tk)
	}
	for _, tk := range inFlight {
		refuse(p, tk)
	}
	wantPace(t, p, 16)
	_, tk := take(p, clk)
	refuse(p, tk)
	wantPace(t, p, 16*paceCut)
}

// TestPacer_answersOnTheirWayCountInTheCut: successes that were in flight when the first 429
// arrived belong to the second that was measured.
func TestPacer_answersOnTheirWayCountInTheCut(t *testing.T) {
	p, clk := testPacer(0)
	_, before := take(p, clk)
	serve(p, 14)
	_, tk := take(p, clk)
	refuse(p, tk)
	wantPace(t, p, 14*paceCut)
	for range 6 {
		p.answered(before, http.StatusOK, "")
	}
	wantPace(t, p, 20*paceCut)
	serve(p, 10) // answers to attempts sent at the new pace measure nothing about the old one
	wantPace(t, p, 20*paceCut)
}

// TestPacer_ignoresRefusalsItCannotBlameOnThePace: a 429 to a nearly idle client leaves it
// unpaced.
func TestPacer_ignoresRefusalsItCannotBlameOnThePace(t *testing.T) {
	p, clk := testPacer(0)
	serve(p, paceMinSample-2)
	_, tk := take(p, clk)
	refuse(p, tk)
	wantPace(t, p, 0)
	if d, _ := take(p, clk); d != 0 {
		t.Fatalf("waited %v", d)
	}
}

// TestPacer_sharesATenantOthersSpend: a busy client that CXone serves almost nothing, because
// other clients spend the tenant's budget, paces itself at half what it sent, and cuts on
// multiplicatively while refused, as every client sharing the tenant then does: that is how
// they converge on a fair share. It never stops: an episode's floor is half its first cut.
func TestPacer_sharesATenantOthersSpend(t *testing.T) {
	p, clk := testPacer(0)
	for range paceMinSample {
		_, tk := take(p, clk)
		refuse(p, tk)
	}
	wantPace(t, p, paceMinSample/2.0)
	_, tk := take(p, clk)
	refuse(p, tk)
	wantPace(t, p, paceMinSample/2.0*paceCut)
	for range 20 {
		_, tk := take(p, clk)
		refuse(p, tk)
	}
	wantPace(t, p, paceMinSample/4.0)
	for range 4 {
		calmStep(p, clk)
	}
	take(p, clk)
	if p.pace() <= paceMinSample/4.0 {
		t.Fatalf("pace %v: it does not grow back once nothing is refused", p.pace())
	}
}

// TestPacer_anEpisodeCutsToHalfItsFirstCutAtMost: refusals that go on whatever the pace stop
// cutting at half the episode's first cut.
func TestPacer_anEpisodeCutsToHalfItsFirstCutAtMost(t *testing.T) {
	p, clk := testPacer(0)
	serve(p, 20)
	for range 20 {
		_, tk := take(p, clk)
		refuse(p, tk)
	}
	wantPace(t, p, 16/2)
}

// calmStep is one growth step during which the pace held a caller back and nothing was refused.
func calmStep(p *pacer, clk *fakeClock) {
	take(p, clk)
	take(p, clk) // the second turn of the instant waits for the first
	clk.advance(paceGrowEvery)
}

// TestPacer_growsBackWhileCalm: linearly to the level measured at the cut, then by probe steps.
func TestPacer_growsBackWhileCalm(t *testing.T) {
	p, clk := testPacer(0)
	serve(p, 20)
	_, tk := take(p, clk)
	refuse(p, tk)
	wantPace(t, p, 16)
	for range 8 {
		calmStep(p, clk)
	}
	take(p, clk) // growth is settled when a turn is taken
	wantPace(t, p, 20)
	calmStep(p, clk)
	take(p, clk)
	wantPace(t, p, 20*paceProbe)

	// The next 429 starts a new episode, with a new floor, measured at what was served.
	clk.advance(2 * paceWindow)
	serve(p, 30)
	_, tk = take(p, clk)
	refuse(p, tk)
	wantPace(t, p, 20*paceProbe*paceCut)
	if math.Abs(p.floor-20*paceProbe*paceCut/2) > 1e-9 {
		t.Fatalf("floor of the new episode = %v", p.floor)
	}
}

// TestPacer_growsOnlyWhenItHoldsCallersBackAndNothingIsRefused.
func TestPacer_growsOnlyWhenItHoldsCallersBackAndNothingIsRefused(t *testing.T) {
	p, clk := testPacer(0)
	serve(p, 20)
	_, tk := take(p, clk)
	refuse(p, tk)
	for range 10 { // one turn per step: nobody waits
		clk.advance(paceGrowEvery)
		take(p, clk)
	}
	wantPace(t, p, 16)
	for range 10 { // callers wait, but a 429 comes in every step
		take(p, clk)
		_, tk := take(p, clk)
		p.answered(ticket{cuts: tk.cuts - 1}, http.StatusTooManyRequests, "") // sent before the cut: no new cut
		clk.advance(paceGrowEvery)
	}
	take(p, clk)
	wantPace(t, p, 16)
}

// TestPacer_neverAboveTheCeiling: the pace set by a 429 starts below the ceiling, and once
// it grows back to it the ceiling alone applies again.
func TestPacer_neverAboveTheCeiling(t *testing.T) {
	p, clk := testPacer(10)
	serve(p, 50)
	_, tk := take(p, clk)
	refuse(p, tk)
	wantPace(t, p, 10*paceCut)
	for range 20 {
		calmStep(p, clk)
	}
	take(p, clk)
	if p.rate != 0 {
		t.Fatalf("pace set by 429s = %v, want none once back at the ceiling", p.rate)
	}
	wantPace(t, p, 10)
}

// TestPacer_retryAfterHoldsEveryCaller: Retry-After on a 429 or 503 holds every turn, capped,
// and a shorter one later does not shorten the hold.
func TestPacer_retryAfterHoldsEveryCaller(t *testing.T) {
	p, clk := testPacer(0)
	_, tk := take(p, clk)
	for _, step := range []struct {
		status     int
		retryAfter string
		want       time.Duration
		what       string
	}{
		{http.StatusServiceUnavailable, "2", 2 * time.Second, "a 503 with Retry-After 2"},
		{http.StatusTooManyRequests, "1", 2 * time.Second, "a shorter Retry-After, 1, on a 429 (the hold stays)"},
		{http.StatusTooManyRequests, "3600", 10 * time.Second, "Retry-After 3600 on a 429 (the 10s cap)"},
		{http.StatusBadGateway, "30", 10 * time.Second, "a 502 with Retry-After 30"},
	} {
		p.answered(tk, step.status, step.retryAfter)
		if d, _ := take(p, clk); d != step.want {
			t.Fatalf("after %s the next turn starts after %v, want %v", step.what, d, step.want)
		}
	}
}

// TestPacer_sleepersTakeANewTurnAfterACut: a caller asleep until a turn given at the old pace
// wakes to a cut or a hold and takes a new turn, so nobody sends at a pace no longer in force.
func TestPacer_sleepersTakeANewTurnAfterACut(t *testing.T) {
	p, clk := testPacer(10) // turns 100 ms apart
	take(p, clk)
	take(p, clk) // the next turn is 200 ms away
	slept := 0
	p.sleep = func(_ context.Context, d time.Duration) error {
		slept++
		if slept == 1 {
			// Meanwhile another caller is told to wait 3 s.
			p.answered(ticket{}, http.StatusTooManyRequests, "3")
		}
		clk.advance(d)
		return nil
	}
	start := clk.t
	if _, err := p.wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if waited := clk.t.Sub(start); slept != 2 || waited != 3*time.Second {
		t.Fatalf("slept %d times, %v in all; want a second sleep to the end of the 3s hold", slept, waited)
	}
}

func TestPacer_waitEndsWithItsContext(t *testing.T) {
	p := newPacer(1, time.Second)
	if _, err := p.wait(context.Background()); err != nil { // the first turn is free
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := p.wait(ctx); !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 500*time.Millisecond {
		t.Fatalf("wait = %v after %v, want the context's deadline at once", err, time.Since(start))
	}
}

func TestSlotCounter_countsTheLastWindow(t *testing.T) {
	var c slotCounter
	t0 := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	for i := range 20 {
		c.add(t0.Add(time.Duration(i) * 100 * time.Millisecond)) // 20 events over 2 s
	}
	last := t0.Add(1900 * time.Millisecond)
	if got := c.count(last); got != paceSlots {
		t.Fatalf("count over the last window = %d, want %d", got, paceSlots)
	}
	if got := c.count(last.Add(5 * time.Second)); got != 0 {
		t.Fatalf("count long after = %d, want 0", got)
	}
	var young slotCounter
	for i := range 5 {
		young.add(t0.Add(time.Duration(i) * 100 * time.Millisecond))
	}
	if got := young.count(t0.Add(450 * time.Millisecond)); got != 5 {
		t.Fatalf("count at 450 ms = %d, want the 5 events so far", got)
	}
}

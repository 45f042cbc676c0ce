package cxone

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// CXone does not publish its rate limits and answers 429 past them, often without Retry-After
// (README.md, section 1). Retrying alone finds the limit by hammering it: every caller learns
// of the limit only from its own 429, so a parallel run keeps sending at full speed and a third
// of its requests are refused. The pacer makes every attempt of a Client, retries included,
// learn from every 429: the whole client slows down, then speeds up again while CXone keeps
// serving, so a run settles near the tenant's limit. MaxRequestsPerSecond stays a hard cap.
//
// The rule is AIMD on the request rate, as TCP does with its window:
//   - Unpaced (or paced at the cap) until CXone refuses a request.
//   - A 429 sets the pace to paceCut of the rate CXone served over the last second (never
//     faster than the pace in force); successes that were on their way then still count in
//     that second. Attempts sent before the cut, at the old pace, do not cut it again when
//     their own 429s arrive, so a burst of refusals is one cut; a 429 to an attempt sent at
//     the new pace cuts again.
//   - Unpaced, a 429 that arrives while the client is nearly idle (fewer than paceMinSample
//     answers in the last second) says nothing about the pace: the retries wait for it.
//   - When CXone served too few to measure (fewer than paceMinServed), a 429 cuts all the
//     same: paced, by paceCut of the pace itself; unpaced, to paceCut of what was served,
//     growing back towards what was sent. This is what lets several
//     clients (pipelines, each its own process) that share one tenant's limit converge on a
//     fair share of it: each one's share is small, so each one measures little, and only if
//     every one of them backs off multiplicatively does their sum settle under the limit
//     (AIMD's fairness; the AWS SDKs' adaptive retry mode does the same with CUBIC).
//   - The cuts of one episode (the cuts between two growths of the pace) go no lower than half
//     its first cut. Refusals that go on whatever the pace are not the pace's doing (faults,
//     or another client spending the tenant's budget): cutting on each of them would slow a
//     run to a crawl, and the retries absorb them as they would without pacing.
//   - While the pace holds callers back and nothing was refused for a step (paceGrowEvery,
//     with jitter so that clients sharing a tenant do not step in lockstep), it grows:
//     linearly back to the rate measured at the last cut (the level), then beyond it by
//     steps that grow each time (paceProbe-1 of the level, then twice that, and so on): slow
//     near the level where the limit was met, faster the longer it is not met again, as
//     CUBIC grows its window, since a limit not met again may have moved. At the cap the cap
//     alone applies again.
//   - Retry-After, on a 429 or a 503, holds every caller, not only the one that got it;
//     callers already asleep until a turn of the old pace wake and take a new turn.
//
// Against the mock's -rate-limit 20 (a token bucket of 20), ten parallel callers unpaced had
// 29-31% of their requests refused; paced, 2-3%, in about the same time
// (BenchmarkPacing_rateLimit20).
const (
	paceCut       = 0.8
	paceWindow    = time.Second
	paceSlots     = 10 // the window is counted in slots of paceWindow/paceSlots
	paceMinSample = 10
	paceMinServed = 5
	paceGrowEvery = 500 * time.Millisecond
	paceClimb     = 0.025 // of the level per step: 5% a second
	paceProbe     = 1.05  // the first step beyond the level; each next step adds one more such
	paceJitter    = 0.5   // a step lasts paceGrowEvery times 1 ± paceJitter/2
	paceMinRate   = 0.5   // requests per second; the pace never stops the client
)

// pacer decides when each attempt of a Client may start. It is safe for concurrent use and
// starts no goroutine: callers wait on timers of their own. The turns are a rate.Limiter's
// reservations at the pace in force (a burst of one); a cut replaces the limiter, which voids
// the turns given at the old pace, and callers asleep on one take a new turn when they wake.
type pacer struct {
	now    func() time.Time
	sleep  func(ctx context.Context, d time.Duration) error
	random func() float64 // in [0, 1): the jitter of the growth steps

	mu      sync.Mutex
	ceiling float64       // MaxRequestsPerSecond; 0: none
	maxHold time.Duration // the cap on Retry-After

	rate       float64       // the pace set by 429s; 0: none (the ceiling alone applies)
	level      float64       // the rate CXone served when the last cut was made
	floor      float64       // the lowest pace of the current episode
	lim        *rate.Limiter // spaces the turns at the pace in force; nil: unpaced
	notBefore  time.Time     // Retry-After, for every caller
	heldFor    time.Duration // the Retry-After that set notBefore, as CXone asked it
	lastCut    time.Time
	lastGrow   time.Time
	waited     bool    // a caller waited for the pace since lastGrow
	refused    bool    // a 429 came since lastGrow
	grown      bool    // the pace grew since the last cut: the next cut starts an episode
	episodeCut bool    // the last cut started an episode
	cutFrom    float64 // the pace the last cut cut; 0: unpaced
	probes     int     // growth steps beyond the level since the last cut
	growEvery  time.Duration
	cuts       uint64 // counts cuts: an attempt's ticket says which pace it was sent at
	changes    uint64 // counts cuts and holds: a sleeping caller checks it on waking

	served  slotCounter // answers other than 429 and 5xx
	answers slotCounter // every answer
}

// ticket is what an attempt knows of the pace it was sent at.
type ticket struct{ cuts uint64 }

func newPacer(ceiling float64, maxHold time.Duration) *pacer {
	p := &pacer{now: time.Now, sleep: sleepCtx, random: rand.Float64, ceiling: ceiling, maxHold: maxHold, growEvery: paceGrowEvery}
	if ceiling > 0 {
		// A burst of one: MaxRequestsPerSecond spaces requests evenly.
		p.lim = rate.NewLimiter(rate.Limit(ceiling), 1)
	}
	return p
}

// wait blocks until the pace lets the next attempt start, or ctx ends. A caller whose turn
// was given before a cut or a hold takes a new turn when it wakes, so nobody sends at a
// pace that is no longer in force.
//
// A caller whose deadline (the call's retry budget) ends before a Retry-After hold does
// not sleep until its deadline: it fails at once with a *heldError, since CXone has
// already said it will not answer before then.
func (p *pacer) wait(ctx context.Context) (ticket, error) {
	for {
		at, tk, changes := p.reserve()
		d := at.Sub(p.now())
		if d <= 0 {
			return tk, nil
		}
		if err := p.heldPast(ctx); err != nil {
			return tk, err
		}
		if err := p.sleep(ctx, d); err != nil {
			return tk, err
		}
		p.mu.Lock()
		same := p.changes == changes
		p.mu.Unlock()
		if same {
			return tk, nil
		}
	}
}

// heldPast is a *heldError when a Retry-After hold lasts beyond ctx's deadline.
func (p *pacer) heldPast(ctx context.Context) error {
	deadline, ok := ctx.Deadline()
	if !ok {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.notBefore.After(deadline) {
		return nil
	}
	return &heldError{asked: p.heldFor}
}

// heldError says that CXone asked, on an earlier answer, for a wait (Retry-After) that ends
// after the caller's deadline: the request was not sent.
type heldError struct{ asked time.Duration }

func (e *heldError) Error() string {
	return fmt.Sprintf("CXone asked to wait %s (Retry-After) on an earlier answer", e.asked)
}

// reserve takes the next turn: when it starts, the ticket of the pace it is taken at, and the
// change count to compare on waking.
func (p *pacer) reserve() (time.Time, ticket, uint64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	p.grow(now)
	// Turns are taken from the time the caller may go at all: a Retry-After hold is the
	// same for every caller, so the turns after it are spaced from its end.
	at := now
	if p.notBefore.After(at) {
		at = p.notBefore
	}
	if p.lim != nil {
		if d := p.lim.ReserveN(at, 1).DelayFrom(at); d > 0 {
			at = at.Add(d)
			p.waited = true
		}
	}
	return at, ticket{cuts: p.cuts}, p.changes
}

// pace is the rate in force; 0 means unpaced.
func (p *pacer) pace() float64 {
	switch {
	case p.rate == 0:
		return p.ceiling
	case p.ceiling == 0:
		return p.rate
	default:
		return min(p.rate, p.ceiling)
	}
}

// grow raises a 429-set pace after a calm step during which it held callers back. Caller
// holds mu.
func (p *pacer) grow(now time.Time) {
	if p.rate == 0 || now.Sub(p.lastGrow) < p.growEvery {
		return
	}
	p.growEvery = time.Duration(float64(paceGrowEvery) * (1 + paceJitter*(p.random()-0.5)))
	if p.waited && !p.refused {
		if p.rate < p.level {
			p.rate = min(p.rate+paceClimb*p.level, p.level)
		} else {
			p.probes++
			p.rate += (paceProbe - 1) * p.level * float64(p.probes)
		}
		if p.ceiling > 0 && p.rate >= p.ceiling {
			p.rate = 0
		}
		p.lim.SetLimitAt(now, rate.Limit(p.pace())) // the turns already given stand
		p.grown = true
	}
	p.lastGrow, p.waited, p.refused = now, false, false
}

// answered tells the pacer how CXone answered an attempt sent with tk.
func (p *pacer) answered(tk ticket, status int, retryAfter string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	p.answers.add(now)
	if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		if d, ok := parseRetryAfter(retryAfter, now); ok {
			if until := now.Add(min(d, p.maxHold)); until.After(p.notBefore) {
				p.notBefore, p.heldFor = until, d
				p.changes++
			}
		}
	}
	switch {
	case status == http.StatusTooManyRequests:
		p.refused = true
		p.throttled(tk, now)
	case status < http.StatusInternalServerError:
		p.served.add(now)
		if tk.cuts+1 == p.cuts && !p.grown && now.Sub(p.lastCut) < paceWindow {
			p.measure(now) // an answer on its way when the pace was cut
		}
	}
}

// throttled cuts the pace after a 429, when the 429 says something about it. Caller holds mu.
func (p *pacer) throttled(tk ticket, now time.Time) {
	answers, served := p.answers.count(now), p.served.count(now)
	if tk.cuts != p.cuts || (p.rate == 0 && answers < paceMinSample) {
		// Sent at a pace already cut; or a nearly idle client, whose 429 says nothing about
		// its pace: the retries' backoff waits as it would without pacing.
		return
	}
	// A new episode: the first 429 of a run, or the first since the pace grew.
	p.episodeCut = p.rate == 0 || p.grown
	p.cutFrom = p.pace()
	if p.episodeCut {
		p.floor = 0
	}
	switch {
	case served >= paceMinServed:
		p.rate, p.level = 0, 0
		p.measure(now)
	case p.cutFrom > 0:
		// Paced, and too little served to measure: the pace itself is cut, and the level
		// to grow back to is the pace that met the limit.
		p.level = p.cutFrom
		p.rate = max(paceCut*p.cutFrom, p.floor, paceMinRate)
	default:
		// Unpaced, busy, and CXone served almost nothing: others spend the tenant's budget.
		// Pace at half what was sent (further 429s cut on from there), and grow back
		// towards it.
		sent := float64(answers) / paceWindow.Seconds()
		p.level = sent
		p.rate = max(paceCut*float64(served)/paceWindow.Seconds(), sent/2, paceMinRate)
	}
	if p.episodeCut && served < paceMinServed {
		p.floor = max(p.rate/2, paceMinRate)
	}
	p.probes = 0
	p.lastCut, p.lastGrow, p.waited, p.refused, p.grown = now, now, false, false, false
	p.cuts++
	p.changes++
	// The turns given at the old pace are void: the next one is a full step of the new pace
	// away, which leaves CXone's own budget a moment to refill.
	p.lim = rate.NewLimiter(rate.Limit(p.pace()), 1)
	p.lim.ReserveN(now, 1)
}

// measure sets the pace of the last cut from the rate CXone served over the last second,
// never faster than the pace that was cut, and never lower than it already is: answers that
// were on their way when the pace was cut still count. Caller holds mu.
func (p *pacer) measure(now time.Time) {
	served := float64(p.served.count(now)) / paceWindow.Seconds()
	if p.cutFrom > 0 {
		served = min(served, p.cutFrom)
	}
	if p.episodeCut {
		p.floor = max(p.floor, paceCut*served/2)
	}
	p.rate = max(p.rate, paceCut*served, p.floor, paceMinRate)
	p.level = max(p.level, served, p.rate)
}

// slotCounter counts events over the last paceWindow in paceSlots slots, so that it holds a
// fixed amount of memory whatever the rate.
type slotCounter struct {
	slot [paceSlots]int64 // the slot number each count belongs to
	n    [paceSlots]int
}

func slotOf(t time.Time) int64 { return t.UnixNano() / int64(paceWindow/paceSlots) }

func (c *slotCounter) add(t time.Time) {
	s := slotOf(t)
	i := s % paceSlots
	if c.slot[i] != s {
		c.slot[i], c.n[i] = s, 0
	}
	c.n[i]++
}

// count is the number of events in the window that ends with now's slot.
func (c *slotCounter) count(now time.Time) int {
	s := slotOf(now)
	n := 0
	for i := range paceSlots {
		if age := s - c.slot[i]; age >= 0 && age < paceSlots {
			n += c.n[i]
		}
	}
	return n
}

// sleepCtx waits for d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

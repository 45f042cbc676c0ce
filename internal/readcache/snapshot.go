package readcache

import (
	"context"
	"sync"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// freeUserReads is how many requests the reads and look-ups of users make one by
// one before the first page of users is taken to learn what listing them costs: a
// configuration that reads no more users than that never pays for the page. Tenants
// hold thousands of users and a handful of integrations, and a page of skills or
// integrations often is the whole kind, so those kinds take their first page at
// once.
const freeUserReads = 5

// snapshot serves the reads of one kind of object. Without a first page (get), the
// first read lists every object once (other readers wait for that list) and the
// reads answer from it. With one (getBudgeted, find), reads follow the package's
// budget rule. Objects forgotten after a write, objects absent from the list, and
// every read after a failed list are read one by one.
type snapshot[K comparable, V any] struct {
	mu        sync.Mutex
	loading   chan struct{} // closed when the list has been taken
	items     map[K]V
	listErr   error
	forgotten map[K]bool
	// allForgotten: every object of the kind may have changed (forgetAll).
	allForgotten bool

	// The budget, for kinds read with a first page (see the package doc).
	free    int                 // requests made one by one before the first page is taken
	probing chan struct{}       // closed when the first page has been read
	pages   int                 // requests listing the whole kind costs; -1 when not known
	spent   int                 // requests made for the kind before its list: first page, single reads, look-ups
	seen    map[K]V             // objects CXone answered in this operation before the list
	first   *cxone.FirstPage[V] // the first page, when it was not the whole kind: the list goes on from it
	written bool                // the provider wrote an object of this kind in this operation

	// Whether the list can prove an object absent (getBeforeCreate):
	// a list paged by offset skips objects when others are deleted while it is taken.
	listing     bool // the list is being taken
	deletes     int  // deletes of the kind by the provider in flight
	listSkipped bool // a delete by the provider overlapped the list
}

func (s *snapshot[K, V]) get(ctx context.Context, key K,
	one func(context.Context) (*V, error), all func(context.Context) (map[K]V, error)) (*V, error) {
	s.mu.Lock()
	if s.isForgotten(key) {
		s.mu.Unlock()
		return one(ctx)
	}
	s.startList(ctx, all)
	return s.fromList(ctx, key, one, nil)
}

// getBeforeCreate reads key, which a new object is about to take: one by one for the
// first free reads of the kind, then from the list, which answers absent for an
// object it does not hold when it can prove it (see fromList).
func (s *snapshot[K, V]) getBeforeCreate(ctx context.Context, key K, free int,
	one func(context.Context) (*V, error), all func(context.Context) (map[K]V, error), absent func() error) (*V, error) {
	s.mu.Lock()
	if s.isForgotten(key) {
		s.mu.Unlock()
		return one(ctx)
	}
	if s.loading == nil && s.spend(free) {
		s.mu.Unlock()
		return one(ctx)
	}
	s.startList(ctx, all)
	return s.fromList(ctx, key, one, absent)
}

// startList takes the list unless it has been taken or is being taken. It is
// called with s.mu held and returns with it released.
func (s *snapshot[K, V]) startList(ctx context.Context, all func(context.Context) (map[K]V, error)) {
	if s.loading != nil {
		s.mu.Unlock()
		return
	}
	loading := make(chan struct{})
	s.loading = loading
	s.listing = true
	s.listSkipped = s.listSkipped || s.deletes > 0
	s.mu.Unlock()
	items, err := all(ctx)
	s.mu.Lock()
	s.items, s.listErr = items, err
	s.listing = false
	close(loading)
	s.mu.Unlock()
}

// afterFirst lists the kind: all, or once the first page has been read (probe), the
// pages after it (cxone.FirstPage.All), so that the first is not read twice.
func (s *snapshot[K, V]) afterFirst(all func(context.Context) (map[K]V, error), key func(V) K) func(context.Context) (map[K]V, error) {
	return func(ctx context.Context) (map[K]V, error) {
		s.mu.Lock()
		first := s.first
		s.mu.Unlock()
		if first == nil {
			return all(ctx)
		}
		items, err := first.All(ctx)
		return indexBy(items, key), err
	}
}

// deleting records a delete of key by the provider; the function it returns ends it,
// and forgets key (see forget).
func (s *snapshot[K, V]) deleting(key K) func() {
	s.mu.Lock()
	s.deletes++
	s.listSkipped = s.listSkipped || s.listing
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		s.deletes--
		s.mu.Unlock()
		s.forget(key)
	}
}

// waitList waits until the list has been taken, or ctx ends. The list has been started.
func (s *snapshot[K, V]) waitList(ctx context.Context) error {
	s.mu.Lock()
	loading := s.loading
	s.mu.Unlock()
	return wait(ctx, loading)
}

// wait waits until done is closed, or ctx ends.
func wait(ctx context.Context, done <-chan struct{}) error {
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// fromList answers key from the list once it has been taken. A key absent from it is
// asked of CXone (one), unless absent is not nil and the list can prove it absent: it
// was taken without error and no delete by the provider overlapped it. absent then
// gives the answer.
func (s *snapshot[K, V]) fromList(ctx context.Context, key K, one func(context.Context) (*V, error),
	absent func() error) (*V, error) {
	if err := s.waitList(ctx); err != nil {
		return nil, err
	}
	s.mu.Lock()
	items, listErr, forgotten, skipped := s.items, s.listErr, s.isForgotten(key), s.listSkipped
	s.mu.Unlock()
	if listErr != nil || forgotten {
		return one(ctx)
	}
	v, ok := items[key]
	switch {
	case ok:
		return &v, nil
	case absent != nil && !skipped:
		return nil, absent()
	}
	// Absent from the list: most likely deleted, but a list paged by offset can
	// skip an object while others are created or deleted, and a resource read as
	// missing is planned for creation. Ask for the object itself before saying so.
	return one(ctx)
}

// probe reads the kind's first page once (other readers wait for it). A first page
// that holds the whole kind is its list; otherwise it tells what listing costs, and
// its objects are remembered. A failed first page leaves the cost unknown, and the
// next read lists the kind.
func (s *snapshot[K, V]) probe(ctx context.Context, first func(context.Context) (cxone.FirstPage[V], error), key func(V) K) error {
	s.mu.Lock()
	probing := s.probing
	if probing == nil {
		probing = make(chan struct{})
		s.probing = probing
		s.spent++
		s.mu.Unlock()
		p, err := first(ctx)
		s.mu.Lock()
		s.pages = -1
		if err == nil {
			s.pages = p.Pages()
			if p.Complete && s.loading == nil {
				s.items = indexBy(p.Items, key)
				s.loading = make(chan struct{})
				close(s.loading)
			} else {
				s.first = &p
				for _, v := range p.Items {
					s.rememberLocked(key(v), v)
				}
			}
		}
		close(probing)
	}
	s.mu.Unlock()
	return wait(ctx, probing)
}

// spend takes one request from the kind's budget when fewer than limit have been spent,
// and reports whether it did. s.mu is held.
func (s *snapshot[K, V]) spend(limit int) bool {
	if s.spent >= limit {
		return false
	}
	s.spent++
	return true
}

// probeHeld is probe for a caller that holds s.mu: it is released while the first page
// is read, and held again on return.
func (s *snapshot[K, V]) probeHeld(ctx context.Context, first func(context.Context) (cxone.FirstPage[V], error), key func(V) K) error {
	s.mu.Unlock()
	err := s.probe(ctx, first, key)
	s.mu.Lock()
	return err
}

// budgeted is a kind read by the budget rule: its snapshot, and how CXone reads it (one
// object by key, the first page, every object, and each object's key) and searches it (nil
// when the kind has no search).
type budgeted[K comparable, V any] struct {
	snapshot[K, V]
	one    func(context.Context, K) (*V, error)
	first  func(context.Context) (cxone.FirstPage[V], error)
	all    func(context.Context) ([]V, error)
	key    func(V) K
	search func(ctx context.Context, text string) ([]V, error)
}

// get reads one object by the budget rule (getBudgeted).
func (b *budgeted[K, V]) get(ctx context.Context, id K) (*V, error) {
	return b.getBudgeted(ctx, id, func(ctx context.Context) (*V, error) { return b.one(ctx, id) }, b.first, b.list, b.key)
}

// lookUp finds the objects for which match holds by the budget rule (find); text is what
// CXone's search is given, when the kind has one.
func (b *budgeted[K, V]) lookUp(ctx context.Context, text string, match func(V) bool) ([]V, error) {
	var search func(context.Context) ([]V, error)
	if b.search != nil {
		search = func(ctx context.Context) ([]V, error) { return b.search(ctx, text) }
	}
	return b.find(ctx, match, search, b.first, b.list, b.key)
}

// list lists every object of the kind, by key.
func (b *budgeted[K, V]) list(ctx context.Context) (map[K]V, error) {
	all, err := b.all(ctx)
	return indexBy(all, b.key), err
}

// getBudgeted reads one object by the budget rule: from the list once it has been
// taken, else from what CXone answered earlier in the operation, else one by one
// while the requests spent on the kind stay below what listing it costs, else by
// taking the list.
func (s *snapshot[K, V]) getBudgeted(ctx context.Context, id K, one func(context.Context) (*V, error),
	first func(context.Context) (cxone.FirstPage[V], error), all func(context.Context) (map[K]V, error), key func(V) K) (*V, error) {
	s.mu.Lock()
	if s.isForgotten(id) {
		s.mu.Unlock()
		return one(ctx)
	}
	if s.loading == nil && s.probing == nil {
		if v, ok := s.seen[id]; ok {
			s.mu.Unlock()
			return &v, nil
		}
		if s.spend(s.free) {
			s.mu.Unlock()
			return s.single(ctx, id, one)
		}
	}
	if err := s.probeHeld(ctx, first, key); err != nil {
		s.mu.Unlock()
		return nil, err
	}
	if s.isForgotten(id) {
		s.mu.Unlock()
		return one(ctx)
	}
	if s.loading == nil {
		if v, ok := s.seen[id]; ok {
			s.mu.Unlock()
			return &v, nil
		}
		if s.pages >= 0 && s.spend(s.pages) {
			s.mu.Unlock()
			return s.single(ctx, id, one)
		}
	}
	s.startList(ctx, s.afterFirst(all, key))
	return s.fromList(ctx, id, one, nil)
}

// single reads one object by id and remembers it.
func (s *snapshot[K, V]) single(ctx context.Context, id K, one func(context.Context) (*V, error)) (*V, error) {
	v, err := one(ctx)
	if err == nil {
		s.remember(id, *v)
	}
	return v, err
}

// search runs a look-up's search and remembers what it found.
func (s *snapshot[K, V]) search(ctx context.Context, search func(context.Context) ([]V, error), key func(V) K) ([]V, error) {
	found, err := search(ctx)
	if err == nil {
		for _, v := range found {
			s.remember(key(v), v)
		}
	}
	return found, err
}

// find looks objects up by a field of theirs (a name): it returns the objects of the
// kind for which match holds, for the caller to check there is exactly one. After a
// write of the kind in this operation it always asks CXone (search). Otherwise it
// answers from the list when the list has been taken and holds a match; else it
// searches while the budget allows (search nil: the kind has no search, and the list
// is taken). What a search answers is remembered for later reads by id.
func (s *snapshot[K, V]) find(ctx context.Context, match func(V) bool, search func(context.Context) ([]V, error),
	first func(context.Context) (cxone.FirstPage[V], error), all func(context.Context) (map[K]V, error), key func(V) K) ([]V, error) {
	s.mu.Lock()
	written := s.written
	s.mu.Unlock()
	if written {
		if search == nil {
			m, err := all(ctx)
			return filter(m, match), err
		}
		return search(ctx)
	}
	s.mu.Lock()
	if s.loading == nil && s.probing == nil && search != nil && s.spend(s.free) {
		s.mu.Unlock()
		return s.search(ctx, search, key)
	}
	if err := s.probeHeld(ctx, first, key); err != nil {
		s.mu.Unlock()
		return nil, err
	}
	if s.loading == nil && search != nil && s.pages >= 0 && s.spend(s.pages) {
		s.mu.Unlock()
		return s.search(ctx, search, key)
	}
	s.startList(ctx, s.afterFirst(all, key))
	if err := s.waitList(ctx); err != nil {
		return nil, err
	}
	s.mu.Lock()
	items, listErr, written := s.items, s.listErr, s.written
	s.mu.Unlock()
	if found := filter(items, match); listErr == nil && !written && len(found) > 0 {
		return found, nil
	}
	// No match in the list (which a list paged by offset can miss), a failed list, or
	// a write meanwhile: ask CXone.
	if search == nil {
		m, err := all(ctx)
		return filter(m, match), err
	}
	return search(ctx)
}

func filter[K comparable, V any](items map[K]V, match func(V) bool) []V {
	var out []V
	for _, v := range items {
		if match(v) {
			out = append(out, v)
		}
	}
	return out
}

// remember keeps an object CXone answered, unless it has been forgotten since.
func (s *snapshot[K, V]) remember(key K, v V) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rememberLocked(key, v)
}

func (s *snapshot[K, V]) rememberLocked(key K, v V) {
	if s.isForgotten(key) {
		return
	}
	if s.seen == nil {
		s.seen = map[K]V{}
	}
	s.seen[key] = v
}

// forget makes every later read of key go to CXone, and every later look-up of the
// kind.
func (s *snapshot[K, V]) forget(key K) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.forgotten == nil {
		s.forgotten = map[K]bool{}
	}
	s.forgotten[key] = true
	delete(s.seen, key)
	s.written = true
}

// isForgotten reports whether key's next read must go to CXone. Caller holds s.mu.
func (s *snapshot[K, V]) isForgotten(key K) bool {
	return s.allForgotten || s.forgotten[key]
}

// forgetAll makes every later read and look-up of the kind go to CXone: a write of
// another kind changed objects of this one that the provider cannot name (a skill's
// routing queue follows the skill).
func (s *snapshot[K, V]) forgetAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.allForgotten = true
	s.seen = nil
	s.written = true
}

// created is wrote for a create, which forgets the object it made too when its answer
// (or the look-up after a lost one) named it: created is nil when it did not.
func (s *snapshot[K, V]) created(created *V, key func(*V) K) {
	s.wrote()
	if created != nil {
		s.forget(key(created))
	}
}

// wrote makes every later look-up of the kind go to CXone: a write whose object is
// not known (a create that lost its answer) may still have given a name away.
func (s *snapshot[K, V]) wrote() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.written = true
}

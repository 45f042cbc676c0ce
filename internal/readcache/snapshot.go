package readcache

import (
	"context"
	"sync"
)

// snapshot serves the reads of one kind of object: the first read lists every
// object once (other readers wait for that list) and the reads answer from it.
// Objects forgotten after a write, objects absent from the list, and every read
// after a failed list are read one by one.
type snapshot[K comparable, V any] struct {
	mu        sync.Mutex
	loading   chan struct{} // closed when the list has been taken
	items     map[K]V
	listErr   error
	forgotten map[K]bool
}

func (s *snapshot[K, V]) get(ctx context.Context, key K,
	one func(context.Context) (*V, error), all func(context.Context) (map[K]V, error)) (*V, error) {
	s.mu.Lock()
	if s.forgotten[key] {
		s.mu.Unlock()
		return one(ctx)
	}
	loading := s.loading
	if loading == nil {
		loading = make(chan struct{})
		s.loading = loading
		s.mu.Unlock()
		items, err := all(ctx)
		s.mu.Lock()
		s.items, s.listErr = items, err
		close(loading)
	}
	s.mu.Unlock()

	select {
	case <-loading:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	s.mu.Lock()
	items, listErr, forgotten := s.items, s.listErr, s.forgotten[key]
	s.mu.Unlock()
	if listErr != nil || forgotten {
		return one(ctx)
	}
	v, ok := items[key]
	if !ok {
		// Absent from the list: most likely deleted, but a list paged by offset can
		// skip an object while others are created or deleted, and a resource read as
		// missing is planned for creation. Ask for the object itself before saying so.
		return one(ctx)
	}
	return &v, nil
}

// forget makes every later read of key go to CXone.
func (s *snapshot[K, V]) forget(key K) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.forgotten == nil {
		s.forgotten = map[K]bool{}
	}
	s.forgotten[key] = true
}

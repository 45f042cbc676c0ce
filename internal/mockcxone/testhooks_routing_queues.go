package mockcxone

import "strconv"

// AddRoutingQueueForTest adds a routing queue that mirrors no skill, as a queue made in
// the Digital Experience UI would, and returns its id. CXone names a skill's queue after
// the skill, so a queue added under a skill's name makes a lookup by name ambiguous:
// tests use it for exactly that. It takes the store's lock like every handler, so it is
// safe while requests are being served.
func (s *Server) AddRoutingQueueForTest(name string) string {
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	id := strconv.FormatInt(st.nextQueueID, 10)
	st.nextQueueID++
	st.queues[id] = &queueRec{
		RoutingQueue: RoutingQueue{ID: id, Name: name},
		seq:          st.nextSeq(),
	}
	return id
}

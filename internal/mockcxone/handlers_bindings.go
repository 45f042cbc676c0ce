package mockcxone

import "net/http"

// bind puts a channel on a queue. Binding twice is not an error.
func (s *Server) bind(w http.ResponseWriter, r *http.Request) {
	queueID, channelID := r.PathValue("queueId"), r.PathValue("channelId")
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	q := st.queues[queueID]
	switch {
	case q == nil:
		dfoError(w, http.StatusNotFound, "queueId", codeNotFound, "routing queue "+queueID+" was not found")
		return
	case st.channels[channelID] == nil:
		dfoError(w, http.StatusNotFound, "channelId", codeNotFound, "channel "+channelID+" was not found")
		return
	case q.IsDeleted:
		dfoError(w, http.StatusConflict, "queueId", codeConflict, "routing queue "+queueID+" is deleted (its skill is inactive)")
		return
	}
	k := bindingKey{queueID: queueID, channelID: channelID}
	if _, ok := st.bindings[k]; !ok {
		st.bindings[k] = st.nextSeq()
	}
	writeJSON(w, http.StatusOK, Binding{RoutingQueueID: queueID, ChannelID: channelID})
}

// listBindings lists the channels bound to a queue, deleted queues included.
func (s *Server) listBindings(w http.ResponseWriter, r *http.Request) {
	offset, size, ok := pageOrFail(w, r)
	if !ok {
		return
	}
	queueID := r.PathValue("queueId")
	st := s.store
	st.mu.RLock()
	known := st.queues[queueID] != nil
	all := st.sortedBindings(queueID)
	st.mu.RUnlock()
	if !known {
		dfoError(w, http.StatusNotFound, "queueId", codeNotFound, "routing queue "+queueID+" was not found")
		return
	}
	writeJSON(w, http.StatusOK, hitsAnswer[Binding]{Hits: len(all), Data: window(all, offset, size)})
}

// listAllBindings lists every binding of the tenant, deleted queues included, in the
// order they were made (project-defined: GET /routing-queue-channels).
func (s *Server) listAllBindings(w http.ResponseWriter, r *http.Request) {
	if s.opts.NoTenantBindingList {
		gatewayNotFound(w)
		return
	}
	serveHits(w, r, s.store, func(st *store) []Binding { return st.sortedBindings("") })
}

// unbind takes a channel off a queue; 404 when it was not on it.
func (s *Server) unbind(w http.ResponseWriter, r *http.Request) {
	k := bindingKey{queueID: r.PathValue("queueId"), channelID: r.PathValue("channelId")}
	st := s.store
	st.mu.Lock()
	_, ok := st.bindings[k]
	delete(st.bindings, k)
	st.mu.Unlock()
	if !ok {
		dfoError(w, http.StatusNotFound, "channelId", codeNotFound,
			"channel "+k.channelID+" is not bound to routing queue "+k.queueID)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

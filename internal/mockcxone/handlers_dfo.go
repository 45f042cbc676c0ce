package mockcxone

import (
	"net/http"
	"strconv"
	"strings"
)

// routeDFO registers the Digital Engagement API (cxone-api.md, section 3).
func (s *Server) routeDFO() {
	d := func(method, path string, h http.HandlerFunc) {
		s.route(method+" "+DFOBase+path, s.api(familyDFO, h))
	}
	d("GET", "/routing-queues", s.listRoutingQueues)
	d("GET", "/routing-queues/{queueId}/channels", s.listBindings)
	d("PUT", "/routing-queues/{queueId}/channels/{channelId}", s.bind)
	d("DELETE", "/routing-queues/{queueId}/channels/{channelId}", s.unbind)
	d("POST", "/channels", s.upsertChannel)
	d("GET", "/channels", s.listChannels)
	d("DELETE", "/channels/{channelId}", s.deleteChannel)
	d("POST", "/channel-integrations", s.createIntegration)
	d("GET", "/channel-integrations", s.listIntegrations)
	d("GET", "/channel-integrations/{id}", s.getIntegration)
	d("PUT", "/channel-integrations/{id}", s.replaceIntegration)
	d("DELETE", "/channel-integrations/{id}", s.deleteIntegration)
}

// pageOrFail reads page and size, answering 400 itself when they are wrong.
func pageOrFail(w http.ResponseWriter, r *http.Request) (offset, size int, ok bool) {
	offset, size, field, err := dfoPage(r)
	if err != nil {
		dfoError(w, http.StatusBadRequest, field, codeInvalid, err.Error())
		return 0, 0, false
	}
	return offset, size, true
}

// idSet is the id[] filter; nil when the caller gave none.
func idSet(r *http.Request) map[string]bool {
	ids := r.URL.Query()["id[]"]
	if len(ids) == 0 {
		return nil
	}
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set
}

// listRoutingQueues filters by id[], nameContains (ignoring case) and withDeleted;
// deleted queues (of deactivated skills) are hidden unless withDeleted=true.
func (s *Server) listRoutingQueues(w http.ResponseWriter, r *http.Request) {
	offset, size, ok := pageOrFail(w, r)
	if !ok {
		return
	}
	withDeleted := false
	if raw := r.URL.Query().Get("withDeleted"); raw != "" {
		b, err := strconv.ParseBool(raw)
		if err != nil {
			dfoError(w, http.StatusBadRequest, "withDeleted", codeInvalid, "withDeleted must be true or false")
			return
		}
		withDeleted = b
	}
	ids := idSet(r)
	name := strings.ToLower(r.URL.Query().Get("nameContains"))

	st := s.store
	st.mu.RLock()
	all := []RoutingQueue{}
	for _, q := range st.sortedQueues() {
		if (withDeleted || !q.IsDeleted) && (ids == nil || ids[q.ID]) &&
			strings.Contains(strings.ToLower(q.Name), name) {
			all = append(all, q.RoutingQueue)
		}
	}
	st.mu.RUnlock()
	writeJSON(w, http.StatusOK, hitsAnswer[RoutingQueue]{Hits: len(all), Data: window(all, offset, size)})
}

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

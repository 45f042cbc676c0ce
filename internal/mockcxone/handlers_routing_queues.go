package mockcxone

import (
	"net/http"
	"strconv"
	"strings"
)

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

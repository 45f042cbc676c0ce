package mockcxone

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"strconv"
	"sync"
)

// The /_mock/ controls (internal/cxone/README.md, section 7): no auth, JSON in and out. They
// are never counted and never faulted, so a test can always look and reset.

// RequestCounts is how many requests the mock received, as GET /_mock/requests
// shows them. ByRoute keys are "METHOD template", the template written as in
// internal/cxone/README.md, e.g. "GET /inContactAPI/services/{version}/agents/{agentId}"
// or "POST /dfo/3.0/channels". Requests matching no route count under "METHOD (no route)".
// ByStatus keys are the status answered ("200", "429"), or "none" for a request that got
// no answer (its connection was dropped, or its client gave up first).
type RequestCounts struct {
	Total    int            `json:"total"`
	ByRoute  map[string]int `json:"by_route"`
	ByStatus map[string]int `json:"by_status"`
}

// noAnswer is the status noted for a request that got no answer.
const noAnswer = 0

// statusKey is a status as ByStatus counts it.
func statusKey(status int) string {
	if status == noAnswer {
		return "none"
	}
	return strconv.Itoa(status)
}

// requestCounter counts requests by route; faulted requests count too, since the
// client did send them.
type requestCounter struct {
	mu         sync.Mutex
	total      int
	byRoute    map[string]int
	byStatus   map[string]int
	userAgents map[string]int
}

func newRequestCounter() *requestCounter {
	c := &requestCounter{}
	c.reset()
	return c
}

func (c *requestCounter) add(method, pattern, userAgent string) {
	if pattern == "" {
		pattern = method + " (no route)"
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.total++
	c.byRoute[pattern]++
	c.userAgents[userAgent]++
}

// addStatus counts the answer to a request that add counted.
func (c *requestCounter) addStatus(status int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byStatus[statusKey(status)]++
}

func (c *requestCounter) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.total = 0
	c.byRoute = map[string]int{}
	c.byStatus = map[string]int{}
	c.userAgents = map[string]int{}
}

func (c *requestCounter) snapshot() RequestCounts {
	c.mu.Lock()
	defer c.mu.Unlock()
	return RequestCounts{Total: c.total, ByRoute: maps.Clone(c.byRoute), ByStatus: maps.Clone(c.byStatus)}
}

// Requests returns the request counts so far.
func (s *Server) Requests() RequestCounts { return s.requests.snapshot() }

// UserAgents counts the requests so far by their User-Agent header.
func (s *Server) UserAgents() map[string]int {
	s.requests.mu.Lock()
	defer s.requests.mu.Unlock()
	return maps.Clone(s.requests.userAgents)
}

// IntegrationSecret returns the client secret last sent for an integration. The API
// never shows it; tests use this to check that a secret really reached CXone.
func (s *Server) IntegrationSecret(id string) (string, bool) {
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	rec := s.store.integrations[id]
	if rec == nil {
		return "", false
	}
	return rec.secret, true
}

func (s *Server) routeControl() {
	s.control.HandleFunc("GET /_mock/state", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, s.State())
	})
	s.control.HandleFunc("GET /_mock/requests", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, s.Requests())
	})
	s.control.HandleFunc("GET /_mock/faults", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"rules": s.Faults()})
	})
	s.control.HandleFunc("POST /_mock/faults", s.postFaults)
	s.control.HandleFunc("POST /_mock/reset", func(w http.ResponseWriter, _ *http.Request) {
		s.Reset()
		writeJSON(w, http.StatusOK, map[string]string{"status": "reset"})
	})
	s.control.HandleFunc("/_mock/", func(w http.ResponseWriter, r *http.Request) {
		adminError(w, http.StatusNotFound, "not_found", "no mock control at "+r.Method+" "+r.URL.Path)
	})
}

// postFaults replaces the rules in force with the body's "rules" ([] clears them). A rule
// with an unknown field, or one that could never match, is refused with 400 naming the rule
// and the field, and no rule changes.
func (s *Server) postFaults(w http.ResponseWriter, r *http.Request) {
	const shape = `the body must be {"rules": [...]}; [] clears the rules`
	var body map[string]json.RawMessage
	if err := decodeBody(r, &body); err != nil {
		adminError(w, http.StatusBadRequest, "invalid_request", err.Error())
		return
	}
	var raw []json.RawMessage
	for k, v := range body {
		if k != "rules" {
			adminError(w, http.StatusBadRequest, "invalid_request", fmt.Sprintf("unknown field %q; %s", k, shape))
			return
		}
		if err := json.Unmarshal(v, &raw); err != nil || raw == nil {
			adminError(w, http.StatusBadRequest, "invalid_request", shape)
			return
		}
	}
	if raw == nil {
		adminError(w, http.StatusBadRequest, "invalid_request", shape)
		return
	}
	rules := make([]FaultRule, len(raw))
	for i, rr := range raw {
		if err := json.Unmarshal(rr, &rules[i]); err != nil {
			adminError(w, http.StatusBadRequest, "invalid_request", fmt.Sprintf("fault rule %d: %v", i, err))
			return
		}
	}
	if err := s.SetFaults(rules); err != nil {
		adminError(w, http.StatusBadRequest, "invalid_request", err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"rules": s.Faults()})
}

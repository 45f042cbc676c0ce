package mockcxone

import (
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// CXone answers a 404 in two ways (internal/cxone/README.md, section 5): the API
// itself answers an unknown object with its JSON error body, while the gateway in front of
// the APIs answers a path no API serves (a wrong api_endpoint, a wrong Admin API version, a
// typo) with no such body. The mock does the same, so that a client can be tested on telling
// them apart: only the first means the object is gone.

// maxAdminVersion is the newest Admin API version the mock serves; it serves v1.0 to v34.0.
// Anything else in the version segment (v99.0, 34, latest) is a path no API serves.
const maxAdminVersion = 34

var adminVersionRE = regexp.MustCompile(`^v([1-9][0-9]?)\.0$`)

// servesAdminVersion reports whether v is an Admin API version the mock serves.
func servesAdminVersion(v string) bool {
	m := adminVersionRE.FindStringSubmatch(v)
	if m == nil {
		return false
	}
	n, err := strconv.Atoi(m[1])
	return err == nil && n <= maxAdminVersion
}

// unservedAdminVersion reports whether path is under the Admin API's prefix with a version
// the mock does not serve.
func unservedAdminVersion(path string) bool {
	rest, ok := strings.CutPrefix(path, "/inContactAPI/services/")
	if !ok {
		return false
	}
	v, _, _ := strings.Cut(rest, "/")
	return !servesAdminVersion(v)
}

// apiRoute returns the route template that serves r, or "" when none does with r's method.
func (s *Server) apiRoute(r *http.Request) string {
	if unservedAdminVersion(r.URL.Path) {
		return ""
	}
	_, pattern := s.mux.Handler(r)
	return pattern
}

// pathServed reports whether any route serves r's path, with whatever method: a path that
// is served with other methods gets the mux's 405, as a real API answers a wrong method.
func (s *Server) pathServed(r *http.Request) bool {
	if unservedAdminVersion(r.URL.Path) {
		return false
	}
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
		other := r.WithContext(r.Context()) // a shallow copy, to ask the mux about another method
		other.Method = m
		if _, pattern := s.mux.Handler(other); pattern != "" {
			return true
		}
	}
	return false
}

// serveAPI serves r through the API routes, or answers as the gateway when no API serves
// its path.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	if s.apiRoute(r) == "" && !s.pathServed(r) {
		gatewayNotFound(w)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// gatewayNotFound answers as CXone's API gateway answers a path no API serves: 404 with a
// short text body, not a CXone JSON error.
func gatewayNotFound(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	_, _ = io.WriteString(w, "Not Found\n") // the client may be gone; nobody to tell
}

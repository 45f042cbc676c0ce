package acctest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// Answer is how a Hostile server answers the requests it is set to spoil.
type Answer int

// The answers of a Hostile server.
const (
	// Honest passes every answer on unchanged.
	Honest Answer = iota
	// EmptyObject answers 200 with {}: no list key, no object.
	EmptyObject
	// NullKeys passes CXone's answer on with every id and name of its objects set to
	// null (the fields whose names end in "id" or "name", in any case).
	NullKeys
	// NoActive passes CXone's answer on without the isActive fields of its objects, at
	// any depth: the answer no longer says whether an object is active.
	NoActive
)

// Hostile is a server in front of a mock CXone that answers the GET requests under a
// path prefix as a misbehaving proxy or gateway would (see Answer), so that tests show
// what the provider makes of answers it must not believe. Every other request reaches
// the mock unchanged, and discovery points back at the hostile server, so every API
// call of a client whose auth URL is URL passes through it.
type Hostile struct {
	// URL is the auth URL that reaches the mock through the hostile server.
	URL string

	mu     sync.Mutex
	answer Answer
	prefix string
	spoilt int
}

// NewHostile starts a hostile server in front of m; it stops when the test ends.
func NewHostile(t testing.TB, m *mockcxone.Server) *Hostile {
	t.Helper()
	h := &Hostile{}
	inner := m.Handler()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		answer, prefix := h.answer, h.prefix
		spoil := answer != Honest && r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, prefix)
		if spoil {
			h.spoilt++
		}
		h.mu.Unlock()
		if !spoil {
			inner.ServeHTTP(w, r)
			return
		}
		body := []byte("{}")
		if answer != EmptyObject {
			rec := httptest.NewRecorder()
			inner.ServeHTTP(rec, r)
			if rec.Code != http.StatusOK {
				copyAnswer(w, rec)
				return
			}
			body = rec.Body.Bytes()
			if answer == NullKeys {
				body = nullKeys(body)
			} else {
				body = withoutKey(body, "isActive")
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(body)
	}))
	t.Cleanup(ts.Close)
	h.URL = ts.URL
	return h
}

// Set makes the server answer the GET requests whose path begins with prefix (the
// whole path, as "/inContactAPI/services/v34.0/skills") with answer; Honest ends it.
func (h *Hostile) Set(answer Answer, prefix string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.answer, h.prefix = answer, prefix
}

// Spoilt is how many answers the server has spoilt so far.
func (h *Hostile) Spoilt() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.spoilt
}

// Spoiling runs run while the server answers the GET requests under prefix with answer,
// then answers honestly again, and reports whether any answer was spoilt meanwhile (a
// test whose requests never reached prefix proves nothing).
func (h *Hostile) Spoiling(answer Answer, prefix string, run func()) bool {
	h.Set(answer, prefix)
	defer h.Set(Honest, "")
	before := h.Spoilt()
	run()
	return h.Spoilt() > before
}

// copyAnswer passes a recorded answer on unchanged.
func copyAnswer(w http.ResponseWriter, rec *httptest.ResponseRecorder) {
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

// nullKeys sets to null the ids and names of the objects of a JSON answer, at any depth:
// the items of a bare array, of every array of an envelope, an object wrapped in an
// envelope, or the answer itself when it is one object.
func nullKeys(body []byte) []byte {
	return eachObject(body, func(obj map[string]any) {
		for k := range obj {
			lower := strings.ToLower(k)
			if strings.HasSuffix(lower, "id") || strings.HasSuffix(lower, "name") {
				obj[k] = nil
			}
		}
	})
}

// withoutKey removes every field named key from the objects of a JSON answer, at any
// depth.
func withoutKey(body []byte, key string) []byte {
	return eachObject(body, func(obj map[string]any) { delete(obj, key) })
}

// eachObject rewrites every object of a JSON answer with change, outer objects first; an
// answer that is not JSON passes unchanged.
func eachObject(body []byte, change func(map[string]any)) []byte {
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if dec.Decode(&v) != nil {
		return body
	}
	var walk func(any)
	walk = func(v any) {
		switch t := v.(type) {
		case map[string]any:
			change(t)
			for _, x := range t {
				walk(x)
			}
		case []any:
			for _, x := range t {
				walk(x)
			}
		}
	}
	walk(v)
	out, err := json.Marshal(v)
	if err != nil {
		return body
	}
	return out
}

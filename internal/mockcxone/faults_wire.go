package mockcxone

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// FaultKinds are the hostile answers a rule's Kind can ask for: what a corporate proxy, a
// gateway or a broken service does to an answer, so that users can rehearse them in CI.
var FaultKinds = []string{
	"redirect",     // Status (default 302) with Location: Target (+ the request path)
	"html",         // Status (default 200) with an HTML page (Body, if set)
	"truncated",    // serves the request, sends half of its answer, closes the connection
	"empty_object", // Status (default 200) with {}
	"null_fields",  // serves the request; every field of every object in a list is null
	"oversize",     // Status (default 200) with a JSON answer of SizeMB MiB
	"gzip_bomb",    // Status (default 200), gzip-encoded, SizeMB MiB once decompressed
	"hang",         // never answers, until the client gives up
	"slow_drip",    // serves the request, then sends its answer a byte per IntervalMS
	"bad_token",    // 200 with a token answer without access_token (Body, if set)
}

// Defaults of the kinds' own fields.
const (
	defaultFaultSizeMB   = 200
	defaultDripInterval  = 2 * time.Second
	maxFaultSizeMB       = 4096
	defaultBadTokenValue = `{"access_token":null,"token_type":"Bearer","expires_in":3600}`
)

// validateKind rejects an unknown kind and fields that the kind does not use, naming them.
func (f FaultRule) validateKind() error {
	if f.Kind == "" {
		for name, set := range map[string]bool{"target": f.Target != "", "size_mb": f.SizeMB != 0, "interval_ms": f.IntervalMS != 0, "body": f.Body != ""} {
			if set {
				return fmt.Errorf("%s is only used with a kind; kinds are %s", name, strings.Join(FaultKinds, ", "))
			}
		}
		return nil
	}
	if !slices.Contains(FaultKinds, f.Kind) {
		return fmt.Errorf("kind %q is not a fault kind; use one of %s", f.Kind, strings.Join(FaultKinds, ", "))
	}
	uses := map[string][]string{
		"redirect": {"target"}, "html": {"body"}, "bad_token": {"body"},
		"oversize": {"size_mb"}, "gzip_bomb": {"size_mb"}, "slow_drip": {"interval_ms"},
	}[f.Kind]
	for name, set := range map[string]bool{"target": f.Target != "", "size_mb": f.SizeMB != 0, "interval_ms": f.IntervalMS != 0,
		"body": f.Body != "", "drop_response": f.DropResponse, "retry_after": f.RetryAfter != ""} {
		if set && !slices.Contains(uses, name) {
			return fmt.Errorf("%s is not used by kind %q", name, f.Kind)
		}
	}
	switch f.Kind {
	case "redirect":
		if u, err := url.Parse(f.Target); err != nil || u.Scheme == "" || u.Host == "" {
			return fmt.Errorf("kind redirect needs target, an absolute URL such as http://127.0.0.1:9/; got %q", f.Target)
		}
		if f.Status != 0 && (f.Status < 300 || f.Status > 399) {
			return fmt.Errorf("status %d is not a redirect status (3xx)", f.Status)
		}
	case "oversize", "gzip_bomb":
		if f.SizeMB < 0 || f.SizeMB > maxFaultSizeMB {
			return fmt.Errorf("size_mb %d is outside 0..%d", f.SizeMB, maxFaultSizeMB)
		}
	case "slow_drip":
		if f.IntervalMS < 0 {
			return fmt.Errorf("interval_ms %d is negative", f.IntervalMS)
		}
	}
	return nil
}

// applyKind answers the request the way the rule's kind says.
func (s *Server) applyKind(w http.ResponseWriter, r *http.Request, rule FaultRule, h http.Handler) {
	status := rule.Status
	orDefault := func(def int) int {
		if status == 0 {
			return def
		}
		return status
	}
	switch rule.Kind {
	case "redirect":
		target := rule.Target
		if u, err := url.Parse(target); err == nil && (u.Path == "" || u.Path == "/") {
			target = strings.TrimRight(target, "/") + r.URL.RequestURI()
		}
		w.Header().Set("Location", target)
		w.WriteHeader(orDefault(http.StatusFound))
	case "html":
		body := cmpOr(rule.Body, "<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Proxy sign-in required</h1></body></html>")
		writeRaw(w, orDefault(http.StatusOK), "text/html; charset=utf-8", []byte(body))
	case "empty_object":
		writeRaw(w, orDefault(http.StatusOK), "application/json", []byte("{}"))
	case "bad_token":
		writeRaw(w, orDefault(http.StatusOK), "application/json", []byte(cmpOr(rule.Body, defaultBadTokenValue)))
	case "oversize":
		s.writeOversize(w, orDefault(http.StatusOK), sizeOf(rule))
	case "gzip_bomb":
		w.Header().Set("Content-Encoding", "gzip")
		writeRaw(w, orDefault(http.StatusOK), "application/json", gzipBomb(sizeOf(rule)))
	case "hang":
		waitForClient(r, 0)
	case "truncated", "null_fields", "slow_drip":
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		if rule.Kind == "null_fields" {
			body = nullListFields(body)
		}
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(orDefault(rec.Code))
		switch rule.Kind {
		case "null_fields":
			_, _ = w.Write(body) // a failed write means the client went away
		case "truncated":
			_, _ = w.Write(body[:len(body)/2])
			http.NewResponseController(w).Flush() //nolint:errcheck // the connection is cut next anyway
			panic(http.ErrAbortHandler)           // closes the connection short of Content-Length
		case "slow_drip":
			interval := defaultDripInterval
			if rule.IntervalMS > 0 {
				interval = time.Duration(rule.IntervalMS) * time.Millisecond
			}
			for i := range body {
				if _, err := w.Write(body[i : i+1]); err != nil || http.NewResponseController(w).Flush() != nil || !waitForClient(r, interval) {
					return
				}
			}
		}
	}
}

// waitForClient waits d (0: for ever) and reports whether the client is still there.
func waitForClient(r *http.Request, d time.Duration) bool {
	var timeout <-chan time.Time
	if d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case <-timeout:
		return true
	case <-r.Context().Done():
		return false
	}
}

func writeRaw(w http.ResponseWriter, status int, contentType string, body []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body) // a failed write means the client went away
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func sizeOf(rule FaultRule) int {
	if rule.SizeMB == 0 {
		return defaultFaultSizeMB
	}
	return rule.SizeMB
}

// writeOversize streams a JSON answer of sizeMB MiB without holding it: one string value
// inside a list key, so that a client that does not stop reading tries to hold it all.
func (s *Server) writeOversize(w http.ResponseWriter, status, sizeMB int) {
	const head, tail = `{"data":["`, `"]}`
	total := sizeMB << 20
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(total))
	w.WriteHeader(status)
	chunk := bytes.Repeat([]byte("a"), 64<<10)
	if _, err := io.WriteString(w, head); err != nil {
		return
	}
	for left := total - len(head) - len(tail); left > 0; left -= len(chunk) {
		if _, err := w.Write(chunk[:min(left, len(chunk))]); err != nil {
			return // the client stopped reading, as it should
		}
	}
	_, _ = io.WriteString(w, tail)
}

// gzipBombs caches the compressed bombs by size: a 200 MiB bomb is about 200 KiB.
var gzipBombs sync.Map

// gzipBomb is a gzip stream that expands to sizeMB MiB of a JSON answer. It is built of gzip
// members, which a gzip reader reads one after the other: one compressed MiB repeated, so
// that even a large bomb is built in a moment.
func gzipBomb(sizeMB int) []byte {
	if b, ok := gzipBombs.Load(sizeMB); ok {
		return b.([]byte) //nolint:forcetypeassert // only []byte is stored
	}
	member := func(b []byte) []byte {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
		_, _ = zw.Write(b)                                       // writes to a bytes.Buffer do not fail
		_ = zw.Close()
		return buf.Bytes()
	}
	mib := member(bytes.Repeat([]byte("a"), 1<<20))
	out := member([]byte(`{"data":["`))
	for range sizeMB {
		out = append(out, mib...)
	}
	out = append(out, member([]byte(`"]}`))...)
	gzipBombs.Store(sizeMB, out)
	return out
}

// nullListFields sets to null every field of every object inside a list of a JSON answer:
// objects whose ids and names are null, as a broken gateway or serializer sends. An answer that
// is not JSON is left as it is.
func nullListFields(body []byte) []byte {
	var v any
	if json.Unmarshal(body, &v) != nil {
		return body
	}
	var walk func(v any, inList bool) any
	walk = func(v any, inList bool) any {
		switch t := v.(type) {
		case map[string]any:
			for k, x := range t {
				if inList {
					t[k] = nil
				} else {
					t[k] = walk(x, false)
				}
			}
		case []any:
			for i, x := range t {
				t[i] = walk(x, true)
			}
		}
		return v
	}
	out, err := json.Marshal(walk(v, false))
	if err != nil {
		return body
	}
	return out
}

package mockcxone

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// FaultRule makes the mock misbehave for matching requests (internal/cxone/README.md,
// section 7). Rules are tried in order; the first whose Method and Path match, whose
// Count is not used up and whose Probability roll succeeds applies. A rule whose
// roll fails lets the next matching rule try, so that a mix is easy to write:
// [429 p=0.1, 503 p=0.111] answers about 10% 429 and 10% 503.
type FaultRule struct {
	// Method matches the HTTP method, case-insensitively; empty matches any.
	Method string `json:"method,omitempty"`
	// Path is a prefix of the request path; empty matches any.
	Path string `json:"path,omitempty"`
	// Status, when not 0, is answered instead of serving the request.
	Status int `json:"status,omitempty"`
	// Probability (0..1) that the rule fires on a match; nil means 1. Use Prob to
	// set it from Go.
	Probability *float64 `json:"probability,omitempty"`
	// Count stops the rule after it fired this many times; 0 means no limit.
	Count int `json:"count,omitempty"`
	// LatencyMS delays the answer (injected or real) by this many milliseconds.
	LatencyMS int `json:"latency_ms,omitempty"`
	// RetryAfter is sent as the Retry-After header with Status (seconds or an
	// HTTP date). JSON accepts a number or a string.
	RetryAfter string `json:"retry_after,omitempty"`
	// DropResponse serves the request, keeps its effect, then closes the
	// connection without answering: a lost answer. Ignored when Status is set.
	DropResponse bool `json:"drop_response,omitempty"`
	// Kind, when set, makes the answer hostile the way a proxy, a gateway or a broken
	// service would (faults_wire.go, FaultKinds): "redirect", "html", "truncated",
	// "empty_object", "null_fields", "oversize", "gzip_bomb", "hang", "slow_drip" or
	// "bad_token". Status, when set, is the status such an answer carries.
	Kind string `json:"kind,omitempty"`
	// Target is where a "redirect" rule sends the client: an absolute URL; the request's
	// path is appended when the target has none.
	Target string `json:"target,omitempty"`
	// SizeMB is the size of an "oversize" or "gzip_bomb" answer (after decompression) in
	// MiB; 0 means 200.
	SizeMB int `json:"size_mb,omitempty"`
	// IntervalMS is the pause between the bytes of a "slow_drip" answer; 0 means 2000.
	IntervalMS int `json:"interval_ms,omitempty"`
	// Body replaces the answer of an "html" or "bad_token" rule.
	Body string `json:"body,omitempty"`
}

// Prob returns a pointer to p, for FaultRule.Probability.
func Prob(p float64) *float64 { return &p }

// UnmarshalJSON accepts retry_after as a number as well as a string, since both
// read naturally in a hand-written rule. An unknown field ("stauts") is an error
// naming it: a misspelt field would otherwise leave a rule that silently does
// something else.
func (f *FaultRule) UnmarshalJSON(b []byte) error {
	type plain FaultRule
	var aux struct {
		plain
		RetryAfter json.RawMessage `json:"retry_after,omitempty"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&aux); err != nil {
		if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			return fmt.Errorf("unknown field %s; a rule takes %s", field, strings.Join(faultRuleFields, ", "))
		}
		return fmt.Errorf("decoding fault rule: %w", err)
	}
	*f = FaultRule(aux.plain)
	f.RetryAfter = ""
	raw := strings.TrimSpace(string(aux.RetryAfter))
	switch {
	case raw == "" || raw == "null":
	case raw[0] == '"':
		if err := json.Unmarshal(aux.RetryAfter, &f.RetryAfter); err != nil {
			return fmt.Errorf("decoding retry_after: %w", err)
		}
	default:
		var n json.Number
		if err := json.Unmarshal(aux.RetryAfter, &n); err != nil {
			return fmt.Errorf("retry_after must be a number or a string: %w", err)
		}
		f.RetryAfter = n.String()
	}
	return nil
}

// faultRuleFields are the JSON fields of a FaultRule, for the message about an unknown one.
var faultRuleFields = []string{"method", "path", "status", "probability", "count", "latency_ms", "retry_after", "drop_response",
	"kind", "target", "size_mb", "interval_ms", "body"}

// faultMethods are the methods a rule may name; any other could never match a request.
var faultMethods = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch}

// validate rejects rules that could never mean what their author intended, naming the field.
func (f FaultRule) validate() error {
	if f.Method != "" && !slices.Contains(faultMethods, strings.ToUpper(f.Method)) {
		return fmt.Errorf("method %q can never match: use one of %s, or leave it out for any", f.Method, strings.Join(faultMethods, ", "))
	}
	switch {
	case f.Path == "":
	case !strings.HasPrefix(f.Path, "/"):
		return fmt.Errorf("path %q can never match: it is a prefix of request paths, which start with /", f.Path)
	case strings.ContainsAny(f.Path, "{}"):
		return fmt.Errorf("path %q can never match: it is a prefix of real request paths, not a template; "+
			"write the part before the placeholder (/dfo/3.0/channels/) or a real id", f.Path)
	case strings.ContainsAny(f.Path, "?#"):
		return fmt.Errorf("path %q can never match: it is matched against the path alone, without a query", f.Path)
	}
	if f.Status != 0 && (f.Status < 100 || f.Status > 599) {
		return fmt.Errorf("status %d is not an HTTP status", f.Status)
	}
	if f.Probability != nil && (*f.Probability < 0 || *f.Probability > 1) {
		return fmt.Errorf("probability %v is outside 0..1", *f.Probability)
	}
	if f.Count < 0 {
		return fmt.Errorf("count %d is negative", f.Count)
	}
	if f.LatencyMS < 0 {
		return fmt.Errorf("latency_ms %d is negative", f.LatencyMS)
	}
	return f.validateKind()
}

// faultSet holds the rules in force and how often each fired.
type faultSet struct {
	mu    sync.Mutex
	rules []FaultRule
	hits  []int
}

// set replaces every rule; nil clears them.
func (fs *faultSet) set(rules []FaultRule) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.rules = append([]FaultRule(nil), rules...)
	fs.hits = make([]int, len(rules))
}

func (fs *faultSet) list() []FaultRule {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return append([]FaultRule{}, fs.rules...)
}

// match finds the rule deciding this request and, when it fires, counts the hit.
func (fs *faultSet) match(method, path string) (FaultRule, bool) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for i, rule := range fs.rules {
		if rule.Method != "" && !strings.EqualFold(rule.Method, method) {
			continue
		}
		if !strings.HasPrefix(path, rule.Path) {
			continue
		}
		if rule.Count > 0 && fs.hits[i] >= rule.Count {
			continue
		}
		p := 1.0
		if rule.Probability != nil {
			p = *rule.Probability
		}
		// rand.Float64 is in [0, 1): probability 1 always fires, 0 never.
		if rand.Float64() >= p {
			continue
		}
		fs.hits[i]++
		return rule, true
	}
	return FaultRule{}, false
}

// SetFaults replaces the fault rules in force; nil or empty clears them. Invalid
// rules are rejected as a whole.
func (s *Server) SetFaults(rules []FaultRule) error {
	for i, r := range rules {
		if err := r.validate(); err != nil {
			return fmt.Errorf("fault rule %d: %w", i, err)
		}
	}
	s.faults.set(rules)
	return nil
}

// FaultHits returns how many times each rule in force has fired, in rule order.
func (s *Server) FaultHits() []int {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	return append([]int{}, s.faults.hits...)
}

// Faults returns the rules in force.
func (s *Server) Faults() []FaultRule { return s.faults.list() }

// applyFault carries out a rule that fired: latency first, then a hostile answer of
// its kind, an injected status, a dropped answer, or normal service.
func (s *Server) applyFault(w http.ResponseWriter, r *http.Request, rule FaultRule, h http.Handler) {
	if rule.LatencyMS > 0 {
		// Read the body first: only then does the server notice a client that hangs up
		// during the wait, and a request whose client gave up is not served.
		body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
		if err != nil {
			return // the client went away while sending
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		t := time.NewTimer(time.Duration(rule.LatencyMS) * time.Millisecond)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return // the client gave up; nobody is left to answer
		}
	}
	switch {
	case rule.Kind != "":
		s.applyKind(w, r, rule, h)
	case rule.Status != 0:
		if rule.RetryAfter != "" {
			w.Header().Set("Retry-After", rule.RetryAfter)
		}
		writeFamilyError(w, r, rule.Status, "injected_fault", "fault injected by the mock: "+strconv.Itoa(rule.Status)+" "+http.StatusText(rule.Status))
	case rule.DropResponse:
		s.dropAfterServing(w, r, h)
	default:
		h.ServeHTTP(w, r)
	}
}

// dropAfterServing runs the handler against a throw-away writer, so the request
// takes effect, then closes the connection without a byte of answer.
func (s *Server) dropAfterServing(w http.ResponseWriter, r *http.Request, h http.Handler) {
	h.ServeHTTP(&discardWriter{header: http.Header{}}, r)
	hj, ok := w.(http.Hijacker)
	if !ok {
		// HTTP/2 cannot be hijacked; aborting the handler resets the stream instead.
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if err := conn.Close(); err != nil {
		s.logf("mockcxone: closing dropped connection: %v", err)
	}
}

// discardWriter swallows the answer of a request whose answer is to be lost.
type discardWriter struct{ header http.Header }

func (d *discardWriter) Header() http.Header         { return d.header }
func (d *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d *discardWriter) WriteHeader(int)             {}

package mockcxone

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// maxBodyBytes bounds request bodies; the largest legitimate one is a bulk write of
// a few hundred items.
const maxBodyBytes = 4 << 20

// writeJSON answers status with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // links hold '&'; keep them readable
	if err := enc.Encode(v); err != nil {
		// Only a bug in the mock's own types can get here; say so plainly.
		http.Error(w, "mock could not encode its answer: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	// A failed write means the client went away; there is nobody to tell.
	_, _ = w.Write(buf.Bytes())
}

// adminError answers in the Admin API's and the token endpoints' error shape.
func adminError(w http.ResponseWriter, status int, code, description string) {
	writeJSON(w, status, map[string]string{"error": code, "error_description": description})
}

// dfoErrorItem is one entry of a DFO error answer.
type dfoErrorItem struct {
	Field      string         `json:"field"`
	Message    string         `json:"message"`
	Parameters map[string]any `json:"parameters"`
	ErrorCode  string         `json:"errorCode"`
}

// dfoError answers in the Digital Engagement API's error shape, naming the field at
// fault when there is one.
func dfoError(w http.ResponseWriter, status int, field, code, message string) {
	writeJSON(w, status, map[string]any{
		"errors": []dfoErrorItem{{Field: field, Message: message, Parameters: map[string]any{}, ErrorCode: code}},
		"uid":    uuid.NewString(),
	})
}

// DFO error codes the mock uses.
const (
	codeRequired     = "REQUIRED"
	codeInvalid      = "INVALID_VALUE"
	codeNotFound     = "NOT_FOUND"
	codeConflict     = "CONFLICT"
	codeUnknownRef   = "UNKNOWN_REFERENCE"
	codeUnauthorized = "UNAUTHORIZED"
	codeRateLimited  = "TOO_MANY_REQUESTS"
)

// isDFOPath tells which error shape a path's family uses.
func isDFOPath(path string) bool { return strings.HasPrefix(path, DFOBase+"/") }

// writeFamilyError answers an error in the shape of the family the path belongs to,
// for answers not produced by a specific handler (faults, auth, rate limits).
func writeFamilyError(w http.ResponseWriter, r *http.Request, status int, code, message string) {
	if isDFOPath(r.URL.Path) {
		dfoError(w, status, "", strings.ToUpper(code), message)
		return
	}
	adminError(w, status, code, message)
}

// decodeBody reads a JSON request body into v; the error text is fit for a 400.
func decodeBody(r *http.Request, v any) error {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	if err != nil {
		return fmt.Errorf("reading request body: %w", err)
	}
	if len(body) > maxBodyBytes {
		return errors.New("request body is too large")
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return errors.New("request body is empty")
	}
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("request body is not valid JSON for this call: %w", err)
	}
	return nil
}

// parseID reads an integer path value such as {agentId}.
func parseID(r *http.Request, name string) (int64, error) {
	raw := r.PathValue(name)
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%s %q is not a positive integer", name, raw)
	}
	return id, nil
}

// parseBoolParam reads an optional true/false query parameter.
func parseBoolParam(r *http.Request, name string) (*bool, error) {
	raw := r.URL.Query().Get(name)
	if raw == "" {
		return nil, nil
	}
	b, err := strconv.ParseBool(raw)
	if err != nil {
		return nil, fmt.Errorf("%s must be true or false, not %q", name, raw)
	}
	return &b, nil
}

// errText is the text of an error for a JSON answer; nil becomes JSON null.
func errText(msg string) *string {
	if msg == "" {
		return nil
	}
	return &msg
}

// logf logs through Options.Logf when set.
func (s *Server) logf(format string, args ...any) {
	if s.opts.Logf != nil {
		s.opts.Logf(format, args...)
	}
}

// badRequest answers 400 in the Admin API's error shape.
func badRequest(w http.ResponseWriter, err error) {
	adminError(w, http.StatusBadRequest, "invalid_request", err.Error())
}

// accepted answers 400 when err says why a request is refused, and reports whether it was
// accepted (err nil).
func accepted(w http.ResponseWriter, err error) bool {
	if err != nil {
		badRequest(w, err)
		return false
	}
	return true
}

// notFound answers CXone's own 404 about an object, in the Admin API's error shape: the
// answer that, unlike the gateway's (see serveHTTP), says the object does not exist.
func notFound(w http.ResponseWriter, what string) {
	adminError(w, http.StatusNotFound, "not_found", what+" was not found")
}

// setIf copies *src onto *dst when the request gave the field (src not nil): how a write
// leaves the fields it does not name as they are.
func setIf[T any](dst *T, src *T) {
	if src != nil {
		*dst = *src
	}
}

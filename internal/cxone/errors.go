package cxone

// Every kind of error the client returns is declared in this file, with the
// predicates callers test them with (IsNotFound, IsConflict, Refused, SettingHint).
// classify.go decides which kind an answer is; retry.go wraps lost answers.

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// ErrAnswerLost is wrapped by the error of a non-idempotent request (a create) that reached
// CXone but whose answer never arrived, or came from a gateway (502, 504) that cannot tell
// whether the service behind it acted: the object may or may not exist now, so the request
// is not sent again blindly. Callers check it with errors.Is.
var ErrAnswerLost = errors.New("the request was sent to CXone but its answer was lost, so it may or may not have taken effect")

// APIError is a non-2xx answer from CXone, with the error code and message CXone gave.
type APIError struct {
	// Status is the HTTP status code.
	Status int
	// Code is CXone's machine-readable error code ("invalid_grant", a DFO errorCode), if any.
	Code string
	// Message is CXone's human-readable explanation, as CXone wrote it.
	Message string
	// Method and Path name the request that failed (the path has no host and no query).
	Method, Path string
	// UID is the request identifier that Digital Engagement API errors carry; CXone support
	// asks for it.
	UID string

	// cxoneBody is true when the answer carried an error body in one of CXone's own shapes.
	// A 404 without one comes from in front of the API (see classify).
	cxoneBody bool
}

// Error reads "CXone answered 404 Not Found to GET /path: <code>: <message>".
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "CXone answered %d %s to %s %s", e.Status, http.StatusText(e.Status), e.Method, e.Path)
	if e.Code != "" {
		b.WriteString(": ")
		b.WriteString(e.Code)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.UID != "" {
		fmt.Fprintf(&b, " (uid %s)", e.UID)
	}
	return b.String()
}

// NotFoundError reports that a read which CXone answers with a list (channels by id[],
// routing queues, bindings, an agent's skills) came back without the object asked for.
// IsNotFound treats it like a 404.
type NotFoundError struct {
	// Kind names the object ("channel", "routing queue").
	Kind string
	// ID is the identifier that was looked up.
	ID string
}

// Error says which object was not found.
func (e *NotFoundError) Error() string {
	return fmt.Sprintf("CXone has no %s %q", e.Kind, e.ID)
}

// ItemError is one failed item of a bulk write that CXone answered with 200 (PUT /agents,
// POST /skills, POST/PUT /agents/{id}/skills).
type ItemError struct {
	// Index is the item's position in the request, or -1 when CXone only reported a count.
	Index int
	// ID identifies the item (agent id, skill id or skill name) when known.
	ID string
	// Message is CXone's explanation for the item.
	Message string
	// Conflict is true when CXone said the item already exists (a duplicate skill name, an
	// already-assigned skill); IsConflict reports it.
	Conflict bool
}

// Error reads like "item 0 (skill "Chat"): Skill name already exists".
func (e *ItemError) Error() string {
	var b strings.Builder
	if e.Index >= 0 {
		fmt.Fprintf(&b, "item %d", e.Index)
	} else {
		b.WriteString("bulk request")
	}
	if e.ID != "" {
		fmt.Fprintf(&b, " (%s)", e.ID)
	}
	b.WriteString(" failed")
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	return b.String()
}

// MismatchError reports that a create whose answer was lost found, when it looked, an object
// of the same name (or, for an assignment, the same skill) whose settings differ from what
// was sent: it is not the object the create asked for, most likely one that stood in the way
// of the create. IsConflict reports it, as it does a duplicate name.
type MismatchError struct {
	// Kind names the object as NotFoundError does ("skill named", "integration named",
	// "skill assignment").
	Kind string
	// Name identifies the object as the create did (a name, or "agent/skill").
	Name string
	// ID is CXone's id of the object found, when it has one of its own.
	ID string
	// Differences lists each differing field as "field: sent X, CXone has Y". Secrets are
	// never compared, so never listed.
	Differences []string
}

// Error reads like `CXone already has a skill named "Chat" (ID 12) with different settings
// (maxPriority: sent 10, CXone has 100)`.
func (e *MismatchError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "CXone already has %s %q", withArticle(e.Kind), e.Name)
	if e.ID != "" {
		fmt.Fprintf(&b, " (ID %s)", e.ID)
	}
	b.WriteString(" with different settings")
	if len(e.Differences) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(e.Differences, "; "))
	}
	return b.String()
}

// ShapeError is a successful answer (2xx) that does not have the shape CXone documents
// for the call: a list without its list key, {} or null in place of a list, an object
// without its id or name (see shape.go). A proxy or a gateway that answers in CXone's place
// sends such answers. The answer is not believed: IsNotFound is false for it, so nothing
// leaves the state because of it.
type ShapeError struct {
	// Method and Path name the request (the path has no host and no query).
	Method, Path string
	// Err says what the answer lacks.
	Err error
}

// Error names the request, what its answer lacks and what to check.
func (e *ShapeError) Error() string {
	return fmt.Sprintf("CXone's answer to %s %s is not the documented shape (%v), so it was not believed and "+
		"no object was taken for deleted: something between the provider and CXone (a proxy, a gateway) may "+
		"have answered in CXone's place; check api_endpoint and the network path to CXone, then try again",
		e.Method, e.Path, e.Err)
}

// Unwrap returns what the answer lacks.
func (e *ShapeError) Unwrap() error { return e.Err }

// ConfigErrorKind says why an answer points at the client's settings rather than at an object.
type ConfigErrorKind int

// The kinds of *ConfigError.
const (
	// ConfigUnknownTenant: discovery answered 404, it does not know the tenant.
	ConfigUnknownTenant ConfigErrorKind = iota + 1
	// ConfigUnservedPath: a 404 without CXone's own error body (what an API gateway answers
	// for a path no API serves: a wrong api_endpoint or admin_api_version), or a 404 from
	// the token endpoint.
	ConfigUnservedPath
	// ConfigBadCredentials: CXone refused the credentials (401, or a token request refused
	// as invalid_client or invalid_grant).
	ConfigBadCredentials
	// ConfigForbidden: 403, the access key's user lacks a permission the call needs.
	ConfigForbidden
)

// ConfigError is an answer from CXone that says the client's settings are wrong, not that an
// object is missing or invalid: an unknown tenant, a path no API serves, refused credentials,
// missing permissions. IsNotFound is false for it even when the status is 404, so nothing
// is taken for deleted because of a mistyped setting. It wraps CXone's answer (an *APIError),
// so errors.As finds both.
type ConfigError struct {
	// Kind says what is wrong.
	Kind ConfigErrorKind
	// Settings are the settings to check, the likeliest first.
	Settings []Setting
	// Hint is one or two sentences saying what to check, naming each setting with its
	// environment variable and, where it helps, its current value.
	Hint string
	// Err is CXone's answer.
	Err error
}

// Error gives CXone's answer, then the hint.
func (e *ConfigError) Error() string { return e.Err.Error() + ". " + e.Hint }

// Unwrap returns CXone's answer.
func (e *ConfigError) Unwrap() error { return e.Err }

// SettingHint returns the sentence that says which setting to check when err is (or wraps) a
// *ConfigError, and "" otherwise.
func SettingHint(err error) string {
	var ce *ConfigError
	if errors.As(err, &ce) {
		return ce.Hint
	}
	return ""
}

// Refused reports whether CXone answered with a client error other than 408 or 429, which
// means it did not apply the request: a validation error, a conflict, not found, refused
// credentials or permissions. A lost answer is never a refusal, even when a look-up made
// after it was refused: the request itself may have taken effect.
func Refused(err error) bool {
	if errors.Is(err, ErrAnswerLost) {
		return false
	}
	var ae *APIError
	return errors.As(err, &ae) && ae.Status >= 400 && ae.Status < 500 &&
		ae.Status != http.StatusRequestTimeout && ae.Status != http.StatusTooManyRequests
}

// IsNotFound reports whether err says the object does not exist: CXone's own 404 about the
// object, with CXone's error body, or a list read that came back without it. It is false for
// every 404 that is about the settings instead (an unknown tenant, a path no API serves: a
// *ConfigError) and for a lost answer, so that nothing is taken for deleted by mistake.
func IsNotFound(err error) bool {
	var ce *ConfigError
	if errors.As(err, &ce) || errors.Is(err, ErrAnswerLost) {
		return false
	}
	var ae *APIError
	if errors.As(err, &ae) && ae.Status == http.StatusNotFound {
		return true
	}
	var nf *NotFoundError
	return errors.As(err, &nf)
}

// IsConflict reports whether err says the object already exists or is still in use: a 409
// answer, a bulk item that CXone refused as a duplicate, or a *MismatchError.
func IsConflict(err error) bool {
	var ae *APIError
	if errors.As(err, &ae) && ae.Status == http.StatusConflict {
		return true
	}
	var me *MismatchError
	if errors.As(err, &me) {
		return true
	}
	// errors.As stops at the first ItemError; a bulk answer may hold several, and any
	// duplicate among them makes the whole call a conflict.
	return anyInTree(err, func(e error) bool {
		ie, ok := e.(*ItemError)
		return ok && ie.Conflict
	})
}

// anyInTree reports whether match holds for err or anything it wraps.
func anyInTree(err error, match func(error) bool) bool {
	if err == nil {
		return false
	}
	if match(err) {
		return true
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		return anyInTree(u.Unwrap(), match)
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			if anyInTree(e, match) {
				return true
			}
		}
	}
	return false
}

// conflictWords mark a bulk item's message as a duplicate. CXone's wording is not documented,
// so the match is deliberately broad and case-insensitive.
var conflictWords = []string{"already", "duplicate", "unique"}

// isConflictMessage classifies a bulk item's error text.
func isConflictMessage(msg string) bool {
	lower := strings.ToLower(msg)
	for _, w := range conflictWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// errorBody holds every error field either API family uses: Admin's OAuth-style
// {"error","error_description"} and {"message"}, and DFO's {"errors":[...],"uid"}.
type errorBody struct {
	Error            json.RawMessage `json:"error"`
	ErrorDescription string          `json:"error_description"`
	Message          string          `json:"message"`
	Errors           []struct {
		Field     string          `json:"field"`
		Message   string          `json:"message"`
		ErrorCode json.RawMessage `json:"errorCode"`
	} `json:"errors"`
	UID string `json:"uid"`
}

// maxErrorText bounds how much of a non-JSON error body lands in a message.
const maxErrorText = 512

// newAPIError builds an APIError from a non-2xx answer, reading whichever error shape CXone
// used; an unreadable body becomes the message as text so nothing CXone said is lost.
func newAPIError(status int, method, path string, body []byte) *APIError {
	e := &APIError{Status: status, Method: method, Path: path}
	trimmed := strings.TrimSpace(string(body))
	if trimmed == "" {
		return e
	}
	var eb errorBody
	if err := json.Unmarshal(body, &eb); err != nil {
		e.Message = truncate(trimmed, maxErrorText)
		return e
	}
	e.UID = eb.UID
	e.cxoneBody = len(eb.Errors) > 0 || eb.ErrorDescription != "" || eb.Message != "" || rawText(eb.Error) != ""
	var msgs, codes []string
	for _, item := range eb.Errors {
		m := item.Message
		if item.Field != "" {
			m = item.Field + ": " + m
		}
		if m != "" {
			msgs = append(msgs, m)
		}
		if c := rawText(item.ErrorCode); c != "" {
			codes = append(codes, c)
		}
	}
	if len(eb.Errors) == 0 {
		// "error" is a code string in the OAuth shape; some answers put an object there.
		code, msg := rawCodeAndMessage(eb.Error)
		if code != "" {
			codes = append(codes, code)
		}
		for _, m := range []string{eb.ErrorDescription, eb.Message, msg} {
			if m != "" {
				msgs = append(msgs, m)
			}
		}
	}
	e.Code = strings.Join(codes, ", ")
	e.Message = strings.Join(msgs, "; ")
	return e
}

// rawText renders a JSON scalar (string or number) as plain text.
func rawText(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return truncate(string(raw), maxErrorText)
}

// rawCodeAndMessage reads an "error" value that is either a code string or an object with
// its own code and message.
func rawCodeAndMessage(raw json.RawMessage) (code, msg string) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", ""
	}
	var obj struct {
		Code    json.RawMessage `json:"code"`
		Message string          `json:"message"`
	}
	if raw[0] == '{' && json.Unmarshal(raw, &obj) == nil {
		return rawText(obj.Code), obj.Message
	}
	return rawText(raw), ""
}

// truncate shortens s to at most n bytes, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// RedirectError reports a redirect the client refused to follow: a token request follows
// none, and no request follows one to another origin (scheme, host and port), since the
// request carries a bearer token or the access key secret. CXone's own APIs do not
// redirect, so a redirect most often comes from a proxy in between or a wrong endpoint.
type RedirectError struct {
	// Method and Path name the request that was redirected.
	Method, Path string
	// Status is the redirect status (301, 302, 303, 307, 308).
	Status int
	// Target is the origin the redirect pointed at (scheme://host:port), never its path or
	// query, which may carry anything.
	Target string
	// Token is true for a token request, which follows no redirect at all.
	Token bool
}

// Error names the request, the status and the target, and what to check.
func (e *RedirectError) Error() string {
	rule := "the provider does not follow a redirect to another origin, since the request carries credentials"
	if e.Token {
		rule = "the provider does not follow redirects of token requests, since they carry the access key secret"
	}
	return fmt.Sprintf("CXone answered %d %s to %s %s with a redirect to %s; %s. "+
		"Check that no proxy rewrites CXone's answers and that auth_url and api_endpoint name CXone's own hosts",
		e.Status, http.StatusText(e.Status), e.Method, e.Path, e.Target, rule)
}

// AnswerTooLargeError reports an answer (or error body) longer than the client reads, after
// decompression. CXone's real answers are far smaller: a page of a list is well under it.
type AnswerTooLargeError struct {
	// Method and Path name the request.
	Method, Path string
	// Status is the status of the answer.
	Status int
	// Limit is the number of bytes the client reads at most.
	Limit int64
}

// Error says the answer was too large and names the limit.
func (e *AnswerTooLargeError) Error() string {
	return fmt.Sprintf("CXone's answer (%d %s) to %s %s is larger than %d MiB, the most the provider reads; "+
		"it was not read, since no answer CXone documents is that large: check for a proxy or gateway answering in CXone's place",
		e.Status, http.StatusText(e.Status), e.Method, e.Path, e.Limit>>20)
}

// RetryBudgetError reports a request that was given up because the operation's retry budget
// (Config.RetryTimeout) ran out: CXone did not answer in time, or kept refusing.
type RetryBudgetError struct {
	// Method and Path name the request.
	Method, Path string
	// Budget is the retry budget that ran out.
	Budget time.Duration
	// Attempts is how many attempts were made.
	Attempts int
	// RetryAfter, when not 0, is how long CXone asked the client to wait (Retry-After):
	// longer than what was left of the budget, so the request was not retried.
	RetryAfter time.Duration
	// Last describes the last failure, when known.
	Last error
	// Held is true when the request was not sent because CXone's Retry-After on an earlier
	// answer of this run holds every request beyond what is left of this call's budget.
	Held bool
	// Earlier is true when this call was not tried at all, because an earlier call of the
	// same run had already run out of budget against the same unresponsive CXone.
	Earlier bool
}

// Error says how long was spent (or asked for) and what setting bounds it.
func (e *RetryBudgetError) Error() string {
	var b strings.Builder
	switch {
	case e.Held:
		fmt.Fprintf(&b, "%s %s was not sent: CXone asked to wait %s (Retry-After) on an earlier answer of this run, "+
			"longer than what is left of the retry budget of %s (retry_timeout); not waiting", e.Method, e.Path, e.RetryAfter, e.Budget)
	case e.RetryAfter > 0:
		fmt.Fprintf(&b, "CXone asked to wait %s (Retry-After) before retrying %s %s, longer than what is left of the "+
			"retry budget of %s (retry_timeout); not waiting", e.RetryAfter, e.Method, e.Path, e.Budget)
	case e.Earlier:
		fmt.Fprintf(&b, "%s %s was not sent: an earlier request of this run spent its whole retry budget of %s "+
			"(retry_timeout) moments ago without a usable answer from CXone", e.Method, e.Path, e.Budget)
	default:
		fmt.Fprintf(&b, "%s %s gave up after %d attempt(s): the retry budget of %s (retry_timeout) ran out", e.Method, e.Path, e.Attempts, e.Budget)
	}
	if e.Last != nil {
		b.WriteString("; last: ")
		b.WriteString(e.Last.Error())
	}
	b.WriteString(". Try again later, or raise retry_timeout if CXone is slow rather than down")
	return b.String()
}

// Unwrap gives errors.Is and errors.As the last failure.
func (e *RetryBudgetError) Unwrap() error { return e.Last }

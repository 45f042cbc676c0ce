package cxone

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// flexString decodes an identifier CXone may send as a JSON string, a JSON number or null
// (routingQueueId is documented with all three): numbers keep their exact digits, null is "".
type flexString string

// UnmarshalJSON accepts "abc", 123 and null.
func (f *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*f = ""
		return nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("expected a string, a number or null, got %.40s: %w", b, err)
	}
	*f = flexString(n.String())
	return nil
}

// flexField is a field of an object that CXone sends in more than one JSON type (an id as
// a string or a number): its key, what reads it (a *flexString, a *flexInt64), and set,
// which copies what was read into the object.
type flexField struct {
	key  string
	into json.Unmarshaler
	set  func()
}

// flexStringAt is the field key, read as a flexString into *dst.
func flexStringAt(key string, dst *string) flexField {
	var v flexString
	return flexField{key: key, into: &v, set: func() { *dst = string(v) }}
}

// flexInt64At is the field key, read as a flexInt64 into *dst.
func flexInt64At(key string, dst *int64) flexField {
	var v flexInt64
	return flexField{key: key, into: &v, set: func() { *dst = int64(v) }}
}

// decodeFlex decodes the JSON object b into plain (a pointer to the object's type without
// its UnmarshalJSON), reading each of flex through its own type. An object whose flex
// fields fit their Go types (a string id as a string) is decoded once, as it is; else the
// object is decoded without them, and each is read by itself.
func decodeFlex(b []byte, plain any, flex ...flexField) error {
	err := json.Unmarshal(b, plain)
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || !isFlexKey(te.Field, flex) {
		return err
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return err
	}
	values := make([]json.RawMessage, len(flex))
	for k, v := range obj {
		for i, f := range flex {
			if strings.EqualFold(k, f.key) {
				values[i] = v
				delete(obj, k)
			}
		}
	}
	rest, err := json.Marshal(obj)
	if err == nil {
		err = json.Unmarshal(rest, plain)
	}
	for i, f := range flex {
		if err == nil && values[i] != nil {
			err = f.into.UnmarshalJSON(values[i])
		}
		f.set()
	}
	return err
}

// isFlexKey reports whether the field a type error names is one of flex.
func isFlexKey(field string, flex []flexField) bool {
	for _, f := range flex {
		if strings.EqualFold(field, f.key) {
			return true
		}
	}
	return false
}

// itemResult is one entry of a bulk answer's per-item results. error may be a string or an
// object, and success may be missing, so both are read loosely.
type itemResult struct {
	AgentID flexString      `json:"agentId"`
	SkillID flexString      `json:"skillId"`
	Success *bool           `json:"success"`
	Error   json.RawMessage `json:"error"`
}

// failed reports whether the item failed, and CXone's message for it.
func (r itemResult) failed() (bool, string) {
	code, msg := rawCodeAndMessage(r.Error)
	text := msg
	if text == "" {
		text = code
	} else if code != "" && code != msg {
		text = code + ": " + msg
	}
	if r.Success != nil {
		return !*r.Success, text
	}
	return text != "", text
}

// bulkError turns a 200 bulk answer into an error when CXone reported any failed item.
// idOf names item i of the request for the message. Every failed item becomes an *ItemError
// (joined), classified as a conflict when CXone said it already exists.
func bulkError(what string, errorCount int64, results []itemResult, idOf func(i int, r itemResult) string) error {
	var errs []error
	for i, r := range results {
		if bad, msg := r.failed(); bad {
			if msg == "" {
				msg = "CXone gave no reason"
			}
			errs = append(errs, &ItemError{Index: i, ID: idOf(i, r), Message: msg, Conflict: isConflictMessage(msg)})
		}
	}
	if len(errs) == 0 && errorCount > 0 {
		errs = append(errs, &ItemError{Index: -1, Message: fmt.Sprintf("CXone reported %d failed item(s) without details", errorCount)})
	}
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("%s: CXone rejected %d of %d item(s): %w", what, len(errs), max(len(results), len(errs)), joinErrors(errs))
}

// joinErrors is errors.Join without the extra wrapping for a single error, so the message of
// the common one-item case reads naturally.
func joinErrors(errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	return &joined{errs: errs}
}

// joined renders several item errors on one line (errors.Join uses newlines, which read badly
// inside a Terraform diagnostic).
type joined struct{ errs []error }

func (j *joined) Error() string {
	var b bytes.Buffer
	for i, e := range j.errs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

func (j *joined) Unwrap() []error { return j.errs }

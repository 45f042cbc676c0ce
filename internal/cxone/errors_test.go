package cxone

import (
	"errors"
	"fmt"
	"testing"
)

func TestNewAPIError_shapes(t *testing.T) {
	cases := []struct {
		name           string
		status         int
		body           string
		code, msg, uid string
	}{
		{"admin oauth", 401, `{"error":"invalid_grant","error_description":"The access key is wrong"}`, "invalid_grant", "The access key is wrong", ""},
		{"admin message", 400, `{"message":"skillName is required"}`, "", "skillName is required", ""},
		{"dfo errors", 422, `{"errors":[{"field":"color","message":"must be #RRGGBB","parameters":{},"errorCode":"InvalidColor"},{"field":"name","message":"is required","errorCode":1001}],"uid":"u-1"}`,
			"InvalidColor, 1001", "color: must be #RRGGBB; name: is required", "u-1"},
		{"error object", 409, `{"error":{"code":"Conflict","message":"name taken"}}`, "Conflict", "name taken", ""},
		{"not json", 502, `<html>Bad gateway</html>`, "", "<html>Bad gateway</html>", ""},
		{"empty", 404, ``, "", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newAPIError(tc.status, "GET", "/x", []byte(tc.body))
			if e.Status != tc.status || e.Code != tc.code || e.Message != tc.msg || e.UID != tc.uid {
				t.Fatalf("got %+v, want code %q msg %q uid %q", e, tc.code, tc.msg, tc.uid)
			}
		})
	}
}

func TestAPIError_Error(t *testing.T) {
	e := &APIError{Status: 404, Code: "NotFound", Message: "no such skill", Method: "GET", Path: "/skills/5"}
	want := "CXone answered 404 Not Found to GET /skills/5: NotFound: no such skill"
	if got := e.Error(); got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
	e = &APIError{Status: 503, Method: "PUT", Path: "/agents"}
	if got, want := e.Error(), "CXone answered 503 Service Unavailable to PUT /agents"; got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
}

func TestIsNotFoundIsConflict(t *testing.T) {
	nf := fmt.Errorf("reading: %w", &APIError{Status: 404})
	conflict := fmt.Errorf("creating: %w", &APIError{Status: 409})
	missing := fmt.Errorf("reading: %w", &NotFoundError{Kind: "channel", ID: "c1"})
	dup := fmt.Errorf("creating: %w", joinErrors([]error{&ItemError{Index: 0}, &ItemError{Index: 1, Conflict: true}}))
	other := &APIError{Status: 400}
	if !IsNotFound(nf) || !IsNotFound(missing) || IsNotFound(conflict) || IsNotFound(other) || IsNotFound(nil) {
		t.Fatal("IsNotFound misclassifies")
	}
	mismatch := fmt.Errorf("creating: %w", &MismatchError{Kind: "skill named", Name: "Chat"})
	if !IsConflict(conflict) || !IsConflict(dup) || !IsConflict(mismatch) || IsConflict(nf) || IsConflict(other) || IsConflict(nil) {
		t.Fatal("IsConflict misclassifies")
	}
	if IsNotFound(mismatch) {
		t.Fatal("IsNotFound misclassifies a mismatch")
	}
}

func TestMismatchError_text(t *testing.T) {
	var diffs []string
	noteDiff(&diffs, "maxPriority", 10, 100)
	noteDiff(&diffs, "notes", "", "theirs")
	noteDiff(&diffs, "isActive", true, true)
	e := &MismatchError{Kind: "integration named", Name: "Chat", ID: "i-1", Differences: diffs}
	want := `CXone already has an integration named "Chat" (ID i-1) with different settings (maxPriority: sent 10, CXone has 100; notes: sent "", CXone has "theirs")`
	if got := e.Error(); got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
}

func TestBulkError(t *testing.T) {
	yes, no := true, false
	id := func(i int, _ itemResult) string { return fmt.Sprint("item", i) }

	if err := bulkError("x", 0, []itemResult{{Success: &yes}}, id); err != nil {
		t.Fatalf("all succeeded: %v", err)
	}
	err := bulkError("x", 1, []itemResult{{Success: &yes}, {Success: &no, Error: []byte(`"Skill name already exists"`)}}, id)
	var ie *ItemError
	if !errors.As(err, &ie) || ie.Index != 1 || ie.ID != "item1" || ie.Message != "Skill name already exists" || !IsConflict(err) {
		t.Fatalf("duplicate item: %v (%+v)", err, ie)
	}
	err = bulkError("x", 1, []itemResult{{Success: &no, Error: []byte(`{"message":"digitalThreshold must be 1..100"}`)}}, id)
	if !errors.As(err, &ie) || IsConflict(err) || ie.Message != "digitalThreshold must be 1..100" {
		t.Fatalf("validation item: %v", err)
	}
	// Success missing but an error given counts as a failure.
	if err := bulkError("x", 0, []itemResult{{Error: []byte(`"boom"`)}}, id); err == nil {
		t.Fatal("item with an error and no success flag passed")
	}
	// A count without details still fails.
	err = bulkError("x", 2, nil, id)
	if !errors.As(err, &ie) || ie.Index != -1 {
		t.Fatalf("count only: %v", err)
	}
}

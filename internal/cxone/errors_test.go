package cxone

import (
	"errors"
	"fmt"
	"strings"
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
	nf := fmt.Errorf("reading: %w", newAPIError(404, "GET", "/skills/5", []byte(`{"error":"not_found","error_description":"skill 5 was not found"}`)))
	conflict := fmt.Errorf("creating: %w", &APIError{Status: 409})
	missing := fmt.Errorf("reading: %w", &NotFoundError{Kind: "channel", ID: "c1"})
	dup := fmt.Errorf("creating: %w", joinErrors([]error{&ItemError{Index: 0}, &ItemError{Index: 1, Conflict: true}}))
	other := &APIError{Status: 400}
	if !IsNotFound(nf) || !IsNotFound(missing) || IsNotFound(conflict) || IsNotFound(other) || IsNotFound(nil) {
		t.Fatal("IsNotFound misclassifies")
	}
	settings := &ConfigError{Kind: ConfigUnservedPath, Err: &APIError{Status: 404}}
	lost := &lostAnswerError{err: &APIError{Status: 404}}
	if IsNotFound(settings) || IsNotFound(fmt.Errorf("reading: %w", settings)) || IsNotFound(lost) {
		t.Fatal("IsNotFound takes a settings error or a lost answer for not found")
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

// TestClassify: which error answers are about the settings, and which setting each names.
// Only CXone's own 404 about an object stays a plain *APIError for which IsNotFound is true.
func TestClassify(t *testing.T) {
	c, err := New(Config{TenantID: "t1", AccessKeyID: "k", AccessKeySecret: "s", AdminAPIVersion: "v99.0"})
	if err != nil {
		t.Fatal(err)
	}
	pw, err := New(Config{APIEndpoint: "https://api.example.com", AccessKeyID: "k", AccessKeySecret: "s", ClientID: "app", ClientSecret: "x"})
	if err != nil {
		t.Fatal(err)
	}
	admin := &request{api: adminAPI, purpose: purposeAPI}
	dfo := &request{api: dfoAPI, purpose: purposeAPI}
	disc := &request{api: absoluteURL, purpose: purposeDiscovery}
	tok := &request{api: absoluteURL, purpose: purposeToken}
	adminBody := `{"error":"not_found","error_description":"agent 7 was not found"}`
	dfoBody := `{"errors":[{"field":"id","message":"not found","errorCode":"NOT_FOUND"}],"uid":"u"}`
	cases := []struct {
		name     string
		c        *Client
		r        *request
		status   int
		body     string
		kind     ConfigErrorKind // 0: stays a plain *APIError
		settings []Setting
		hint     []string // parts of the hint
	}{
		{"object 404, Admin body", c, admin, 404, adminBody, 0, nil, nil},
		{"object 404, Admin message body", c, admin, 404, `{"message":"no such skill"}`, 0, nil, nil},
		{"object 404, DFO body", c, dfo, 404, dfoBody, 0, nil, nil},
		{"unknown tenant", c, disc, 404, adminBody, ConfigUnknownTenant, []Setting{SettingTenantID, SettingAuthURL},
			[]string{`tenant "t1"`, "tenant_id (CXONE_TENANT_ID)", "auth_url (CXONE_AUTH_URL)"}},
		{"unknown tenant, empty body", c, disc, 404, "", ConfigUnknownTenant, []Setting{SettingTenantID, SettingAuthURL}, nil},
		{"Admin path, empty body", c, admin, 404, "", ConfigUnservedPath, []Setting{SettingAdminAPIVersion, SettingAPIEndpoint},
			[]string{`admin_api_version (CXONE_ADMIN_API_VERSION), now "v99.0", and api_endpoint`, "api_endpoint (CXONE_API_ENDPOINT)", `discovered for tenant "t1"`}},
		{"Admin path, HTML body", c, admin, 404, "<html>Not Found</html>", ConfigUnservedPath, []Setting{SettingAdminAPIVersion, SettingAPIEndpoint}, nil},
		{"Admin path, JSON without an error", c, admin, 404, `{}`, ConfigUnservedPath, []Setting{SettingAdminAPIVersion, SettingAPIEndpoint}, nil},
		{"DFO path, text body", pw, dfo, 404, "Not Found", ConfigUnservedPath, []Setting{SettingAPIEndpoint},
			[]string{`check api_endpoint (CXONE_API_ENDPOINT), now "https://api.example.com".`}},
		{"token endpoint 404", c, tok, 404, adminBody, ConfigUnservedPath, []Setting{SettingAuthURL}, []string{"auth_url (CXONE_AUTH_URL)"}},
		{"token 401", c, tok, 401, `{"error":"invalid_client"}`, ConfigBadCredentials, []Setting{SettingAccessKeyID, SettingAccessKeySecret},
			[]string{"access_key_id (CXONE_ACCESS_KEY_ID) and access_key_secret (CXONE_ACCESS_KEY_SECRET)"}},
		{"token 400 invalid_grant", pw, tok, 400, `{"error":"invalid_grant"}`, ConfigBadCredentials,
			[]Setting{SettingAccessKeyID, SettingAccessKeySecret, SettingClientID, SettingClientSecret}, []string{"client_id (CXONE_CLIENT_ID)"}},
		{"token 400 other", c, tok, 400, `{"error":"unsupported_grant_type"}`, 0, nil, nil},
		{"API 401", c, dfo, 401, dfoBody, ConfigBadCredentials, []Setting{SettingAccessKeyID, SettingAccessKeySecret},
			[]string{"freshly issued", "api_endpoint (CXONE_API_ENDPOINT)"}},
		{"API 403", c, admin, 403, adminBody, ConfigForbidden, []Setting{SettingAccessKeyID}, []string{"security profile"}},
		{"409 stays", c, dfo, 409, dfoBody, 0, nil, nil},
		{"500 stays", c, admin, 500, "", 0, nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := fmt.Errorf("reading: %w", tc.c.classify(tc.r, newAPIError(tc.status, "GET", "/x", []byte(tc.body))))
			var ae *APIError
			if !errors.As(err, &ae) || ae.Status != tc.status {
				t.Fatalf("the *APIError is not reachable: %v", err)
			}
			if !Refused(err) != (tc.status >= 500) {
				t.Errorf("Refused = %v for %d", Refused(err), tc.status)
			}
			var ce *ConfigError
			if tc.kind == 0 {
				if errors.As(err, &ce) || SettingHint(err) != "" {
					t.Fatalf("classified as a settings error: %v", err)
				}
				if IsNotFound(err) != (tc.status == 404) {
					t.Fatalf("IsNotFound = %v for %v", IsNotFound(err), err)
				}
				return
			}
			if !errors.As(err, &ce) || ce.Kind != tc.kind || fmt.Sprint(ce.Settings) != fmt.Sprint(tc.settings) {
				t.Fatalf("want kind %d with settings %v, got %T %+v", tc.kind, tc.settings, err, ce)
			}
			if IsNotFound(err) {
				t.Fatalf("a settings error reads as not found: %v", err)
			}
			hint := SettingHint(err)
			if hint == "" || !strings.HasSuffix(hint, ".") || !strings.Contains(err.Error(), hint) {
				t.Fatalf("hint %q must end the message %q", hint, err)
			}
			for _, part := range tc.hint {
				if !strings.Contains(hint, part) {
					t.Errorf("hint %q lacks %q", hint, part)
				}
			}
		})
	}
}

func TestRefused(t *testing.T) {
	cases := []struct {
		err  error
		want bool
	}{
		{&APIError{Status: 422}, true},
		{fmt.Errorf("saving: %w", &APIError{Status: 400}), true},
		{&APIError{Status: 404}, true},
		{&APIError{Status: 408}, false},
		{&APIError{Status: 429}, false},
		{&APIError{Status: 500}, false},
		{&lostAnswerError{err: &APIError{Status: 504}}, false},
		// A look-up refused after a lost answer says nothing about the create itself.
		{fmt.Errorf("creating: %w (and looking it up afterwards failed: %w)", &lostAnswerError{err: errors.New("EOF")}, &APIError{Status: 403}), false},
		{errors.New("dial tcp: refused"), false},
		{nil, false},
	}
	for _, tc := range cases {
		if got := Refused(tc.err); got != tc.want {
			t.Errorf("Refused(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

func TestSetting(t *testing.T) {
	if got := SettingAdminAPIVersion.String(); got != "admin_api_version (CXONE_ADMIN_API_VERSION)" {
		t.Fatalf("String() = %q", got)
	}
}

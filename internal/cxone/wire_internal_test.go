package cxone

import (
	"net/url"
	"strings"
	"testing"
)

// TestCheckCredentialURL: a request that carries a credential (a bearer token, or a token
// request's secret) goes only to https, or to http on loopback; one without goes anywhere.
func TestCheckCredentialURL(t *testing.T) {
	for _, tc := range []struct {
		raw     string
		r       *request
		token   string
		refused bool
	}{
		{"http://api.example.com/x", &request{}, "tok", true},
		{"http://10.0.0.1:8080/x", &request{purpose: purposeToken}, "", true},
		{"ftp://api.example.com/x", &request{}, "tok", true},
		{"https://api.example.com/x", &request{}, "tok", false},
		{"http://127.0.0.1:9/x", &request{purpose: purposeToken}, "", false},
		{"http://api.example.com/.well-known/cxone-configuration", &request{purpose: purposeDiscovery}, "", false},
	} {
		u, err := url.Parse(tc.raw)
		if err != nil {
			t.Fatal(err)
		}
		err = checkCredentialURL(tc.r, u, tc.token)
		if (err != nil) != tc.refused || (err != nil && !strings.Contains(err.Error(), "not sending credentials")) {
			t.Errorf("%s: refused=%v, got %v", tc.raw, tc.refused, err)
		}
	}
}

// TestCleanText: escape sequences go whole, control characters become spaces or go, and a long
// text is cut at maxMessageBytes with a note of how much was cut.
func TestCleanText(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                         "plain",
		"a\x1b[1;31mred\x1b[0m b":       "ared b",
		"title\x1b]0;pwned\x07 after":   "title after",
		"line\r\nnext\tcol":             "line  next col",
		"nul\x00 bell\x07 csi\u009b2J.": "nul bell csi.",
		"bidi\u202eevil":                "bidievil",
		"bad \xff byte":                 "bad \ufffd byte",
		"dangling \x1b":                 "dangling ",
	} {
		if got := cleanText(in); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", in, got, want)
		}
	}
	long := strings.Repeat("x", 5000)
	got := cleanText(long)
	if !strings.HasPrefix(got, strings.Repeat("x", maxMessageBytes)+"...") || !strings.Contains(got, "(3976 more bytes cut)") {
		t.Errorf("a 5000-byte text became %d bytes ending %q", len(got), got[len(got)-30:])
	}
}

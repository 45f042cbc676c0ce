package provider

import (
	"slices"
	"strings"
	"testing"
)

// TestParseCSVContent: the upload's content is CSV with a header row and records; a byte
// order mark and blanks around column names are ignored, short rows are CXone's to count.
func TestParseCSVContent(t *testing.T) {
	good := []struct {
		content string
		header  []string
		records int
	}{
		{"AccountId,Phone\nA-1,+1555\n", []string{"AccountId", "Phone"}, 1},
		{"\ufeffAccountId, Phone\r\nA-1,+1555\r\nA-2\r\n", []string{"AccountId", "Phone"}, 2},
		{"\"Account Id\",Phone\n\"A,1\",+1555\n,+1556\n", []string{"Account Id", "Phone"}, 2},
	}
	for _, tc := range good {
		got, err := parseCSVContent(tc.content)
		if err != nil || !slices.Equal(got.header, tc.header) || got.records != tc.records {
			t.Errorf("parseCSVContent(%q) = %+v, %v; want header %q and %d records", tc.content, got, err, tc.header, tc.records)
		}
	}
	bad := map[string]string{
		"":                             "not CSV with a header row",
		"AccountId,Phone\n":            "no records",
		"AccountId,\"Phone\nA-1":       "not CSV",
		"AccountId,Phone\nA-1,\"+1\"5": "not CSV",
	}
	for content, want := range bad {
		if _, err := parseCSVContent(content); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parseCSVContent(%q) = %v; want an error saying %q", content, err, want)
		}
	}
}

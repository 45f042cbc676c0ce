package cxone_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestReadme_everyCallHasARow fails for a call the mock serves (internal/mockcxone/routes.go,
// the calls the client makes) that has no row of its own in the table of section 6 of
// README.md, or a row that does not say where the call comes from: documented (with its
// source), inferred or project-defined.
func TestReadme_everyCallHasARow(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	routes, err := os.ReadFile("../mockcxone/routes.go")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	start := strings.Index(text, "## 6. Every call, and where it comes from")
	end := strings.Index(text, "## 7. ")
	if start < 0 || end < start {
		t.Fatal("README.md has no section 6 followed by section 7")
	}
	rows := map[string]string{} // "METHOD /path" -> source cell
	row := regexp.MustCompile("(?m)^\\| [^|]+ \\| `([A-Z]+) ([^`]+)` \\| ([^|]+) \\|$")
	for _, m := range row.FindAllStringSubmatch(text[start:end], -1) {
		rows[m[1]+" "+m[2]] = m[3]
	}
	if len(rows) == 0 {
		t.Fatal("section 6 has no table rows")
	}
	prefixes := map[string]string{"a": "/inContactAPI/services/{version}", "d": "/dfo/3.0"}
	route := regexp.MustCompile(`(?m)^\s*([ad])\("([A-Z]+)", "([^"]+)"`)
	found := 0
	for _, m := range route.FindAllStringSubmatch(string(routes), -1) {
		found++
		call := m[2] + " " + prefixes[m[1]] + m[3]
		source, ok := rows[call]
		if !ok {
			t.Errorf("README.md section 6 has no row of its own for %s", call)
			continue
		}
		if !strings.Contains(source, "documented") && !strings.Contains(source, "inferred") && !strings.Contains(source, "project-defined") {
			t.Errorf("the row of %s says neither documented, inferred nor project-defined: %q", call, source)
		}
	}
	if found < 50 {
		t.Fatalf("read %d routes from internal/mockcxone/routes.go; its format may have changed", found)
	}
}

package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestResourceTemplates_importSectionIsShared keeps one Import section for every resource
// page: tfplugindocs has no include, so a page of its own (templates/resources/<name>.md.tmpl)
// repeats the section of the fallback template, templates/resources.md.tmpl, word for word,
// and the resource's own import text lives in its example files (import-by-string-id.tf,
// import-by-identity.tf, import.sh), which the section renders.
func TestResourceTemplates_importSectionIsShared(t *testing.T) {
	root := filepath.Join("..", "..", "templates")
	want := importSection(t, filepath.Join(root, "resources.md.tmpl"))
	pages, err := filepath.Glob(filepath.Join(root, "resources", "*.md.tmpl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatalf("no resource templates under %s", root)
	}
	for _, page := range pages {
		if got := importSection(t, page); got != want {
			t.Errorf("%s: its Import section differs from templates/resources.md.tmpl's; copy that one.\ngot:\n%s\nwant:\n%s", page, got, want)
		}
	}
}

// importSection is a template's text from "## Import" to the end of the terraform import
// example's block, the part every resource page shares.
func importSection(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	start := strings.Index(s, "## Import\n")
	const last = "{{ codefile \"shell\" .ImportFile }}\n{{- end }}\n"
	end := strings.Index(s, last)
	if start < 0 || end < start {
		t.Fatalf("%s: no Import section ending in the terraform import example", path)
	}
	return s[start : end+len(last)]
}

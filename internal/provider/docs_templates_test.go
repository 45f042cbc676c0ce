package provider

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
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

// TestExamples_routingQueueIDsAreNumeric keeps one form of routing queue ID in the
// examples the docs render: the number CXone gives a digital skill's queue (a skill's
// routingQueueId, what cxone_digital_skill.routing_queue_id holds), never a UUID.
func TestExamples_routingQueueIDsAreNumeric(t *testing.T) {
	literal := regexp.MustCompile(`routing_queue_id\s*=\s*"([^"]*)"`)
	numeric := regexp.MustCompile(`^[1-9][0-9]*$`)
	checked := 0
	err := filepath.WalkDir(filepath.Join("..", "..", "examples"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".tf") && !strings.HasSuffix(path, ".hcl") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range literal.FindAllStringSubmatch(string(b), -1) {
			checked++
			if !numeric.MatchString(m[1]) {
				t.Errorf("%s: routing_queue_id = %q; the examples give the numeric form CXone uses", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("no routing_queue_id literal found in the examples")
	}
}

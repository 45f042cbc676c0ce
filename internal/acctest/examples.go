package acctest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// ExampleFiles returns the files of examples/folder whose names match pattern ("*.tf"),
// by name, for a test to write into its own Terraform directory; an example without
// such files fails the test.
func ExampleFiles(t testing.TB, folder, pattern string) map[string]string {
	t.Helper()
	_, self, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(self), "..", "..", "examples", folder)
	paths, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil || len(paths) == 0 {
		t.Fatalf("examples/%s has no %s: %v", folder, pattern, err)
	}
	files := make(map[string]string, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = string(b)
	}
	return files
}

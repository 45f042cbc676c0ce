package provider

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestAccExamples_validate runs `terraform validate` on every example folder, with
// this provider served by the dev override, so that the examples shown in the docs
// use real attribute names, types and values the provider accepts.
func TestAccExamples_validate(t *testing.T) {
	m := testAccParallelStart(t)
	root := filepath.Join("..", "..", "examples")
	var folders []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".tf") && !slices.Contains(folders, filepath.Dir(path)) {
			folders = append(folders, filepath.Dir(path))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(folders) < 12 { // provider, 6 resources, 4 data sources, the story
		t.Fatalf("found only %d example folders under %s: %v", len(folders), root, folders)
	}
	requiredProviders := regexp.MustCompile(`(?m)^\s*required_providers\s*\{`)
	actionBlock := regexp.MustCompile(`(?m)^action\s+"`)
	for _, folder := range folders {
		name := filepath.ToSlash(strings.TrimPrefix(folder, root+string(filepath.Separator)))
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tf := newTFCLI(t, m)
			files, err := filepath.Glob(filepath.Join(folder, "*.tf"))
			if err != nil {
				t.Fatal(err)
			}
			if !tf.versionAtLeast(1, 14) && slices.ContainsFunc(files, func(f string) bool {
				b, err := os.ReadFile(f)
				return err == nil && actionBlock.Match(b)
			}) {
				t.Skip("action blocks need Terraform 1.14 or later: older versions cannot parse them " +
					"(set TF_ACC_TERRAFORM_PATH=\"$(make -s terraform-1.14)\")")
			}
			if base, ok := exampleLayers[name]; ok {
				// A layer is validated on top of the example it is copied into.
				baseFiles, err := filepath.Glob(filepath.Join(root, base, "*.tf"))
				if err != nil || len(baseFiles) == 0 {
					t.Fatalf("the example %s, which %s is layered on, has no .tf files (%v)", base, name, err)
				}
				files = append(baseFiles, files...)
			}
			declared := false
			byIdentity := ""
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if filepath.Base(f) == importByIdentityExample {
					// It imports the same address as import-by-string-id.tf: checked on its own below.
					byIdentity = string(b)
					continue
				}
				declared = declared || requiredProviders.Match(b)
				tf.write(filepath.Base(f), string(b))
			}
			// Files the examples read, such as the CSV of a file() call.
			others, err := filepath.Glob(filepath.Join(folder, "*.csv"))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range others {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				tf.write(filepath.Base(f), string(b))
			}
			if !declared {
				// Snippets rely on the page's context for the provider's source address.
				tf.write("zz_required_providers.tf", testAccCLIRequiredProviders)
			}
			tf.mustRun("validate", "-no-color")
			if byIdentity != "" && tf.supportsIdentity() {
				if err := os.Remove(filepath.Join(tf.dir, "import-by-string-id.tf")); err != nil && !os.IsNotExist(err) {
					t.Fatal(err)
				}
				tf.write(importByIdentityExample, byIdentity)
				tf.mustRun("validate", "-no-color")
			}
		})
	}
}

// exampleLayers names the example folders that are not configurations by themselves but
// files to copy into another example folder (README.md of each says why), with that
// folder: they are validated together, the layer's files written last.
var exampleLayers = map[string]string{
	// The launch's actions, which need Terraform 1.14, on the watering hole, which must run on 1.11.
	"watering-hole-launch-actions": "watering-hole",
}

// TestBindingImportExamples: the binding's import examples use IDs of the form CXone
// gives, a numeric queue ID and a UUID channel ID.
func TestBindingImportExamples(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "resources", "cxone_routing_queue_binding")
	idRE := regexp.MustCompile(`([0-9A-Za-z-]+)/([0-9a-f-]{36})`)
	for _, name := range []string{"import.sh", "import-by-string-id.tf"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		m := idRE.FindStringSubmatch(string(b))
		if m == nil || !numericIDRE.MatchString(m[1]) || !uuidRE.MatchString(m[2]) {
			t.Errorf("%s: import ID %v is not <numeric queue ID>/<channel UUID>", name, m)
		}
	}
}

// importByIdentityExample is the import block by resource identity of a resource's
// examples, which Terraform accepts from v1.12.
const importByIdentityExample = "import-by-identity.tf"

// supportsIdentity reports whether the Terraform under test knows resource identity (v1.12+).
func (c *tfCLI) supportsIdentity() bool {
	c.t.Helper()
	return c.versionAtLeast(1, 12)
}

// versionAtLeast reports whether the Terraform under test is major.minor or later.
func (c *tfCLI) versionAtLeast(wantMajor, wantMinor int) bool {
	c.t.Helper()
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal([]byte(c.mustRun("version", "-json")), &v); err != nil {
		c.t.Fatalf("reading terraform version -json: %v", err)
	}
	var major, minor int
	if _, err := fmt.Sscanf(v.Version, "%d.%d", &major, &minor); err != nil {
		c.t.Fatalf("reading Terraform version %q: %v", v.Version, err)
	}
	return major > wantMajor || (major == wantMajor && minor >= wantMinor)
}

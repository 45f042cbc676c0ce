package provider

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestAdoptExample_listsEveryType fails for a resource type of the provider that the
// adoption walkthrough leaves out: examples/adopt must have a list block of it, and the
// hand-made set-up of TestAccAdopt_roundTrip (adoptWant) must make at least one, so that
// the round trip adopts every type.
func TestAdoptExample_listsEveryType(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "adopt", "*.tfquery.hcl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("examples/adopt has no .tfquery.hcl file: %v", err)
	}
	listed := map[string]bool{}
	block := regexp.MustCompile(`(?m)^list\s+"(cxone_[a-z0-9_]+)"\s+"[^"]+"\s*\{`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range block.FindAllStringSubmatch(string(b), -1) {
			listed[m[1]] = true
		}
	}
	ctx := context.Background()
	types := map[string]bool{}
	for _, newResource := range (&cxoneProvider{}).Resources(ctx) {
		typ := typeName(ctx, newResource())
		types[typ] = true
		if !listed[typ] {
			t.Errorf("examples/adopt has no list block of %s", typ)
		}
		if adoptWant[typ] == 0 {
			t.Errorf("the hand-made set-up of the adoption test makes no %s (adoptWant)", typ)
		}
	}
	for typ := range listed {
		if !types[typ] {
			t.Errorf("examples/adopt lists %s, which is not a resource type of the provider", typ)
		}
	}
}

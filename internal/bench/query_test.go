package main

import (
	"context"
	"regexp"
	"slices"
	"testing"

	tfprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/cxone-oss/terraform-provider-cxone/internal/provider"
)

// notQueried are the provider's list resources the query row leaves out, and why.
var notQueried = map[string]string{
	"cxone_user": "the query row predates cxone_user; its figures are kept comparable",
}

// TestQueryConfig_listsEveryType reads the list blocks the query file holds and
// compares them with the list resources the provider registers, so that a list
// resource added to the provider and not to the query (or a block that lists
// without include_resource, or lists a type the provider does not have) fails here.
func TestQueryConfig_listsEveryType(t *testing.T) {
	ctx := context.Background()
	p, ok := provider.New("test")().(tfprovider.ProviderWithListResources)
	if !ok {
		t.Fatal("the provider has no list resources")
	}
	var want []string
	for _, newList := range p.ListResources(ctx) {
		var meta resource.MetadataResponse
		newList().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "cxone"}, &meta)
		if _, skip := notQueried[meta.TypeName]; !skip {
			want = append(want, meta.TypeName)
		}
	}
	_, query := queryConfig()
	var got []string
	for _, block := range regexp.MustCompile(`(?s)list "([a-z_]+)" "all" \{(.*?)\n\}`).FindAllStringSubmatch(query, -1) {
		got = append(got, block[1])
		if !regexp.MustCompile(`(?m)^\s*include_resource\s*=\s*true$`).MatchString(block[2]) {
			t.Errorf("the list block of %s does not include the resources:\n%s", block[1], block[0])
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) || len(got) == 0 {
		t.Errorf("the query lists %v; the provider's list resources (less %v) are %v", got, notQueried, want)
	}
}

func TestQueryRequestBudget(t *testing.T) {
	// The large tenant lists about 34,350 objects: at most 717 requests.
	if got := queryRequestBudget(34350); got != 717 {
		t.Errorf("budget for 34350 objects = %v, want 717", got)
	}
}

package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// TestEveryResourceIsListed fails for a resource of the provider's list that is not
// also a list resource of the same name, with a config schema.
func TestEveryResourceIsListed(t *testing.T) {
	ctx := context.Background()
	p := &cxoneProvider{}
	listed := map[string]bool{}
	for _, newList := range p.ListResources(ctx) {
		var meta resource.MetadataResponse
		newList().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "cxone"}, &meta)
		listed[meta.TypeName] = true
	}
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "cxone"}, &meta)
		t.Run(meta.TypeName, func(t *testing.T) {
			lr, ok := r.(list.ListResourceWithConfigure)
			if !ok || !listed[meta.TypeName] {
				t.Fatalf("%s is not a list resource of the provider", meta.TypeName)
			}
			var resp list.ListResourceSchemaResponse
			lr.ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &resp)
			if resp.Diagnostics.HasError() || resp.Schema.MarkdownDescription == "" {
				t.Fatalf("list config schema: %v (description %q)", resp.Diagnostics, resp.Schema.MarkdownDescription)
			}
			if d := resp.Schema.ValidateImplementation(ctx); d.HasError() {
				t.Fatalf("list config schema: %v", d)
			}
		})
	}
}

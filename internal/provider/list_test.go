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
		listed[typeName(ctx, newList())] = true
	}
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		name := typeName(ctx, r)
		t.Run(name, func(t *testing.T) {
			lr, ok := r.(list.ListResourceWithConfigure)
			if !ok || !listed[name] {
				t.Fatalf("%s is not a list resource of the provider", name)
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

// typeName is the type name of a resource or list resource of the provider ("cxone_user").
func typeName(ctx context.Context, r interface {
	Metadata(context.Context, resource.MetadataRequest, *resource.MetadataResponse)
}) string {
	var meta resource.MetadataResponse
	r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "cxone"}, &meta)
	return meta.TypeName
}

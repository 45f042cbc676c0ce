package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// TestEveryResourceHasIdentity fails for a resource of the provider's list whose
// model gives no identity, or whose identity schema cannot be built.
func TestEveryResourceHasIdentity(t *testing.T) {
	ctx := context.Background()
	for _, newResource := range (&cxoneProvider{}).Resources(ctx) {
		r := newResource()
		t.Run(typeName(ctx, r), func(t *testing.T) {
			ri, ok := r.(resource.ResourceWithIdentity)
			if !ok {
				t.Fatalf("%T does not implement resource.ResourceWithIdentity", r)
			}
			var resp resource.IdentitySchemaResponse
			ri.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &resp)
			if resp.Diagnostics.HasError() {
				t.Fatalf("identity schema: %v", resp.Diagnostics)
			}
			if len(resp.IdentitySchema.Attributes) == 0 {
				t.Fatal("identity schema has no attributes")
			}
			if d := resp.IdentitySchema.ValidateImplementation(ctx); d.HasError() {
				t.Fatalf("identity schema: %v", d)
			}
		})
	}
}

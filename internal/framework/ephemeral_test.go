package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type tokenModel struct {
	Token types.String `tfsdk:"token"`
}

type fakeEphemeral struct {
	EphemeralResourceWithModel[tokenModel]
}

func (*fakeEphemeral) Open(context.Context, ephemeral.OpenRequest, *ephemeral.OpenResponse) {}

// TestNewEphemeralResource: the base names the ephemeral resource, gives its schema,
// reports a model that does not match it, and one built without NewEphemeralResource.
func TestNewEphemeralResource(t *testing.T) {
	ctx := context.Background()
	schemaOf := func(attribute string) func(context.Context) schema.Schema {
		return func(context.Context) schema.Schema {
			return schema.Schema{Attributes: map[string]schema.Attribute{attribute: schema.StringAttribute{Computed: true}}}
		}
	}
	e := NewEphemeralResource[tokenModel](&fakeEphemeral{}, "token", schemaOf("token"))
	var meta ephemeral.MetadataResponse
	e.Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: "cxone"}, &meta)
	var resp ephemeral.SchemaResponse
	e.Schema(ctx, ephemeral.SchemaRequest{}, &resp)
	if meta.TypeName != "cxone_token" || resp.Diagnostics.HasError() || len(resp.Schema.Attributes) != 1 {
		t.Fatalf("name %q, schema %+v, diagnostics %v", meta.TypeName, resp.Schema, resp.Diagnostics)
	}

	for name, e := range map[string]*fakeEphemeral{
		"Ephemeral Resource Model Does Not Match Its Schema": NewEphemeralResource[tokenModel](&fakeEphemeral{}, "token", schemaOf("other")),
		"Ephemeral Resource Not Initialised":                 {},
	} {
		var resp ephemeral.SchemaResponse
		e.Schema(ctx, ephemeral.SchemaRequest{}, &resp)
		if !resp.Diagnostics.HasError() || resp.Diagnostics[0].Summary() != name {
			t.Errorf("want %q, got %v", name, resp.Diagnostics)
		}
	}
}

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

// TestNewEphemeralResource: the base names the ephemeral resource and gives its
// schema; it reports a model that does not match the schema, and an ephemeral
// resource built without NewEphemeralResource.
func TestNewEphemeralResource(t *testing.T) {
	ctx := context.Background()
	schemaOf := func(attribute string) func(context.Context) schema.Schema {
		return func(context.Context) schema.Schema {
			return schema.Schema{Attributes: map[string]schema.Attribute{attribute: schema.StringAttribute{Computed: true}}}
		}
	}
	for want, e := range map[string]*fakeEphemeral{
		"": NewEphemeralResource[tokenModel](&fakeEphemeral{}, "token", schemaOf("token")),
		"Ephemeral Resource Model Does Not Match Its Schema": NewEphemeralResource[tokenModel](&fakeEphemeral{}, "token", schemaOf("other")),
		"Ephemeral Resource Not Initialised":                 {},
	} {
		var resp ephemeral.SchemaResponse
		e.Schema(ctx, ephemeral.SchemaRequest{}, &resp)
		var got string
		if resp.Diagnostics.HasError() {
			got = resp.Diagnostics[0].Summary()
		}
		if got != want || (want == "" && len(resp.Schema.Attributes) != 1) {
			t.Errorf("want %q, got %v (schema %+v)", want, resp.Diagnostics, resp.Schema)
		}
	}
	var meta ephemeral.MetadataResponse
	NewEphemeralResource[tokenModel](&fakeEphemeral{}, "token", schemaOf("token")).
		Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: "cxone"}, &meta)
	if meta.TypeName != "cxone_token" {
		t.Errorf("name %q, want cxone_token", meta.TypeName)
	}
}

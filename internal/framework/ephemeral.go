package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// EphemeralResourceWithModel is embedded by every ephemeral resource, with T its
// model struct. Ephemeral resources call the CXone client directly: what they open
// is never cached and never written to state.
//
// Once NewEphemeralResource has tied it to its ephemeral resource, it implements
// Metadata, Schema (checked against T, as a resource's is) and Configure; the
// ephemeral resource writes Open.
type EphemeralResourceWithModel[T any] struct {
	holder[T, *cxone.Client]
	typed[T, schema.Schema]
}

// ephemeralOf is an ephemeral resource type built on EphemeralResourceWithModel[T].
type ephemeralOf[T any] interface {
	ephemeral.EphemeralResource
	ephemeralBase() *EphemeralResourceWithModel[T]
}

func (e *EphemeralResourceWithModel[T]) ephemeralBase() *EphemeralResourceWithModel[T] { return e }

// NewEphemeralResource ties e, whose type embeds EphemeralResourceWithModel[T], to its
// base and returns it: the ephemeral resource is named <provider>_<typeName> and its
// schema is what schemaOf returns. Every ephemeral resource's New function is this
// one call.
func NewEphemeralResource[T any, E ephemeralOf[T]](e E, typeName string, schemaOf func(context.Context) schema.Schema) E {
	b := e.ephemeralBase()
	b.typeName, b.schema = typeName, schemaOf
	return e
}

// Metadata names the ephemeral resource.
func (e *EphemeralResourceWithModel[T]) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = e.fullName(req.ProviderTypeName)
}

// Schema is the ephemeral resource's schema; a model that does not match it is an error.
func (e *EphemeralResourceWithModel[T]) Schema(ctx context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	if !e.initialised(&resp.Diagnostics) {
		return
	}
	resp.Schema = e.checkedSchema(ctx, "Ephemeral Resource", &resp.Diagnostics)
}

// initialised reports an ephemeral resource built without NewEphemeralResource.
func (e *EphemeralResourceWithModel[T]) initialised(diags *diag.Diagnostics) bool {
	return e.initialisedAs("Ephemeral Resource", true, diags)
}

// Configure stores the provider's client.
func (e *EphemeralResourceWithModel[T]) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.configure(req.ProviderData, &resp.Diagnostics)
}

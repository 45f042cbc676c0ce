package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// EphemeralResourceWithModel is embedded by every ephemeral resource, with T its
// model struct. Ephemeral resources call the CXone client directly: what they open
// is never cached and never written to state.
type EphemeralResourceWithModel[T any] struct {
	// Client is nil until the provider is configured; see CheckClient.
	Client *cxone.Client
}

// Model returns a zero T.
func (*EphemeralResourceWithModel[T]) Model() any {
	var m T
	return m
}

// Configure stores the provider's client.
func (e *EphemeralResourceWithModel[T]) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.Client = providerData[*cxone.Client](req.ProviderData, &resp.Diagnostics)
}

// CheckClient reports a clear error when the provider could not build a client.
func (e *EphemeralResourceWithModel[T]) CheckClient(diags *diag.Diagnostics) bool {
	return checkClient(e.Client != nil, diags)
}

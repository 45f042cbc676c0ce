package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// EphemeralResourceWithModel is embedded by every ephemeral resource, with T its
// model struct. Ephemeral resources call the CXone client directly: what they open
// is never cached and never written to state.
type EphemeralResourceWithModel[T any] struct {
	holder[T, *cxone.Client]
}

// Configure stores the provider's client.
func (e *EphemeralResourceWithModel[T]) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.configure(req.ProviderData, &resp.Diagnostics)
}

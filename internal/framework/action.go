package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"

	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// ActionWithModel is embedded by every action, with T its model struct (the action's
// configuration). Actions hold the same readcache.API as resources: what they do to
// CXone is declared in readcache.Writes, so a read later in the same operation does
// not come from a list taken before the action ran. An action never writes state.
type ActionWithModel[T any] struct {
	holder[T, readcache.API]
}

// Configure stores the provider's client.
func (a *ActionWithModel[T]) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.configure(req.ProviderData, &resp.Diagnostics)
}

package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
)

// Every resource is also the list resource of the same name (terraform query,
// Terraform 1.14+): its file <name>_list.go holds ListResourceConfigSchema and List,
// which stream CXone's pages through framework.StreamList with the resource's own
// flatten function, so that a listed resource is what Read would produce.

// listConfig reads the list block's config into cfg; without a config block every
// filter stays null.
func listConfig[C any](ctx context.Context, req list.ListRequest, cfg *C) diag.Diagnostics {
	if req.Config.Raw.IsNull() || !req.Config.Raw.IsKnown() {
		return nil
	}
	return req.Config.Get(ctx, cfg)
}

// containsFold reports whether s contains sub, ignoring case; an empty sub matches.
func containsFold(s, sub string) bool {
	return sub == "" || strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// listFailed ends a list request before it starts, with diags as its only result.
func listFailed(stream *list.ListResultsStream, diags diag.Diagnostics) {
	stream.Results = list.ListResultsStreamDiagnostics(diags)
}

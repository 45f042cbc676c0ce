package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// importMarkKey is the private-state key that ImportState leaves for the Read that
// follows it (the framework keeps a mark of its own for the same purpose, but does not
// show it to resources).
const importMarkKey = "imported_not_read"

// markImported tells the next Read that the state it gets was written by ImportState:
// an object it then finds missing was never there, which is an error, not a deletion.
func markImported(ctx context.Context, resp *resource.ImportStateResponse) {
	if resp.Private != nil {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, importMarkKey, []byte(`true`))...)
	}
}

// ReadAfterImport reports whether this Read is the first after ImportState, and takes the
// mark away, so that only this Read sees it. Every Read calls it first: a Read that finds
// its object missing removes it from state (deleted outside Terraform) unless it follows
// an import, when the import ID names nothing and the import fails.
func ReadAfterImport(ctx context.Context, resp *resource.ReadResponse) bool {
	if resp.Private == nil {
		return false
	}
	mark, diags := resp.Private.GetKey(ctx, importMarkKey)
	resp.Diagnostics.Append(diags...)
	if len(mark) == 0 {
		return false
	}
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importMarkKey, nil)...)
	return true
}

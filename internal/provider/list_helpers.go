package provider

import (
	"iter"
	"strings"

	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
)

// Every resource is also the list resource of the same name (terraform query,
// Terraform 1.14+): its file <name>_list.go holds ListResourceConfigSchema and List,
// which streams CXone's pages through framework.List with the resource's own
// flatten function, so that a listed resource is what Read would produce.

// containsFold reports whether s contains sub, ignoring case; an empty sub matches.
func containsFold(s, sub string) bool {
	return sub == "" || strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// stringFilter and int64Filter are the optional filters of a list block.
func stringFilter(description string) listschema.StringAttribute {
	return listschema.StringAttribute{MarkdownDescription: description, Optional: true}
}

func int64Filter(description string) listschema.Int64Attribute {
	return listschema.Int64Attribute{MarkdownDescription: description, Optional: true}
}

// onePage serves a list that CXone answers whole (or the client reads whole) as one
// page: for framework.MapPages, or as a list resource's pages themselves.
func onePage[X any](read func() ([]X, error)) iter.Seq2[[]X, error] {
	return func(yield func([]X, error) bool) {
		yield(read())
	}
}

package framework

import (
	"context"
	"fmt"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
)

// ListItem is one object a list resource found: its model as the resource's Read
// would leave it, and the name a person knows it by.
type ListItem[T IdentifiedModel] struct {
	Model       T
	DisplayName string
}

// StreamList answers a list request (terraform query) with the items of pages, one
// page at a time, so that memory stays flat in the tenant's size. Every result
// carries the identity and, with include_resource, the resource. It stops at the
// request's limit or when Terraform stops reading, and an error while listing is
// a last result carrying it as a diagnostic, never a dropped stream.
func StreamList[T IdentifiedModel](ctx context.Context, req list.ListRequest, stream *list.ListResultsStream, summary string, pages iter.Seq2[[]ListItem[T], error]) {
	stream.Results = func(yield func(list.ListResult) bool) {
		var sent int64
		for page, err := range pages {
			if err != nil {
				var diags diag.Diagnostics
				diags.AddError(summary, err.Error())
				yield(list.ListResult{Diagnostics: diags})
				return
			}
			for _, item := range page {
				result := req.NewListResult(ctx)
				result.DisplayName = item.DisplayName
				result.Diagnostics.Append(result.Identity.Set(ctx, item.Model.Identity())...)
				if req.IncludeResource {
					result.Diagnostics.Append(result.Resource.Set(ctx, item.Model)...)
				}
				sent++
				// Stop at the limit before asking for another page it would not send.
				if !yield(result) || (req.Limit > 0 && sent >= req.Limit) {
					return
				}
			}
		}
	}
}

// MapPages turns each page of pages into list items with convert, which drops an
// object by answering false (a filter CXone cannot apply).
func MapPages[X any, T IdentifiedModel](pages iter.Seq2[[]X, error], convert func(X) (ListItem[T], bool)) iter.Seq2[[]ListItem[T], error] {
	return func(yield func([]ListItem[T], error) bool) {
		for page, err := range pages {
			if err != nil {
				yield(nil, err)
				return
			}
			items := make([]ListItem[T], 0, len(page))
			for _, x := range page {
				if item, ok := convert(x); ok {
					items = append(items, item)
				}
			}
			if !yield(items, nil) {
				return
			}
		}
	}
}

// List answers a list request of the list resource that r also is: it reads the
// list block's config into a C (every filter null without a config block), checks
// the client, and streams what items yields for that config through StreamList.
// A bad config or a missing client is the stream's only result.
func List[C any, M IdentifiedModel](ctx context.Context, r *Resource[M], req list.ListRequest, stream *list.ListResultsStream,
	summary string, items func(C) iter.Seq2[[]ListItem[M], error]) {
	var cfg C
	var diags diag.Diagnostics
	if !req.Config.Raw.IsNull() && req.Config.Raw.IsKnown() {
		diags.Append(req.Config.Get(ctx, &cfg)...)
	}
	if diags.HasError() || !r.CheckClient(&diags) {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	StreamList(ctx, req, stream, summary, items(cfg))
}

// Lister is the list resource (terraform query) that a resource of model M also is,
// given to NewResource: the list block's schema, and the answer to a list request
// for the resource r (whose Client it reads with; see List).
type Lister[M IdentifiedModel] interface {
	ListSchema() listschema.Schema
	List(ctx context.Context, r *Resource[M], req list.ListRequest, stream *list.ListResultsStream)
}

// Listed reports whether the resource was given a Lister, and so is also a list
// resource.
func (r *Resource[M]) Listed() bool { return r.lister != nil }

// ListResourceConfigSchema is the list block's schema.
func (r *Resource[M]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	if !r.listed(&resp.Diagnostics) {
		return
	}
	resp.Schema = r.lister.ListSchema()
}

// List answers a list request through the resource's Lister.
func (r *Resource[M]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var diags diag.Diagnostics
	if !r.listed(&diags) {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	r.lister.List(ctx, r, req, stream)
}

// listed reports a resource asked to list without a Lister.
func (r *Resource[M]) listed(diags *diag.Diagnostics) bool {
	if r.lister != nil {
		return true
	}
	diags.AddError("Resource Has No List", fmt.Sprintf("Resource %s was not given a list to NewResource. This is "+
		"a bug in the provider: please report it.", r.typeName))
	return false
}

// Resource gives its embedder the list resource interfaces too.
var _ list.ListResourceWithConfigure = (*Resource[IdentifiedModel])(nil)

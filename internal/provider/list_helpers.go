package provider

import (
	"context"
	"iter"
	"maps"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// Every resource is also the list resource of the same name (terraform query,
// Terraform 1.14+). Its list is declared once in list_resources.go, as a listSpec
// (or, for a kind whose objects CXone lists and that is filtered by name, as an
// objectList), and the resource's New function gives it to framework.NewResource,
// whose base serves it. Items are made with the resource's own flatten function, so
// that a listed resource is what Read would produce.

// listSpec declares the list resource that a resource of model M also is, with C
// the Go form of its list block.
type listSpec[C any, M framework.IdentifiedModel] struct {
	summary     string                          // of an error while listing: "Unable to List Campaigns"
	description string                          // the list block's
	filters     map[string]listschema.Attribute // the list block's attributes, read into C
	// items yields the list items that cfg asks for, a page at a time.
	items func(ctx context.Context, c readcache.API, cfg C) iter.Seq2[[]framework.ListItem[M], error]
}

// ListSchema is the list block's schema.
func (s listSpec[C, M]) ListSchema() listschema.Schema {
	return listschema.Schema{MarkdownDescription: s.description, Attributes: s.filters}
}

// List answers a list request of r through framework.List: it reads the list block
// into a C (every filter null without a block), checks the client and streams items.
func (s listSpec[C, M]) List(ctx context.Context, r *framework.Resource[M], req list.ListRequest, stream *list.ListResultsStream) {
	framework.List(ctx, r, req, stream, s.summary, func(cfg C) iter.Seq2[[]framework.ListItem[M], error] {
		return s.items(ctx, r.Client, cfg)
	})
}

// nameFilter is the name_contains filter of a list block; the config of a block
// with more filters embeds it.
type nameFilter struct {
	NameContains types.String `tfsdk:"name_contains"`
}

func (f nameFilter) nameContains() string { return f.NameContains.ValueString() }

// nameFiltered is the config of a list block with a name_contains filter.
type nameFiltered interface{ nameContains() string }

// objectList declares the list resource of a kind whose objects X CXone lists, whose
// list block filters them by name (and perhaps more: C embeds nameFilter), and whose
// results are named by the object's name. Its spec is the listSpec it makes.
type objectList[C nameFiltered, X any, M framework.IdentifiedModel] struct {
	summary     string                          // of an error while listing: "Unable to List Campaigns"
	description string                          // the list block's
	nouns       string                          // in name_contains' description: "campaigns"
	filters     map[string]listschema.Attribute // filters besides name_contains, if any
	// pages reads the objects that may match cfg (CXone's own filters and search), a
	// page at a time; whole does instead for a list that CXone answers (or the client
	// reads) whole, served as one page.
	pages func(ctx context.Context, c readcache.API, cfg C) iter.Seq2[[]X, error]
	whole func(ctx context.Context, c readcache.API, cfg C) ([]X, error)
	name  func(X) string        // the object's name: what name_contains matches, ignoring case, and the result's name
	keep  func(cfg C, x X) bool // nil keeps every object: a filter CXone cannot apply, or the objects the resource manages
	// flatten makes an object into the model; read does instead, for an object that
	// the list answer does not carry whole. An object read finds gone (not found)
	// since the list was read is left out.
	flatten func(*X, *M)
	read    func(ctx context.Context, c readcache.API, x X) (M, error)
}

// spec is the list resource that l declares.
func (l objectList[C, X, M]) spec() listSpec[C, M] {
	filters := map[string]listschema.Attribute{
		"name_contains": stringFilter("Only " + l.nouns + " whose name contains this text, ignoring case."),
	}
	maps.Copy(filters, l.filters)
	return listSpec[C, M]{summary: l.summary, description: l.description, filters: filters, items: l.items}
}

// items yields the objects of cfg's pages that match it, as list items.
func (l objectList[C, X, M]) items(ctx context.Context, c readcache.API, cfg C) iter.Seq2[[]framework.ListItem[M], error] {
	pages := l.pages
	if pages == nil {
		pages = func(ctx context.Context, c readcache.API, cfg C) iter.Seq2[[]X, error] {
			return onePage(func() ([]X, error) { return l.whole(ctx, c, cfg) })
		}
	}
	return func(yield func([]framework.ListItem[M], error) bool) {
		for page, err := range pages(ctx, c, cfg) {
			var items []framework.ListItem[M]
			if err == nil {
				items, err = l.pageItems(ctx, c, cfg, page)
			}
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(items, nil) {
				return
			}
		}
	}
}

// pageItems makes the objects of one page that match cfg into list items.
func (l objectList[C, X, M]) pageItems(ctx context.Context, c readcache.API, cfg C, page []X) ([]framework.ListItem[M], error) {
	items := make([]framework.ListItem[M], 0, len(page))
	for _, x := range page {
		if !containsFold(l.name(x), cfg.nameContains()) || (l.keep != nil && !l.keep(cfg, x)) {
			continue
		}
		m, err := l.model(ctx, c, x)
		if cxone.IsNotFound(err) {
			continue // gone since the list was read
		}
		if err != nil {
			return nil, err
		}
		items = append(items, framework.ListItem[M]{Model: m, DisplayName: l.name(x)})
	}
	return items, nil
}

// model is an object as the resource's model: read, or flattened.
func (l objectList[C, X, M]) model(ctx context.Context, c readcache.API, x X) (M, error) {
	if l.read != nil {
		return l.read(ctx, c, x)
	}
	var m M
	l.flatten(&x, &m)
	return m, nil
}

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

// eachAlone serves a list read whole as a page per object, for objects that are each
// read again (objectList.read): a listing stopped at its limit reads no more of them.
func eachAlone[X any](read func() ([]X, error)) iter.Seq2[[]X, error] {
	return func(yield func([]X, error) bool) {
		all, err := read()
		if err != nil {
			yield(nil, err)
			return
		}
		for _, x := range all {
			if !yield([]X{x}, nil) {
				return
			}
		}
	}
}

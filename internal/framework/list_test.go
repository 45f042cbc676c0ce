package framework

import (
	"context"
	"errors"
	"iter"
	"slices"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// pagesOf yields pages of widgets named by their numbers, then err if it is not
// nil, and counts the pages it was asked for.
func pagesOf(asked *int, err error, pages ...[]int) iter.Seq2[[]int, error] {
	return func(yield func([]int, error) bool) {
		for _, p := range pages {
			*asked++
			if !yield(p, nil) {
				return
			}
		}
		if err != nil {
			yield(nil, err)
		}
	}
}

// widgets maps numbers to list items, dropping odd ones (a filter CXone cannot apply).
func widgets(pages iter.Seq2[[]int, error]) iter.Seq2[[]ListItem[model], error] {
	return MapPages(pages, func(n int) (ListItem[model], bool) {
		id := strconv.Itoa(n)
		return ListItem[model]{Model: model{ID: types.StringValue(id), Name: types.StringValue("w" + id)}, DisplayName: "w" + id}, n%2 == 0
	})
}

func listRequest(t *testing.T, limit int64, includeResource bool) list.ListRequest {
	t.Helper()
	is, err := IdentitySchemaOf[model]()
	if err != nil {
		t.Fatal(err)
	}
	return list.ListRequest{Limit: limit, IncludeResource: includeResource, ResourceSchema: testSchema, ResourceIdentitySchema: is}
}

// collect reads a stream as Terraform does, stopping after stopAfter results (0: all).
func collect(t *testing.T, stream *list.ListResultsStream, stopAfter int) (names []string, results []list.ListResult) {
	t.Helper()
	for r := range stream.Results {
		results = append(results, r)
		names = append(names, r.DisplayName)
		if stopAfter > 0 && len(results) == stopAfter {
			break
		}
	}
	return names, results
}

// TestStreamList: the stream carries what the pages hold, page by page, with the
// identity always and the resource when asked; it stops at the limit and when
// Terraform stops reading, without asking for pages it will not send; an error
// is a last result that carries it.
func TestStreamList(t *testing.T) {
	ctx := context.Background()
	boom := errors.New("page 3 failed")
	for _, tc := range []struct {
		name            string
		limit           int64
		stopAfter       int
		err             error
		want            []string
		wantAsked       int
		wantLastSummary string
	}{
		{name: "all", want: []string{"w0", "w2", "w4", "w6"}, wantAsked: 3},
		{name: "limit", limit: 3, want: []string{"w0", "w2", "w4"}, wantAsked: 2},
		{name: "Terraform stops reading", stopAfter: 1, want: []string{"w0"}, wantAsked: 1},
		{name: "error", err: boom, want: []string{"w0", "w2", "w4", "w6", ""}, wantAsked: 3, wantLastSummary: "Unable to List Widgets"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var asked int
			var stream list.ListResultsStream
			StreamList(ctx, listRequest(t, tc.limit, true), &stream, "Unable to List Widgets",
				widgets(pagesOf(&asked, tc.err, []int{0, 1, 2}, []int{3, 4}, []int{6})))
			names, results := collect(t, &stream, tc.stopAfter)
			if !slices.Equal(names, tc.want) || asked != tc.wantAsked {
				t.Fatalf("listed %q after asking %d pages, want %q after %d", names, asked, tc.want, tc.wantAsked)
			}
			last := results[len(results)-1]
			if tc.wantLastSummary != "" {
				if last.Diagnostics.ErrorsCount() != 1 || last.Diagnostics[0].Summary() != tc.wantLastSummary ||
					last.Diagnostics[0].Detail() != boom.Error() {
					t.Fatalf("last result: %v", last.Diagnostics)
				}
				return
			}
			var id modelIdentity
			var m model
			last.Diagnostics.Append(last.Identity.Get(ctx, &id)...)
			last.Diagnostics.Append(last.Resource.Get(ctx, &m)...)
			if last.Diagnostics.HasError() || id.ID.ValueString() != tc.want[len(tc.want)-1][1:] || m.Name.ValueString() != tc.want[len(tc.want)-1] {
				t.Fatalf("last result: identity %+v, resource %+v, %v", id, m, last.Diagnostics)
			}
		})
	}

	// Without include_resource, the resource stays null.
	var stream list.ListResultsStream
	var asked int
	StreamList(ctx, listRequest(t, 0, false), &stream, "Unable to List Widgets", widgets(pagesOf(&asked, nil, []int{0})))
	if _, results := collect(t, &stream, 0); len(results) != 1 || !results[0].Resource.Raw.IsNull() {
		t.Fatalf("without include_resource: %+v", results)
	}
}

type widgetListConfig struct {
	NameContains types.String `tfsdk:"name_contains"`
}

// TestList: List reads the list block into its config (all null without one) and
// needs a client; a bad config or no client is the stream's only result.
func TestList(t *testing.T) {
	ctx := context.Background()
	s := listschema.Schema{Attributes: map[string]listschema.Attribute{"name_contains": listschema.StringAttribute{Optional: true}}}
	configOf := func(v tftypes.Value) tfsdk.Config { return tfsdk.Config{Schema: s, Raw: v} }
	typ := s.Type().TerraformType(ctx)
	for _, tc := range []struct {
		name       string
		config     tfsdk.Config
		client     bool
		wantFilter string
		wantError  string
	}{
		{name: "no config block", config: configOf(tftypes.NewValue(typ, nil)), client: true},
		{name: "a filter", client: true, wantFilter: "w2",
			config: configOf(tftypes.NewValue(typ, map[string]tftypes.Value{"name_contains": tftypes.NewValue(tftypes.String, "w2")}))},
		{name: "no client", config: configOf(tftypes.NewValue(typ, nil)), wantError: "Provider Not Configured"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newTestResource(fakeObject{})
			if !tc.client {
				r.Client = nil
			}
			req := listRequest(t, 0, false)
			req.Config = tc.config
			var gotFilter string
			var stream list.ListResultsStream
			List(ctx, &r.Resource, req, &stream, "Unable to List Widgets", func(cfg widgetListConfig) iter.Seq2[[]ListItem[model], error] {
				gotFilter = cfg.NameContains.ValueString()
				var asked int
				return widgets(pagesOf(&asked, nil, []int{2}))
			})
			_, results := collect(t, &stream, 0)
			if tc.wantError != "" {
				if len(results) != 1 || results[0].Diagnostics.ErrorsCount() != 1 || results[0].Diagnostics[0].Summary() != tc.wantError {
					t.Fatalf("results: %+v", results)
				}
				return
			}
			if gotFilter != tc.wantFilter || len(results) != 1 || results[0].DisplayName != "w2" {
				t.Fatalf("filter %q, results %+v", gotFilter, results)
			}
		})
	}
}

// widgetLister is a Lister of widgets, filtered by name_contains.
type widgetLister struct{}

func (widgetLister) ListSchema() listschema.Schema {
	return listschema.Schema{MarkdownDescription: "Lists widgets.", Attributes: map[string]listschema.Attribute{
		"name_contains": listschema.StringAttribute{Optional: true},
	}}
}

func (widgetLister) List(ctx context.Context, r *Resource[model], req list.ListRequest, stream *list.ListResultsStream) {
	List(ctx, r, req, stream, "Unable to List Widgets", func(widgetListConfig) iter.Seq2[[]ListItem[model], error] {
		var asked int
		return widgets(pagesOf(&asked, nil, []int{2, 4}))
	})
}

// TestResource_list: a resource given a Lister is a list resource through it; one
// given none says so, on its schema and on its list.
func TestResource_list(t *testing.T) {
	ctx := context.Background()
	r := newTestResource(fakeObject{})
	if r.Listed() {
		t.Fatal("a resource without a Lister says it is listed")
	}
	var schemaResp list.ListResourceSchemaResponse
	r.ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &schemaResp)
	if !schemaResp.Diagnostics.HasError() || schemaResp.Diagnostics[0].Summary() != "Resource Has No List" {
		t.Fatalf("schema of a resource without a list: %v", schemaResp.Diagnostics)
	}
	var stream list.ListResultsStream
	r.List(ctx, listRequest(t, 0, false), &stream)
	if _, results := collect(t, &stream, 0); len(results) != 1 || !results[0].Diagnostics.HasError() {
		t.Fatalf("list of a resource without a list: %+v", results)
	}

	r.lister = widgetLister{}
	schemaResp = list.ListResourceSchemaResponse{}
	r.ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &schemaResp)
	if !r.Listed() || schemaResp.Diagnostics.HasError() || schemaResp.Schema.MarkdownDescription != "Lists widgets." {
		t.Fatalf("schema: %v %+v", schemaResp.Diagnostics, schemaResp.Schema)
	}
	stream = list.ListResultsStream{}
	req := listRequest(t, 0, false)
	req.Config = tfsdk.Config{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)}
	r.List(ctx, req, &stream)
	if _, results := collect(t, &stream, 0); len(results) != 2 || results[1].DisplayName != "w4" {
		t.Fatalf("results: %+v", results)
	}
}

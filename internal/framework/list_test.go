package framework

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type listTestIdentity struct {
	ID types.String `tfsdk:"id" description:"The ID."`
}

func (i listTestIdentity) ImportID() string { return i.ID.ValueString() }

type listTestModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

func (m listTestModel) Identity() Identity { return listTestIdentity{ID: m.ID} }

// listTestRequest is a list request for listTestModel with limit and include_resource.
func listTestRequest(t *testing.T, limit int64, includeResource bool) list.ListRequest {
	t.Helper()
	idSchema, err := IdentitySchemaOf[listTestModel]()
	if err != nil {
		t.Fatal(err)
	}
	return list.ListRequest{
		Limit: limit, IncludeResource: includeResource, ResourceIdentitySchema: idSchema,
		ResourceSchema: schema.Schema{Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true}, "name": schema.StringAttribute{Computed: true},
		}},
	}
}

// listTestPages yields pages of size objects each, failing after failAfter pages
// when it is above 0, and counts the pages it was asked for.
func listTestPages(pages, size, failAfter int, read *int) iter.Seq2[[]ListItem[listTestModel], error] {
	return func(yield func([]ListItem[listTestModel], error) bool) {
		for p := range pages {
			*read = p + 1
			if failAfter > 0 && p == failAfter {
				yield(nil, errors.New("CXone answered 500"))
				return
			}
			items := make([]ListItem[listTestModel], size)
			for i := range items {
				id := fmt.Sprintf("%d-%d", p, i)
				items[i] = ListItem[listTestModel]{Model: listTestModel{ID: types.StringValue(id), Name: types.StringValue("n" + id)}, DisplayName: "object " + id}
			}
			if !yield(items, nil) {
				return
			}
		}
	}
}

// TestStreamList: results stop at the request's limit without reading the pages
// after it, a consumer that stops reading stops the listing, an error is a last
// result carrying it, and each result carries the identity and, when asked for,
// the resource.
func TestStreamList(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name                       string
		limit                      int64
		stopAfter                  int // the consumer stops after this many results; 0: reads all
		failAfter                  int
		wantResults, wantPages     int
		wantError, includeResource bool
	}{
		{name: "no limit", wantResults: 6, wantPages: 3},
		{name: "limit inside the second page", limit: 3, wantResults: 3, wantPages: 2},
		{name: "limit at the end of a page", limit: 2, wantResults: 2, wantPages: 1},
		{name: "limit beyond the list", limit: 100, wantResults: 6, wantPages: 3},
		{name: "consumer stops", stopAfter: 1, wantResults: 1, wantPages: 1},
		{name: "error on the second page", failAfter: 1, wantResults: 3, wantPages: 2, wantError: true},
		{name: "with the resource", limit: 1, wantResults: 1, wantPages: 1, includeResource: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var read int
			var stream list.ListResultsStream
			StreamList(ctx, listTestRequest(t, tc.limit, tc.includeResource), &stream, "Unable to List Things", listTestPages(3, 2, tc.failAfter, &read))
			var results []list.ListResult
			for r := range stream.Results {
				results = append(results, r)
				if tc.stopAfter > 0 && len(results) == tc.stopAfter {
					break
				}
			}
			if len(results) != tc.wantResults || read != tc.wantPages {
				t.Fatalf("%d results after reading %d pages, want %d after %d", len(results), read, tc.wantResults, tc.wantPages)
			}
			for i, r := range results {
				last := i == len(results)-1
				if r.Diagnostics.HasError() != (tc.wantError && last) {
					t.Fatalf("result %d: diagnostics %v", i, r.Diagnostics)
				}
				if r.Diagnostics.HasError() {
					if r.Diagnostics[0].Summary() != "Unable to List Things" {
						t.Errorf("error summary %q", r.Diagnostics[0].Summary())
					}
					continue
				}
				var id listTestIdentity
				if d := r.Identity.Get(ctx, &id); d.HasError() || id.ID.ValueString() == "" || r.DisplayName != "object "+id.ID.ValueString() {
					t.Errorf("result %d: identity %v (%v), display name %q", i, id, d, r.DisplayName)
				}
				var m listTestModel
				d := r.Resource.Get(ctx, &m)
				if tc.includeResource && (d.HasError() || m.Name.ValueString() != "n"+id.ID.ValueString()) {
					t.Errorf("result %d: resource %v (%v)", i, m, d)
				}
				if !tc.includeResource && !r.Resource.Raw.IsNull() {
					t.Errorf("result %d carries the resource unasked", i)
				}
			}
		})
	}
}

// TestMapPages: each page is converted object by object, objects convert drops are
// left out (an empty page stays a page), and an error ends the pages.
func TestMapPages(t *testing.T) {
	src := func(yield func([]int, error) bool) {
		_ = yield([]int{1, 2, 3}, nil) && yield([]int{4}, nil) && yield(nil, errors.New("boom")) && yield([]int{5}, nil)
	}
	var got [][]string
	var gotErr error
	for page, err := range MapPages(src, func(n int) (ListItem[listTestModel], bool) {
		id := fmt.Sprint(n)
		return ListItem[listTestModel]{Model: listTestModel{ID: types.StringValue(id)}, DisplayName: id}, n%2 == 1
	}) {
		if err != nil {
			gotErr = err
			continue
		}
		var names []string
		for _, it := range page {
			names = append(names, it.DisplayName)
		}
		got = append(got, names)
	}
	if fmt.Sprint(got) != "[[1 3] []]" || gotErr == nil || gotErr.Error() != "boom" {
		t.Fatalf("pages %v, error %v; want [[1 3] []] then boom", got, gotErr)
	}
}

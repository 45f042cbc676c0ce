package provider

import (
	"context"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

type callingListListConfig struct {
	NameContains types.String `tfsdk:"name_contains"`
}

func (r *callingListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the calling lists of the business unit, each named by its name. A list is " +
			"read by its ID when the list call does not carry its mappings.",
		Attributes: map[string]listschema.Attribute{
			"name_contains": stringFilter("Only lists whose name contains this text, ignoring case."),
		},
	}
}

func (r *callingListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	framework.List(ctx, &r.Resource, req, stream, "Unable to List Calling Lists",
		func(cfg callingListListConfig) iter.Seq2[[]framework.ListItem[callingListModel], error] {
			// CXone's list call is read whole (every page at once): one page of items here.
			return onePage(func() ([]framework.ListItem[callingListModel], error) {
				return r.listItems(ctx, cfg.NameContains.ValueString())
			})
		})
}

// listItems lists the calling lists whose name contains nameContains. The documented list
// call has no mappings (the mock's has): a list without them is read by its ID.
func (r *callingListResource) listItems(ctx context.Context, nameContains string) ([]framework.ListItem[callingListModel], error) {
	all, err := r.Client.ListCallingLists(ctx)
	if err != nil {
		return nil, err
	}
	var items []framework.ListItem[callingListModel]
	for _, l := range all {
		if !containsFold(l.ListName, nameContains) {
			continue
		}
		if l.ExternalIDColumn == "" {
			full, err := r.Client.GetCallingList(ctx, l.ListID)
			if cxone.IsNotFound(err) {
				continue // deleted since the list call
			}
			if err != nil {
				return nil, err
			}
			l = *full
		}
		var m callingListModel
		flattenCallingList(&l, &m)
		items = append(items, framework.ListItem[callingListModel]{Model: m, DisplayName: l.ListName})
	}
	return items, nil
}

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// dispositionDataModel maps the cxone_disposition data source: the resource's
// attributes and whether the disposition is active.
type dispositionDataModel struct {
	dispositionModel
	IsActive types.Bool `tfsdk:"is_active"`
}

func dispositionDataSchema() schema.Schema {
	return idAndNameSchema("Disposition", "7001",
		"Looks up a disposition, active or not, by exactly one of `id` or `name`. Disposition "+
			"names are unique in a business unit, so a name matches at most one disposition.",
		map[string]schema.Attribute{
			"classification_id":   computedInt64("ID of the disposition's classification; null without one."),
			"classification_name": computedString("Name of the disposition's classification; empty without one."),
			"is_preview":          computedBool("Whether it is a preview disposition."),
			"notes":               computedString("Free-text notes on the disposition."),
			"is_active":           computedBool("Whether the disposition is active. Inactive dispositions are found too."),
		})
}

// findDisposition reads the disposition by ID, or finds it by exact name among CXone's
// search answer (then read by ID, for the classification's name); inactive ones too.
func findDisposition(ctx context.Context, c readcache.API, cfg dispositionDataModel, _ *diag.Diagnostics) search[cxone.Disposition] {
	find := func(ctx context.Context, name string, _ func(cxone.Disposition) bool) ([]cxone.Disposition, error) {
		return c.ListDispositions(ctx, cxone.DispositionListOptions{SearchString: name})
	}
	s := activeOrNot(byNumericIDOrName(ctx, cfg.ID, cfg.Name, c.GetDisposition, find,
		func(d cxone.Disposition) string { return d.DispositionName }))
	if cfg.ID.IsNull() && len(s.found) == 1 {
		// CXone's list has no classification name; its read by ID (cached) does.
		d, err := c.Disposition(ctx, s.found[0].DispositionID)
		if err != nil {
			return search[cxone.Disposition]{searched: s.searched, err: err}
		}
		s.found[0] = *d
	}
	return s
}

// flattenDispositionData copies a disposition into the data source's model, as the
// resource does, with whether it is active.
func flattenDispositionData(d *cxone.Disposition, m *dispositionDataModel) {
	flattenDisposition(d, &m.dispositionModel)
	m.IsActive = types.BoolValue(d.IsActive)
}

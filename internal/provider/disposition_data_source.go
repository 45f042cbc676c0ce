package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
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

func (m dispositionDataModel) lookUpKeys() (id, name types.String) { return m.ID, m.Name }

// findDisposition reads the disposition by ID, or finds it by exact name among CXone's
// search answer (then read by ID, for the classification's name); inactive ones too.
var findDisposition = idOrName[dispositionDataModel, cxone.Disposition]{
	get: readcache.API.GetDisposition,
	candidates: func(ctx context.Context, c readcache.API, name string) ([]cxone.Disposition, error) {
		return c.ListDispositions(ctx, cxone.DispositionListOptions{SearchString: name})
	},
	name: func(d cxone.Disposition) string { return d.DispositionName }, activeOrNot: true,
	// CXone's list has no classification name; its read by ID (cached) does.
	reread: func(ctx context.Context, c readcache.API, d cxone.Disposition) (*cxone.Disposition, error) {
		return c.Disposition(ctx, d.DispositionID)
	},
}.find

// flattenDispositionData copies a disposition into the data source's model, as the
// resource does, with whether it is active.
func flattenDispositionData(d *cxone.Disposition, m *dispositionDataModel) {
	flattenDisposition(d, &m.dispositionModel)
	m.IsActive = types.BoolValue(d.IsActive)
}

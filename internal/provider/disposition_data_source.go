package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
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

// flattenDispositionData copies a disposition into the data source's model, as the
// resource does, with whether it is active.
func flattenDispositionData(d *cxone.Disposition, m *dispositionDataModel) {
	flattenDisposition(d, &m.dispositionModel)
	m.IsActive = types.BoolValue(d.IsActive)
}

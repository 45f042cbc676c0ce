package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// dncGroupDataModel maps the cxone_dnc_group data source: the resource's attributes,
// the group's valid records and whether it is active.
type dncGroupDataModel struct {
	dncGroupModel
	ValidRecords types.Int64 `tfsdk:"valid_records"`
	IsActive     types.Bool  `tfsdk:"is_active"`
}

func (m dncGroupDataModel) lookUpKeys() (id, name types.String) { return m.ID, m.Name }

func dncGroupDataSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Looks up a DNC (do-not-contact) group, active or not, by exactly one of `id` or `name`. " +
			"DNC group names are unique in a business unit, so a name matches at most one group.",
		Attributes: map[string]schema.Attribute{
			"id":            lookUpKey("DNC group ID to look up, a whole number written as a string (for example `8001`).", numericIDValidator()),
			"name":          lookUpKey("Exact, case-sensitive group name to look up.", stringvalidator.LengthAtLeast(1)),
			"description":   computedString("Description of the group."),
			"valid_records": computedInt64("How many numbers in the group are in effect (not expired)."),
			"is_active":     computedBool("Whether the group is active. Inactive groups are found too."),
		},
	}
}

// flattenDNCGroupData copies a group into the data source's model, as the resource
// does, with its valid records and whether it is active (and not removed).
func flattenDNCGroupData(g *cxone.DNCGroup, m *dncGroupDataModel) {
	flattenDNCGroup(g, &m.dncGroupModel)
	m.ValidRecords, m.IsActive = types.Int64Value(g.ValidRecords), types.BoolValue(g.IsActive && !g.IsRemoved)
}

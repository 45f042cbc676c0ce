package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// dncGroupType names the object in diagnostics.
const dncGroupType = "DNC Group"

// NewDNCGroupResource is the cxone_dnc_group resource.
func NewDNCGroupResource() resource.Resource {
	return dncGroupKind.newResource(dncGroupSchema, dncGroupList)
}

// dncGroupResource is deactivating: CXone cannot delete DNC groups.
type dncGroupResource = deactivating[dncGroupModel, cxone.DNCGroup, cxone.DNCGroupInput]

// dncGroupKind is the DNC group's life cycle. A removed group reads as gone too.
var dncGroupKind = deactivatingKind[dncGroupModel, cxone.DNCGroup, cxone.DNCGroupInput]{
	retiredKind: retiredKind{kind: dncGroupType, typeName: "cxone_dnc_group", noun: "DNC group", plural: "DNC groups",
		short: "group", idKey: "dnc_group_id", kept: ", with the numbers and skill links it kept"},
	example: "8001",
	expand:  expandDNCGroup,
	flatten: flattenAll(flattenDNCGroup),
	active:  func(g *cxone.DNCGroup) (int64, bool) { return g.DNCGroupID, g.IsActive },
	gone:    func(g *cxone.DNCGroup) bool { return !g.IsActive || g.IsRemoved },
	setOn:   func(in *cxone.DNCGroupInput) { in.IsActive = new(true) },
	get:     readcache.API.DNCGroup,
	find:    readcache.API.FindDNCGroupByName,
	create:  readcache.API.CreateDNCGroup,
	update:  readcache.API.UpdateDNCGroup,
	retire:  readcache.API.DeactivateDNCGroup,
}

// dncGroupModel maps cxone_dnc_group.
type dncGroupModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
}

// Identity is the group ID, as a number.
func (m dncGroupModel) Identity() framework.Identity {
	return framework.IdentityOf(framework.NumericID("dnc_group_id", "CXone's DNC group ID, for example 8001.", m.ID))
}

func dncGroupSchema(context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "A CXone DNC (do-not-contact) group. Outbound skills are scrubbed against it, or add " +
			"numbers to it, through `cxone_dnc_group_skill`. Its numbers are not managed here.\n\n" +
			"CXone cannot delete DNC groups: destroying this resource deactivates the group. Creating a group whose " +
			"name belongs to an inactive group reactivates and adopts that group (with a warning, and with its " +
			"numbers and links); if the name belongs to an active group, the apply fails and says how to import it.",
		Attributes: map[string]schema.Attribute{
			"id": framework.IDAttribute("CXone's DNC group ID, a whole number written as a string (for example `8001`)."),
			"name": framework.RequiredString("Name of the group, unique among all DNC groups of the business unit, active or "+
				"not. It must not be empty or blank.", notBlankValidator()),
			"description": framework.OptionalEmptyString("Description of the group."),
		},
	}
}

// expandDNCGroup turns the planned (or stored) values into the group's fields.
// IsActive is left nil: each caller decides it.
func expandDNCGroup(m dncGroupModel) cxone.DNCGroupInput {
	return cxone.DNCGroupInput{DNCGroupName: m.Name.ValueString(), DNCGroupDescription: m.Description.ValueString()}
}

// flattenDNCGroup copies a group as CXone holds it into the model.
func flattenDNCGroup(g *cxone.DNCGroup, m *dncGroupModel) {
	m.ID = numericIDValue(g.DNCGroupID)
	m.Name = types.StringValue(g.DNCGroupName)
	m.Description = types.StringValue(g.DNCGroupDescription)
}

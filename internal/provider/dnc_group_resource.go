package provider

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

// dncGroupType names the object in diagnostics.
const dncGroupType = "DNC Group"

// NewDNCGroupResource is the cxone_dnc_group resource.
func NewDNCGroupResource() resource.Resource {
	return framework.NewResource[dncGroupModel](&dncGroupResource{}, "dnc_group", dncGroupSchema, addAPIError)
}

type dncGroupResource struct {
	framework.Resource[dncGroupModel]
}

// dncGroupModel maps cxone_dnc_group.
type dncGroupModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
}

// dncGroupIdentity is the resource identity of cxone_dnc_group.
type dncGroupIdentity struct {
	DNCGroupID types.Int64 `tfsdk:"dnc_group_id" description:"CXone's DNC group ID, for example 8001."`
}

// Identity is the group ID, as a number.
func (m dncGroupModel) Identity() framework.Identity {
	return dncGroupIdentity{DNCGroupID: int64FromString(m.ID)}
}

func dncGroupSchema(context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "A CXone DNC (do-not-contact) group. Outbound skills are scrubbed against it, or add " +
			"numbers to it, through `cxone_dnc_group_skill`. Its numbers are not managed here.\n\n" +
			"CXone cannot delete DNC groups: destroying this resource deactivates the group. Creating a group whose " +
			"name belongs to an inactive group reactivates and adopts that group (with a warning, and with its " +
			"numbers and links); if the name belongs to an active group, the apply fails and says how to import it.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "CXone's DNC group ID, a whole number written as a string (for example `8001`).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the group, unique among all DNC groups of the business unit, active or " +
					"not. It must not be empty or blank.",
				Required:   true,
				Validators: []validator.String{notBlankValidator()},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description of the group. Defaults to `\"\"`.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(""),
			},
		},
	}
}

// CreateObject creates the group, or adopts an inactive one of the same name.
func (r *dncGroupResource) CreateObject(ctx context.Context, w *framework.Write[dncGroupModel]) (dncGroupModel, error) {
	plan := w.Plan
	name := plan.Name.ValueString()
	in := expandDNCGroup(plan)
	// A lost answer is settled inside CreateDNCGroup by looking the name up, so it
	// never makes a second group.
	g, err := r.Client.CreateDNCGroup(ctx, in)
	switch {
	case cxone.IsConflict(err):
		g = r.adoptInactiveGroup(ctx, name, in, w.Diags)
	case err != nil:
		addCreateError(w.Diags, dncGroupType, strconv.Quote(name),
			fmt.Sprintf("the cxone_dnc_group data source (name = %q)", name), err)
	}
	if g == nil {
		return plan, nil
	}
	flattenDNCGroup(g, &plan)
	return plan, nil
}

// dncGroupRetired words the DNC group's life cycle: CXone cannot delete DNC groups.
var dncGroupRetired = retiredKind{kind: dncGroupType, typeName: "cxone_dnc_group", noun: "DNC group", plural: "DNC groups",
	short: "group", idKey: "dnc_group_id", kept: ", with the numbers and skill links it kept"}

// adoptInactiveGroup handles a create whose name is taken: an inactive group of that name
// is reactivated with the configured values and adopted (takenByInactive). It returns nil
// after an error.
func (r *dncGroupResource) adoptInactiveGroup(ctx context.Context, name string, in cxone.DNCGroupInput, diags *diag.Diagnostics) *cxone.DNCGroup {
	existing := takenByInactive(ctx, dncGroupRetired, name, r.Client.FindDNCGroupByName,
		func(g *cxone.DNCGroup) (int64, bool) { return g.DNCGroupID, g.IsActive }, diags)
	if existing == nil {
		return nil
	}
	in.IsActive = new(true)
	g, err := r.Client.UpdateDNCGroup(ctx, existing.DNCGroupID, in)
	if !dncGroupRetired.reactivated(ctx, name, existing.DNCGroupID, err, diags) {
		return nil
	}
	return g
}

// ReadObject reads the group. An inactive (or removed) one is what destroy leaves
// behind: it counts as gone, so the next apply plans a create, which reactivates it.
func (r *dncGroupResource) ReadObject(ctx context.Context, state dncGroupModel, diags *diag.Diagnostics) (dncGroupModel, error) {
	id, ok := numericIDOf(state.ID, dncGroupType, "Read", diags)
	if !ok {
		return state, nil
	}
	g, err := r.Client.DNCGroup(ctx, id)
	if err != nil {
		return state, err
	}
	if !g.IsActive || g.IsRemoved {
		return state, dncGroupRetired.inactive(namedObject(state.Name, id))
	}
	flattenDNCGroup(g, &state)
	return state, nil
}

// UpdateObject writes the plan to the group.
func (r *dncGroupResource) UpdateObject(ctx context.Context, w *framework.Write[dncGroupModel]) (dncGroupModel, error) {
	plan := w.Plan
	id, ok := numericIDOf(w.State.ID, dncGroupType, "Update", w.Diags)
	if !ok {
		return plan, nil
	}
	in := expandDNCGroup(plan)
	// Read drops inactive groups; saying so again undoes a deactivation made between
	// refresh and apply.
	in.IsActive = new(true)
	g, err := r.Client.UpdateDNCGroup(ctx, id, in)
	if err != nil {
		return plan, err
	}
	flattenDNCGroup(g, &plan)
	return plan, nil
}

// DeleteObject deactivates the group: CXone has no delete for DNC groups.
func (r *dncGroupResource) DeleteObject(ctx context.Context, state dncGroupModel, diags *diag.Diagnostics) error {
	id, ok := numericIDOf(state.ID, dncGroupType, "Delete", diags)
	if !ok {
		return nil
	}
	return r.Client.DeactivateDNCGroup(ctx, id)
}

// ParseImportID takes a group ID such as 8001.
func (r *dncGroupResource) ParseImportID(_ context.Context, id string) (dncGroupModel, error) {
	if _, err := parseNumericID(id, "the import ID"); err != nil {
		return dncGroupModel{}, fmt.Errorf("expected a DNC group ID, a whole number such as 8001: %w", err)
	}
	return dncGroupModel{ID: types.StringValue(id)}, nil
}

// Describe names a group in messages.
func (r *dncGroupResource) Describe(m dncGroupModel) (kind, object string) {
	id, err := parseNumericID(m.ID.ValueString(), "the DNC group ID")
	if err != nil {
		return dncGroupType, strconv.Quote(m.Name.ValueString())
	}
	return dncGroupType, namedObject(m.Name, id)
}

// expandDNCGroup turns the planned (or stored) values into the group's fields.
// IsActive is left nil: each caller decides it.
func expandDNCGroup(m dncGroupModel) cxone.DNCGroupInput {
	return cxone.DNCGroupInput{DNCGroupName: m.Name.ValueString(), DNCGroupDescription: m.Description.ValueString()}
}

// flattenDNCGroup copies a group as CXone holds it into the model.
func flattenDNCGroup(g *cxone.DNCGroup, m *dncGroupModel) {
	m.ID = types.StringValue(strconv.FormatInt(g.DNCGroupID, 10))
	m.Name = types.StringValue(g.DNCGroupName)
	m.Description = types.StringValue(g.DNCGroupDescription)
}

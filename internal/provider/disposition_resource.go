package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// dispositionType names the object in diagnostics.
const dispositionType = "Disposition"

// NewDispositionResource is the cxone_disposition resource.
func NewDispositionResource() resource.Resource {
	return dispositionKind.newResource(dispositionSchema, dispositionList)
}

// dispositionResource is deactivating: CXone cannot delete dispositions.
type dispositionResource = deactivating[dispositionModel, cxone.Disposition, cxone.DispositionInput]

// dispositionKind is the disposition's life cycle. A refused create is a failed item of
// CXone's bulk answer (addItemOrCreateError).
var dispositionKind = deactivatingKind[dispositionModel, cxone.Disposition, cxone.DispositionInput]{
	retiredKind: retiredKind{kind: dispositionType, typeName: "cxone_disposition", noun: "disposition",
		plural: "dispositions", short: "disposition", idKey: "disposition_id", kept: ", with its history"},
	example:     "7001",
	expand:      expandDisposition,
	flatten:     flattenAll(flattenDisposition),
	active:      func(d *cxone.Disposition) (int64, bool) { return d.DispositionID, d.IsActive },
	setOn:       func(in *cxone.DispositionInput) { in.IsActive = new(true) },
	get:         readcache.API.Disposition,
	find:        readcache.API.FindDispositionByName,
	create:      readcache.API.CreateDisposition,
	update:      readcache.API.UpdateDisposition,
	createError: addItemOrCreateError,
	retire: func(c readcache.API, ctx context.Context, id int64) error {
		return c.SetDispositionActive(ctx, id, false)
	},
}

// dispositionModel maps cxone_disposition.
type dispositionModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	ClassificationID   types.Int64  `tfsdk:"classification_id"`
	ClassificationName types.String `tfsdk:"classification_name"`
	IsPreview          types.Bool   `tfsdk:"is_preview"`
	Notes              types.String `tfsdk:"notes"`
}

// Identity is the disposition ID, as a number.
func (m dispositionModel) Identity() framework.Identity {
	return framework.IdentityOf(framework.NumericID("disposition_id", "CXone's disposition ID, for example 7001.", m.ID))
}

func dispositionSchema(context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "A CXone disposition: an outcome code an agent or a Personal Connection skill gives a " +
			"record attempt. Link it to an outbound skill through that skill's `dispositions`.\n\n" +
			"CXone cannot delete dispositions: destroying this resource deactivates the disposition. Creating a " +
			"disposition whose name belongs to an inactive disposition reactivates and adopts that disposition (with a " +
			"warning); if the name belongs to an active one, the apply fails and says how to import it.",
		Attributes: map[string]schema.Attribute{
			"id": framework.IDAttribute("CXone's disposition ID, a whole number written as a string (for example `7001`)."),
			"name": framework.RequiredString("Name of the disposition, unique among all dispositions of the business unit, "+
				"active or not. It must not be empty or blank.", notBlankValidator()),
			"classification_id": schema.Int64Attribute{
				MarkdownDescription: "ID of one of CXone's disposition classifications (for example `1`, Success), a " +
					"positive whole number; CXone checks that it exists. Left out, the disposition keeps the " +
					"classification CXone holds (none for a new one).",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
			},
			"classification_name": schema.StringAttribute{
				MarkdownDescription: "Name of the classification, as CXone gives it; empty without one.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{keepClassificationName{}},
			},
			"is_preview": framework.OptionalBool("Whether this is a preview disposition, given to a record before it is "+
				"attempted.", false),
			"notes": framework.OptionalEmptyString("Free-text notes on the disposition."),
		},
	}
}

// keepClassificationName keeps the classification's name from the state while the
// classification stays the same, so a plan is quiet; a new classification makes it
// unknown until CXone names it.
type keepClassificationName struct{}

func (keepClassificationName) Description(context.Context) string {
	return "kept from the state unless classification_id changes"
}

func (m keepClassificationName) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (keepClassificationName) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || !req.PlanValue.IsUnknown() {
		return
	}
	// A classification left out of the configuration keeps the state's.
	var configured, prior types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("classification_id"), &configured)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("classification_id"), &prior)...)
	if configured.IsNull() || configured.Equal(prior) {
		resp.PlanValue = req.StateValue
	}
}

// expandDisposition turns the planned (or stored) values into the disposition's
// fields. IsActive is left nil: each caller decides it.
func expandDisposition(m dispositionModel) cxone.DispositionInput {
	in := cxone.DispositionInput{
		DispositionName:      m.Name.ValueString(),
		IsPreviewDisposition: m.IsPreview.ValueBool(),
		Notes:                m.Notes.ValueString(),
	}
	if !m.ClassificationID.IsNull() && !m.ClassificationID.IsUnknown() {
		in.ClassificationID = m.ClassificationID.ValueInt64()
	}
	return in
}

// flattenDisposition copies a disposition as CXone holds it into the model. No
// classification (0) is null, as an unset attribute is.
func flattenDisposition(d *cxone.Disposition, m *dispositionModel) {
	m.ID = numericIDValue(d.DispositionID)
	m.Name = types.StringValue(d.DispositionName)
	m.ClassificationID = types.Int64Null()
	if d.ClassificationID != 0 {
		m.ClassificationID = types.Int64Value(d.ClassificationID)
	}
	m.ClassificationName = types.StringValue(d.ClassificationName)
	m.IsPreview = types.BoolValue(d.IsPreviewDisposition)
	m.Notes = types.StringValue(d.Notes)
}

// addItemOrCreateError reports a failed create. CXone answers a bulk create with 200
// and a failed item when it refuses the object (an unknown classification, a blank
// name): that refusal made nothing, so it is reported as CXone's answer, on the
// attribute it names. Anything else is addCreateError's.
func addItemOrCreateError(diags *diag.Diagnostics, objectType, object, lookUp string, err error) {
	var itemErr *cxone.ItemError
	if !errors.As(err, &itemErr) || errors.Is(err, cxone.ErrAnswerLost) {
		addCreateError(diags, objectType, object, lookUp, err)
		return
	}
	detail := fmt.Sprintf("While trying to create %s %s:\n\n%s", typeInText(objectType), object, apiAnswer(objectType, err))
	if _, attribute := withAttributeNames(objectType, err.Error()); len(attribute.Steps()) > 0 {
		diags.AddAttributeError(attribute, "Unable to Create "+objectType, detail)
		return
	}
	diags.AddError("Unable to Create "+objectType, detail)
}

package provider

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

// callingListType names the object in diagnostics.
const callingListType = "Calling List"

// NewCallingListResource is the cxone_calling_list resource.
func NewCallingListResource() resource.Resource {
	return framework.NewResource[callingListModel](&callingListResource{numericID: callingListIDs}, "calling_list", callingListSchema, addAPIError, callingListList)
}

// callingListResource manages a calling list's column mapping. CXone has no update of a
// list, so every attribute replaces it; its records come through the upload action and are
// not part of the resource.
type callingListResource struct {
	framework.Resource[callingListModel]
	numericID[callingListModel]
}

// callingListIDs imports a list by its ID, and says that a name will not do.
var callingListIDs = numericID[callingListModel]{kind: callingListType, idNoun: "calling list ID", example: "65001",
	hint: ", not a list name (a terraform query of cxone_calling_list lists the IDs)", object: skillObject}

// callingListModel maps cxone_calling_list. The optional column mappings have the Go names
// of cxone.CallingListColumns' fields (callingListColumns ties the two).
type callingListModel struct {
	ID                         types.String                  `tfsdk:"id"`
	Name                       types.String                  `tfsdk:"name"`
	ExternalIDColumn           types.String                  `tfsdk:"external_id_column"`
	DestinationMappings        []callingListDestinationModel `tfsdk:"destination_mappings"`
	ScoreColumn                types.String                  `tfsdk:"score_column"`
	Customer1Column            types.String                  `tfsdk:"customer1_column"`
	Customer2Column            types.String                  `tfsdk:"customer2_column"`
	CallerIDColumn             types.String                  `tfsdk:"caller_id_column"`
	PriorityColumn             types.String                  `tfsdk:"priority_column"`
	ComplianceReqColumn        types.String                  `tfsdk:"compliance_req_column"`
	FirstNameColumn            types.String                  `tfsdk:"first_name_column"`
	LastNameColumn             types.String                  `tfsdk:"last_name_column"`
	AddressColumn              types.String                  `tfsdk:"address_column"`
	CityColumn                 types.String                  `tfsdk:"city_column"`
	StateColumn                types.String                  `tfsdk:"state_column"`
	ZipColumn                  types.String                  `tfsdk:"zip_column"`
	TimeZoneColumn             types.String                  `tfsdk:"time_zone_column"`
	ConfirmReqColumn           types.String                  `tfsdk:"confirm_req_column"`
	OverrideFinalizationColumn types.String                  `tfsdk:"override_finalization_column"`
	AgentIDColumn              types.String                  `tfsdk:"agent_id_column"`
	CallRequestTimeColumn      types.String                  `tfsdk:"call_request_time_column"`
	CallRequestStaleColumn     types.String                  `tfsdk:"call_request_stale_column"`
	NotesColumn                types.String                  `tfsdk:"notes_column"`
	ExpirationDateColumn       types.String                  `tfsdk:"expiration_date_column"`
}

// callingListDestinationModel is one of destination_mappings.
type callingListDestinationModel struct {
	FieldName types.String `tfsdk:"field_name"`
	Column    types.String `tfsdk:"column"`
}

// Identity is the list ID, as a number.
func (m callingListModel) Identity() framework.Identity {
	return framework.IdentityOf(framework.NumericID("list_id", "CXone's calling list ID, for example 65001.", m.ID))
}

// callingListColumn is one optional column mapping: its attribute, the Go field that holds
// it in callingListModel and in cxone.CallingListColumns (the same name in both), and what
// the column holds, for the docs.
type callingListColumn struct {
	attr, field, holds string
}

// callingListColumns are the optional column mappings, in the order of
// cxone.CallingListColumns (TestCallingListColumns_coverTheClient checks the two agree).
var callingListColumns = []callingListColumn{
	{"score_column", "ScoreColumn", "the record's score"},
	{"customer1_column", "Customer1Column", "the first custom value (Customer 1)"},
	{"customer2_column", "Customer2Column", "the second custom value (Customer 2)"},
	{"caller_id_column", "CallerIDColumn", "the caller ID to present"},
	{"priority_column", "PriorityColumn", "the record's priority"},
	{"compliance_req_column", "ComplianceReqColumn", "whether the record needs a compliance review"},
	{"first_name_column", "FirstNameColumn", "the contact's first name"},
	{"last_name_column", "LastNameColumn", "the contact's last name"},
	{"address_column", "AddressColumn", "the contact's street address"},
	{"city_column", "CityColumn", "the contact's city"},
	{"state_column", "StateColumn", "the contact's state"},
	{"zip_column", "ZipColumn", "the contact's postal code"},
	{"time_zone_column", "TimeZoneColumn", "the contact's time zone"},
	{"confirm_req_column", "ConfirmReqColumn", "whether the agent confirms before the contact is attempted"},
	{"override_finalization_column", "OverrideFinalizationColumn", "whether the record's finalization is overridden"},
	{"agent_id_column", "AgentIDColumn", "the ID of the agent the record is for"},
	{"call_request_time_column", "CallRequestTimeColumn", "the time the contact asked to be reached"},
	{"call_request_stale_column", "CallRequestStaleColumn", "when the contact's call request goes stale"},
	{"notes_column", "NotesColumn", "notes on the record"},
	{"expiration_date_column", "ExpirationDateColumn", "the record's expiration date"},
}

// columnOf is the model's attribute for column c. A row of callingListColumns without its
// types.String field is a mistake in this file (TestCallingListColumns_coverTheClient).
func (m *callingListModel) columnOf(c callingListColumn) *types.String {
	p, ok := reflect.ValueOf(m).Elem().FieldByName(c.field).Addr().Interface().(*types.String)
	if !ok {
		panic("callingListModel has no types.String field " + c.field)
	}
	return p
}

// replacedString is a string attribute of a calling list: not blank, and a change means a
// new list.
func replacedString(description string, required bool) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Required:            required,
		Optional:            !required,
		Validators:          []validator.String{notBlankValidator()},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
}

func callingListSchema(context.Context) schema.Schema {
	attrs := map[string]schema.Attribute{
		"id": framework.IDAttribute("CXone's calling list ID, a whole number written as a string (for example `65001`). " +
			"The `cxone_calling_list_upload` action takes it as `list_id`."),
		"name": replacedString("Name of the list, unique among the business unit's calling lists. CXone cannot rename "+
			"a list: a new name replaces it.", true),
		"external_id_column": replacedString("Name of the CSV column that holds each record's unique ID. A record "+
			"with no value there is counted invalid on upload.", true),
		"destination_mappings": schema.ListNestedAttribute{
			MarkdownDescription: "Where each record is reached: at least one mapping of a CXone destination type to the " +
				"CSV column that holds it, with no mapping given twice.",
			Required: true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"field_name": framework.RequiredString("CXone's destination type, such as `PhoneNumber` (the only one CXone documents; "+
					"the type of a digital address is not documented). Sent as CXone's `fieldName`, as written.", notBlankValidator()),
				"column": framework.RequiredString("Name of the CSV column that holds the destination (CXone's `fieldValue`).", notBlankValidator()),
			}},
			Validators:    []validator.List{listvalidator.SizeAtLeast(1), listvalidator.UniqueValues()},
			PlanModifiers: []planmodifier.List{listplanmodifier.RequiresReplace()},
		},
	}
	for _, c := range callingListColumns {
		attrs[c.attr] = replacedString("Name of the CSV column that holds "+c.holds+". Not mapped when not set.", false)
	}
	return schema.Schema{
		MarkdownDescription: "A CXone calling list: how the columns of the CSV files uploaded to it map to a record's " +
			"fields and destinations. CXone cannot change a list, so every change replaces it, and destroy deletes it " +
			"(CXone removes it for good 10 days later). Records are uploaded with the `cxone_calling_list_upload` " +
			"action (Terraform 1.14) and are not kept in the state.",
		Attributes: attrs,
	}
}

// CreateObject creates the list. A name already taken (an earlier apply cut off after its
// create, or a list made outside Terraform) is an error that gives the import to run.
func (r *callingListResource) CreateObject(ctx context.Context, w *framework.Write[callingListModel]) (callingListModel, error) {
	plan := w.Plan
	in := expandCallingList(plan)
	l, err := r.Client.CreateCallingList(ctx, in)
	switch {
	case cxone.IsConflict(err):
		r.addNameTaken(ctx, w.Diags, in.ListName, err)
	case err != nil:
		addCreateError(w.Diags, callingListType, strconv.Quote(in.ListName),
			fmt.Sprintf("a terraform query of cxone_calling_list (name_contains = %q)", in.ListName), err)
	default:
		flattenCallingList(l, &plan)
	}
	return plan, nil
}

// addNameTaken explains a name that another list holds and gives the import to run. A list
// of that name is never adopted: its mappings may match and it may still belong to another
// configuration, whose destroy would then delete the list under this one.
func (r *callingListResource) addNameTaken(ctx context.Context, diags *diag.Diagnostics, name string, err error) {
	id := "<id>"
	var mismatch *cxone.MismatchError
	if errors.As(err, &mismatch) && mismatch.ID != "" {
		id = mismatch.ID
	} else if existing, ferr := r.Client.FindCallingListByName(ctx, name); ferr == nil {
		id = strconv.FormatInt(existing.ListID, 10)
	}
	diags.AddAttributeError(path.Root("name"), "Unable to Create "+callingListType,
		fmt.Sprintf("CXone already has a calling list named %q (ID %s): an earlier apply may have been cut off "+
			"after creating it, or it was made outside Terraform. %s\n\nOtherwise choose another name.\n\n%s",
			name, id, importHint("cxone_calling_list", id), apiAnswer(callingListType, err)))
}

// ReadObject reads the list's mapping; its records and counts are not part of the state.
func (r *callingListResource) ReadObject(ctx context.Context, state callingListModel, diags *diag.Diagnostics) (callingListModel, error) {
	id, ok := r.idOf(state, "Read", diags)
	if !ok {
		return state, nil
	}
	l, err := r.Client.GetCallingList(ctx, id)
	if err != nil {
		return state, err
	}
	flattenCallingList(l, &state)
	return state, nil
}

// UpdateObject is never called: every attribute replaces the list, which CXone cannot change.
func (r *callingListResource) UpdateObject(_ context.Context, w *framework.Write[callingListModel]) (callingListModel, error) {
	return w.Plan, errors.New("CXone cannot change a calling list; every change replaces it")
}

// DeleteObject deletes the list, active or not (forceInactive).
func (r *callingListResource) DeleteObject(ctx context.Context, state callingListModel, diags *diag.Diagnostics) error {
	id, ok := r.idOf(state, "Delete", diags)
	if !ok {
		return nil
	}
	return r.Client.DeleteCallingList(ctx, id, cxone.CallingListDeleteOptions{ForceInactive: true})
}

// expandCallingList turns the planned values into the create call's input.
func expandCallingList(m callingListModel) cxone.CallingListInput {
	in := cxone.CallingListInput{ListName: m.Name.ValueString(), ExternalIDColumn: m.ExternalIDColumn.ValueString()}
	for _, d := range m.DestinationMappings {
		in.DestinationMappings = append(in.DestinationMappings,
			cxone.DestinationMapping{FieldName: d.FieldName.ValueString(), FieldValue: d.Column.ValueString()})
	}
	cols := reflect.ValueOf(&in.Columns).Elem()
	for _, c := range callingListColumns {
		cols.FieldByName(c.field).SetString(m.columnOf(c).ValueString())
	}
	return in
}

// flattenCallingList copies a list as CXone holds it into the model; an unmapped column
// ("") is null, as it is when not configured.
func flattenCallingList(l *cxone.CallingList, m *callingListModel) {
	m.ID = numericIDValue(l.ListID)
	m.Name = types.StringValue(l.ListName)
	m.ExternalIDColumn = types.StringValue(l.ExternalIDColumn)
	m.DestinationMappings = make([]callingListDestinationModel, len(l.DestinationMappings))
	for i, d := range l.DestinationMappings {
		m.DestinationMappings[i] = callingListDestinationModel{FieldName: types.StringValue(d.FieldName), Column: types.StringValue(d.FieldValue)}
	}
	cols := reflect.ValueOf(l.CallingListColumns)
	for _, c := range callingListColumns {
		*m.columnOf(c) = stringOrNull(cols.FieldByName(c.field).String())
	}
}

// callingListAPIFields maps the create call's parameters to the attributes, for apiFieldNames.
// fieldName and fieldValue are left as CXone names them: they are nested attributes, not
// attributes an error could point at.
func callingListAPIFields() map[string]string {
	out := map[string]string{
		"listName": "name", "externalIdColumn": "external_id_column", "destinationMappings": "destination_mappings",
	}
	cols := reflect.TypeFor[cxone.CallingListColumns]()
	for _, c := range callingListColumns {
		f, _ := cols.FieldByName(c.field)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		out[name] = c.attr
	}
	return out
}

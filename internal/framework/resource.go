package framework

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// Object is what a resource built on Resource says about the one kind of CXone
// object it manages; Resource does the rest of the life cycle around it. Each
// method either returns an error, which Resource handles the same way for every
// resource (a not-found one means the object is gone, any other is reported with
// the ErrorReporter), or adds its own diagnostics; Resource saves the model a method
// returns only when it did neither.
type Object[M IdentifiedModel] interface {
	// Describe names the kind of object ("Digital Skill") and the object m holds
	// (`"Sales" (ID 4000001)`) in the diagnostics Resource writes.
	Describe(m M) (kind, object string)
	// ParseImportID turns an import ID into a model holding what ReadObject needs
	// (the object's IDs; every other attribute null). An import by identity comes
	// here too, the identity written as an ID (see Identity). Its error is shown as
	// the detail of an "Unable to Import <kind>" error.
	ParseImportID(ctx context.Context, id string) (M, error)
	// ReadObject reads the object that m (the state) names and returns it as CXone
	// holds it. A not-found error (cxone.IsNotFound), or a *Gone for an object that
	// exists but counts as gone, removes the resource from state with a warning.
	ReadObject(ctx context.Context, m M, diags *diag.Diagnostics) (M, error)
	// CreateObject creates the object w.Plan describes and returns it.
	CreateObject(ctx context.Context, w *Write[M]) (M, error)
	// UpdateObject brings the object w.State names to w.Plan and returns it. A
	// resource whose every attribute requires replacement has Resource's, which
	// keeps the plan.
	UpdateObject(ctx context.Context, w *Write[M]) (M, error)
	// DeleteObject deletes the object m names. A not-found error is success: the
	// object is already gone.
	DeleteObject(ctx context.Context, m M, diags *diag.Diagnostics) error
}

// ErrorReporter adds the diagnostic for a failed call to CXone: operation is
// "Read", "Create", "Update" or "Delete", kind and object come from Describe.
type ErrorReporter func(diags *diag.Diagnostics, operation, kind, object string, err error)

// Write is what CreateObject and UpdateObject get: the planned model, the prior
// state (Update only), the configuration (for write-only values, or to tell a set
// attribute from a computed one) and the diagnostics to add to.
type Write[M IdentifiedModel] struct {
	Plan   M
	State  M
	Config tfsdk.Config
	Diags  *diag.Diagnostics
	save   func(M)
}

// Save saves m (and its identity) as the state now, before the write ends: an
// object that exists is then kept, tainted, if a later step of the write fails.
func (w *Write[M]) Save(m M) { w.save(m) }

// Gone is the error ReadObject returns for an object that exists in CXone but
// counts as deleted (an inactive skill): the resource leaves the state with this
// warning instead of the usual one.
type Gone struct {
	Summary, Detail string
	// ImportDetail, when set, is the error's detail if the Read follows an import:
	// an object that counts as gone cannot be imported, and the import fails.
	ImportDetail string
}

func (g *Gone) Error() string { return g.Summary + ": " + g.Detail }

// Resource is embedded by every resource, with M its model. It implements
// resource.Resource (Metadata, Schema, Configure, Create, Read, Update, Delete),
// ImportState and the identity schema around the Object the resource is, once
// NewResource has tied the two.
type Resource[M IdentifiedModel] struct {
	// Client (from holder) is the provider's readcache.API, whose reads are
	// served from the operation's lists and whose writes forget what they write, so
	// no resource invalidates a read by hand. It is nil until the provider is
	// configured.
	holder[M, readcache.API]
	typed[M, schema.Schema]
	object Object[M]
	report ErrorReporter
	lister Lister[M] // nil for a resource that is not also a list resource
}

// resourceOf is a resource type built on Resource[M].
type resourceOf[M IdentifiedModel] interface {
	Object[M]
	base() *Resource[M]
}

func (r *Resource[M]) base() *Resource[M] { return r }

// NewResource ties r, whose type embeds Resource[M], to its base and returns it:
// the resource is named <provider>_<typeName>, its schema is what schemaOf returns
// (checked against M whenever Terraform asks for it, so a model that does not match
// fails the provider as it loads), and report words every failed call to CXone.
// lister is the list resource (terraform query) the resource also is, under the same
// name (nil for none). Every resource's New function is this one call.
func NewResource[M IdentifiedModel, R resourceOf[M]](r R, typeName string, schemaOf func(context.Context) schema.Schema, report ErrorReporter, lister Lister[M]) R {
	b := r.base()
	b.object, b.typeName, b.schema, b.report, b.lister = r, typeName, schemaOf, report, lister
	return r
}

// Metadata names the resource.
func (r *Resource[M]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = r.fullName(req.ProviderTypeName)
}

// Schema is the resource's schema; a model that does not match it is an error.
func (r *Resource[M]) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	if !r.initialised(&resp.Diagnostics) {
		return
	}
	resp.Schema = r.checkedSchema(ctx, "Resource", &resp.Diagnostics)
}

// initialised reports a resource built without NewResource.
func (r *Resource[M]) initialised(diags *diag.Diagnostics) bool {
	return r.initialisedAs("Resource", r.object != nil && r.report != nil, diags)
}

// Configure stores the provider's client.
func (r *Resource[M]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configure(req.ProviderData, &resp.Diagnostics)
}

// IdentitySchema is built from the struct M's Identity returns, so the two never
// part. An identity that cannot be a schema is an error when Terraform loads the
// provider, so such a resource never reaches a plan.
func (r *Resource[M]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	if !r.initialised(&resp.Diagnostics) {
		return
	}
	s, err := IdentitySchemaOf[M]()
	if err != nil {
		resp.Diagnostics.AddError("Resource Has No Identity", err.Error()+". This is a bug in the provider: please report it.")
		return
	}
	resp.IdentitySchema = s
}

// ready is CheckClient, and also catches a resource built without NewResource.
func (r *Resource[M]) ready(diags *diag.Diagnostics) bool {
	return r.initialised(diags) && r.CheckClient(diags)
}

// Create creates the object and saves it with its identity.
func (r *Resource[M]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !r.ready(&resp.Diagnostics) {
		return
	}
	w := r.write(ctx, plan, req.Config, &resp.State, resp.Identity, &resp.Diagnostics)
	m, err := r.object.CreateObject(ctx, w)
	r.finish(ctx, "Create", plan, m, err, &resp.State, resp.Identity, &resp.Diagnostics)
}

// Update writes the plan to the object and saves it with its identity.
func (r *Resource[M]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !r.ready(&resp.Diagnostics) {
		return
	}
	w := r.write(ctx, plan, req.Config, &resp.State, resp.Identity, &resp.Diagnostics)
	w.State = state
	m, err := r.object.UpdateObject(ctx, w)
	r.finish(ctx, "Update", plan, m, err, &resp.State, resp.Identity, &resp.Diagnostics)
}

// ReplacedOnly is embedded, beside Resource, by a resource whose every attribute
// requires replacement: Terraform never asks to change such an object in place, and
// its UpdateObject keeps the plan as the new state. It is a choice a resource states;
// any other resource must write its own UpdateObject (the compiler asks for it).
type ReplacedOnly[M IdentifiedModel] struct{}

// UpdateObject keeps the plan: there is nothing to change in place.
func (ReplacedOnly[M]) UpdateObject(_ context.Context, w *Write[M]) (M, error) {
	return w.Plan, nil
}

func (r *Resource[M]) write(ctx context.Context, plan M, config tfsdk.Config, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) *Write[M] {
	return &Write[M]{Plan: plan, Config: config, Diags: diags, save: func(m M) {
		setState(ctx, state, identity, m, diags)
	}}
}

// finish ends a write: an error is reported, and a model is saved only after
// neither an error nor a diagnostic of the object's own.
func (r *Resource[M]) finish(ctx context.Context, operation string, plan, m M, err error, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if err != nil {
		kind, object := r.object.Describe(plan)
		r.report(diags, operation, kind, object, err)
		return
	}
	if !diags.HasError() {
		setState(ctx, state, identity, m, diags)
	}
}

// Read refreshes the object, or removes it from state when CXone says it is gone.
func (r *Resource[M]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	imported := ReadAfterImport(ctx, resp)
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !r.ready(&resp.Diagnostics) {
		return
	}
	m, err := r.object.ReadObject(ctx, state, &resp.Diagnostics)
	var gone *Gone
	switch {
	case cxone.IsNotFound(err):
		kind, object := r.object.Describe(state)
		gone = &Gone{Summary: kind + " Not Found", Detail: fmt.Sprintf("%s %s no longer exists in CXone; it was "+
			"probably deleted outside Terraform. It has been removed from the state and the next plan will create "+
			"it again.", typeAtStart(kind), object)}
	case errors.As(err, &gone):
	case err != nil:
		kind, object := r.object.Describe(state)
		r.report(&resp.Diagnostics, "Read", kind, object, err)
		return
	case !resp.Diagnostics.HasError():
		setState(ctx, &resp.State, resp.Identity, m, &resp.Diagnostics)
		return
	default:
		return
	}
	if imported {
		// Right after an import the object never was in the state: the import
		// fails, naming what is missing, instead of Terraform's generic
		// "non-existent remote object".
		kind, _ := r.object.Describe(state)
		detail := gone.ImportDetail
		if detail == "" {
			detail = fmt.Sprintf("There is no %s with ID %s in CXone. Check the import ID (or identity): it must "+
				"name an object that exists in this tenant.", TypeInText(kind), importIDOf(state.Identity()))
		}
		resp.Diagnostics.AddError("Unable to Import "+kind, detail)
		return
	}
	// The framework wants an identity from every Read, and a state written
	// before identities existed has none: the prior state gives it.
	tflog.Warn(ctx, "object gone outside Terraform; removing it from state", map[string]any{"summary": gone.Summary})
	resp.Diagnostics.AddWarning(gone.Summary, gone.Detail)
	setIdentity(ctx, resp.Identity, state, &resp.Diagnostics)
	resp.State.RemoveResource(ctx)
}

// Delete deletes the object; one already gone is deleted.
func (r *Resource[M]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !r.ready(&resp.Diagnostics) {
		return
	}
	if err := r.object.DeleteObject(ctx, state, &resp.Diagnostics); err != nil && !cxone.IsNotFound(err) {
		kind, object := r.object.Describe(state)
		r.report(&resp.Diagnostics, "Delete", kind, object, err)
	}
}

// ImportState imports by ID or by identity through the one ParseImportID, and
// answers with the identity; the Read that follows fills in the rest.
func (r *Resource[M]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !r.initialised(&resp.Diagnostics) {
		return
	}
	id, ok := importID[M](ctx, req, &resp.Diagnostics)
	if !ok {
		return
	}
	m, err := r.object.ParseImportID(ctx, id)
	if err != nil {
		// An error starts in lower case; a diagnostic's detail is a sentence.
		detail := []rune(err.Error())
		kind, _ := r.object.Describe(m)
		resp.Diagnostics.AddError("Unable to Import "+kind, strings.ToUpper(string(detail[:1]))+string(detail[1:]))
		return
	}
	setKnownAttributes(ctx, &resp.State, m, &resp.Diagnostics)
	setIdentity(ctx, resp.Identity, m, &resp.Diagnostics)
	markImported(ctx, resp)
}

// TypeInText writes an object type inside a sentence: in lower case ("digital skill"),
// but with the initialisms the documentation spells in capitals kept ("BYOC integration").
func TypeInText(objectType string) string {
	words := strings.Fields(objectType)
	for i, w := range words {
		if strings.ToUpper(w) != w {
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

// setKnownAttributes sets the top-level attributes of m that are not null, so that
// the others keep the null (and, for blocks, the typed null) the framework gave them.
func setKnownAttributes(ctx context.Context, state *tfsdk.State, m any, diags *diag.Diagnostics) {
	v := reflect.ValueOf(m)
	for i := range v.NumField() {
		name := v.Type().Field(i).Tag.Get("tfsdk")
		val, ok := v.Field(i).Interface().(attr.Value)
		if name == "" || name == "-" || !ok || val.IsNull() || val.IsUnknown() {
			continue
		}
		diags.Append(state.SetAttribute(ctx, path.Root(name), val)...)
	}
}

// Resource gives its embedder all of resource.Resource and the import and
// identity interfaces.
var _ interface {
	resource.ResourceWithConfigure
	resource.ResourceWithImportState
	resource.ResourceWithIdentity
} = (*Resource[IdentifiedModel])(nil)

// typeAtStart writes an object type at the start of a sentence ("Digital skill").
func typeAtStart(objectType string) string {
	t := TypeInText(objectType)
	if t == "" {
		return t
	}
	return strings.ToUpper(t[:1]) + t[1:]
}

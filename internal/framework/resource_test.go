package framework

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// model is the test resource's model: an object named by its ID.
type model struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

type modelIdentity struct {
	ID types.String `tfsdk:"id" description:"The ID."`
}

func (m model) Identity() Identity                   { return modelIdentity{ID: m.ID} }
func (i modelIdentity) ImportID() string             { return i.ID.ValueString() }
func (fakeObject) Describe(m model) (string, string) { return "Widget", m.ID.ValueString() }

var testSchema = schema.Schema{Attributes: map[string]schema.Attribute{
	"id":   schema.StringAttribute{Computed: true},
	"name": schema.StringAttribute{Required: true},
}}

// fakeObject answers each method with what its fields say, and records the
// writes the base asked for.
type fakeObject struct {
	read       model
	err        error // returned by every method
	addError   bool  // add a diagnostic of its own instead
	saveFirst  bool  // Create: Save before failing
	importErr  error
	deleteSeen *bool
}

func (o fakeObject) answer(m model, diags *diag.Diagnostics) (model, error) {
	if o.addError {
		diags.AddError("Own Error", "the object's own message")
	}
	return m, o.err
}

func (o fakeObject) ParseImportID(_ context.Context, id string) (model, error) {
	if o.importErr != nil {
		return model{}, o.importErr
	}
	return model{ID: types.StringValue(id)}, nil
}

func (o fakeObject) ReadObject(_ context.Context, _ model, diags *diag.Diagnostics) (model, error) {
	return o.answer(o.read, diags)
}

func (o fakeObject) CreateObject(_ context.Context, w *Write[model]) (model, error) {
	m := w.Plan
	m.ID = types.StringValue("new")
	if o.saveFirst {
		w.Save(m)
	}
	return o.answer(m, w.Diags)
}

func (o fakeObject) UpdateObject(_ context.Context, w *Write[model]) (model, error) {
	return o.answer(w.Plan, w.Diags)
}

func (o fakeObject) DeleteObject(_ context.Context, _ model, diags *diag.Diagnostics) error {
	*o.deleteSeen = true
	_, err := o.answer(model{}, diags)
	return err
}

// fakeResource is a resource built on Resource around a fakeObject.
type fakeResource struct {
	Resource[model]
	fakeObject
}

// newTestResource is a configured fakeResource whose reporter writes
// "Unable to <operation> <kind>" naming the object and the error.
func newTestResource(o fakeObject) *fakeResource {
	r := NewResource[model](&fakeResource{fakeObject: o}, "widget", func(context.Context) schema.Schema { return testSchema },
		func(diags *diag.Diagnostics, operation, kind, object string, err error) {
			diags.AddError("Unable to "+operation+" "+kind, object+": "+err.Error())
		}, nil)
	r.Client = readcache.New(&cxone.Client{})
	return r
}

func stateOf(t *testing.T, m *model) tfsdk.State {
	t.Helper()
	s := tfsdk.State{Schema: testSchema, Raw: tftypes.NewValue(testSchema.Type().TerraformType(context.Background()), nil)}
	if m != nil {
		if d := s.Set(context.Background(), m); d.HasError() {
			t.Fatal(d)
		}
	}
	return s
}

func identityOf(t *testing.T) *tfsdk.ResourceIdentity {
	t.Helper()
	is, err := IdentitySchemaOf[model]()
	if err != nil {
		t.Fatal(err)
	}
	return &tfsdk.ResourceIdentity{Schema: is, Raw: tftypes.NewValue(is.Type().TerraformType(context.Background()), nil)}
}

func gotIdentity(t *testing.T, id *tfsdk.ResourceIdentity) string {
	t.Helper()
	var got modelIdentity
	if d := id.Get(context.Background(), &got); d.HasError() {
		t.Fatal(d)
	}
	return got.ID.ValueString()
}

func summaries(diags diag.Diagnostics) string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Severity().String()+": "+d.Summary())
	}
	return strings.Join(out, "; ")
}

func TestResource_read(t *testing.T) {
	prior := &model{ID: types.StringValue("42"), Name: types.StringValue("old")}
	for _, tc := range []struct {
		name      string
		object    fakeObject
		wantDiags string
		wantName  string // "" when the resource leaves the state
		wantID    string // identity after the read
	}{
		{name: "found", object: fakeObject{read: model{ID: types.StringValue("42"), Name: types.StringValue("new")}},
			wantName: "new", wantID: "42"},
		{name: "not found", object: fakeObject{err: &cxone.NotFoundError{Kind: "widget", ID: "42"}},
			wantDiags: "Warning: Widget Not Found", wantID: "42"},
		{name: "gone its own way", object: fakeObject{err: fmt.Errorf("wrapped: %w", &Gone{Summary: "Widget Inactive", Detail: "d"})},
			wantDiags: "Warning: Widget Inactive", wantID: "42"},
		{name: "failed", object: fakeObject{err: errors.New("boom")}, wantDiags: "Error: Unable to Read Widget", wantName: "old"},
		{name: "own error", object: fakeObject{addError: true}, wantDiags: "Error: Own Error", wantName: "old"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newTestResource(tc.object)
			req := resource.ReadRequest{State: stateOf(t, prior), Identity: identityOf(t)}
			resp := resource.ReadResponse{State: stateOf(t, prior), Identity: identityOf(t)}
			r.Read(context.Background(), req, &resp)
			if got := summaries(resp.Diagnostics); got != tc.wantDiags {
				t.Errorf("diagnostics = %q, want %q", got, tc.wantDiags)
			}
			if tc.wantName == "" {
				if !resp.State.Raw.IsNull() {
					t.Error("the resource was not removed from the state")
				}
			} else {
				var m model
				resp.State.Get(context.Background(), &m)
				if m.Name.ValueString() != tc.wantName {
					t.Errorf("state name = %q, want %q", m.Name.ValueString(), tc.wantName)
				}
			}
			if tc.wantID != "" && gotIdentity(t, resp.Identity) != tc.wantID {
				t.Errorf("identity = %q, want %q", gotIdentity(t, resp.Identity), tc.wantID)
			}
		})
	}
}

func TestResource_create(t *testing.T) {
	plan := &model{Name: types.StringValue("n")}
	for _, tc := range []struct {
		name      string
		object    fakeObject
		wantDiags string
		wantSaved bool
	}{
		{name: "created", wantSaved: true},
		{name: "failed", object: fakeObject{err: errors.New("boom")}, wantDiags: "Error: Unable to Create Widget"},
		{name: "own error", object: fakeObject{addError: true}, wantDiags: "Error: Own Error"},
		// An object saved before a later step fails stays in the state, to be tainted.
		{name: "saved, then failed", object: fakeObject{saveFirst: true, addError: true}, wantDiags: "Error: Own Error", wantSaved: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newTestResource(tc.object)
			tfPlan := stateOf(t, plan)
			req := resource.CreateRequest{Plan: tfsdk.Plan{Schema: testSchema, Raw: tfPlan.Raw}}
			resp := resource.CreateResponse{State: stateOf(t, nil), Identity: identityOf(t)}
			r.Create(context.Background(), req, &resp)
			if got := summaries(resp.Diagnostics); got != tc.wantDiags {
				t.Errorf("diagnostics = %q, want %q", got, tc.wantDiags)
			}
			if saved := !resp.State.Raw.IsNull(); saved != tc.wantSaved {
				t.Fatalf("saved = %v, want %v", saved, tc.wantSaved)
			}
			if tc.wantSaved && gotIdentity(t, resp.Identity) != "new" {
				t.Errorf("identity = %q, want new", gotIdentity(t, resp.Identity))
			}
		})
	}
}

func TestResource_update(t *testing.T) {
	prior := stateOf(t, &model{ID: types.StringValue("42"), Name: types.StringValue("old")})
	plan := stateOf(t, &model{ID: types.StringValue("42"), Name: types.StringValue("new")})
	r := newTestResource(fakeObject{})
	req := resource.UpdateRequest{Plan: tfsdk.Plan{Schema: testSchema, Raw: plan.Raw}, State: prior}
	resp := resource.UpdateResponse{State: prior, Identity: identityOf(t)}
	r.Update(context.Background(), req, &resp)
	var m model
	resp.State.Get(context.Background(), &m)
	if resp.Diagnostics.HasError() || m.Name.ValueString() != "new" || gotIdentity(t, resp.Identity) != "42" {
		t.Fatalf("update: %v, state %+v", resp.Diagnostics, m)
	}
}

// TestResource_updateReplacedOnly: the base's UpdateObject, for a resource whose
// every attribute requires replacement, keeps the plan.
func TestResource_updateReplacedOnly(t *testing.T) {
	plan := model{ID: types.StringValue("42"), Name: types.StringValue("new")}
	m, err := (ReplacedOnly[model]{}).UpdateObject(context.Background(), &Write[model]{Plan: plan})
	if err != nil || m != plan {
		t.Fatalf("UpdateObject: %+v, %v; want the plan %+v", m, err, plan)
	}
}

func TestResource_delete(t *testing.T) {
	for _, tc := range []struct {
		name      string
		err       error
		wantDiags string
	}{
		{name: "deleted"},
		{name: "already gone", err: &cxone.NotFoundError{Kind: "widget", ID: "42"}},
		{name: "failed", err: errors.New("boom"), wantDiags: "Error: Unable to Delete Widget"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var seen bool
			r := newTestResource(fakeObject{err: tc.err, deleteSeen: &seen})
			resp := resource.DeleteResponse{State: stateOf(t, &model{ID: types.StringValue("42")})}
			r.Delete(context.Background(), resource.DeleteRequest{State: resp.State}, &resp)
			if got := summaries(resp.Diagnostics); !seen || got != tc.wantDiags {
				t.Errorf("deleted %v, diagnostics = %q, want %q", seen, got, tc.wantDiags)
			}
		})
	}
}

// TestResource_import: by ID and by identity through the one parser, answered with
// the identity; a parser's error is a sentence under "Unable to Import <kind>".
func TestResource_import(t *testing.T) {
	ctx := context.Background()
	byIdentity := identityOf(t)
	if d := byIdentity.Set(ctx, modelIdentity{ID: types.StringValue("7")}); d.HasError() {
		t.Fatal(d)
	}
	for _, tc := range []struct {
		name string
		req  resource.ImportStateRequest
		want string
	}{
		{name: "by ID", req: resource.ImportStateRequest{ID: "42"}, want: "42"},
		{name: "by identity", req: resource.ImportStateRequest{Identity: byIdentity}, want: "7"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := resource.ImportStateResponse{State: stateOf(t, nil), Identity: identityOf(t)}
			newTestResource(fakeObject{}).ImportState(ctx, tc.req, &resp)
			var m model
			resp.Diagnostics.Append(resp.State.Get(ctx, &m)...)
			if resp.Diagnostics.HasError() || m.ID.ValueString() != tc.want || !m.Name.IsNull() || gotIdentity(t, resp.Identity) != tc.want {
				t.Fatalf("import: %v, state %+v", resp.Diagnostics, m)
			}
		})
	}
	resp := resource.ImportStateResponse{State: stateOf(t, nil), Identity: identityOf(t)}
	newTestResource(fakeObject{importErr: errors.New("expected a number")}).ImportState(ctx, resource.ImportStateRequest{ID: "x"}, &resp)
	if summaries(resp.Diagnostics) != "Error: Unable to Import Widget" || resp.Diagnostics[0].Detail() != "Expected a number" {
		t.Fatalf("bad import ID: %v", resp.Diagnostics)
	}
}

// TestResource_unconfigured: every call to CXone first needs a client, and a
// resource built without NewResource fails as soon as its schemas are asked.
func TestResource_unconfigured(t *testing.T) {
	ctx := context.Background()
	r := newTestResource(fakeObject{})
	r.Client = nil
	resp := resource.ReadResponse{State: stateOf(t, &model{ID: types.StringValue("42")})}
	r.Read(ctx, resource.ReadRequest{State: resp.State}, &resp)
	if summaries(resp.Diagnostics) != "Error: Provider Not Configured" {
		t.Errorf("read without a client: %v", resp.Diagnostics)
	}

	var bare Resource[model]
	var is resource.IdentitySchemaResponse
	bare.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &is)
	var ss resource.SchemaResponse
	bare.Schema(ctx, resource.SchemaRequest{}, &ss)
	if summaries(is.Diagnostics) != "Error: Resource Not Initialised" || summaries(ss.Diagnostics) != "Error: Resource Not Initialised" {
		t.Errorf("schemas without NewResource: %v, %v", is.Diagnostics, ss.Diagnostics)
	}
	is = resource.IdentitySchemaResponse{}
	r.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &is)
	if is.Diagnostics.HasError() || len(is.IdentitySchema.Attributes) != 1 {
		t.Errorf("identity schema: %v, %v", is.Diagnostics, is.IdentitySchema)
	}
}

// TestResource_schema: the base names the resource and gives its schema, and a
// model that does not match the schema fails the schema, which Terraform reads as
// it loads the provider.
func TestResource_schema(t *testing.T) {
	ctx := context.Background()
	r := newTestResource(fakeObject{})
	var meta resource.MetadataResponse
	r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "cxone"}, &meta)
	var resp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &resp)
	if meta.TypeName != "cxone_widget" || resp.Diagnostics.HasError() || len(resp.Schema.Attributes) != 2 {
		t.Fatalf("metadata %q, schema %v: %v", meta.TypeName, resp.Schema, resp.Diagnostics)
	}

	r.schema = func(context.Context) schema.Schema {
		return schema.Schema{Attributes: map[string]schema.Attribute{"id": schema.StringAttribute{Computed: true}}}
	}
	resp = resource.SchemaResponse{}
	r.Schema(ctx, resource.SchemaRequest{}, &resp)
	if summaries(resp.Diagnostics) != "Error: Resource Model Does Not Match Its Schema" ||
		!strings.Contains(resp.Diagnostics[0].Detail(), "(tfsdk name) has no schema attribute") {
		t.Fatalf("a model with an attribute the schema lacks: %v", resp.Diagnostics)
	}
}

type pairIdentity struct {
	Agent types.Int64  `tfsdk:"agent_id" description:"Agent."`
	Queue types.String `tfsdk:"queue_id" description:"Queue."`
}

type writtenIdentity struct {
	ID types.String `tfsdk:"id" description:"ID."`
}

func (writtenIdentity) ImportID() string { return "written" }

// TestImportIDOf: an identity is written as an import ID field by field, so that
// an import by identity reaches the same parser as one by ID.
func TestImportIDOf(t *testing.T) {
	for _, tc := range []struct {
		id   Identity
		want string
	}{
		{modelIdentity{ID: types.StringValue("42")}, "42"},
		{pairIdentity{Agent: types.Int64Value(1001), Queue: types.StringValue("q")}, "1001/q"},
		{pairIdentity{Agent: types.Int64Null(), Queue: types.StringValue("q")}, "/q"},
		{writtenIdentity{ID: types.StringValue("42")}, "written"},
	} {
		if got := importIDOf(tc.id); got != tc.want {
			t.Errorf("importIDOf(%+v) = %q, want %q", tc.id, got, tc.want)
		}
	}
}

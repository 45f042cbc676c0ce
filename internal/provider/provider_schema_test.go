package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	actiontimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	datasourceschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	resourceschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/acctest"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

// TestProviderSchemas checks the provider schema and every resource and data source
// that the provider's Resources and DataSources return: each schema is valid, each
// attribute and block, nested ones included, has a MarkdownDescription (the
// documentation is generated from them), and each type embeds a base of
// internal/framework whose model matches its schema field for field. No list of
// types is kept by hand: a type registered in the provider is checked.
func TestProviderSchemas(t *testing.T) {
	for _, problem := range providerProblems(context.Background(), New("test")()) {
		t.Error(problem)
	}
}

// TestProviderSchemas_checksEveryRegisteredType shows that the checks above reach a
// type that is on no list but the provider's own: a resource and a data source
// added to the provider's lists, each with an undescribed attribute and a model
// that does not match its schema, and a resource without a framework base.
func TestProviderSchemas_checksEveryRegisteredType(t *testing.T) {
	p := &providerWithExtras{
		Provider:    New("test")(),
		resources:   []func() resource.Resource{newUnlistedResource, newBaselessResource},
		dataSources: []func() datasource.DataSource{newUnlistedDataSource},
	}
	acctest.Mentioned(t, providerProblems(context.Background(), p),
		"resource cxone_unlisted: note has no MarkdownDescription",
		"resource cxone_unlisted: schema attribute note has no model field in unlistedModel",
		"resource cxone_baseless: does not embed framework.Resource",
		"data source cxone_unlisted: note has no MarkdownDescription",
		"data source cxone_unlisted: schema attribute note has no model field in unlistedModel",
	)
}

// TestProviderTypes_haveExamples checks that every registered resource, data
// source, ephemeral resource and action has an example folder (tfplugindocs takes its page's example from it)
// and that every example folder is a registered type, so that a type dropped from
// the provider's lists by mistake fails here.
func TestProviderTypes_haveExamples(t *testing.T) {
	registered := map[typeKind][]string{}
	for _, rt := range providerTypes(context.Background(), New("test")()) {
		registered[rt.kind] = append(registered[rt.kind], rt.name)
	}
	for _, kind := range typeKinds {
		entries, err := os.ReadDir(filepath.Join("..", "..", "examples", kind.examples))
		if err != nil {
			t.Fatal(err)
		}
		var examples []string
		for _, e := range entries {
			if e.IsDir() {
				examples = append(examples, e.Name())
			}
		}
		names := registered[kind]
		slices.Sort(names)
		if !slices.Equal(examples, names) {
			t.Errorf("examples/%s has folders %v; the provider registers %v", kind.examples, examples, names)
		}
	}
}

// providerProblems runs the checks of TestProviderSchemas on p.
func providerProblems(ctx context.Context, p provider.Provider) []string {
	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)
	var ps provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &ps)
	problems := diagProblems("provider "+meta.TypeName, ps.Diagnostics)
	problems = append(problems, prefixed("provider "+meta.TypeName, undescribed("", reflect.ValueOf(ps.Schema)))...)

	for _, rt := range providerTypes(ctx, p) {
		label := rt.kind.label + " " + rt.name
		problems = append(problems, diagProblems(label, rt.diags)...)
		problems = append(problems, prefixed(label, undescribed("", reflect.ValueOf(rt.schema)))...)
		problems = append(problems, prefixed(label, modelProblems(rt.value, rt.kind.base, rt.schema))...)
	}
	return problems
}

// modelProblems checks that v embeds a framework base (named base, for the
// message) and that the base's model matches schema s.
func modelProblems(v any, base string, s any) []string {
	withModel, ok := v.(framework.WithModel)
	if !ok {
		return []string{"does not embed " + base}
	}
	return framework.ModelProblems(s, withModel.Model())
}

// typeKind is one kind of type a provider registers: its name in messages, its
// folder under examples, and the framework base each type of the kind embeds.
type typeKind struct{ label, examples, base string }

// typeKinds are the kinds a provider registers, in the order they are checked.
var typeKinds = []typeKind{
	{"resource", "resources", "framework.Resource"},
	{"data source", "data-sources", "framework.DataSourceWithModel"},
	{"ephemeral resource", "ephemeral-resources", "framework.EphemeralResourceWithModel"},
	{"action", "actions", "framework.ActionWithModel"},
}

// registeredType is one type a provider registers: its name, a new value of it,
// its schema, and the error diagnostics of building and validating that schema.
type registeredType struct {
	kind   typeKind
	name   string
	value  any
	schema any
	diags  diag.Diagnostics
}

// providerTypes lists the types p registers, kind by kind in the order of typeKinds.
func providerTypes(ctx context.Context, p provider.Provider) []registeredType {
	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)
	values := [][]any{instances(p.Resources(ctx)), instances(p.DataSources(ctx)), nil, nil}
	if ep, ok := p.(provider.ProviderWithEphemeralResources); ok {
		values[2] = instances(ep.EphemeralResources(ctx))
	}
	if ap, ok := p.(provider.ProviderWithActions); ok {
		values[3] = instances(ap.Actions(ctx))
	}
	var out []registeredType
	for i, kind := range typeKinds {
		for _, v := range values[i] {
			out = append(out, describeType(ctx, kind, v, meta.TypeName))
		}
	}
	return out
}

// instances calls each of news.
func instances[T any](news []func() T) []any {
	out := make([]any, len(news))
	for i, newT := range news {
		out[i] = newT()
	}
	return out
}

// describeType calls v's Metadata and Schema methods and validates the schema.
// Each kind of type has request and response types of its own, with the same
// field names (ProviderTypeName, TypeName, Schema, Diagnostics), so they are
// reached by reflection, like the schema nodes in undescribed.
func describeType(ctx context.Context, kind typeKind, v any, providerTypeName string) registeredType {
	call := func(method string, request func(req reflect.Value)) reflect.Value {
		m := reflect.ValueOf(v).MethodByName(method)
		req := reflect.New(m.Type().In(1)).Elem()
		request(req)
		resp := reflect.New(m.Type().In(2).Elem())
		m.Call([]reflect.Value{reflect.ValueOf(ctx), req, resp})
		return resp.Elem()
	}
	meta := call("Metadata", func(req reflect.Value) { req.FieldByName("ProviderTypeName").SetString(providerTypeName) })
	s := call("Schema", func(reflect.Value) {})
	schema := s.FieldByName("Schema").Interface()
	diags, _ := s.FieldByName("Diagnostics").Interface().(diag.Diagnostics)
	if validator, ok := schema.(interface {
		ValidateImplementation(context.Context) diag.Diagnostics
	}); ok {
		diags = append(diags, validator.ValidateImplementation(ctx)...)
	} else {
		diags.AddError("Schema without ValidateImplementation", fmt.Sprintf("%T has no ValidateImplementation method", schema))
	}
	return registeredType{kind: kind, name: meta.FieldByName("TypeName").String(), value: v, schema: schema, diags: diags}
}

func diagProblems(label string, diags diag.Diagnostics) []string {
	var out []string
	for _, d := range diags.Errors() {
		out = append(out, fmt.Sprintf("%s: %s: %s", label, d.Summary(), d.Detail()))
	}
	return out
}

func prefixed(label string, problems []string) []string {
	out := make([]string, len(problems))
	for i, p := range problems {
		out[i] = label + ": " + p
	}
	return out
}

// providerWithExtras is a provider whose lists hold its own types and some more.
type providerWithExtras struct {
	provider.Provider
	resources   []func() resource.Resource
	dataSources []func() datasource.DataSource
}

func (p *providerWithExtras) Resources(ctx context.Context) []func() resource.Resource {
	return append(p.Provider.Resources(ctx), p.resources...)
}

func (p *providerWithExtras) DataSources(ctx context.Context) []func() datasource.DataSource {
	return append(p.Provider.DataSources(ctx), p.dataSources...)
}

// unlistedModel lacks the schemas' note attribute.
type unlistedModel struct {
	ID types.String `tfsdk:"id"`
}

type unlistedIdentity struct {
	ID types.String `tfsdk:"id" description:"ID."`
}

func (m unlistedModel) Identity() framework.Identity { return unlistedIdentity(m) }

// unlistedResource is registered only through providerWithExtras; its life cycle
// is never called.
type unlistedResource struct {
	framework.Resource[unlistedModel]
}

func newUnlistedResource() resource.Resource { return &unlistedResource{} }

func (*unlistedResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_unlisted"
}

func (*unlistedResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = resourceschema.Schema{MarkdownDescription: "Unlisted.", Attributes: map[string]resourceschema.Attribute{
		"id":   resourceschema.StringAttribute{MarkdownDescription: "ID.", Computed: true},
		"note": resourceschema.StringAttribute{Optional: true},
	}}
}

// baselessResource embeds no framework base: it has no model to check.
type baselessResource struct{}

func newBaselessResource() resource.Resource { return baselessResource{} }

func (baselessResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_baseless"
}

func (baselessResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = resourceschema.Schema{MarkdownDescription: "Baseless.", Attributes: map[string]resourceschema.Attribute{
		"id": resourceschema.StringAttribute{MarkdownDescription: "ID.", Computed: true},
	}}
}

func (baselessResource) Create(context.Context, resource.CreateRequest, *resource.CreateResponse) {}
func (baselessResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse)       {}
func (baselessResource) Update(context.Context, resource.UpdateRequest, *resource.UpdateResponse) {}
func (baselessResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// unlistedDataSource is registered only through providerWithExtras.
type unlistedDataSource struct {
	framework.DataSourceWithModel[unlistedModel]
}

func newUnlistedDataSource() datasource.DataSource { return &unlistedDataSource{} }

func (*unlistedDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_unlisted"
}

func (*unlistedDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = datasourceschema.Schema{MarkdownDescription: "Unlisted.", Attributes: map[string]datasourceschema.Attribute{
		"id":   datasourceschema.StringAttribute{MarkdownDescription: "ID.", Computed: true},
		"note": datasourceschema.StringAttribute{Optional: true},
	}}
}

func (*unlistedDataSource) Read(context.Context, datasource.ReadRequest, *datasource.ReadResponse) {}

// undescribed lists the attributes and blocks of a schema, or of a nested attribute
// or block object, that have no MarkdownDescription, recursing into nested ones;
// prefix is the path of that level, for messages. Like schemaNodeOf, it reaches
// GetAttributes, GetBlocks and GetNestedObject by reflection, because their result
// types live in an internal framework package.
//
// The timeouts block of terraform-plugin-framework-timeouts is skipped: that library
// builds it and sets only plain Description on its attributes, so no provider code
// can give it a MarkdownDescription.
func undescribed(prefix string, v reflect.Value) []string {
	var problems []string
	for _, method := range []string{"GetAttributes", "GetBlocks"} {
		m := v.MethodByName(method)
		if !m.IsValid() {
			continue
		}
		elems := m.Call(nil)[0]
		for _, key := range elems.MapKeys() {
			name, elem := prefix+key.String(), elems.MapIndex(key)
			if b, ok := elem.Interface().(interface{ Type() attr.Type }); ok {
				switch b.Type().(type) {
				case timeouts.Type, actiontimeouts.Type:
					continue
				}
			}
			if d, ok := elem.Interface().(interface{ GetMarkdownDescription() string }); !ok || d.GetMarkdownDescription() == "" {
				problems = append(problems, name+" has no MarkdownDescription")
			}
			if get := elem.MethodByName("GetNestedObject"); get.IsValid() {
				problems = append(problems, undescribed(name+".", get.Call(nil)[0])...)
			}
		}
	}
	slices.Sort(problems)
	return problems
}

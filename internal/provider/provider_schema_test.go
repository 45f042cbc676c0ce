package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	actiontimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	datasourceschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	resourceschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

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
	checkMentioned(t, providerProblems(context.Background(), p),
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
	ctx := context.Background()
	p := New("test")()
	resources, dataSources := registeredTypes(ctx, p)
	var ephemerals []string
	if ep, ok := p.(provider.ProviderWithEphemeralResources); ok {
		for _, newEphemeral := range ep.EphemeralResources(ctx) {
			var m ephemeral.MetadataResponse
			newEphemeral().Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: "cxone"}, &m)
			ephemerals = append(ephemerals, m.TypeName)
		}
	}
	var actions []string
	if ap, ok := p.(provider.ProviderWithActions); ok {
		for _, newAction := range ap.Actions(ctx) {
			var m action.MetadataResponse
			newAction().Metadata(ctx, action.MetadataRequest{ProviderTypeName: "cxone"}, &m)
			actions = append(actions, m.TypeName)
		}
	}
	for kind, registered := range map[string][]string{"resources": resources, "data-sources": dataSources,
		"ephemeral-resources": ephemerals, "actions": actions} {
		entries, err := os.ReadDir(filepath.Join("..", "..", "examples", kind))
		if err != nil {
			t.Fatal(err)
		}
		var examples []string
		for _, e := range entries {
			if e.IsDir() {
				examples = append(examples, e.Name())
			}
		}
		slices.Sort(registered)
		if !slices.Equal(examples, registered) {
			t.Errorf("examples/%s has folders %v; the provider registers %v", kind, examples, registered)
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

	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var m resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &m)
		var s resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &s)
		label := "resource " + m.TypeName
		problems = append(problems, diagProblems(label, s.Diagnostics)...)
		problems = append(problems, diagProblems(label, s.Schema.ValidateImplementation(ctx))...)
		problems = append(problems, prefixed(label, undescribed("", reflect.ValueOf(s.Schema)))...)
		problems = append(problems, prefixed(label, modelProblems(r, "framework.Resource", s.Schema))...)
	}
	for _, newDataSource := range p.DataSources(ctx) {
		d := newDataSource()
		var m datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: meta.TypeName}, &m)
		var s datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &s)
		label := "data source " + m.TypeName
		problems = append(problems, diagProblems(label, s.Diagnostics)...)
		problems = append(problems, diagProblems(label, s.Schema.ValidateImplementation(ctx))...)
		problems = append(problems, prefixed(label, undescribed("", reflect.ValueOf(s.Schema)))...)
		problems = append(problems, prefixed(label, modelProblems(d, "framework.DataSourceWithModel", s.Schema))...)
	}
	if ep, ok := p.(provider.ProviderWithEphemeralResources); ok {
		for _, newEphemeral := range ep.EphemeralResources(ctx) {
			e := newEphemeral()
			var m ephemeral.MetadataResponse
			e.Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: meta.TypeName}, &m)
			var s ephemeral.SchemaResponse
			e.Schema(ctx, ephemeral.SchemaRequest{}, &s)
			label := "ephemeral resource " + m.TypeName
			problems = append(problems, diagProblems(label, s.Diagnostics)...)
			problems = append(problems, diagProblems(label, s.Schema.ValidateImplementation(ctx))...)
			problems = append(problems, prefixed(label, undescribed("", reflect.ValueOf(s.Schema)))...)
			problems = append(problems, prefixed(label, modelProblems(e, "framework.EphemeralResourceWithModel", s.Schema))...)
		}
	}
	if ap, ok := p.(provider.ProviderWithActions); ok {
		for _, newAction := range ap.Actions(ctx) {
			a := newAction()
			var m action.MetadataResponse
			a.Metadata(ctx, action.MetadataRequest{ProviderTypeName: meta.TypeName}, &m)
			var s action.SchemaResponse
			a.Schema(ctx, action.SchemaRequest{}, &s)
			label := "action " + m.TypeName
			problems = append(problems, diagProblems(label, s.Diagnostics)...)
			problems = append(problems, diagProblems(label, s.Schema.ValidateImplementation(ctx))...)
			problems = append(problems, prefixed(label, undescribed("", reflect.ValueOf(s.Schema)))...)
			problems = append(problems, prefixed(label, modelProblems(a, "framework.ActionWithModel", s.Schema))...)
		}
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

// registeredTypes lists the type names of p's resources and data sources.
func registeredTypes(ctx context.Context, p provider.Provider) (resources, dataSources []string) {
	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)
	for _, newResource := range p.Resources(ctx) {
		var m resource.MetadataResponse
		newResource().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &m)
		resources = append(resources, m.TypeName)
	}
	for _, newDataSource := range p.DataSources(ctx) {
		var m datasource.MetadataResponse
		newDataSource().Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: meta.TypeName}, &m)
		dataSources = append(dataSources, m.TypeName)
	}
	return resources, dataSources
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

// checkMentioned fails t unless each of wants is part of one of problems.
func checkMentioned(t *testing.T, problems []string, wants ...string) {
	t.Helper()
	joined := strings.Join(problems, "\n")
	for _, want := range wants {
		if !strings.Contains(joined, want) {
			t.Errorf("the problems found do not mention %q; they are:\n%s", want, joined)
		}
	}
}

package provider

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// TestProviderSchemas_everyAttributeDescribed checks, for the provider schema and
// every resource and data source the provider registers, that each attribute and
// block, nested ones included, has a MarkdownDescription, which the documentation
// is generated from. It also pins the set of registered type names.
func TestProviderSchemas_everyAttributeDescribed(t *testing.T) {
	ctx := context.Background()
	p := New("test")()

	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)
	var ps provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &ps)
	if ps.Diagnostics.HasError() {
		t.Fatalf("provider schema: %v", ps.Diagnostics)
	}
	for _, problem := range undescribed("", reflect.ValueOf(ps.Schema)) {
		t.Errorf("provider %s: %s", meta.TypeName, problem)
	}

	var resources []string
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var m resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &m)
		resources = append(resources, m.TypeName)
		var s resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &s)
		if s.Diagnostics.HasError() {
			t.Errorf("resource %s schema: %v", m.TypeName, s.Diagnostics)
			continue
		}
		for _, problem := range undescribed("", reflect.ValueOf(s.Schema)) {
			t.Errorf("resource %s: %s", m.TypeName, problem)
		}
	}

	var dataSources []string
	for _, newDataSource := range p.DataSources(ctx) {
		d := newDataSource()
		var m datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: meta.TypeName}, &m)
		dataSources = append(dataSources, m.TypeName)
		var s datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &s)
		if s.Diagnostics.HasError() {
			t.Errorf("data source %s schema: %v", m.TypeName, s.Diagnostics)
			continue
		}
		for _, problem := range undescribed("", reflect.ValueOf(s.Schema)) {
			t.Errorf("data source %s: %s", m.TypeName, problem)
		}
	}

	wantResources := []string{
		"cxone_byoc_integration", "cxone_digital_channel", "cxone_digital_skill",
		"cxone_digital_user_permissions", "cxone_routing_queue_binding", "cxone_skill_assignment",
	}
	wantDataSources := []string{"cxone_byoc_integration", "cxone_digital_skill", "cxone_routing_queue", "cxone_user"}
	slices.Sort(resources)
	slices.Sort(dataSources)
	if !slices.Equal(resources, wantResources) {
		t.Errorf("registered resources:\n got %v\nwant %v", resources, wantResources)
	}
	if !slices.Equal(dataSources, wantDataSources) {
		t.Errorf("registered data sources:\n got %v\nwant %v", dataSources, wantDataSources)
	}
}

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
				if _, ok := b.Type().(timeouts.Type); ok {
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

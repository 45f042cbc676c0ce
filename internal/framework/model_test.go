package framework

import (
	"reflect"
	"strings"
	"testing"

	datasourceschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	resourceschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/acctest"
)

// TestModelProblems makes sure the parity check itself can fail: it must
// report a missing field, an extra field, a wrong value type and a nested mismatch.
func TestModelProblems(t *testing.T) {
	s := resourceschema.Schema{
		Attributes: map[string]resourceschema.Attribute{
			"id":    resourceschema.StringAttribute{Computed: true},
			"count": resourceschema.Int64Attribute{Optional: true},
			"only":  resourceschema.BoolAttribute{Optional: true},
		},
		Blocks: map[string]resourceschema.Block{
			"item": resourceschema.ListNestedBlock{NestedObject: resourceschema.NestedBlockObject{
				Attributes: map[string]resourceschema.Attribute{"key": resourceschema.StringAttribute{Required: true}},
			}},
		},
	}
	type itemModel struct {
		Key   types.String `tfsdk:"key"`
		Extra types.String `tfsdk:"extra"`
	}
	type badModel struct {
		ID    types.String `tfsdk:"id"`
		Count types.String `tfsdk:"count"` // wrong type: the schema says Int64
		Item  []itemModel  `tfsdk:"item"`
		Stray types.String `tfsdk:"stray"`
		note  string       //nolint:unused // unexported fields are ignored by the framework and by the check
	}
	problems := schemaModelProblems("", schemaNodeOf(reflect.ValueOf(s)), reflect.TypeOf(badModel{}))
	acctest.Mentioned(t, problems,
		"schema attribute only has no model field",
		"field Count for count is basetypes.StringValue, schema wants basetypes.Int64Value",
		"(tfsdk item.extra) has no schema attribute",
		"(tfsdk stray) has no schema attribute",
	)
	if len(problems) != 4 {
		t.Errorf("want exactly 4 problems, got %d:\n%s", len(problems), strings.Join(problems, "\n"))
	}

	ds := datasourceschema.Schema{Attributes: map[string]datasourceschema.Attribute{
		"name": datasourceschema.StringAttribute{Required: true},
	}}
	type goodModel struct {
		Name types.String `tfsdk:"name"`
	}
	if problems := ModelProblems(ds, &goodModel{}); len(problems) != 0 {
		t.Errorf("a matching data source model: %v", problems)
	}
	if problems := ModelProblems(ds, "not a model"); len(problems) != 1 {
		t.Errorf("a string for a model: %v", problems)
	}
}

// TestModelProblems_embedded checks that a struct embedded without a tag counts with
// its fields, as the framework promotes them, and that they are checked too.
func TestModelProblems_embedded(t *testing.T) {
	ds := datasourceschema.Schema{Attributes: map[string]datasourceschema.Attribute{
		"id":        datasourceschema.StringAttribute{Computed: true},
		"name":      datasourceschema.StringAttribute{Optional: true},
		"is_active": datasourceschema.BoolAttribute{Computed: true},
	}}
	type base struct {
		ID   types.String `tfsdk:"id"`
		Name types.Int64  `tfsdk:"name"` // wrong type: the schema says String
	}
	type withBase struct {
		base
		IsActive types.Bool `tfsdk:"is_active"`
	}
	problems := ModelProblems(ds, withBase{})
	acctest.Mentioned(t, problems, "field Name for name is basetypes.Int64Value, schema wants basetypes.StringValue")
	if len(problems) != 1 {
		t.Errorf("want exactly 1 problem, got %d:\n%s", len(problems), strings.Join(problems, "\n"))
	}
	type withoutActive struct{ base }
	acctest.Mentioned(t, ModelProblems(ds, withoutActive{}), "schema attribute is_active has no model field")
}

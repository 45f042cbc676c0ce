package framework

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestStringAttribute_andWithAttribute(t *testing.T) {
	type model struct {
		ID    types.String `tfsdk:"id"`
		Name  types.String `tfsdk:"name"`
		Count types.Int64  `tfsdk:"count"`
	}
	m := WithAttribute(model{Name: types.StringValue("Sales")}, "id", types.StringValue("12"))
	if got := StringAttribute(m, "id").ValueString(); got != "12" {
		t.Errorf("id = %q, want 12", got)
	}
	if got := StringAttribute(m, "name").ValueString(); got != "Sales" {
		t.Errorf("name = %q, want Sales", got)
	}
	if !StringAttribute(m, "count").IsNull() || !StringAttribute(m, "missing").IsNull() || !StringAttribute(3, "id").IsNull() {
		t.Error("want null for an attribute that is not a String, or missing, or a model that is not a struct")
	}
	if got := WithAttribute(m, "count", types.StringValue("x")); !got.Count.IsNull() {
		t.Errorf("set a String into an Int64 field: %+v", got)
	}
	if got := WithAttribute(m, "missing", types.StringValue("x")); got != m {
		t.Errorf("changed the model for a missing attribute: %+v", got)
	}
}

// TestStringAttribute_embedded: the attributes of a struct embedded without a tag are
// the model's, as the framework counts them.
func TestStringAttribute_embedded(t *testing.T) {
	type base struct {
		ID types.String `tfsdk:"id"`
	}
	type model struct {
		base
		On types.Bool `tfsdk:"on"`
	}
	m := WithAttribute(model{}, "id", types.StringValue("12"))
	if got := StringAttribute(m, "id").ValueString(); got != "12" || m.ID.ValueString() != "12" {
		t.Errorf("id = %q (field %q), want 12", got, m.ID.ValueString())
	}
}

package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TestFromResource checks the mapping of a look-up's model from its resource's: the
// attributes of the same name and type are copied, the others are left for more.
func TestFromResource(t *testing.T) {
	type object struct {
		Name  string
		Count int64
		On    bool
	}
	type resourceModel struct {
		Name   types.String `tfsdk:"name"`
		Count  types.String `tfsdk:"count"` // another type than the look-up's: not copied
		Secret types.String `tfsdk:"secret"`
		Hidden types.String `tfsdk:"-"`
	}
	type lookUpModel struct {
		Name   types.String `tfsdk:"name"`
		Count  types.Int64  `tfsdk:"count"`
		On     types.Bool   `tfsdk:"on"`
		Hidden types.String `tfsdk:"hidden"`
	}
	flatten := func(o *object, m *resourceModel) {
		m.Name, m.Count = types.StringValue(o.Name), types.StringValue("n")
		m.Secret, m.Hidden = types.StringValue("s"), types.StringValue("h")
	}
	mapped := fromResource(flatten, func(o *object, m *lookUpModel) { m.On = types.BoolValue(o.On) })

	m := lookUpModel{Count: types.Int64Value(9), Hidden: types.StringValue("old")}
	mapped(&object{Name: "Jungle", Count: 3, On: true}, &m)
	want := lookUpModel{Name: types.StringValue("Jungle"), On: types.BoolValue(true)}
	if m != want {
		t.Fatalf("got %+v, want %+v (fields neither copied nor set are null, as in a new model)", m, want)
	}
	fromResource[object, resourceModel, lookUpModel](flatten, nil)(&object{Name: "x"}, &m)
	if !m.On.IsNull() || m.Name.ValueString() != "x" {
		t.Fatalf("without more: got %+v", m)
	}
}

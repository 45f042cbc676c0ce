package provider

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// attributeModelParity fails t unless the schema's attribute names and the model's
// tfsdk tags are the same set, and each field has the schema attribute's value type.
// It covers flat schemas (no blocks or nested attributes), which is all these have.
func attributeModelParity[A interface{ GetType() attr.Type }](t *testing.T, attrs map[string]A, model any) {
	t.Helper()
	mt := reflect.TypeOf(model)
	fields := map[string]reflect.Type{}
	for i := range mt.NumField() {
		fields[strings.Split(mt.Field(i).Tag.Get("tfsdk"), ",")[0]] = mt.Field(i).Type
	}
	for name, a := range attrs {
		ft, ok := fields[name]
		if !ok {
			t.Errorf("%s: schema attribute %q has no model field", mt.Name(), name)
			continue
		}
		if want := reflect.TypeOf(a.GetType().ValueType(context.Background())); ft != want {
			t.Errorf("%s: field for %q is %s, schema wants %s", mt.Name(), name, ft, want)
		}
	}
	for name := range fields {
		if _, ok := attrs[name]; !ok {
			t.Errorf("%s: model field tagged %q has no schema attribute", mt.Name(), name)
		}
	}
}

// attributesDescribed fails t for every attribute without a MarkdownDescription.
func attributesDescribed[A interface{ GetMarkdownDescription() string }](t *testing.T, typeName string, attrs map[string]A) {
	t.Helper()
	for name, a := range attrs {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("%s.%s has no description", typeName, name)
		}
	}
}

func TestDigitalUserPermissionsSchema(t *testing.T) {
	s := digitalUserPermissionsSchema()
	attributeModelParity(t, s.Attributes, digitalUserPermissionsModel{})
	attributesDescribed(t, "cxone_digital_user_permissions", s.Attributes)
}

func TestExpandDigitalUserPermissions(t *testing.T) {
	plan := digitalUserPermissionsModel{
		AgentID:                  types.Int64Value(1001),
		DigitalEngagementEnabled: types.BoolValue(true),
		// The plan carries last known values of settings the configuration leaves out.
		DigitalThreshold:        types.Int64Value(3),
		UseTeamDigitalThreshold: types.BoolValue(true),
		DigitalRefusalTimeout:   types.Int64Unknown(),
	}
	config := digitalUserPermissionsModel{
		AgentID:                  types.Int64Value(1001),
		DigitalEngagementEnabled: types.BoolNull(),
		DigitalThreshold:         types.Int64Null(),
		UseTeamDigitalThreshold:  types.BoolValue(false),
		DigitalRefusalTimeout:    types.Int64Value(45),
	}
	got := expandDigitalUserPermissions(plan, config)
	want := cxone.AgentDigitalSettings{AgentID: 1001, DigitalEngagementEnabled: new(true),
		UseTeamDigitalThreshold: new(false), DigitalRefusalTimeout: new(45)}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("expand = %s, want %s", settingsString(got), settingsString(want))
	}
}

func settingsString(s cxone.AgentDigitalSettings) string {
	return fmt.Sprintf("{agent %d, engagement %s, threshold %s, team %s, refusal %s}", s.AgentID,
		deref(s.DigitalEngagementEnabled), deref(s.DigitalThreshold), deref(s.UseTeamDigitalThreshold), deref(s.DigitalRefusalTimeout))
}

func deref[T any](p *T) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

func TestApplyAndFlattenDigitalSettings(t *testing.T) {
	before := cxone.Agent{AgentID: 1002, UserName: "baloo", EmailAddress: "baloo@thejungle.example",
		DigitalThreshold: 1, UseTeamDigitalThreshold: true, DigitalRefusalTimeout: 30}
	after := applyDigitalSettings(before, cxone.AgentDigitalSettings{AgentID: 1002, DigitalEngagementEnabled: new(true), DigitalThreshold: new(4)})
	var m digitalUserPermissionsModel
	flattenDigitalUserPermissions(after, &m)
	want := digitalUserPermissionsModel{
		ID: types.StringValue("1002"), AgentID: types.Int64Value(1002),
		DigitalEngagementEnabled: types.BoolValue(true), DigitalThreshold: types.Int64Value(4),
		UseTeamDigitalThreshold: types.BoolValue(true), DigitalRefusalTimeout: types.Int64Value(30),
		UserName: types.StringValue("baloo"), EmailAddress: types.StringValue("baloo@thejungle.example"),
	}
	if m != want {
		t.Fatalf("flatten = %+v, want %+v", m, want)
	}
	if before.DigitalEngagementEnabled || before.DigitalThreshold != 1 {
		t.Fatal("applyDigitalSettings changed its input")
	}
}

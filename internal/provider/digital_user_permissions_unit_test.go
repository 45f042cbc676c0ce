package provider

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

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

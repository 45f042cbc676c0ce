package provider

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

func TestExpandFlattenSkillAssignment(t *testing.T) {
	m := skillAssignmentModel{AgentID: types.Int64Value(1001), SkillID: types.Int64Value(4000001),
		Proficiency: types.NumberValue(big.NewFloat(5)), IsActive: types.BoolValue(false)}
	if got, want := expandSkillAssignment(m), (cxone.SkillAssignmentInput{SkillID: 4000001, Proficiency: 5, IsActive: false}); got != want {
		t.Fatalf("expand = %+v, want %+v", got, want)
	}
	var out skillAssignmentModel
	flattenSkillAssignment(&cxone.SkillAssignment{AgentID: 1001, SkillID: 4000001, SkillName: "The Watering Hole", Proficiency: 5, IsActive: true}, &out)
	want := skillAssignmentModel{ID: types.StringValue("1001/4000001"), AgentID: types.Int64Value(1001),
		SkillID: types.Int64Value(4000001), Proficiency: types.NumberValue(big.NewFloat(5)), IsActive: types.BoolValue(true),
		SkillName: types.StringValue("The Watering Hole")}
	if !out.Proficiency.Equal(want.Proficiency) {
		t.Fatalf("flatten proficiency = %v, want %v", out.Proficiency, want.Proficiency)
	}
	out.Proficiency, want.Proficiency = types.Number{}, types.Number{}
	if out != want {
		t.Fatalf("flatten = %+v, want %+v", out, want)
	}
}

func TestParseAssignmentID(t *testing.T) {
	a, s, err := parseAssignmentID("1001/4000001")
	if err != nil || a != 1001 || s != 4000001 {
		t.Fatalf("parseAssignmentID = %d, %d, %v", a, s, err)
	}
	for _, bad := range []string{"", "1001", "1001/", "/4000001", "1001/4000001/1", "mowgli/4000001", "1001/0", "-1/4000001"} {
		if _, _, err := parseAssignmentID(bad); err == nil {
			t.Errorf("parseAssignmentID(%q) succeeded", bad)
		} else if !strings.Contains(err.Error(), "agent_id") && !strings.Contains(err.Error(), "skill_id") {
			t.Errorf("parseAssignmentID(%q) error %q does not name the expected form", bad, err)
		}
	}
}

// TestWholeNumberBetween: 1.5 and out-of-range values get an attribute error that names
// the attribute and the range, not the framework's conversion error.
func TestWholeNumberBetween(t *testing.T) {
	v := wholeNumberBetween{1, 20}
	for _, tc := range []struct {
		in   float64
		want bool
	}{{1, true}, {20, true}, {7, true}, {1.5, false}, {0, false}, {21, false}, {-3, false}} {
		resp := &validator.NumberResponse{}
		v.ValidateNumber(context.Background(), validator.NumberRequest{Path: path.Root("proficiency"),
			ConfigValue: types.NumberValue(big.NewFloat(tc.in))}, resp)
		if ok := !resp.Diagnostics.HasError(); ok != tc.want {
			t.Errorf("%v: accepted = %t, want %t", tc.in, ok, tc.want)
		}
		if !tc.want && !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "proficiency must be a whole number from 1 to 20") {
			t.Errorf("%v: %v", tc.in, resp.Diagnostics)
		}
	}
}

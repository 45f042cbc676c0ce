package provider

import (
	"context"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// TestReadGoneSetsIdentity reads an assignment that no longer exists from a state
// written before identities existed (no prior identity): the framework wants an
// identity from every Read, so the one removing the resource must set it too.
func TestReadGoneSetsIdentity(t *testing.T) {
	ctx := context.Background()
	m := testAccMock(t)
	r, ok := NewSkillAssignmentResource().(*skillAssignmentResource)
	if !ok {
		t.Fatal("NewSkillAssignmentResource does not build a *skillAssignmentResource")
	}
	r.Client = readcache.New(testAccClient(t, m))
	skillID := testAccCreateSkill(t, m, "The Watering Hole")

	var schemaResp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schemaResp)
	var idResp resource.IdentitySchemaResponse
	r.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &idResp)

	state := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)}
	prior := skillAssignmentModel{
		ID: types.StringValue(assignmentKey(mowgliAgentID, skillID)), AgentID: types.Int64Value(mowgliAgentID),
		SkillID: types.Int64Value(skillID), Proficiency: types.NumberValue(big.NewFloat(1)), IsActive: types.BoolValue(true),
		SkillName: types.StringValue("The Watering Hole"),
	}
	if d := state.Set(ctx, &prior); d.HasError() {
		t.Fatal(d)
	}
	nullIdentity := tftypes.NewValue(idResp.IdentitySchema.Type().TerraformType(ctx), nil)
	req := resource.ReadRequest{State: state, Identity: &tfsdk.ResourceIdentity{Schema: idResp.IdentitySchema, Raw: nullIdentity}}
	resp := resource.ReadResponse{State: state, Identity: &tfsdk.ResourceIdentity{Schema: idResp.IdentitySchema, Raw: nullIdentity.Copy()}}
	r.Read(ctx, req, &resp)

	if resp.Diagnostics.HasError() {
		t.Fatalf("read: %v", resp.Diagnostics)
	}
	if !resp.State.Raw.IsNull() {
		t.Fatal("the assignment that does not exist was not removed from the state")
	}
	var got struct {
		AgentID types.Int64 `tfsdk:"agent_id"`
		SkillID types.Int64 `tfsdk:"skill_id"`
	}
	if d := resp.Identity.Get(ctx, &got); d.HasError() {
		t.Fatal(d)
	}
	if got.AgentID.ValueInt64() != mowgliAgentID || got.SkillID.ValueInt64() != skillID {
		t.Fatalf("identity after the read = %+v, want agent %d, skill %d", got, mowgliAgentID, skillID)
	}
}

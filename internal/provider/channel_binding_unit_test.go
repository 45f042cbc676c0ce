package provider

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

func TestExpandFlattenChannel(t *testing.T) {
	m := digitalChannelModel{
		IntegrationID: types.StringValue("int-1"), ExternalID: types.StringValue("ext-1"),
		Name: types.StringValue("Posts"), ExternalPlatform: types.StringValue("custom"),
		IsPrivate: types.BoolValue(true), HasTreeStructure: types.BoolValue(true), HasReply: types.BoolValue(false),
		ContentFormat: types.StringValue("html"), CanSendFiles: types.BoolValue(true),
		HasOutboundFlow: types.BoolValue(true), StudioScript: types.StringValue("Script.xml"),
		IsLiveChat: types.BoolValue(true), HasMultipleThreadsPerEndUser: types.BoolValue(true),
		CanReplyToAnyMessage: types.BoolValue(true), TranslationGroup: types.StringNull(),
	}
	ch := expandChannel(m, "id-1")
	if ch.ID != "id-1" || ch.IDOnExternalPlatform != "ext-1" || ch.ChannelIntegrationID != "int-1" ||
		ch.RealExternalPlatformID != "custom" || ch.Name != "Posts" || !ch.IsPrivate || !ch.HasTreeStructure ||
		ch.ContentFormat != "html" || ch.StudioScript != "Script.xml" || ch.TranslationGroup != "" {
		t.Fatalf("expandChannel = %+v", ch)
	}
	for name, p := range map[string]*bool{"hasReply": ch.HasReply, "hasAbilityToSendFiles": ch.HasAbilityToSendFiles,
		"hasOutboundFlow": ch.HasOutboundFlow, "isLiveChat": ch.IsLiveChat,
		"hasMultipleThreadsPerEndUser": ch.HasMultipleThreadsPerEndUser, "canReplyToAnyMessage": ch.CanReplyToAnyMessage} {
		if p == nil {
			t.Errorf("%s is not sent", name)
		}
	}
	if *ch.HasReply {
		t.Errorf("hasReply = true, want false")
	}

	var back digitalChannelModel
	flattenChannel(&ch, &back)
	m.ID = types.StringValue("id-1")
	if !reflect.DeepEqual(back, m) {
		t.Fatalf("flatten(expand(m)) =\n%+v\nwant\n%+v", back, m)
	}
}

func TestFlattenChannelDefaultsForUnsetFlags(t *testing.T) {
	// A channel made outside Terraform may leave every optional setting out.
	var m digitalChannelModel
	flattenChannel(&cxone.Channel{ID: "id-2", ChannelIntegrationID: "int", IDOnExternalPlatform: "x", Name: "n"}, &m)
	if m.ExternalPlatform.ValueString() != "custom" || m.ContentFormat.ValueString() != "plain" || !m.HasReply.ValueBool() ||
		m.CanSendFiles.ValueBool() || m.IsLiveChat.IsNull() || !m.StudioScript.IsNull() || !m.TranslationGroup.IsNull() {
		t.Fatalf("flattenChannel of a bare channel = %+v", m)
	}
}

func TestFlattenBinding(t *testing.T) {
	var m routingQueueBindingModel
	flattenBinding(&cxone.Binding{RoutingQueueID: "7", ChannelID: "c"}, &m)
	if m.ID.ValueString() != "7/c" || m.RoutingQueueID.ValueString() != "7" || m.ChannelID.ValueString() != "c" {
		t.Fatalf("flattenBinding = %+v", m)
	}
}

// importState runs a resource's ImportState with id against an empty state of s.
func importState(t *testing.T, r resource.ResourceWithImportState, s schema.Schema, id string) *resource.ImportStateResponse {
	t.Helper()
	typ := s.Type().TerraformType(context.Background())
	resp := &resource.ImportStateResponse{State: tfsdk.State{Schema: s, Raw: tftypes.NewValue(typ, nil)}}
	r.ImportState(context.Background(), resource.ImportStateRequest{ID: id}, resp)
	return resp
}

func TestDigitalChannelImportID(t *testing.T) {
	r, ok := NewDigitalChannelResource().(*digitalChannelResource)
	if !ok {
		t.Fatal("NewDigitalChannelResource does not build a *digitalChannelResource")
	}
	good := "0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10"
	if resp := importState(t, r, digitalChannelSchema(context.Background()), good); resp.Diagnostics.HasError() {
		t.Fatalf("import of %q: %v", good, resp.Diagnostics)
	}
	for _, bad := range []string{"", "42", "not-a-uuid", good + "/x"} {
		resp := importState(t, r, digitalChannelSchema(context.Background()), bad)
		if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics[0].Detail(), "UUID") {
			t.Errorf("import of %q: want an error naming the UUID form, got %v", bad, resp.Diagnostics)
		}
	}
}

func TestRoutingQueueBindingImportID(t *testing.T) {
	r, ok := NewRoutingQueueBindingResource().(*routingQueueBindingResource)
	if !ok {
		t.Fatal("NewRoutingQueueBindingResource does not build a *routingQueueBindingResource")
	}
	good := "5/0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10"
	resp := importState(t, r, routingQueueBindingSchema(context.Background()), good)
	if resp.Diagnostics.HasError() {
		t.Fatalf("import of %q: %v", good, resp.Diagnostics)
	}
	var m routingQueueBindingModel
	resp.Diagnostics.Append(resp.State.Get(context.Background(), &m)...)
	if m.RoutingQueueID.ValueString() != "5" || m.ChannelID.ValueString() != "0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10" {
		t.Fatalf("imported state = %+v", m)
	}
	for _, bad := range []string{"5", "5/", "/0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10", "5/not-a-uuid", "a/b/c"} {
		resp := importState(t, r, routingQueueBindingSchema(context.Background()), bad)
		if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics[0].Detail(), "routing_queue_id/channel_id") {
			t.Errorf("import of %q: want an error showing the expected form, got %v", bad, resp.Diagnostics)
		}
	}
}

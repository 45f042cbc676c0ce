package framework

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type pingModel struct {
	Target types.String `tfsdk:"target"`
}

type pingAction struct {
	ActionWithModel[pingModel]
}

func (*pingAction) InvokeAction(context.Context, pingModel, *action.InvokeResponse) {}

func pingSchema(context.Context) schema.Schema {
	return schema.Schema{Attributes: map[string]schema.Attribute{"target": schema.StringAttribute{Required: true}}}
}

// TestNewAction: the base names the action and gives its schema, checked against the
// model; an action built without NewAction says so.
func TestNewAction(t *testing.T) {
	ctx := context.Background()
	a := NewAction[pingModel](&pingAction{}, "ping", pingSchema, nil)
	var md action.MetadataResponse
	a.Metadata(ctx, action.MetadataRequest{ProviderTypeName: "cxone"}, &md)
	var s action.SchemaResponse
	a.Schema(ctx, action.SchemaRequest{}, &s)
	if md.TypeName != "cxone_ping" || s.Diagnostics.HasError() || s.Schema.Attributes["target"] == nil {
		t.Fatalf("metadata %q, schema %+v %v", md.TypeName, s.Schema, s.Diagnostics)
	}
	a.ValidateConfig(ctx, action.ValidateConfigRequest{}, &action.ValidateConfigResponse{}) // no check: nothing happens

	wrong := NewAction[pingModel](&pingAction{}, "ping", func(context.Context) schema.Schema {
		return schema.Schema{Attributes: map[string]schema.Attribute{"host": schema.StringAttribute{Required: true}}}
	}, nil)
	s = action.SchemaResponse{}
	wrong.Schema(ctx, action.SchemaRequest{}, &s)
	if !s.Diagnostics.HasError() || s.Diagnostics[0].Summary() != "Action Model Does Not Match Its Schema" {
		t.Errorf("a model that does not match: %v", s.Diagnostics)
	}

	s = action.SchemaResponse{}
	(&pingAction{}).Schema(ctx, action.SchemaRequest{}, &s)
	if !s.Diagnostics.HasError() || !strings.Contains(s.Diagnostics[0].Detail(), "without framework.NewAction") {
		t.Errorf("an action built without NewAction: %v", s.Diagnostics)
	}
}

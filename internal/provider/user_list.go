package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

var _ list.ListResourceWithConfigure = (*userResource)(nil)

type userListConfig struct {
	UserNameContains types.String `tfsdk:"user_name_contains"`
	TeamID           types.Int64  `tfsdk:"team_id"`
}

func (r *userResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the active users, the ones `cxone_user` manages (an inactive user is what its " +
			"destroy leaves behind). Each result is named `user.name (First Last)`.",
		Attributes: map[string]listschema.Attribute{
			"user_name_contains": listschema.StringAttribute{
				MarkdownDescription: "Only users whose user name contains this text, ignoring case.",
				Optional:            true,
			},
			"team_id": listschema.Int64Attribute{
				MarkdownDescription: "Only the users of this team.",
				Optional:            true,
			},
		},
	}
}

func (r *userResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg userListConfig
	diags := listConfig(ctx, req, &cfg)
	if diags.HasError() || !r.CheckClient(&diags) {
		listFailed(stream, diags)
		return
	}
	nameContains, teamID := cfg.UserNameContains.ValueString(), cfg.TeamID.ValueInt64()
	active := true
	pages := r.Client.ListAgentPages(ctx, cxone.AgentListOptions{SearchString: nameContains, IsActive: &active})
	framework.StreamList(ctx, req, stream, "Unable to List Users", framework.MapPages(pages,
		func(a cxone.Agent) (framework.ListItem[userModel], bool) {
			if !a.IsActive || !containsFold(a.UserName, nameContains) || (teamID != 0 && a.TeamID != teamID) {
				return framework.ListItem[userModel]{}, false
			}
			var m userModel
			flattenUserResource(&a, &m)
			return framework.ListItem[userModel]{Model: m, DisplayName: agentDisplayName(a)}, true
		}))
}

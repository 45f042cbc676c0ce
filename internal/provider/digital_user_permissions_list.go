package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

var _ list.ListResourceWithConfigure = (*digitalUserPermissionsResource)(nil)

type digitalUserPermissionsListConfig struct {
	UserNameContains types.String `tfsdk:"user_name_contains"`
	TeamID           types.Int64  `tfsdk:"team_id"`
}

func (r *digitalUserPermissionsResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the users with digital engagement on, the ones `cxone_digital_user_permissions` " +
			"manages. Each result is named `user.name (First Last)`.",
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

func (r *digitalUserPermissionsResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg digitalUserPermissionsListConfig
	diags := listConfig(ctx, req, &cfg)
	if diags.HasError() || !r.CheckClient(&diags) {
		listFailed(stream, diags)
		return
	}
	nameContains, teamID := cfg.UserNameContains.ValueString(), cfg.TeamID.ValueInt64()
	pages := r.Client.ListAgentPages(ctx, cxone.AgentListOptions{SearchString: nameContains})
	framework.StreamList(ctx, req, stream, "Unable to List Digital User Permissions", framework.MapPages(pages,
		func(a cxone.Agent) (framework.ListItem[digitalUserPermissionsModel], bool) {
			if !a.DigitalEngagementEnabled || !containsFold(a.UserName, nameContains) || (teamID != 0 && a.TeamID != teamID) {
				return framework.ListItem[digitalUserPermissionsModel]{}, false
			}
			var m digitalUserPermissionsModel
			flattenDigitalUserPermissions(&a, &m)
			return framework.ListItem[digitalUserPermissionsModel]{Model: m, DisplayName: agentDisplayName(a)}, true
		}))
}

// agentDisplayName names a user as people know them: "user.name (First Last)".
func agentDisplayName(a cxone.Agent) string {
	full := strings.TrimSpace(a.FirstName + " " + a.LastName)
	if full == "" {
		return a.UserName
	}
	return a.UserName + " (" + full + ")"
}

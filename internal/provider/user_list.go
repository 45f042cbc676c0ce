package provider

import (
	"context"
	"iter"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

// agentListConfig is the list block config of the two list resources of users,
// cxone_user and cxone_digital_user_permissions.
type agentListConfig struct {
	UserNameContains types.String `tfsdk:"user_name_contains"`
	TeamID           types.Int64  `tfsdk:"team_id"`
}

// agentListSchema is their config schema; what describes the listed users.
func agentListSchema(what string) listschema.Schema {
	return listschema.Schema{
		MarkdownDescription: what + " Each result is named `user.name (First Last)`.",
		Attributes: map[string]listschema.Attribute{
			"user_name_contains": stringFilter("Only users whose user name contains this text, ignoring case."),
			"team_id":            int64Filter("Only the users of this team."),
		},
	}
}

// listAgents streams the users that keep accepts and that match the config's
// filters, as flatten makes them into models.
func listAgents[T framework.IdentifiedModel](ctx context.Context, r *framework.Resource[T], req list.ListRequest,
	stream *list.ListResultsStream, summary string, opts cxone.AgentListOptions, keep func(cxone.Agent) bool, flatten func(*cxone.Agent, *T)) {
	framework.List(ctx, r, req, stream, summary, func(cfg agentListConfig) iter.Seq2[[]framework.ListItem[T], error] {
		nameContains, teamID := cfg.UserNameContains.ValueString(), cfg.TeamID.ValueInt64()
		opts.SearchString = nameContains
		return framework.MapPages(r.Client.ListAgentPages(ctx, opts), func(a cxone.Agent) (framework.ListItem[T], bool) {
			if !keep(a) || !containsFold(a.UserName, nameContains) || (teamID != 0 && a.TeamID != teamID) {
				return framework.ListItem[T]{}, false
			}
			var m T
			flatten(&a, &m)
			return framework.ListItem[T]{Model: m, DisplayName: agentDisplayName(a)}, true
		})
	})
}

// agentDisplayName names a user as people know them: "user.name (First Last)".
func agentDisplayName(a cxone.Agent) string {
	full := strings.TrimSpace(a.FirstName + " " + a.LastName)
	if full == "" {
		return a.UserName
	}
	return a.UserName + " (" + full + ")"
}

func (r *userResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = agentListSchema("Lists the active users, the ones `cxone_user` manages (an inactive user is what its " +
		"destroy leaves behind).")
}

func (r *userResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	active := true
	listAgents(ctx, &r.Resource, req, stream, "Unable to List Users", cxone.AgentListOptions{IsActive: &active},
		func(a cxone.Agent) bool { return a.IsActive }, flattenUserResource)
}

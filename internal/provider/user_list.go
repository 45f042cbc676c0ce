package provider

import (
	"context"
	"iter"
	"strings"

	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// agentListConfig is the list block config of the two list resources of users,
// cxone_user and cxone_digital_user_permissions.
type agentListConfig struct {
	UserNameContains types.String `tfsdk:"user_name_contains"`
	TeamID           types.Int64  `tfsdk:"team_id"`
}

// agentList declares the list resource of users: what describes the listed users,
// opts and keep which of them the resource manages, flatten how one becomes its model.
func agentList[T framework.IdentifiedModel](what, summary string, opts cxone.AgentListOptions, keep func(cxone.Agent) bool,
	flatten func(*cxone.Agent, *T)) listSpec[agentListConfig, T] {
	return listSpec[agentListConfig, T]{
		summary:     summary,
		description: what + " Each result is named `user.name (First Last)`.",
		filters: map[string]listschema.Attribute{
			"user_name_contains": stringFilter("Only users whose user name contains this text, ignoring case."),
			"team_id":            int64Filter("Only the users of this team."),
		},
		items: func(ctx context.Context, c readcache.API, cfg agentListConfig) iter.Seq2[[]framework.ListItem[T], error] {
			nameContains, teamID := cfg.UserNameContains.ValueString(), cfg.TeamID.ValueInt64()
			search := opts // a copy: the spec serves concurrent requests
			search.SearchString = nameContains
			return framework.MapPages(c.ListAgentPages(ctx, search), func(a cxone.Agent) (framework.ListItem[T], bool) {
				if !keep(a) || !containsFold(a.UserName, nameContains) || (teamID != 0 && a.TeamID != teamID) {
					return framework.ListItem[T]{}, false
				}
				var m T
				flatten(&a, &m)
				return framework.ListItem[T]{Model: m, DisplayName: agentDisplayName(a)}, true
			})
		},
	}
}

// agentDisplayName names a user as people know them: "user.name (First Last)".
func agentDisplayName(a cxone.Agent) string {
	full := strings.TrimSpace(a.FirstName + " " + a.LastName)
	if full == "" {
		return a.UserName
	}
	return a.UserName + " (" + full + ")"
}

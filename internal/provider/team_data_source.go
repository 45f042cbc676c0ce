package provider

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// NewTeamDataSource is the cxone_team data source.
func NewTeamDataSource() datasource.DataSource {
	return newLookUp(lookUpSpec[teamDataModel, cxone.Team]{
		typeName: "team", schema: teamDataSchema,
		kind: "Team", nouns: "teams", keys: []string{"id", "name"},
		find: func(ctx context.Context, c readcache.API, cfg teamDataModel, _ *diag.Diagnostics) search[cxone.Team] {
			// CXone's searchString matches parts of names; the answer is filtered here.
			search := func(ctx context.Context, name string, _ func(cxone.Team) bool) ([]cxone.Team, error) {
				return c.ListTeams(ctx, cxone.TeamListOptions{SearchString: name})
			}
			return byNumericIDOrName(ctx, cfg.ID, cfg.Name, c.GetTeam, search, func(t cxone.Team) string { return t.TeamName })
		},
		id: func(t cxone.Team) string { return strconv.FormatInt(t.TeamID, 10) },
		flatten: func(t *cxone.Team, m *teamDataModel) {
			m.ID = types.StringValue(strconv.FormatInt(t.TeamID, 10))
			m.Name = types.StringValue(t.TeamName)
			m.TeamID = types.Int64Value(t.TeamID)
			m.IsActive = types.BoolValue(t.IsActive)
			m.Description = types.StringValue(t.Description)
		},
	})
}

// teamDataModel maps the cxone_team data source.
type teamDataModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	TeamID      types.Int64  `tfsdk:"team_id"`
	IsActive    types.Bool   `tfsdk:"is_active"`
	Description types.String `tfsdk:"description"`
}

func teamDataSchema() schema.Schema {
	id, name := numericIDAndNameKeys("Team", "301")
	return schema.Schema{
		MarkdownDescription: "Looks up a CXone team, active or not, by exactly one of `id` or `name`, for " +
			"`cxone_user`'s `team_id`. A name that several teams share is an error that lists their IDs.",
		Attributes: map[string]schema.Attribute{
			"id":          id,
			"name":        name,
			"team_id":     computedInt64("The team ID as a number, for `cxone_user`'s `team_id`."),
			"is_active":   computedBool("Whether the team is active. CXone refuses to put a user in an inactive team."),
			"description": computedString("The team's description."),
		},
	}
}

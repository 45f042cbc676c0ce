package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// teamDataModel maps the cxone_team data source.
type teamDataModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	TeamID      types.Int64  `tfsdk:"team_id"`
	IsActive    types.Bool   `tfsdk:"is_active"`
	Description types.String `tfsdk:"description"`
}

func (m teamDataModel) lookUpKeys() (id, name types.String) { return m.ID, m.Name }

func teamDataSchema() schema.Schema {
	return idAndNameSchema("Team", "301",
		"Looks up a CXone team, active or not, by exactly one of `id` or `name`, for "+
			"`cxone_user`'s `team_id`. A name that several teams share is an error that lists their IDs.",
		map[string]schema.Attribute{
			"team_id":     computedInt64("The team ID as a number, for `cxone_user`'s `team_id`."),
			"is_active":   computedBool("Whether the team is active. CXone refuses to put a user in an inactive team."),
			"description": computedString("The team's description."),
		})
}

// flattenTeamData copies a team into the data source's model.
func flattenTeamData(t *cxone.Team, m *teamDataModel) {
	m.ID = numericIDValue(t.TeamID)
	m.Name = types.StringValue(t.TeamName)
	m.TeamID = types.Int64Value(t.TeamID)
	m.IsActive = types.BoolValue(t.IsActive)
	m.Description = types.StringValue(t.Description)
}

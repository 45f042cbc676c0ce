package cxone

import (
	"context"
)

// Team is an ACD team as the Admin API's /teams calls describe it; every user belongs to
// one. The provider reads teams; it does not manage them.
type Team struct {
	TeamID      int64  `json:"teamId"`
	TeamName    string `json:"teamName"`
	IsActive    bool   `json:"isActive"`
	Description string `json:"description"`
}

// UnmarshalJSON reads a team, accepting its id as a number or a string.
func (t *Team) UnmarshalJSON(b []byte) error {
	type plain Team
	return decodeFlex(b, (*plain)(t), flexInt64At("teamId", &t.TeamID))
}

// TeamListOptions filters ListTeams. Zero values do not filter.
type TeamListOptions struct {
	// SearchString matches part of the team name, case-insensitively.
	SearchString string
	// IsActive, when set, keeps only active (true) or inactive (false) teams.
	IsActive *bool
}

// ListTeams returns every team matching opts (GET /teams), following every page.
func (c *Client) ListTeams(ctx context.Context, opts TeamListOptions) ([]Team, error) {
	return teamsListing(adminFilters(opts.SearchString, opts.IsActive)).collectNamed(ctx, c, "listing teams")
}

// GetTeam reads one team (GET /teams/{teamId}); an unknown id is an error for which
// IsNotFound is true.
func (c *Client) GetTeam(ctx context.Context, teamID int64) (*Team, error) {
	return getAdminByID(ctx, c, "/teams", "teams", "team", teamID, func(t *Team) int64 { return t.TeamID })
}

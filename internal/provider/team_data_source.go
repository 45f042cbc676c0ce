package provider

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

var (
	_ datasource.DataSourceWithConfigure        = (*teamDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*teamDataSource)(nil)
)

// NewTeamDataSource is the cxone_team data source.
func NewTeamDataSource() datasource.DataSource {
	return &teamDataSource{}
}

type teamDataSource struct {
	framework.DataSourceWithModel[teamDataModel]
}

// teamDataModel maps the cxone_team data source.
type teamDataModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	TeamID      types.Int64  `tfsdk:"team_id"`
	IsActive    types.Bool   `tfsdk:"is_active"`
	Description types.String `tfsdk:"description"`
}

func (d *teamDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_team"
}

func (d *teamDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up a CXone team, active or not, by exactly one of `id` or `name`, for " +
			"`cxone_user`'s `team_id`. A name that several teams share is an error that lists their IDs.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Team ID to look up, a whole number written as a string (for example `301`).",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{numericIDValidator()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Exact, case-sensitive team name to look up.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"team_id": schema.Int64Attribute{
				MarkdownDescription: "The team ID as a number, for `cxone_user`'s `team_id`.",
				Computed:            true,
			},
			"is_active": schema.BoolAttribute{
				MarkdownDescription: "Whether the team is active. CXone refuses to put a user in an inactive team.",
				Computed:            true,
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "The team's description.",
				Computed:            true,
			},
		},
	}
}

func (d *teamDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *teamDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg teamDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !d.CheckClient(&resp.Diagnostics) {
		return
	}
	var team *cxone.Team
	if !cfg.ID.IsNull() {
		team = lookUpByID(ctx, "Team", cfg.ID.ValueString(), d.Client.GetTeam, &resp.Diagnostics)
	} else {
		name := cfg.Name.ValueString()
		// CXone's searchString matches parts of names; the answer is filtered here.
		teams, err := d.Client.ListTeams(ctx, cxone.TeamListOptions{SearchString: name})
		team = lookUpByName(teams, err, "Team", name,
			func(t cxone.Team) bool { return t.TeamName == name },
			func(t cxone.Team) string { return strconv.FormatInt(t.TeamID, 10) }, &resp.Diagnostics)
	}
	if team == nil {
		return
	}
	cfg.ID = types.StringValue(strconv.FormatInt(team.TeamID, 10))
	cfg.Name = types.StringValue(team.TeamName)
	cfg.TeamID = types.Int64Value(team.TeamID)
	cfg.IsActive = types.BoolValue(team.IsActive)
	cfg.Description = types.StringValue(team.Description)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}

// lookUpByID reads one object of a read-only kind (kind as in "Team") by its numeric
// ID; nil after an error.
func lookUpByID[T any](ctx context.Context, kind, id string, get func(context.Context, int64) (*T, error), diags *diag.Diagnostics) *T {
	searched := "with ID " + id
	n, err := parseNumericID(id, "id")
	var v *T
	if err == nil {
		v, err = get(ctx, n)
	}
	switch {
	case cxone.IsNotFound(err):
		diags.AddError(kind+" Not Found", fmt.Sprintf("CXone has no %s %s.", typeInText(kind), searched))
		return nil
	case err != nil:
		addAPIError(diags, "Read", kind, searched, err)
		return nil
	}
	return v
}

// lookUpByName picks the one object of a list answer (items, or the error that
// listing gave) whose name is exactly name; none and several are errors. nil after
// an error.
func lookUpByName[T any](items []T, err error, kind, name string, match func(T) bool, id func(T) string, diags *diag.Diagnostics) *T {
	searched := "named " + strconv.Quote(name)
	if err != nil {
		addAPIError(diags, "Read", kind, searched, err)
		return nil
	}
	v, err := onlyMatch(items, typeInText(kind)+" named", name, match, id)
	var ambiguous *ambiguousMatchError
	switch {
	case errors.As(err, &ambiguous):
		diags.AddError("More Than One "+kind+" Found",
			fmt.Sprintf("CXone has %d %ss %s (IDs %s). Look it up by id instead.",
				len(ambiguous.ids), typeInText(kind), searched, strings.Join(ambiguous.ids, ", ")))
		return nil
	case err != nil:
		diags.AddError(kind+" Not Found",
			fmt.Sprintf("CXone has no %s %s. Names match exactly, including case.", typeInText(kind), searched))
		return nil
	}
	return v
}

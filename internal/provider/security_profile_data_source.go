package provider

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

var (
	_ datasource.DataSourceWithConfigure        = (*securityProfileDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*securityProfileDataSource)(nil)
)

// NewSecurityProfileDataSource is the cxone_security_profile data source.
func NewSecurityProfileDataSource() datasource.DataSource {
	return &securityProfileDataSource{}
}

type securityProfileDataSource struct {
	framework.DataSourceWithModel[securityProfileDataModel]
}

// securityProfileDataModel maps the cxone_security_profile data source.
type securityProfileDataModel struct {
	ID                types.String `tfsdk:"id"`
	Name              types.String `tfsdk:"name"`
	SecurityProfileID types.Int64  `tfsdk:"security_profile_id"`
	Description       types.String `tfsdk:"description"`
}

func (d *securityProfileDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_security_profile"
}

func (d *securityProfileDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up a CXone security profile by exactly one of `id` or `name`, for " +
			"`cxone_user`'s `security_profile_id`. A name that several profiles share is an error that lists their IDs.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Security profile ID to look up, a whole number written as a string (for example `5`).",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{numericIDValidator()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Exact, case-sensitive security profile name to look up.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"security_profile_id": schema.Int64Attribute{
				MarkdownDescription: "The security profile ID as a number, for `cxone_user`'s `security_profile_id`.",
				Computed:            true,
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "The security profile's description.",
				Computed:            true,
			},
		},
	}
}

func (d *securityProfileDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *securityProfileDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg securityProfileDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !d.CheckClient(&resp.Diagnostics) {
		return
	}
	var p *cxone.SecurityProfile
	if !cfg.ID.IsNull() {
		p = lookUpByID(ctx, "Security Profile", cfg.ID.ValueString(), d.Client.GetSecurityProfile, &resp.Diagnostics)
	} else {
		name := cfg.Name.ValueString()
		profiles, err := d.Client.ListSecurityProfiles(ctx)
		p = lookUpByName(profiles, err, "Security Profile", name,
			func(p cxone.SecurityProfile) bool { return p.SecurityProfileName == name },
			func(p cxone.SecurityProfile) string { return strconv.FormatInt(p.SecurityProfileID, 10) }, &resp.Diagnostics)
	}
	if p == nil {
		return
	}
	cfg.ID = types.StringValue(strconv.FormatInt(p.SecurityProfileID, 10))
	cfg.Name = types.StringValue(p.SecurityProfileName)
	cfg.SecurityProfileID = types.Int64Value(p.SecurityProfileID)
	cfg.Description = types.StringValue(p.Description)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}

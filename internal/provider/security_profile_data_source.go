package provider

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// NewSecurityProfileDataSource is the cxone_security_profile data source.
func NewSecurityProfileDataSource() datasource.DataSource {
	type spec = lookUpSpec[securityProfileDataModel, cxone.SecurityProfile]
	return &securityProfileDataSource{lookUp[securityProfileDataModel, cxone.SecurityProfile]{spec: spec{
		typeName: "security_profile", schema: securityProfileDataSchema,
		kind: "Security Profile", nouns: "security profiles", keys: []string{"id", "name"},
		find: func(ctx context.Context, c readcache.API, cfg securityProfileDataModel, _ *diag.Diagnostics) search[cxone.SecurityProfile] {
			if !cfg.ID.IsNull() {
				return byNumericID(ctx, cfg.ID.ValueString(), c.GetSecurityProfile)
			}
			name := cfg.Name.ValueString()
			profiles, err := c.ListSecurityProfiles(ctx)
			return byName(name, profiles, err, func(p cxone.SecurityProfile) bool { return p.SecurityProfileName == name })
		},
		id: func(p cxone.SecurityProfile) string { return strconv.FormatInt(p.SecurityProfileID, 10) },
		flatten: func(p *cxone.SecurityProfile, m *securityProfileDataModel) {
			m.ID = types.StringValue(strconv.FormatInt(p.SecurityProfileID, 10))
			m.Name = types.StringValue(p.SecurityProfileName)
			m.SecurityProfileID = types.Int64Value(p.SecurityProfileID)
			m.Description = types.StringValue(p.Description)
		},
	}}}
}

type securityProfileDataSource struct {
	lookUp[securityProfileDataModel, cxone.SecurityProfile]
}

// securityProfileDataModel maps the cxone_security_profile data source.
type securityProfileDataModel struct {
	ID                types.String `tfsdk:"id"`
	Name              types.String `tfsdk:"name"`
	SecurityProfileID types.Int64  `tfsdk:"security_profile_id"`
	Description       types.String `tfsdk:"description"`
}

func securityProfileDataSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Looks up a CXone security profile by exactly one of `id` or `name`, for " +
			"`cxone_user`'s `security_profile_id`. A name that several profiles share is an error that lists their IDs.",
		Attributes: map[string]schema.Attribute{
			"id":                  lookUpKey("Security profile ID to look up, a whole number written as a string (for example `5`).", numericIDValidator()),
			"name":                lookUpKey("Exact, case-sensitive security profile name to look up.", stringvalidator.LengthAtLeast(1)),
			"security_profile_id": computedInt64("The security profile ID as a number, for `cxone_user`'s `security_profile_id`."),
			"description":         computedString("The security profile's description."),
		},
	}
}

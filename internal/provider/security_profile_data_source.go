package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// securityProfileDataModel maps the cxone_security_profile data source.
type securityProfileDataModel struct {
	ID                types.String `tfsdk:"id"`
	Name              types.String `tfsdk:"name"`
	SecurityProfileID types.Int64  `tfsdk:"security_profile_id"`
	Description       types.String `tfsdk:"description"`
}

func (m securityProfileDataModel) lookUpKeys() (id, name types.String) { return m.ID, m.Name }

func securityProfileDataSchema() schema.Schema {
	return idAndNameSchema("Security profile", "5",
		"Looks up a CXone security profile by exactly one of `id` or `name`, for "+
			"`cxone_user`'s `security_profile_id`. A name that several profiles share is an error that lists their IDs.",
		map[string]schema.Attribute{
			"security_profile_id": computedInt64("The security profile ID as a number, for `cxone_user`'s `security_profile_id`."),
			"description":         computedString("The security profile's description."),
		})
}

// flattenSecurityProfileData copies a profile into the data source's model.
func flattenSecurityProfileData(p *cxone.SecurityProfile, m *securityProfileDataModel) {
	m.ID = numericIDValue(p.SecurityProfileID)
	m.Name = types.StringValue(p.SecurityProfileName)
	m.SecurityProfileID = types.Int64Value(p.SecurityProfileID)
	m.Description = types.StringValue(p.Description)
}

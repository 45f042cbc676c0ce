package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// campaignDataModel maps the cxone_campaign data source.
type campaignDataModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	IsActive    types.Bool   `tfsdk:"is_active"`
	Description types.String `tfsdk:"description"`
	Notes       types.String `tfsdk:"notes"`
}

func (m campaignDataModel) lookUpKeys() (id, name types.String) { return m.ID, m.Name }

func campaignDataSchema() schema.Schema {
	return idAndNameSchema("Campaign", "62001",
		"Looks up a campaign, active or not, by exactly one of `id` or `name`. CXone keeps "+
			"campaign names unique in a business unit, so a name matches at most one campaign.",
		map[string]schema.Attribute{
			"is_active":   computedBool("Whether the campaign is active. Inactive campaigns are found too."),
			"description": computedString("What the campaign is for."),
			"notes":       computedString("Free-text notes on the campaign."),
		})
}

// flattenCampaignData copies a campaign into the data source's model, as the resource
// does, with whether it is active.
var flattenCampaignData = fromResource(flattenCampaign, func(c *cxone.Campaign, m *campaignDataModel) {
	m.IsActive = types.BoolValue(c.IsActive)
})

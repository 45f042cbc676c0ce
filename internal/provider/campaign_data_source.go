package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// campaignDataModel maps the cxone_campaign data source: the resource's attributes
// and whether the campaign is active.
type campaignDataModel struct {
	campaignModel
	IsActive types.Bool `tfsdk:"is_active"`
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
func flattenCampaignData(c *cxone.Campaign, m *campaignDataModel) {
	flattenCampaign(c, &m.campaignModel)
	m.IsActive = types.BoolValue(c.IsActive)
}

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// campaignDataModel maps the cxone_campaign data source.
type campaignDataModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	IsActive    types.Bool   `tfsdk:"is_active"`
	Description types.String `tfsdk:"description"`
	Notes       types.String `tfsdk:"notes"`
}

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

// findCampaign reads the campaign by ID, or finds it by exact name (case-sensitive)
// among the campaigns CXone's search answers (it matches parts of names); inactive
// campaigns too.
func findCampaign(ctx context.Context, c readcache.API, cfg campaignDataModel, _ *diag.Diagnostics) search[cxone.Campaign] {
	search := func(ctx context.Context, name string, _ func(cxone.Campaign) bool) ([]cxone.Campaign, error) {
		return c.ListCampaigns(ctx, cxone.CampaignListOptions{SearchString: name})
	}
	return activeOrNot(byNumericIDOrName(ctx, cfg.ID, cfg.Name, c.GetCampaign, search, func(x cxone.Campaign) string { return x.Name }))
}

// flattenCampaignData copies a campaign into the data source's model, as the resource
// does, with whether it is active.
func flattenCampaignData(c *cxone.Campaign, m *campaignDataModel) {
	var r campaignModel
	flattenCampaign(c, &r)
	*m = campaignDataModel{ID: r.ID, Name: r.Name, IsActive: types.BoolValue(c.IsActive), Description: r.Description, Notes: r.Notes}
}

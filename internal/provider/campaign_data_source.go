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

// NewCampaignDataSource is the cxone_campaign data source.
func NewCampaignDataSource() datasource.DataSource {
	return &campaignDataSource{lookUp[campaignDataModel, cxone.Campaign]{spec: lookUpSpec[campaignDataModel, cxone.Campaign]{
		typeName: "campaign", schema: campaignDataSchema,
		kind: campaignType, nouns: "campaigns", keys: []string{"id", "name"},
		find:    findCampaign,
		id:      func(c cxone.Campaign) string { return strconv.FormatInt(c.ID, 10) },
		flatten: flattenCampaignData,
	}}}
}

type campaignDataSource struct {
	lookUp[campaignDataModel, cxone.Campaign]
}

// campaignDataModel maps the cxone_campaign data source.
type campaignDataModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	IsActive    types.Bool   `tfsdk:"is_active"`
	Description types.String `tfsdk:"description"`
	Notes       types.String `tfsdk:"notes"`
}

func campaignDataSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Looks up a campaign, active or not, by exactly one of `id` or `name`. CXone keeps " +
			"campaign names unique in a business unit, so a name matches at most one campaign.",
		Attributes: map[string]schema.Attribute{
			"id":          lookUpKey("Campaign ID to look up, a whole number written as a string (for example `62001`).", numericIDValidator()),
			"name":        lookUpKey("Exact, case-sensitive campaign name to look up.", stringvalidator.LengthAtLeast(1)),
			"is_active":   computedBool("Whether the campaign is active. Inactive campaigns are found too."),
			"description": computedString("What the campaign is for."),
			"notes":       computedString("Free-text notes on the campaign."),
		},
	}
}

// findCampaign reads the campaign by ID, or finds it by exact name (case-sensitive)
// among the campaigns CXone's search answers (it matches parts of names); inactive
// campaigns too.
func findCampaign(ctx context.Context, c readcache.API, cfg campaignDataModel, _ *diag.Diagnostics) search[cxone.Campaign] {
	var s search[cxone.Campaign]
	if !cfg.ID.IsNull() {
		s = byNumericID(ctx, cfg.ID.ValueString(), c.GetCampaign)
	} else {
		name := cfg.Name.ValueString()
		all, err := c.ListCampaigns(ctx, cxone.CampaignListOptions{SearchString: name})
		s = byName(name, all, err, func(cp cxone.Campaign) bool { return cp.Name == name })
	}
	s.note = ", active or not" + s.note
	return s
}

// flattenCampaignData copies a campaign into the data source's model, as the resource
// does, with whether it is active.
func flattenCampaignData(c *cxone.Campaign, m *campaignDataModel) {
	var r campaignModel
	flattenCampaign(c, &r)
	*m = campaignDataModel{ID: r.ID, Name: r.Name, IsActive: types.BoolValue(c.IsActive), Description: r.Description, Notes: r.Notes}
}

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// Object types of the outbound resources, as diagnostics and apiFieldNames name them.
const (
	messageTemplateType = "Message Template"
	campaignType        = "Campaign"
)

// NewCampaignResource is the cxone_campaign resource.
func NewCampaignResource() resource.Resource {
	return campaignKind.newResource(campaignSchema, campaignList)
}

// campaignResource is deactivating: CXone cannot delete campaigns.
type campaignResource = deactivating[campaignModel, cxone.Campaign, cxone.CampaignInput]

// campaignKind is the campaign's life cycle.
var campaignKind = deactivatingKind[campaignModel, cxone.Campaign, cxone.CampaignInput]{
	retiredKind: retiredKind{kind: campaignType, typeName: "cxone_campaign", noun: "campaign", plural: "campaigns",
		short: "campaign", idKey: "campaign_id", kept: ", with its skills and its history"},
	example: "62001",
	expand:  expandCampaign,
	flatten: flattenAll(flattenCampaign),
	active:  func(c *cxone.Campaign) (int64, bool) { return c.ID, c.IsActive },
	setOn:   func(in *cxone.CampaignInput) { in.IsActive = new(true) },
	get:     readcache.API.Campaign,
	find:    readcache.API.FindCampaignByName,
	create:  readcache.API.CreateCampaign,
	update:  readcache.API.UpdateCampaign,
	retire: func(c readcache.API, ctx context.Context, id int64) error {
		return c.SetCampaignActive(ctx, id, false)
	},
}

// campaignModel maps cxone_campaign.
type campaignModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	Notes       types.String `tfsdk:"notes"`
}

// Identity is the campaign ID, as a number.
func (m campaignModel) Identity() framework.Identity {
	return framework.IdentityOf(framework.NumericID("campaign_id", "CXone's campaign ID, for example 62001.", m.ID))
}

func campaignSchema(context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "A CXone campaign: a group of skills that CXone reports on together. It sends nothing " +
			"itself; an outbound skill names its campaign.\n\n" +
			"CXone cannot delete campaigns: destroying this resource deactivates the campaign. Creating a campaign " +
			"whose name belongs to an inactive campaign reactivates and adopts that campaign (with a warning); if " +
			"the name belongs to an active campaign, the apply fails and says how to import it.",
		Attributes: map[string]schema.Attribute{
			"id":          framework.IDAttribute("CXone's campaign ID, a whole number written as a string (for example `62001`)."),
			"name":        framework.RequiredString("Name of the campaign, unique among the campaigns of the business unit, active or not.", notBlankValidator()),
			"description": framework.OptionalEmptyString("What the campaign is for."),
			"notes":       framework.OptionalEmptyString("Free-text notes on the campaign."),
		},
	}
}

// expandCampaign turns the planned (or stored) values into the campaign's fields.
// IsActive is left nil: each caller decides it.
func expandCampaign(m campaignModel) cxone.CampaignInput {
	return cxone.CampaignInput{
		Name:        m.Name.ValueString(),
		Description: m.Description.ValueString(),
		Notes:       m.Notes.ValueString(),
	}
}

// flattenCampaign copies a campaign as CXone holds it into the model.
func flattenCampaign(c *cxone.Campaign, m *campaignModel) {
	m.ID = numericIDValue(c.ID)
	m.Name = types.StringValue(c.Name)
	m.Description = types.StringValue(c.Description)
	m.Notes = types.StringValue(c.Notes)
}

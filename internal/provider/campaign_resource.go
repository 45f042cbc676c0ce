package provider

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

// Object types of the outbound resources, as diagnostics and apiFieldNames name them.
const (
	messageTemplateType = "Message Template"
	campaignType        = "Campaign"
)

// NewCampaignResource is the cxone_campaign resource.
func NewCampaignResource() resource.Resource {
	return framework.NewResource[campaignModel](&campaignResource{}, "campaign", campaignSchema, addAPIError)
}

type campaignResource struct {
	framework.Resource[campaignModel]
}

// campaignModel maps cxone_campaign.
type campaignModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	Notes       types.String `tfsdk:"notes"`
}

// campaignIdentity is the resource identity of cxone_campaign.
type campaignIdentity struct {
	CampaignID types.Int64 `tfsdk:"campaign_id" description:"CXone's campaign ID, for example 62001."`
}

// Identity is the campaign ID, as a number.
func (m campaignModel) Identity() framework.Identity {
	return campaignIdentity{CampaignID: int64FromString(m.ID)}
}

func campaignSchema(context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "A CXone campaign: a group of skills that CXone reports on together. It sends nothing " +
			"itself; an outbound skill names its campaign.\n\n" +
			"CXone cannot delete campaigns: destroying this resource deactivates the campaign. Creating a campaign " +
			"whose name belongs to an inactive campaign reactivates and adopts that campaign (with a warning); if " +
			"the name belongs to an active campaign, the apply fails and says how to import it.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "CXone's campaign ID, a whole number written as a string (for example `62001`).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the campaign, unique among the campaigns of the business unit, active or not.",
				Required:            true,
				Validators:          []validator.String{notBlankValidator()},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "What the campaign is for. Defaults to `\"\"`.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(""),
			},
			"notes": schema.StringAttribute{
				MarkdownDescription: "Free-text notes on the campaign. Defaults to `\"\"`.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(""),
			},
		},
	}
}

// CreateObject creates the campaign, or adopts an inactive one of the same name.
func (r *campaignResource) CreateObject(ctx context.Context, w *framework.Write[campaignModel]) (campaignModel, error) {
	plan := w.Plan
	name := plan.Name.ValueString()
	in := expandCampaign(plan)
	c, err := r.Client.CreateCampaign(ctx, in)
	if cxone.IsConflict(err) {
		c = r.adoptInactiveCampaign(ctx, in, w.Diags)
	} else if err != nil {
		addCreateError(w.Diags, campaignType, strconv.Quote(name),
			fmt.Sprintf("the cxone_campaign data source (name = %q)", name), err)
	}
	if c != nil {
		flattenCampaign(c, &plan)
	}
	return plan, nil
}

// campaignRetired words the campaign's life cycle: CXone cannot delete campaigns.
var campaignRetired = retiredKind{kind: campaignType, typeName: "cxone_campaign", noun: "campaign", plural: "campaigns",
	short: "campaign", idKey: "campaign_id", kept: ", with its skills and its history"}

// adoptInactiveCampaign handles a create whose name is taken: an inactive campaign of
// that name is reactivated with the configured values and adopted (takenByInactive).
// It returns nil after an error.
func (r *campaignResource) adoptInactiveCampaign(ctx context.Context, in cxone.CampaignInput, diags *diag.Diagnostics) *cxone.Campaign {
	existing := takenByInactive(ctx, campaignRetired, in.Name, r.Client.FindCampaignByName,
		func(c *cxone.Campaign) (int64, bool) { return c.ID, c.IsActive }, diags)
	if existing == nil {
		return nil
	}
	in.IsActive = new(true)
	c, err := r.Client.UpdateCampaign(ctx, existing.ID, in)
	if !campaignRetired.reactivated(ctx, in.Name, existing.ID, err, diags) {
		return nil
	}
	return c
}

// ReadObject reads the campaign. An inactive campaign is what destroy leaves behind: it
// counts as gone, so the next apply plans a create, which reactivates it.
func (r *campaignResource) ReadObject(ctx context.Context, state campaignModel, diags *diag.Diagnostics) (campaignModel, error) {
	id, ok := numericIDOf(state.ID, campaignType, "Read", diags)
	if !ok {
		return state, nil
	}
	c, err := r.Client.Campaign(ctx, id)
	if err != nil {
		return state, err
	}
	if !c.IsActive {
		return state, campaignRetired.inactive(namedObject(state.Name, id))
	}
	flattenCampaign(c, &state)
	return state, nil
}

// UpdateObject writes the plan to the campaign.
func (r *campaignResource) UpdateObject(ctx context.Context, w *framework.Write[campaignModel]) (campaignModel, error) {
	plan := w.Plan
	id, ok := numericIDOf(w.State.ID, campaignType, "Update", w.Diags)
	if !ok {
		return plan, nil
	}
	in := expandCampaign(plan)
	// The campaign is active (Read drops inactive ones); saying so again undoes a
	// deactivation that happened between refresh and apply.
	in.IsActive = new(true)
	c, err := r.Client.UpdateCampaign(ctx, id, in)
	if err != nil {
		return plan, err
	}
	flattenCampaign(c, &plan)
	return plan, nil
}

// DeleteObject deactivates the campaign: CXone has no delete for campaigns.
func (r *campaignResource) DeleteObject(ctx context.Context, state campaignModel, diags *diag.Diagnostics) error {
	id, ok := numericIDOf(state.ID, campaignType, "Delete", diags)
	if !ok {
		return nil
	}
	return r.Client.SetCampaignActive(ctx, id, false)
}

// ParseImportID takes a campaign ID such as 62001.
func (r *campaignResource) ParseImportID(_ context.Context, id string) (campaignModel, error) {
	if _, err := parseNumericID(id, "the import ID"); err != nil {
		return campaignModel{}, fmt.Errorf("expected a campaign ID, a whole number such as 62001: %w", err)
	}
	return campaignModel{ID: types.StringValue(id)}, nil
}

// Describe names a campaign in messages.
func (r *campaignResource) Describe(m campaignModel) (kind, object string) {
	id, err := parseNumericID(m.ID.ValueString(), "the campaign ID")
	if err != nil {
		return campaignType, strconv.Quote(m.Name.ValueString())
	}
	return campaignType, namedObject(m.Name, id)
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
	m.ID = types.StringValue(strconv.FormatInt(c.ID, 10))
	m.Name = types.StringValue(c.Name)
	m.Description = types.StringValue(c.Description)
	m.Notes = types.StringValue(c.Notes)
}

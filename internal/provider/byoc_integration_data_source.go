package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

var (
	_ datasource.DataSourceWithConfigure        = &byocIntegrationDataSource{}
	_ datasource.DataSourceWithConfigValidators = &byocIntegrationDataSource{}
)

// NewByocIntegrationDataSource is the cxone_byoc_integration data source.
func NewByocIntegrationDataSource() datasource.DataSource {
	return &byocIntegrationDataSource{}
}

// byocIntegrationDataSource looks up a BYOC integration by ID or by exact name.
type byocIntegrationDataSource struct {
	framework.DataSourceWithModel[byocIntegrationDataModel]
}

// byocIntegrationDataModel is every attribute of an integration except the secret.
type byocIntegrationDataModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	IntegrationBoxURL  types.String `tfsdk:"integration_box_url"`
	AuthorizationURL   types.String `tfsdk:"authorization_url"`
	ClientID           types.String `tfsdk:"client_id"`
	UseDfo3OutboundAPI types.Bool   `tfsdk:"use_dfo3_outbound_api"`
	AddActionURL       types.String `tfsdk:"add_action_url"`
	ReconnectActionURL types.String `tfsdk:"reconnect_action_url"`
	RemoveActionURL    types.String `tfsdk:"remove_action_url"`
	Color              types.String `tfsdk:"color"`
	HasClientSecret    types.Bool   `tfsdk:"has_client_secret"`
}

func (d *byocIntegrationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_byoc_integration"
}

func (d *byocIntegrationDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = byocIntegrationDataSourceSchema()
}

func byocIntegrationDataSourceSchema() schema.Schema {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	return schema.Schema{
		MarkdownDescription: "Looks up a BYOC integration by `id` or by exact `name` (exactly one of them). " +
			"The client secret is never returned; `has_client_secret` says whether CXone holds one.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The integration's ID. Exactly one of `id` and `name` must be set.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{uuidValidator("a BYOC integration")},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The integration's name, matched exactly (case-sensitive). Exactly one of `id` and `name` must be set.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{notBlankValidator()},
			},
			"integration_box_url":  computed("Base URL of the middleware (the \"Integration Box\")."),
			"authorization_url":    computed("Where CXone gets a token from the middleware."),
			"client_id":            computed("The client ID that the middleware issued to CXone."),
			"add_action_url":       computed("URL CXone calls to add a channel; null when not set."),
			"reconnect_action_url": computed("URL CXone calls to reconnect a channel; null when not set."),
			"remove_action_url":    computed("URL CXone calls to remove a channel; null when not set."),
			"color":                computed("The integration's colour in the CXone UI, `#RRGGBB`."),
			"use_dfo3_outbound_api": schema.BoolAttribute{
				MarkdownDescription: "Whether replies go through the Digital Engagement (DFO 3.0) outbound API.",
				Computed:            true,
			},
			"has_client_secret": schema.BoolAttribute{
				MarkdownDescription: "Whether CXone holds a client secret for the integration.",
				Computed:            true,
			},
		},
	}
}

func (d *byocIntegrationDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *byocIntegrationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg byocIntegrationDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !d.CheckClient(&resp.Diagnostics) {
		return
	}

	var found *cxone.Integration
	var err error
	searched := ""
	if !cfg.ID.IsNull() {
		searched = fmt.Sprintf("ID %q", cfg.ID.ValueString())
		found, err = d.Client.Integration(ctx, cfg.ID.ValueString())
	} else {
		searched = fmt.Sprintf("name %q", cfg.Name.ValueString())
		found, err = d.findByName(ctx, cfg.Name.ValueString())
	}
	var ambiguous *ambiguousMatchError
	switch {
	case errors.As(err, &ambiguous):
		resp.Diagnostics.AddAttributeError(path.Root("name"), "More Than One BYOC Integration Found",
			fmt.Sprintf("Searched for the BYOC integration by %s: more than one BYOC integration has %s (IDs %s); "+
				"look it up by id instead.", searched, searched, strings.Join(ambiguous.ids, ", ")))
		return
	case cxone.IsNotFound(err):
		resp.Diagnostics.AddError("BYOC Integration Not Found",
			fmt.Sprintf("No BYOC integration with %s exists in CXone. Names are matched exactly, case included.", searched))
		return
	case err != nil:
		addAPIError(&resp.Diagnostics, "Read", byocIntegrationType, "with "+searched, err)
		return
	}

	var out byocIntegrationDataModel
	flattenByocIntegrationData(found, &out)
	resp.Diagnostics.Append(resp.State.Set(ctx, &out)...)
}

// findByName takes the operation's list of integrations (see readcache) and returns
// the one with exactly this name (CXone keeps names unique, so several point at data
// changed behind the API's back).
func (d *byocIntegrationDataSource) findByName(ctx context.Context, name string) (*cxone.Integration, error) {
	all, err := d.Client.FindIntegrations(ctx, func(in cxone.Integration) bool { return in.Name == name })
	if err != nil {
		return nil, err
	}
	return onlyMatch(all, "integration named", name,
		func(in cxone.Integration) bool { return in.Name == name },
		func(in cxone.Integration) string { return in.ID })
}

// flattenByocIntegrationData copies an integration into the data source's model.
func flattenByocIntegrationData(in *cxone.Integration, m *byocIntegrationDataModel) {
	var r byocIntegrationModel
	flattenByocIntegration(in, &r)
	*m = byocIntegrationDataModel{
		ID: r.ID, Name: r.Name, IntegrationBoxURL: r.IntegrationBoxURL, AuthorizationURL: r.AuthorizationURL,
		ClientID: r.ClientID, UseDfo3OutboundAPI: r.UseDfo3OutboundAPI, AddActionURL: r.AddActionURL,
		ReconnectActionURL: r.ReconnectActionURL, RemoveActionURL: r.RemoveActionURL, Color: r.Color,
		HasClientSecret: r.HasClientSecret,
	}
}

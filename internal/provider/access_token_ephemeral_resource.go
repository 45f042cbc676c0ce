package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

// NewAccessTokenEphemeralResource returns the cxone_access_token ephemeral resource.
func NewAccessTokenEphemeralResource() ephemeral.EphemeralResource {
	return framework.NewEphemeralResource[accessTokenModel](&accessTokenEphemeralResource{}, "access_token", accessTokenSchema)
}

// accessTokenEphemeralResource hands out the bearer token the provider signs its
// own calls with, for API calls this provider does not cover.
type accessTokenEphemeralResource struct {
	framework.EphemeralResourceWithModel[accessTokenModel]
}

type accessTokenModel struct {
	AccessToken         types.String `tfsdk:"access_token"`
	TokenType           types.String `tfsdk:"token_type"`
	AuthorizationHeader types.String `tfsdk:"authorization_header"`
	ExpiresAt           types.String `tfsdk:"expires_at"`
	APIEndpoint         types.String `tfsdk:"api_endpoint"`
}

func accessTokenSchema(context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "A short-lived CXone bearer token from the provider's own credentials, for CXone API " +
			"calls this provider does not cover (for example with the `http` provider). It is the token the " +
			"provider signs its own calls with, so opening it costs no extra sign-in while that token is fresh. " +
			"An ephemeral resource: its values are never written to the plan or the state. Needs Terraform 1.10 or later.",
		Attributes: map[string]schema.Attribute{
			"access_token": schema.StringAttribute{
				MarkdownDescription: "The bearer token.",
				Computed:            true,
				Sensitive:           true,
			},
			"token_type": schema.StringAttribute{
				MarkdownDescription: "The token type: `Bearer`.",
				Computed:            true,
			},
			"authorization_header": schema.StringAttribute{
				MarkdownDescription: "The value of an `Authorization` header that carries the token: `Bearer <token>`.",
				Computed:            true,
				Sensitive:           true,
			},
			"expires_at": schema.StringAttribute{
				MarkdownDescription: "When CXone stops accepting the token, in RFC 3339 form (UTC).",
				Computed:            true,
			},
			"api_endpoint": schema.StringAttribute{
				MarkdownDescription: "Base URL of the tenant's API host (discovered, or the provider's `api_endpoint`), " +
					"without a trailing slash, for example `https://api-na1.niceincontact.com`. Admin API calls go to " +
					"`{api_endpoint}/inContactAPI/services/v34.0/...`, Digital Engagement calls to `{api_endpoint}/dfo/3.0/...`.",
				Computed: true,
			},
		},
	}
}

func (e *accessTokenEphemeralResource) Open(ctx context.Context, _ ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	if !e.CheckClient(&resp.Diagnostics) {
		return
	}
	tok, err := e.Client.GetAccessToken(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Unable to Open Access Token",
			"Could not get a CXone access token with the provider's credentials.\n\n"+apiAnswer("", err))
		return
	}
	m := accessTokenModel{
		AccessToken:         types.StringValue(tok.Value),
		TokenType:           types.StringValue(tok.Type),
		AuthorizationHeader: types.StringValue(tok.Type + " " + tok.Value),
		ExpiresAt:           types.StringValue(tok.ExpiresAt.UTC().Format(time.RFC3339)),
		APIEndpoint:         types.StringValue(tok.APIEndpoint),
	}
	resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
}

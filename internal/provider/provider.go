// Package provider implements the CXone Terraform provider on
// terraform-plugin-framework.
package provider

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

var (
	_ provider.ProviderWithEphemeralResources = (*cxoneProvider)(nil)
	_ provider.ProviderWithListResources      = (*cxoneProvider)(nil)
	_ provider.ProviderWithActions            = (*cxoneProvider)(nil)
)

// Defaults that apply when neither the configuration nor the environment sets a value:
// the client's own, except for retries, where a Terraform run can wait longer than the
// client's other callers.
const (
	defaultAuthURL         = cxone.DefaultAuthURL
	defaultAdminAPIVersion = cxone.DefaultAdminAPIVersion
	defaultMaxRetries      = 5
)

// New returns a constructor for the provider, stamped with the build version
// (shown in the User-Agent of every API call).
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &cxoneProvider{version: version}
	}
}

type cxoneProvider struct {
	version string
}

// providerModel maps the provider block.
type providerModel struct {
	TenantID                  types.String  `tfsdk:"tenant_id"`
	AuthURL                   types.String  `tfsdk:"auth_url"`
	APIEndpoint               types.String  `tfsdk:"api_endpoint"`
	AccessKeyID               types.String  `tfsdk:"access_key_id"`
	AccessKeySecret           types.String  `tfsdk:"access_key_secret"`
	ClientID                  types.String  `tfsdk:"client_id"`
	ClientSecret              types.String  `tfsdk:"client_secret"`
	AdminAPIVersion           types.String  `tfsdk:"admin_api_version"`
	MaxRetries                types.Int64   `tfsdk:"max_retries"`
	MaxRequestsPerSecond      types.Float64 `tfsdk:"max_requests_per_second"`
	SkipCredentialsValidation types.Bool    `tfsdk:"skip_credentials_validation"`
	RetryTimeout              types.String  `tfsdk:"retry_timeout"`
}

func (p *cxoneProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "cxone"
	resp.Version = p.version
}

func (p *cxoneProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = providerSchema()
}

func providerSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Manages NICE CXone Digital Experience: digital agents, digital skills and their " +
			"routing queues, skill assignments, Bring Your Own Channel (BYOC) integrations and channels, and " +
			"routing-queue bindings. Every setting can also come from its environment variable.",
		Attributes: map[string]schema.Attribute{
			string(cxone.SettingTenantID): schema.StringAttribute{
				MarkdownDescription: "CXone tenant ID, used to discover the tenant's API endpoint at " +
					"`{auth_url}/.well-known/cxone-configuration`. Environment variable: `" + cxone.SettingTenantID.EnvVar() + "`. " +
					"Required unless `api_endpoint` is set.",
				Optional: true,
			},
			string(cxone.SettingAuthURL): schema.StringAttribute{
				MarkdownDescription: "Base URL of CXone's authentication host, where discovery runs and tokens are " +
					"issued. Defaults to `" + defaultAuthURL + "`. Environment variable: `" + cxone.SettingAuthURL.EnvVar() + "`. " +
					"`http://` is accepted only for loopback hosts (the mock server).",
				Optional:   true,
				Validators: []validator.String{urlValidator{}},
			},
			string(cxone.SettingAPIEndpoint): schema.StringAttribute{
				MarkdownDescription: "Base URL of the tenant's API host, for example `https://api-na1.niceincontact.com`. " +
					"When set, discovery is skipped. Environment variable: `" + cxone.SettingAPIEndpoint.EnvVar() + "`.",
				Optional:   true,
				Validators: []validator.String{urlValidator{}},
			},
			string(cxone.SettingAccessKeyID): schema.StringAttribute{
				MarkdownDescription: "ID of a CXone access key. Environment variable: `" + cxone.SettingAccessKeyID.EnvVar() + "`.",
				Optional:            true,
			},
			string(cxone.SettingAccessKeySecret): schema.StringAttribute{
				MarkdownDescription: "Secret of the CXone access key. Environment variable: `" + cxone.SettingAccessKeySecret.EnvVar() + "`.",
				Optional:            true,
				Sensitive:           true,
			},
			string(cxone.SettingClientID): schema.StringAttribute{
				MarkdownDescription: "Client ID of a registered CXone back-end application. When set (with " +
					"`client_secret`), tokens come from the password grant at `/auth/token` with the access key as " +
					"user name and password; otherwise from the access-key grant. Environment variable: `" + cxone.SettingClientID.EnvVar() + "`.",
				Optional: true,
			},
			string(cxone.SettingClientSecret): schema.StringAttribute{
				MarkdownDescription: "Client secret of the registered application. Environment variable: `" + cxone.SettingClientSecret.EnvVar() + "`.",
				Optional:            true,
				Sensitive:           true,
			},
			string(cxone.SettingAdminAPIVersion): schema.StringAttribute{
				MarkdownDescription: "Version of the CXone Admin API, in the form `vNN.N`. Defaults to `" +
					defaultAdminAPIVersion + "`. Environment variable: `" + cxone.SettingAdminAPIVersion.EnvVar() + "`.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.RegexMatches(adminAPIVersionRE, "must look like v34.0")},
			},
			string(cxone.SettingMaxRetries): schema.Int64Attribute{
				MarkdownDescription: "How many times a failed API call (429, 502, 503, 504 or a connection failure; for creates " +
					"that are not idempotent only 429, 503 and failures before sending) is " +
					"retried, with exponential backoff and jitter, before the operation fails. Defaults to `" +
					strconv.Itoa(defaultMaxRetries) + "`. Environment variable: `" + cxone.SettingMaxRetries.EnvVar() + "`.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 20)},
			},
			string(cxone.SettingMaxRequestsPerSecond): schema.Float64Attribute{
				MarkdownDescription: "A hard cap on API requests per second, shared by every resource and data " +
					"source of a run. Without it the provider still paces itself: when CXone answers 429, every call of the " +
					"run slows down to about the rate CXone was serving, then speeds back up while nothing is refused. " +
					"`0` means no cap (the default). Environment variable: `" + cxone.SettingMaxRequestsPerSecond.EnvVar() + "`.",
				Optional:   true,
				Validators: []validator.Float64{float64validator.Between(0, 10000)},
			},
			string(cxone.SettingRetryTimeout): schema.StringAttribute{
				MarkdownDescription: "The most time one API call may take, its retries, their waits and a token fetch " +
					"included, as a Go duration from `1s` to `1h` (`90s`, `5m`). Each attempt also has its own 60-second " +
					"timeout. When CXone does not answer within it, the operation fails with an error saying so, and the " +
					"run's later calls fail at once rather than spending another budget each; a `Retry-After` longer than " +
					"what is left of it fails the call at once, saying how long CXone asked to wait. Defaults to `" +
					cxone.DefaultRetryTimeout.String() + "`. Environment variable: `" + cxone.SettingRetryTimeout.EnvVar() + "`.",
				Optional:   true,
				Validators: []validator.String{retryTimeoutValidator{}},
			},
			string(cxone.SettingSkipCredentialsValidation): schema.BoolAttribute{
				MarkdownDescription: "Whether to skip the check of the settings when the provider starts. By default " +
					"the provider fetches its access token first (with discovery when `tenant_id` is used), the token " +
					"every command that calls CXone needs anyway, so that a wrong tenant, secret or URL is one error " +
					"on the provider block; with `api_endpoint` or `admin_api_version` set, it also makes one small " +
					"Admin API call to prove them. Set `true` for commands that should not call CXone at all, such as " +
					"`terraform plan -refresh=false` offline. Defaults to `false`. Environment variable: `" +
					cxone.SettingSkipCredentialsValidation.EnvVar() + "`.",
				Optional: true,
			},
		},
	}
}

func (p *cxoneProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	settings, known, diags := resolveSettings(cfg, os.Getenv)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() || !known {
		// With unknown settings the client is built on a later run; resources say so if asked to call the API.
		return
	}
	settings.UserAgent = fmt.Sprintf("terraform-provider-cxone/%s (+https://registry.terraform.io/providers/cxone-oss/cxone)", p.version)
	settings.Logger = tflogLogger{}
	skip, diags := skipCredentialsValidation(cfg.SkipCredentialsValidation, os.Getenv)
	resp.Diagnostics.Append(diags...)
	client, err := cxone.New(settings)
	if err != nil {
		resp.Diagnostics.AddError("Unable to Create CXone API Client",
			"The provider settings were accepted, but the API client could not be built: "+err.Error())
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if !skip {
		checkSettings(ctx, client, settings, &resp.Diagnostics)
		if resp.Diagnostics.HasError() {
			// No client is handed on: resources are not asked to run after a Configure error.
			return
		}
	}
	// Resources, data sources and list resources share the operation's read cache
	// (see framework.Resource and DataSourceWithModel).
	cache := readcache.New(client)
	resp.ResourceData = cache
	resp.DataSourceData = cache
	resp.ListResourceData = cache
	resp.ActionData = cache
	resp.EphemeralResourceData = client
}

func (p *cxoneProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewByocIntegrationResource,
		NewDigitalChannelResource,
		NewRoutingQueueBindingResource,
		NewDigitalUserPermissionsResource,
		NewSkillAssignmentResource,
		NewDigitalSkillResource,
		NewUserResource,
		NewMessageTemplateResource,
		NewCampaignResource,
		NewCallingListResource,
		NewDispositionResource,
		NewDNCGroupResource,
		NewDNCGroupSkillResource,
		NewOutboundSkillResource,
	}
}

// EphemeralResources needs Terraform 1.10 or later; older versions do not ask for them.
func (p *cxoneProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		NewAccessTokenEphemeralResource,
	}
}

// ListResources gives every resource of Resources() that is also a list resource
// (all of them: TestEveryResourceIsListed) as the list resource of the same name.
func (p *cxoneProvider) ListResources(ctx context.Context) []func() list.ListResource {
	var out []func() list.ListResource
	for _, newResource := range p.Resources(ctx) {
		if r, ok := newResource().(interface{ Listed() bool }); ok && r.Listed() {
			out = append(out, func() list.ListResource {
				lr, _ := newResource().(list.ListResource)
				return lr
			})
		}
	}
	return out
}

// Actions needs Terraform 1.14 or later; older versions do not ask for them.
func (p *cxoneProvider) Actions(_ context.Context) []func() action.Action {
	return []func() action.Action{
		NewOutboundSkillStartAction,
		NewOutboundSkillStopAction,
		NewCallingListUploadAction,
		NewChannelSendMessageAction,
	}
}

func (p *cxoneProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewByocIntegrationDataSource,
		NewUserDataSource,
		NewDigitalSkillDataSource,
		NewRoutingQueueDataSource,
		NewTeamDataSource,
		NewSecurityProfileDataSource,
		NewMessageTemplateDataSource,
		NewCampaignDataSource,
		NewDispositionDataSource,
		NewDNCGroupDataSource,
		NewOutboundSkillDataSource,
	}
}

// tflogLogger routes the client's logs to Terraform's log. The client never passes
// secrets, tokens or Authorization headers.
type tflogLogger struct{}

func (tflogLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.Debug(ctx, msg, fields)
}

func (tflogLogger) Warn(ctx context.Context, msg string, fields map[string]any) {
	tflog.Warn(ctx, msg, fields)
}

// attrPath is a short alias used by the settings checks.
func attrPath(s cxone.Setting) path.Path { return path.Root(string(s)) }

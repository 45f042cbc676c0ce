package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// providerData is what Configure hands to every resource and data source.
type providerData struct {
	client *cxone.Client
	// reads serves managed-resource reads of this operation; see readCache.
	reads *readCache
}

func newProviderData(client *cxone.Client) *providerData {
	return &providerData{client: client, reads: newReadCache(client)}
}

// configureClient extracts the client from provider data. It is shared by
// resourceBase and dataSourceBase so that the type check is written once.
func configureClient(data any, diags *diag.Diagnostics) *providerData {
	if data == nil {
		// The provider is not configured yet (validation, or settings still unknown).
		return nil
	}
	pd, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected Provider Data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider: please report it.", data))
		return nil
	}
	return pd
}

// resourceBase is embedded by every resource: it holds the API client set by Configure,
// and the operation's read cache that Read uses instead of the client.
type resourceBase struct {
	client *cxone.Client
	// reads serves Read: batched per operation, see readCache.
	reads *readCache
}

// Configure stores the provider's API client.
func (b *resourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if pd := configureClient(req.ProviderData, &resp.Diagnostics); pd != nil {
		b.client, b.reads = pd.client, pd.reads
	}
}

// checkClient reports a clear error when the provider could not build a client,
// for example because a provider setting depends on a value not yet known.
func (b *resourceBase) checkClient(diags *diag.Diagnostics) bool {
	return checkClient(b.client, diags)
}

// dataSourceBase is embedded by every data source: it holds the API client set by Configure.
type dataSourceBase struct {
	client *cxone.Client
}

// Configure stores the provider's API client.
func (b *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if pd := configureClient(req.ProviderData, &resp.Diagnostics); pd != nil {
		b.client = pd.client
	}
}

func (b *dataSourceBase) checkClient(diags *diag.Diagnostics) bool {
	return checkClient(b.client, diags)
}

func checkClient(c *cxone.Client, diags *diag.Diagnostics) bool {
	if c != nil {
		return true
	}
	diags.AddError("Provider Not Configured",
		"The CXone provider has no API client: one of its settings is not known until apply. "+
			"Set the provider's settings from values known at plan time.")
	return false
}

// tflogLogger routes the client's logs to Terraform's log under the "cxone" subsystem
// fields. The client never passes secrets, tokens or Authorization headers.
type tflogLogger struct{}

func (tflogLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.Debug(ctx, msg, fields)
}

func (tflogLogger) Warn(ctx context.Context, msg string, fields map[string]any) {
	tflog.Warn(ctx, msg, fields)
}

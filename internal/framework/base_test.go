package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

func TestResource_configure(t *testing.T) {
	ctx := context.Background()
	var r Resource[model]

	// Before the provider is configured: no client, no error until one is needed.
	var resp resource.ConfigureResponse
	r.Configure(ctx, resource.ConfigureRequest{}, &resp)
	if resp.Diagnostics.HasError() || r.Client != nil {
		t.Fatalf("unconfigured: %v, client %v", resp.Diagnostics, r.Client)
	}
	var diags diag.Diagnostics
	if r.CheckClient(&diags) || diags.ErrorsCount() != 1 || diags[0].Summary() != "Provider Not Configured" {
		t.Errorf("CheckClient without a client: %v", diags)
	}

	c := readcache.New(&cxone.Client{})
	r.Configure(ctx, resource.ConfigureRequest{ProviderData: c}, &resp)
	if resp.Diagnostics.HasError() || r.Client != c || !r.CheckClient(&diags) {
		t.Errorf("configured: %v, client %v", resp.Diagnostics, r.Client)
	}

	// Resources get the read cache; a bare client is a bug in the provider.
	r.Configure(ctx, resource.ConfigureRequest{ProviderData: &cxone.Client{}}, &resp)
	if !resp.Diagnostics.HasError() || resp.Diagnostics[0].Summary() != "Unexpected Provider Data" {
		t.Errorf("wrong provider data: %v", resp.Diagnostics)
	}
	if _, ok := r.Model().(model); !ok {
		t.Errorf("Model() = %T, want model", r.Model())
	}
}

func TestDataSourceWithModel_configure(t *testing.T) {
	ctx := context.Background()
	var d DataSourceWithModel[model]
	c := readcache.New(&cxone.Client{})
	var resp datasource.ConfigureResponse
	d.Configure(ctx, datasource.ConfigureRequest{ProviderData: c}, &resp)
	if resp.Diagnostics.HasError() || d.Client != c {
		t.Errorf("configured: %v, client %v", resp.Diagnostics, d.Client)
	}
	// Data sources share the resources' read cache; a bare client is a bug in the provider.
	d.Configure(ctx, datasource.ConfigureRequest{ProviderData: &cxone.Client{}}, &resp)
	if !resp.Diagnostics.HasError() {
		t.Error("a data source took a bare client")
	}
	if _, ok := d.Model().(model); !ok {
		t.Errorf("Model() = %T, want model", d.Model())
	}
}

package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

func TestByocIntegrationSchemaSecrets(t *testing.T) {
	s := byocIntegrationSchema(context.Background())
	if !s.Attributes["client_secret"].IsSensitive() {
		t.Error("client_secret must be sensitive")
	}
	wo := s.Attributes["client_secret_wo"]
	if !wo.IsWriteOnly() || !wo.IsSensitive() || wo.IsComputed() {
		t.Error("client_secret_wo must be write-only, sensitive and not computed")
	}
	for name := range byocIntegrationDataSourceSchema().Attributes {
		if strings.Contains(name, "secret") && name != "has_client_secret" {
			t.Errorf("the data source must not expose %s", name)
		}
	}
}

func TestExpandFlattenByocIntegration(t *testing.T) {
	m := byocIntegrationModel{
		Name:                  types.StringValue("The Watering Hole"),
		IntegrationBoxURL:     types.StringValue("https://middleware.thejungle.example/watering-hole"),
		AuthorizationURL:      types.StringValue("https://middleware.thejungle.example/oauth/token"),
		ClientID:              types.StringValue("watering-hole"),
		ClientSecretWO:        types.StringValue("should-not-be-used-by-expand"),
		ClientSecretWOVersion: types.Int64Value(3),
		UseDfo3OutboundAPI:    types.BoolValue(true),
		AddActionURL:          types.StringValue("https://middleware.thejungle.example/add"),
		ReconnectActionURL:    types.StringNull(),
		RemoveActionURL:       types.StringNull(),
		Color:                 types.StringUnknown(),
	}
	in := expandByocIntegration(&m, "from-config")
	want := cxone.IntegrationInput{
		Name: "The Watering Hole", IntegrationBoxURL: "https://middleware.thejungle.example/watering-hole",
		AuthorizationURL: "https://middleware.thejungle.example/oauth/token", ClientID: "watering-hole",
		ClientSecret: "from-config", UseDfo3OutboundAPI: true, AddActionURL: "https://middleware.thejungle.example/add",
	}
	if in != want {
		t.Fatalf("expand:\n got %#v\nwant %#v", in, want)
	}
	if strings.Contains(in.String(), "from-config") {
		t.Error("IntegrationInput.String shows the secret")
	}

	api := &cxone.Integration{
		ID: "f00", Name: in.Name, IntegrationBoxURL: in.IntegrationBoxURL, AuthorizationURL: in.AuthorizationURL,
		ClientID: in.ClientID, HasClientSecret: true, UseDfo3OutboundAPI: true, AddActionURL: in.AddActionURL, Color: "#1F8A70",
	}
	flattenByocIntegration(api, &m)
	switch {
	case m.ID.ValueString() != "f00", m.Color.ValueString() != "#1F8A70", !m.HasClientSecret.ValueBool():
		t.Errorf("flatten lost values: %+v", m)
	case !m.ReconnectActionURL.IsNull() || !m.RemoveActionURL.IsNull():
		t.Errorf("unset optional URLs must be null, got %v / %v", m.ReconnectActionURL, m.RemoveActionURL)
	case !m.ClientSecretWO.IsNull():
		t.Error("flatten must null the write-only secret")
	case m.ClientSecretWOVersion.ValueInt64() != 3:
		t.Error("flatten must keep client_secret_wo_version (CXone has no such field)")
	}

	var d byocIntegrationDataModel
	flattenByocIntegrationData(api, &d)
	if d.ID.ValueString() != "f00" || d.AddActionURL.ValueString() != in.AddActionURL || !d.RemoveActionURL.IsNull() {
		t.Errorf("data source flatten: %+v", d)
	}
}

func TestCheckHTTPSURL(t *testing.T) {
	for raw, wantOK := range map[string]bool{
		"https://middleware.thejungle.example/watering-hole": true,
		"https://127.0.0.1:8443/x?y=1":                       true,
		"http://middleware.thejungle.example":                false,
		"http://127.0.0.1/":                                  false,
		"/watering-hole":                                     false,
		"middleware.thejungle.example/x":                     false,
		"https://":                                           false,
		"":                                                   false,
		"https://exa mple.com/%zz":                           false,
	} {
		if got := checkHTTPSURL(raw) == ""; got != wantOK {
			t.Errorf("checkHTTPSURL(%q) ok = %v, want %v (%s)", raw, got, wantOK, checkHTTPSURL(raw))
		}
	}
	var resp validator.StringResponse
	httpsURLValidator{}.ValidateString(context.Background(), validator.StringRequest{
		Path: path.Root("authorization_url"), ConfigValue: types.StringValue("http://x.example"),
	}, &resp)
	if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "authorization_url") {
		t.Errorf("the error must name the attribute: %v", resp.Diagnostics)
	}
}

func TestByocConfiguredSecret(t *testing.T) {
	getter := func(values map[string]types.String) configAttributeGetter {
		return func(_ context.Context, p path.Path, target any) diag.Diagnostics {
			v, ok := values[p.String()]
			if !ok {
				v = types.StringNull()
			}
			ptr, ok := target.(*types.String)
			if !ok {
				t.Fatalf("target is %T, want *types.String", target)
			}
			*ptr = v
			return nil
		}
	}
	got, diags := byocConfiguredSecret(context.Background(), getter(map[string]types.String{"client_secret_wo": types.StringValue("wo")}))
	if diags.HasError() || got != "wo" {
		t.Errorf("write-only secret: got %q, %v", got, diags)
	}
	got, diags = byocConfiguredSecret(context.Background(), getter(map[string]types.String{"client_secret": types.StringValue("plain")}))
	if diags.HasError() || got != "plain" {
		t.Errorf("plain secret: got %q, %v", got, diags)
	}
	if _, diags = byocConfiguredSecret(context.Background(), getter(nil)); !diags.HasError() {
		t.Error("no secret in the configuration must be an error")
	}
}

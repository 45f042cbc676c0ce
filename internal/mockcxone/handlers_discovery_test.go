package mockcxone

import (
	"net/http"
	"testing"
)

func TestDiscovery(t *testing.T) {
	c := newClient(t, Options{})
	a := c.raw("GET", DiscoveryPath+"?tenantId=mock-tenant", nil, "").want(t, http.StatusOK)
	d := decode[map[string]any](t, a)
	for _, k := range []string{"api_endpoint", "auth_endpoint"} {
		if d[k] != c.s.URL {
			t.Errorf("%s = %v, want %s", k, d[k], c.s.URL)
		}
	}
	if d["tenantId"] != TenantID || d["private"] != false || d["area"] == "" || d["ui_endpoint"] == nil {
		t.Errorf("discovery document incomplete: %s", a.body)
	}
	c.raw("GET", DiscoveryPath+"?tenantId=other", nil, "").want(t, http.StatusNotFound)
}

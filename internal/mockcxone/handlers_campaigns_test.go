package mockcxone

import (
	"net/http"
	"testing"
)

func TestCampaigns_rules(t *testing.T) {
	c := newClient(t, Options{})
	c.admin("POST", "/campaigns", `{"name":"Launch","notes":"n","divisionId":3}`).want(t, http.StatusOK)
	c.admin("POST", "/campaigns", `{"name":"Other"}`).want(t, http.StatusOK)
	for _, tc := range []struct {
		name, method, path, body string
		status                   int
	}{
		{"create without name", "POST", "/campaigns", `{"notes":"n"}`, 400},
		{"create blank name", "POST", "/campaigns", `{"name":" "}`, 400},
		{"create duplicate", "POST", "/campaigns", `{"name":"Launch"}`, 409},
		{"create not JSON", "POST", "/campaigns", `name=x`, 400},
		{"update without name", "PUT", "/campaigns/62001", `{"notes":"x"}`, 400},
		{"update to a taken name", "PUT", "/campaigns/62001", `{"name":"Other"}`, 409},
		{"update unknown", "PUT", "/campaigns/1", `{"name":"x"}`, 404},
		{"status without isActive", "PATCH", "/campaigns/62001/status", ``, 400},
		{"status unknown", "PATCH", "/campaigns/1/status?isActive=false", ``, 404},
		{"update", "PUT", "/campaigns/62001", `{"name":"Launch day","description":"d"}`, 204},
		{"deactivate", "PATCH", "/campaigns/62001/status?isActive=false", ``, 204},
	} {
		t.Run(tc.name, func(t *testing.T) { c.admin(tc.method, tc.path, tc.body).want(t, tc.status) })
	}
	got := decode[Campaign](t, c.admin("GET", "/campaigns/62001", nil).want(t, 200))
	if got.Name != "Launch day" || got.Notes != "n" || got.DivisionID != 3 || got.Description != "d" || got.IsActive {
		t.Fatalf("flat read %+v", got)
	}
	page := decode[struct {
		TotalRecords int        `json:"totalRecords"`
		Campaigns    []Campaign `json:"campaigns"`
	}](t, c.admin("GET", "/campaigns?isActive=true&top=1", nil).want(t, 200))
	if page.TotalRecords != 1 || len(page.Campaigns) != 1 || page.Campaigns[0].Name != "Other" {
		t.Fatalf("active campaigns %+v", page)
	}
	c.admin("GET", "/campaigns/1", nil).want(t, 404)
}

package mockcxone

import (
	"encoding/json"
	"net/http"
	"testing"
)

// TestThreeKindsOf404: an unknown tenant, a path no API serves and an unknown object each
// answer 404 in their own way, and only the object's 404 carries CXone's error body.
func TestThreeKindsOf404(t *testing.T) {
	c := newClient(t, Options{})

	// Discovery: the tenant is unknown.
	disc := c.raw("GET", DiscoveryPath+"?tenantId=nobody", nil, "").want(t, http.StatusNotFound)
	if e := decode[map[string]string](t, disc); e["error"] != "not_found" {
		t.Errorf("discovery 404: %s", disc.body)
	}

	// Paths no API serves: the gateway's 404, whose body is not JSON.
	for _, path := range []string{
		"/inContactAPI/services/v99.0/agents/1001", // wrong admin_api_version
		"/inContactAPI/services/v35.0/agents",
		"/inContactAPI/services/34/agents",
		"/inContactAPI/services/v34.0/agentz", // a typo
		"/dfo/3.1/channels",                   // wrong DFO version
		"/api/v1/agents",                      // wrong api_endpoint (a path prefix)
	} {
		for _, method := range []string{"GET", "POST"} {
			a := c.call(method, path, nil)
			if a.status != http.StatusNotFound || json.Valid(a.body) && len(a.body) > 0 {
				t.Errorf("%s %s: %d %q, want the gateway's 404 without a JSON body", method, path, a.status, a.body)
			}
		}
	}
	// Every version up to the newest is served.
	c.call("GET", "/inContactAPI/services/v1.0/agents/1001", nil).want(t, http.StatusOK)
	c.call("GET", "/inContactAPI/services/v34.0/agents/1001", nil).want(t, http.StatusOK)
	// A served path with a method it does not take is a 405, not the gateway's 404: there
	// is no GET /channels/{id}, but DELETE serves that path.
	c.dfo("GET", "/channels/ch-1", nil).want(t, http.StatusMethodNotAllowed)

	// Unknown objects: CXone's own error body, in each family's shape.
	e := decode[map[string]string](t, c.admin("GET", "/agents/999", nil).want(t, http.StatusNotFound))
	if e["error"] != "not_found" || e["error_description"] == "" {
		t.Errorf("Admin object 404: %v", e)
	}
	if field := c.dfo("GET", "/channel-integrations/nope", nil).wantDFOError(t, http.StatusNotFound); field != "id" {
		t.Errorf("DFO object 404 names field %q", field)
	}

	// Unserved paths count as "(no route)", an unserved version too.
	if n := c.s.Requests().ByRoute["GET (no route)"]; n != 7 {
		t.Errorf("%d GETs counted under (no route), want 7: 6 unserved paths and the 405 (all: %v)", n, c.s.Requests().ByRoute)
	}
}

// TestGatewayNotFoundUnderFaults: a drop_response or latency rule that lets a request
// through still answers an unserved version as the gateway does.
func TestGatewayNotFoundUnderFaults(t *testing.T) {
	c := newClient(t, Options{})
	setFaults(t, c.s, FaultRule{Path: "/inContactAPI/", LatencyMS: 1})
	a := c.call("GET", "/inContactAPI/services/v99.0/agents/1001", nil)
	if a.status != http.StatusNotFound || json.Valid(a.body) {
		t.Fatalf("faulted unserved version: %d %q", a.status, a.body)
	}
}

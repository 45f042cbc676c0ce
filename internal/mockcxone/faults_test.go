package mockcxone

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

func setFaults(t *testing.T, s *Server, rules ...FaultRule) {
	t.Helper()
	if err := s.SetFaults(rules); err != nil {
		t.Fatalf("SetFaults: %v", err)
	}
}

func TestFaultStatusCountAndRetryAfter(t *testing.T) {
	c := newClient(t, Options{})
	setFaults(t, c.s, FaultRule{Method: "get", Path: "/dfo/3.0/routing", Status: 503, RetryAfter: "2", Count: 2})
	for i := range 2 {
		a := c.dfo("GET", "/routing-queues", nil)
		a.wantDFOError(t, http.StatusServiceUnavailable)
		if a.header.Get("Retry-After") != "2" {
			t.Errorf("attempt %d: Retry-After %q", i, a.header.Get("Retry-After"))
		}
	}
	c.dfo("GET", "/routing-queues", nil).want(t, http.StatusOK)
	// Other methods and paths were never affected; faulted requests still count.
	if n := c.s.Requests().ByRoute["GET /dfo/3.0/routing-queues"]; n != 3 {
		t.Errorf("counted %d routing-queue requests, want 3", n)
	}

	setFaults(t, c.s, FaultRule{Path: adminPrefix + "/agents", Status: 500})
	a := c.admin("GET", "/agents/1001", nil).want(t, http.StatusInternalServerError)
	if e := decode[map[string]string](t, a); e["error"] == "" || e["error_description"] == "" {
		t.Errorf("admin fault shape: %s", a.body)
	}
	c.admin("GET", "/skills", nil).want(t, http.StatusOK)
}

func TestFaultFirstMatchingRuleDecides(t *testing.T) {
	c := newClient(t, Options{})
	setFaults(t, c.s,
		FaultRule{Path: "/dfo/", Status: 500, Count: 1},
		FaultRule{Path: "/dfo/", Status: 502},
	)
	c.dfo("GET", "/channels", nil).want(t, http.StatusInternalServerError)
	c.dfo("GET", "/channels", nil).want(t, http.StatusBadGateway) // first rule used up
	setFaults(t, c.s,
		FaultRule{Path: "/dfo/", Status: 500, Probability: Prob(0)},
		FaultRule{Path: "/dfo/", Status: 502},
	)
	c.dfo("GET", "/channels", nil).want(t, http.StatusBadGateway) // a rule that does not fire lets the next one try
	setFaults(t, c.s, FaultRule{Path: "/dfo/", Status: 500, Probability: Prob(0)})
	c.dfo("GET", "/channels", nil).want(t, http.StatusOK)
}

func TestFaultProbability(t *testing.T) {
	c := newClient(t, Options{})
	setFaults(t, c.s, FaultRule{Status: 500, Probability: Prob(0)})
	for range 20 {
		c.dfo("GET", "/channels", nil).want(t, http.StatusOK)
	}
	setFaults(t, c.s, FaultRule{Status: 500, Probability: Prob(1)})
	for range 20 {
		c.dfo("GET", "/channels", nil).want(t, http.StatusInternalServerError)
	}
	if err := c.s.SetFaults([]FaultRule{{Probability: Prob(1.5)}}); err == nil {
		t.Error("probability 1.5 accepted")
	}
}

func TestFaultLatency(t *testing.T) {
	c := newClient(t, Options{})
	setFaults(t, c.s, FaultRule{Path: "/dfo/3.0/channels", LatencyMS: 150})
	start := time.Now()
	c.dfo("GET", "/channels", nil).want(t, http.StatusOK)
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Errorf("answered after %s, want at least 150ms", d)
	}
	start = time.Now()
	c.dfo("GET", "/routing-queues", nil).want(t, http.StatusOK)
	if d := time.Since(start); d >= 150*time.Millisecond {
		t.Errorf("unmatched path delayed %s", d)
	}
}

func TestFaultDropResponseKeepsEffect(t *testing.T) {
	c := newClient(t, Options{})
	setFaults(t, c.s, FaultRule{Method: "POST", Path: "/dfo/3.0/channel-integrations", DropResponse: true, Count: 1})
	req, err := http.NewRequest("POST", c.s.URL+"/dfo/3.0/channel-integrations",
		strings.NewReader(encodeBody(t, validIntegration("Lost answer"))))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.hc.Do(req)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("got an answer (%d) to a dropped request", resp.StatusCode)
	}
	in := c.s.State().Integrations
	if len(in) != 1 || in[0].Name != "Lost answer" {
		t.Errorf("the dropped request must still take effect: %+v", in)
	}
	// The rule is used up; the retry sees the effect of the first attempt.
	c.dfo("POST", "/channel-integrations", validIntegration("Lost answer")).wantDFOError(t, http.StatusConflict)
}

func TestFaultsSpareDiscoveryAndControls(t *testing.T) {
	c := newClient(t, Options{})
	setFaults(t, c.s, FaultRule{Status: 500})
	c.raw("GET", DiscoveryPath+"?tenantId=mock-tenant", nil, "").want(t, http.StatusOK)
	c.raw("GET", "/_mock/state", nil, "").want(t, http.StatusOK)
	c.raw("POST", "/authentication/v1/token/access-key", nil,
		`{"accessKeyId":"mock-access-key","accessKeySecret":"mock-access-secret"}`).want(t, http.StatusInternalServerError)
}

func TestFaultsControlEndpoint(t *testing.T) {
	c := newClient(t, Options{})
	a := c.raw("POST", "/_mock/faults", nil,
		`{"rules":[{"method":"GET","path":"/dfo/3.0/channels","status":429,"retry_after":3,"count":1,"latency_ms":1,"probability":1}]}`).want(t, http.StatusOK)
	var got struct {
		Rules []FaultRule `json:"rules"`
	}
	if err := json.Unmarshal(a.body, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Rules) != 1 || got.Rules[0].RetryAfter != "3" || got.Rules[0].Status != 429 || got.Rules[0].LatencyMS != 1 {
		t.Errorf("rules in force %s", a.body)
	}
	r := c.dfo("GET", "/channels", nil).want(t, http.StatusTooManyRequests)
	if r.header.Get("Retry-After") != "3" {
		t.Errorf("Retry-After %q", r.header.Get("Retry-After"))
	}
	c.raw("POST", "/_mock/faults", nil, `{"rules":[{"status":42}]}`).want(t, http.StatusBadRequest)
	c.raw("POST", "/_mock/faults", nil, `{"rulez":[]}`).want(t, http.StatusBadRequest)
	c.raw("POST", "/_mock/faults", nil, `{"rules":[{"status":500}]}`).want(t, http.StatusOK)
	c.raw("POST", "/_mock/faults", nil, `{"rules":[]}`).want(t, http.StatusOK)
	if n := len(c.s.Faults()); n != 0 {
		t.Errorf("[] left %d rules", n)
	}
	c.dfo("GET", "/channels", nil).want(t, http.StatusOK)
}

func TestFaultHitsCountFiredRules(t *testing.T) {
	c := newClient(t, Options{})
	setFaults(t, c.s,
		FaultRule{Path: "/dfo/", Status: 503, Count: 2},
		FaultRule{Path: "/dfo/", Status: 500, Probability: Prob(0)},
	)
	for range 3 {
		c.dfo("GET", "/channels", nil)
	}
	if got := c.s.FaultHits(); len(got) != 2 || got[0] != 2 || got[1] != 0 {
		t.Fatalf("FaultHits() = %v, want [2 0]", got)
	}
}

// TestFaultsRefuseRulesThatCannotMean: a misspelt field or a path that can never match is
// refused with 400 naming the rule and the field, and leaves the rules in force alone.
func TestFaultsRefuseRulesThatCannotMean(t *testing.T) {
	c := newClient(t, Options{})
	setFaults(t, c.s, FaultRule{Path: "/dfo/", Status: 503})
	for body, want := range map[string][]string{
		`{"rules":[{"path":"/dfo/3.0/channels","stauts":503}]}`:        {"fault rule 0", `unknown field "stauts"`, "status"},
		`{"rules":[{"status":503},{"path":"/dfo/3.0/channels/{id}"}]}`: {"fault rule 1", `path "/dfo/3.0/channels/{id}"`, "template"},
		`{"rules":[{"path":"dfo/3.0/channels"}]}`:                      {"fault rule 0", `path "dfo/3.0/channels"`, "start with /"},
		`{"rules":[{"path":"/dfo/3.0/channels?id[]=a"}]}`:              {"fault rule 0", "path", "query"},
		`{"rules":[{"method":"GTE"}]}`:                                 {"fault rule 0", `method "GTE"`},
		`{"rules":[{"status":503}],"extra":true}`:                      {`unknown field "extra"`},
		`{"rules":null}`: {`{"rules": [...]}`},
		`{"rules":[{"status":503,"retry_after":"2","drop_response":7}]}`: {"fault rule 0", "drop_response"},
	} {
		a := c.raw("POST", "/_mock/faults", nil, body).want(t, http.StatusBadRequest)
		var e struct {
			Description string `json:"error_description"`
		}
		if err := json.Unmarshal(a.body, &e); err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(e.Description, w) {
				t.Errorf("%s: answer %q lacks %q", body, e.Description, w)
			}
		}
	}
	if got := c.s.Faults(); len(got) != 1 || got[0].Status != 503 {
		t.Fatalf("a refused body changed the rules: %+v", got)
	}
	// The same checks hold for rules set from Go.
	if err := c.s.SetFaults([]FaultRule{{Path: "/inContactAPI/services/{version}/agents"}}); err == nil {
		t.Fatal("SetFaults took a templated path")
	}
}

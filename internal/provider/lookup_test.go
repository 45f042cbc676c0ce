package provider

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// TestLookUpOnly: what a look-up says for each answer, the same for every kind.
func TestLookUpOnly(t *testing.T) {
	all := []cxone.Agent{
		{AgentID: 1010, UserName: "mowgli.twin", EmailAddress: "Mowgli@TheJungle.example"},
		{AgentID: 1001, UserName: "mowgli", EmailAddress: "mowgli@thejungle.example"},
		{AgentID: 1002, UserName: "baloo", EmailAddress: "baloo@thejungle.example"},
	}
	spec := lookUpSpec[userDataSourceModel, cxone.Agent]{
		kind: "User", nouns: "users", keys: []string{"agent_id", "user_name"},
		id: func(a cxone.Agent) string { return strconv.FormatInt(a.AgentID, 10) },
	}
	userName := func(want string) func(cxone.Agent) bool {
		return func(a cxone.Agent) bool { return strings.EqualFold(a.UserName, want) }
	}
	email := func(want string) func(cxone.Agent) bool {
		return func(a cxone.Agent) bool { return strings.EqualFold(a.EmailAddress, want) }
	}
	for _, tc := range []struct {
		name    string
		s       search[cxone.Agent]
		want    string // the agent found, or the summary and detail of the error
		detail  string
		summary string
	}{
		// The search also returns partial matches; only the exact one (ignoring case) counts.
		// Several are listed by ID, sorted.
		{name: "exact name", s: byName("MOWGLI", all, nil, userName("MOWGLI")), want: "mowgli"},
		{name: "partial name", s: byName("mowg", all, nil, userName("mowg")),
			summary: "User Not Found", detail: `CXone has no user named "mowg". Names match exactly, including case.`},
		{name: "not found by ID", s: search[cxone.Agent]{searched: "with ID 7", note: ", active or not", err: &cxone.NotFoundError{Kind: "agent", ID: "7"}},
			summary: "User Not Found", detail: "CXone has no user with ID 7, active or not."},
		{name: "shared e-mail", s: byName("mowgli@thejungle.example", all, nil, email("mowgli@thejungle.example")),
			summary: "More Than One User Found",
			detail:  `CXone has 2 users named "mowgli@thejungle.example" (IDs 1001, 1010). Look it up by agent_id instead.`},
		{name: "failed", s: byName("baloo", nil, errors.New("boom"), userName("baloo")),
			summary: "Unable to Read User", detail: "boom"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.Diagnostics
			got := spec.only(tc.s, &diags)
			if tc.want != "" {
				if got == nil || got.UserName != tc.want || diags.HasError() {
					t.Fatalf("found %+v, %v; want %s", got, diags, tc.want)
				}
				return
			}
			if got != nil || diags.ErrorsCount() != 1 || diags[0].Summary() != tc.summary || !strings.Contains(diags[0].Detail(), tc.detail) {
				t.Fatalf("found %+v, %v; want %s: %s", got, diags, tc.summary, tc.detail)
			}
		})
	}
}

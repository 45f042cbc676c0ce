package provider

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

func TestAccUser_identity(t *testing.T) {
	m := testAccStart(t)
	c := testAccClient(t, m)
	renamed := newHire("akru")
	renamed.city = "Council Rock"
	testAccIdentity(t, identityCase{
		addr:     testAccUserAddr,
		create:   testAccUserConfig(m, newHire("akru")),
		update:   testAccUserConfig(m, renamed),
		identity: map[string]identityFrom{"agent_id": {stateAttr: "agent_id", number: true}},
		// Deactivated outside Terraform: the read finds it gone, and the apply
		// reactivates the same user, whose identity is the same agent ID.
		remove: func(values map[string]any) error {
			id, err := parseNumericID(stateString(values, "id"), "id")
			if err == nil {
				_, err = c.UpdateAgent(t.Context(), id, cxone.AgentChanges{IsActive: new(false)})
			}
			return err
		},
	})
}

func TestAccUser_list(t *testing.T) {
	m := testAccStart(t)
	mowgli := map[string]knownvalue.Check{"agent_id": knownvalue.Int64Exact(mowgliAgentID)}
	testAccQuery(t, m,
		resource.TestStep{
			Query:  true,
			Config: testAccListConfig("cxone_user", ""),
			QueryResultChecks: []querycheck.QueryResultCheck{
				// The seed's eight active users; raksha is inactive.
				querycheck.ExpectLength("cxone_user.all", 8),
				querycheck.ExpectIdentity("cxone_user.all", mowgli),
				querycheck.ExpectResourceDisplayName("cxone_user.all", queryfilter.ByResourceIdentity(mowgli),
					knownvalue.StringRegexp(regexp.MustCompile(`^mowgli \(.+\)$`))),
				querycheck.ExpectResourceKnownValues("cxone_user.all", queryfilter.ByResourceIdentity(mowgli),
					[]querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("user_name"), KnownValue: knownvalue.StringExact("mowgli")},
						{Path: tfjsonpath.New("email_address"), KnownValue: knownvalue.StringExact("mowgli@thejungle.example")},
						{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(strconv.FormatInt(mowgliAgentID, 10))},
					}),
			},
		},
		resource.TestStep{
			Query:  true,
			Config: testAccListConfig("cxone_user", "  config {\n    user_name_contains = \"BAL\"\n  }\n"),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength("cxone_user.all", 1),
				querycheck.ExpectIdentity("cxone_user.all", map[string]knownvalue.Check{"agent_id": knownvalue.Int64Exact(balooAgentID)}),
			},
		},
	)
}

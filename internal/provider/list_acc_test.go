package provider

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/cxone-oss/terraform-provider-cxone/internal/acctest"
	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// listFixture is a set-up made by hand (through the API) for the query tests.
type listFixture struct {
	skillID, otherSkillID int64
	queueID               string
	integrationID         string
	channelID             string
}

// testAccListFixture gives mowgli and baloo digital engagement, makes two digital
// skills (one assigned to mowgli), an integration with a channel, and binds the
// channel to the first skill's routing queue.
func testAccListFixture(t *testing.T, m *mockcxone.Server) listFixture {
	t.Helper()
	c := testAccClient(t, m)
	for _, id := range []int64{mowgliAgentID, balooAgentID} {
		if err := c.UpdateAgentDigitalSettings(t.Context(), cxone.AgentDigitalSettings{AgentID: id, DigitalEngagementEnabled: new(true)}); err != nil {
			t.Fatal(err)
		}
	}
	var f listFixture
	f.queueID = testAccRoutingQueueFixture(t, m, "The Watering Hole")
	sk, err := c.FindSkillByName(t.Context(), "The Watering Hole")
	if err != nil {
		t.Fatal(err)
	}
	f.skillID = sk.SkillID
	f.otherSkillID = testAccCreateSkill(t, m, "Council Rock")
	if err := c.AssignSkills(t.Context(), mowgliAgentID, []cxone.SkillAssignmentInput{{SkillID: f.skillID, Proficiency: 3, IsActive: true}}); err != nil {
		t.Fatal(err)
	}
	f.integrationID = testAccIntegrationFixture(t, m, "The Watering Hole")
	f.channelID = "0b9f4c52-7d3e-4e8a-a1f6-3c2d5e8b9a71"
	if _, err := c.UpsertChannel(t.Context(), cxone.Channel{ID: f.channelID, IDOnExternalPlatform: "watering-hole-public",
		RealExternalPlatformID: "custom", ChannelIntegrationID: f.integrationID, Name: "The Watering Hole public posts"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.BindChannel(t.Context(), f.queueID, f.channelID); err != nil {
		t.Fatal(err)
	}
	return f
}

// testAccListConfig is a list block of type typ named "all"; body goes inside it.
func testAccListConfig(typ, body string) string {
	return fmt.Sprintf(`
list %[1]q "all" {
  provider         = cxone
  include_resource = true
%[2]s}
`, typ, body)
}

func testAccQuery(t *testing.T, m *mockcxone.Server, steps ...resource.TestStep) {
	t.Helper()
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    append([]resource.TestStep{{Config: testAccProviderConfig(m)}}, steps...),
	})
}

func querySkillID(id int64) knownvalue.Check { return knownvalue.Int64Exact(id) }

// listed is the query checks of one object that list addr finds: its identity, its
// display name and, unless values is empty, the values of top-level attributes of
// its resource, in name order.
func listed(addr string, identity map[string]knownvalue.Check, name knownvalue.Check, values map[string]knownvalue.Check) []querycheck.QueryResultCheck {
	found := queryfilter.ByResourceIdentity(identity)
	checks := []querycheck.QueryResultCheck{
		querycheck.ExpectIdentity(addr, identity),
		querycheck.ExpectResourceDisplayName(addr, found, name),
	}
	if len(values) == 0 {
		return checks
	}
	var known []querycheck.KnownValueCheck
	for _, attr := range slices.Sorted(maps.Keys(values)) {
		known = append(known, querycheck.KnownValueCheck{Path: tfjsonpath.New(attr), KnownValue: values[attr]})
	}
	return append(checks, querycheck.ExpectResourceKnownValues(addr, found, known))
}

func TestAccList_all(t *testing.T) {
	m := testAccStart(t)
	f := testAccListFixture(t, m)
	skill := map[string]knownvalue.Check{"skill_id": querySkillID(f.skillID)}
	assignment := map[string]knownvalue.Check{"agent_id": knownvalue.Int64Exact(mowgliAgentID), "skill_id": querySkillID(f.skillID)}
	binding := map[string]knownvalue.Check{"routing_queue_id": knownvalue.StringExact(f.queueID), "channel_id": knownvalue.StringExact(f.channelID)}
	testAccQuery(t, m, resource.TestStep{
		Query: true,
		Config: testAccListConfig("cxone_digital_user_permissions", "") +
			testAccListConfig("cxone_digital_skill", "") +
			testAccListConfig("cxone_skill_assignment", "") +
			testAccListConfig("cxone_byoc_integration", "") +
			testAccListConfig("cxone_digital_channel", "") +
			testAccListConfig("cxone_routing_queue_binding", ""),
		QueryResultChecks: slices.Concat(
			[]querycheck.QueryResultCheck{querycheck.ExpectLength("cxone_digital_user_permissions.all", 2)},
			listed("cxone_digital_user_permissions.all", map[string]knownvalue.Check{"agent_id": knownvalue.Int64Exact(mowgliAgentID)},
				knownvalue.StringRegexp(regexp.MustCompile(`^mowgli \(.+\)$`)), map[string]knownvalue.Check{
					"user_name":                  knownvalue.StringExact("mowgli"),
					"digital_engagement_enabled": knownvalue.Bool(true),
				}),

			[]querycheck.QueryResultCheck{querycheck.ExpectLength("cxone_digital_skill.all", 2)},
			listed("cxone_digital_skill.all", skill, knownvalue.StringExact("The Watering Hole"), map[string]knownvalue.Check{
				"id":               knownvalue.StringExact(strconv.FormatInt(f.skillID, 10)),
				"routing_queue_id": knownvalue.StringExact(f.queueID),
			}),

			[]querycheck.QueryResultCheck{querycheck.ExpectLength("cxone_skill_assignment.all", 1)},
			listed("cxone_skill_assignment.all", assignment, knownvalue.StringExact("The Watering Hole — mowgli"),
				map[string]knownvalue.Check{"proficiency": knownvalue.Int64Exact(3)}),

			[]querycheck.QueryResultCheck{querycheck.ExpectLength("cxone_byoc_integration.all", 1)},
			listed("cxone_byoc_integration.all", map[string]knownvalue.Check{"id": knownvalue.StringExact(f.integrationID)},
				knownvalue.StringExact("The Watering Hole"), map[string]knownvalue.Check{
					"client_id":     knownvalue.StringExact("watering-hole"),
					"client_secret": knownvalue.Null(),
				}),

			[]querycheck.QueryResultCheck{querycheck.ExpectLength("cxone_digital_channel.all", 1)},
			listed("cxone_digital_channel.all", map[string]knownvalue.Check{"id": knownvalue.StringExact(f.channelID)},
				knownvalue.StringExact("The Watering Hole public posts"),
				map[string]knownvalue.Check{"integration_id": knownvalue.StringExact(f.integrationID)}),

			[]querycheck.QueryResultCheck{querycheck.ExpectLength("cxone_routing_queue_binding.all", 1)},
			listed("cxone_routing_queue_binding.all", binding, knownvalue.StringExact("The Watering Hole ← The Watering Hole public posts"),
				map[string]knownvalue.Check{"id": knownvalue.StringExact(f.queueID + "/" + f.channelID)}),
		),
	})
}

func TestAccList_filters(t *testing.T) {
	m := testAccStart(t)
	f := testAccListFixture(t, m)
	testAccQuery(t, m, resource.TestStep{
		Query: true,
		Config: testAccListConfig("cxone_digital_user_permissions", "  config {\n    user_name_contains = \"BAL\"\n  }\n") +
			testAccListConfig("cxone_digital_skill", "  config {\n    name_contains = \"council\"\n  }\n") +
			testAccListConfig("cxone_skill_assignment", fmt.Sprintf("  config {\n    skill_id = %d\n  }\n", f.otherSkillID)) +
			testAccListConfig("cxone_byoc_integration", "  config {\n    name_contains = \"nothing like it\"\n  }\n") +
			testAccListConfig("cxone_digital_channel", fmt.Sprintf("  config {\n    integration_id = %q\n  }\n", f.integrationID)) +
			testAccListConfig("cxone_routing_queue_binding", fmt.Sprintf("  config {\n    routing_queue_id = %q\n  }\n", f.queueID)),
		QueryResultChecks: []querycheck.QueryResultCheck{
			querycheck.ExpectLength("cxone_digital_user_permissions.all", 1),
			querycheck.ExpectIdentity("cxone_digital_user_permissions.all", map[string]knownvalue.Check{"agent_id": knownvalue.Int64Exact(balooAgentID)}),
			querycheck.ExpectLength("cxone_digital_skill.all", 1),
			querycheck.ExpectIdentity("cxone_digital_skill.all", map[string]knownvalue.Check{"skill_id": querySkillID(f.otherSkillID)}),
			querycheck.ExpectLength("cxone_skill_assignment.all", 0),
			querycheck.ExpectLength("cxone_byoc_integration.all", 0),
			querycheck.ExpectLength("cxone_digital_channel.all", 1),
			querycheck.ExpectLength("cxone_routing_queue_binding.all", 1),
		},
	})
}

func TestAccList_apiError(t *testing.T) {
	m := testAccStart(t)
	testAccQuery(t, m, resource.TestStep{
		PreConfig: func() {
			testAccSetFaults(t, m, mockcxone.FaultRule{Method: "GET", Path: mockcxone.DFOBase + "/channels", Status: 500})
		},
		Query:       true,
		Config:      testAccListConfig("cxone_digital_channel", ""),
		ExpectError: expectErrorText("Unable to List Digital Channels", "listing channels"),
	})
}

// TestAccList_bindingsQueueByQueue: where the API serves no tenant-wide list of
// bindings (a gateway 404 on GET /routing-queue-channels), the bindings are listed
// queue by queue, with the same results.
func TestAccList_bindingsQueueByQueue(t *testing.T) {
	testAccPreCheck(t)
	for _, perQueue := range []bool{false, true} {
		t.Run(fmt.Sprintf("perQueue=%t", perQueue), func(t *testing.T) {
			m := testAccMock(t, func(o *mockcxone.Options) { o.NoTenantBindingList = perQueue })
			f := testAccListFixture(t, m)
			binding := map[string]knownvalue.Check{"routing_queue_id": knownvalue.StringExact(f.queueID), "channel_id": knownvalue.StringExact(f.channelID)}
			testAccQuery(t, m, resource.TestStep{
				Query:  true,
				Config: testAccListConfig("cxone_routing_queue_binding", ""),
				QueryResultChecks: append([]querycheck.QueryResultCheck{querycheck.ExpectLength("cxone_routing_queue_binding.all", 1)},
					listed("cxone_routing_queue_binding.all", binding, knownvalue.StringExact("The Watering Hole ← The Watering Hole public posts"), nil)...),
			})
			byRoute := m.Requests().ByRoute
			tenantWide, perQueueCalls := byRoute["GET "+mockcxone.DFOBase+"/routing-queue-channels"], byRoute["GET "+mockcxone.DFOBase+"/routing-queues/{queueId}/channels"]
			if perQueue && perQueueCalls == 0 {
				t.Errorf("no per-queue binding list was made after the tenant-wide list was refused: %v", byRoute)
			}
			if !perQueue && (tenantWide == 0 || perQueueCalls != 0) {
				t.Errorf("want the tenant-wide list only; tenant-wide %d, per queue %d", tenantWide, perQueueCalls)
			}
		})
	}
}

// TestAccList_hostileAnswers: a list resource whose list CXone's place is taken by a
// proxy answering 200 {} or objects with null ids and names ends with an error that
// says the answer was not believed, never with an empty or a wrong result.
func TestAccList_hostileAnswers(t *testing.T) {
	testAccPreCheck(t)
	const admin, dfo = "/inContactAPI/services/v34.0", mockcxone.DFOBase
	lists := []struct{ typ, summary, prefix string }{
		{"cxone_digital_user_permissions", "Unable to List", admin + "/agents"},
		{"cxone_digital_skill", "Unable to List Digital Skills", admin + "/skills"},
		{"cxone_skill_assignment", "Unable to List Skill Assignments", admin + "/skills"},
		{"cxone_byoc_integration", "Unable to List BYOC Integrations", dfo + "/channel-integrations"},
		{"cxone_digital_channel", "Unable to List Digital Channels", dfo + "/channels"},
		{"cxone_routing_queue_binding", "Unable to List", dfo + "/routing-queue"},
	}
	answers := map[string]acctest.Answer{"{}": acctest.EmptyObject, "null ids and names": acctest.NullKeys}
	for name, answer := range answers {
		for _, l := range lists {
			t.Run(l.typ+"/"+name, func(t *testing.T) {
				m := testAccMock(t)
				testAccListFixture(t, m)
				h := acctest.NewHostile(t, m)
				h.Set(answer, l.prefix)
				testAccQuery(t, &mockcxone.Server{URL: h.URL}, resource.TestStep{
					Query:       true,
					Config:      testAccListConfig(l.typ, ""),
					ExpectError: expectErrorText(l.summary, "not the documented shape"),
				})
				if h.Spoilt() == 0 {
					t.Errorf("no request reached %s", l.prefix)
				}
			})
		}
	}
}

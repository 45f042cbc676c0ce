package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

const (
	testAccByocName     = "cxone_byoc_integration.test"
	testAccByocBoxURL   = "https://middleware.thejungle.example/watering-hole"
	testAccByocAuthURL  = "https://middleware.thejungle.example/oauth/token"
	testAccByocClientID = "watering-hole"
)

func TestAccByocIntegration_basic(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckByocIntegrationDestroy(t, m), []resource.TestStep{{
		Config: testAccByocIntegrationConfig_secret(m, "The Watering Hole", "bare-necessities"),
		ConfigStateChecks: expectValues(testAccByocName, map[string]knownvalue.Check{
			"id":                    knownvalue.NotNull(),
			"name":                  knownvalue.StringExact("The Watering Hole"),
			"integration_box_url":   knownvalue.StringExact(testAccByocBoxURL),
			"authorization_url":     knownvalue.StringExact(testAccByocAuthURL),
			"client_id":             knownvalue.StringExact(testAccByocClientID),
			"client_secret":         knownvalue.StringExact("bare-necessities"),
			"client_secret_wo":      knownvalue.Null(),
			"use_dfo3_outbound_api": knownvalue.Bool(true),
			"add_action_url":        knownvalue.Null(),
			"color":                 knownvalue.StringExact(""),
			"has_client_secret":     knownvalue.Bool(true),
		}),
		ConfigPlanChecks: planAction(testAccByocName, plancheck.ResourceActionCreate),
		Check:            testAccCheckByocSecret(m, "bare-necessities"),
	}})
}

func TestAccByocIntegration_update(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckByocIntegrationDestroy(t, m), []resource.TestStep{
		{
			Config: testAccByocIntegrationConfig_secret(m, "The Watering Hole", "bare-necessities"),
			Check:  testAccCheckByocSecret(m, "bare-necessities"),
		},
		{
			Config: testAccByocIntegrationConfig_full(m, "The Watering Hole (renamed)", "new-necessities", "#1F8A70",
				"https://middleware.thejungle.example/add", false),
			ConfigPlanChecks: planAction(testAccByocName, plancheck.ResourceActionUpdate),
			ConfigStateChecks: expectValues(testAccByocName, map[string]knownvalue.Check{
				"name":                  knownvalue.StringExact("The Watering Hole (renamed)"),
				"color":                 knownvalue.StringExact("#1F8A70"),
				"add_action_url":        knownvalue.StringExact("https://middleware.thejungle.example/add"),
				"use_dfo3_outbound_api": knownvalue.Bool(false),
			}),
			Check: testAccCheckByocSecret(m, "new-necessities"),
		},
		{
			// Dropping the optional URL clears it; the colour, not configured any more, keeps CXone's value.
			Config:           testAccByocIntegrationConfig_secret(m, "The Watering Hole (renamed)", "new-necessities"),
			ConfigPlanChecks: planAction(testAccByocName, plancheck.ResourceActionUpdate),
			ConfigStateChecks: expectValues(testAccByocName, map[string]knownvalue.Check{
				"add_action_url":        knownvalue.Null(),
				"color":                 knownvalue.StringExact("#1F8A70"),
				"use_dfo3_outbound_api": knownvalue.Bool(true),
			}),
			Check: testAccCheckByocSecret(m, "new-necessities"),
		},
	})
}

func TestAccByocIntegration_import(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckByocIntegrationDestroy(t, m), []resource.TestStep{
		{Config: testAccByocIntegrationConfig_full(m, "The Watering Hole", "bare-necessities", "#1F8A70", "https://middleware.thejungle.example/add", false)},
		{
			ResourceName:      testAccByocName,
			ImportState:       true,
			ImportStateVerify: true,
			// CXone never returns the secret: it is null in the imported state.
			ImportStateVerifyIgnore: []string{"client_secret"},
		},
		// The import block plans an in-place update that sends the configured secret, as documented.
		testAccByocImportUpdates(""),
	})
}

func TestAccByocIntegration_disappears(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckByocIntegrationDestroy(t, m), []resource.TestStep{{
		Config: testAccByocIntegrationConfig_secret(m, "The Watering Hole", "bare-necessities"),
		Check: func(s *terraform.State) error {
			return testAccClient(t, m).DeleteIntegration(context.Background(), s.RootModule().Resources[testAccByocName].Primary.ID)
		},
		ConfigPlanChecks:   planRecreates(testAccByocName),
		ExpectNonEmptyPlan: true,
	}})
}

func TestAccByocIntegration_validation(t *testing.T) {
	m := testAccStart(t)
	cases := []struct {
		set  map[string]string
		want []string // parts of the error, in order
	}{
		{map[string]string{"integration_box_url": `"http://middleware.thejungle.example/"`}, []string{"integration_box_url must use https://"}},
		{map[string]string{"authorization_url": `"/oauth/token"`}, []string{"authorization_url must be an absolute https:// URL"}},
		{map[string]string{"add_action_url": `"http://middleware.thejungle.example/add"`}, []string{"add_action_url must use https://"}},
		{map[string]string{"reconnect_action_url": `"reconnect"`}, []string{"reconnect_action_url must be an absolute https:// URL"}},
		{map[string]string{"remove_action_url": `"ftp://x.example/remove"`}, []string{"remove_action_url must use https://"}},
		{map[string]string{"color": `"green"`}, []string{"color", "#RRGGBB"}},
		{map[string]string{"name": `""`}, []string{"name", "must not be empty or blank"}},
		{map[string]string{"client_id": `" "`}, []string{"client_id", "must not be empty or blank"}},
		{map[string]string{"client_secret_wo": `"also"`}, []string{"client_secret", "client_secret_wo"}},
		{map[string]string{"client_secret": "null"}, []string{"client_secret", "client_secret_wo"}},
		{map[string]string{"client_secret_wo_version": "1"}, []string{"client_secret_wo_version", "client_secret_wo"}},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		attrs := map[string]string{"client_secret": `"bare-necessities"`}
		maps.Copy(attrs, c.set)
		steps = append(steps, planError(testAccByocConfig(m, "The Watering Hole", attrs), c.want...))
	}
	testAccPlanErrors(t, m, steps)
}

func TestAccByocIntegration_apiError(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, nil, []resource.TestStep{{
		PreConfig: func() {
			testAccSetFaults(t, m, mockcxone.FaultRule{Method: "POST", Path: mockcxone.DFOBase + "/channel-integrations", Status: 422})
		},
		Config:      testAccByocIntegrationConfig_secret(m, "The Watering Hole", "bare-necessities"),
		ExpectError: expectErrorText("Unable to Create BYOC Integration", `"The Watering Hole"`, "fault injected by the mock"),
	}})
}

// testAccCheckByocIntegrationDestroy checks that every integration in state is gone.
func testAccCheckByocIntegrationDestroy(t *testing.T, m *mockcxone.Server) resource.TestCheckFunc {
	return testAccCheckDestroyed(t, m, "cxone_byoc_integration", func(ctx context.Context, c *cxone.Client, rs *terraform.ResourceState) (string, error) {
		_, err := c.GetIntegration(ctx, rs.Primary.ID)
		return "BYOC integration " + rs.Primary.ID + " still exists", err
	})
}

// testAccCheckByocSecret checks the secret CXone holds for the integration in state.
func testAccCheckByocSecret(m *mockcxone.Server, want string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[testAccByocName]
		if !ok {
			return fmt.Errorf("%s is not in the state", testAccByocName)
		}
		got, ok := m.IntegrationSecret(rs.Primary.ID)
		if !ok {
			return fmt.Errorf("the mock has no integration %s", rs.Primary.ID)
		}
		if got != want {
			return fmt.Errorf("CXone holds the secret %q, want %q", got, want)
		}
		return nil
	}
}

// testAccByocConfig is cxone_byoc_integration.test with the test's URLs and client ID,
// named name; more adds attributes or replaces those, each in HCL form.
func testAccByocConfig(m *mockcxone.Server, name string, more map[string]string) string {
	attrs := map[string]string{
		"name":                strconv.Quote(name),
		"integration_box_url": strconv.Quote(testAccByocBoxURL),
		"authorization_url":   strconv.Quote(testAccByocAuthURL),
		"client_id":           strconv.Quote(testAccByocClientID),
	}
	maps.Copy(attrs, more)
	return testAccBlockConfig(m, `resource "cxone_byoc_integration" "test"`, attrs)
}

func testAccByocIntegrationConfig_secret(m *mockcxone.Server, name, secret string) string {
	return testAccByocConfig(m, name, map[string]string{"client_secret": strconv.Quote(secret)})
}

func testAccByocIntegrationConfig_full(m *mockcxone.Server, name, secret, color, addURL string, dfo3 bool) string {
	return testAccByocConfig(m, name, map[string]string{"client_secret": strconv.Quote(secret), "color": strconv.Quote(color),
		"add_action_url": strconv.Quote(addURL), "use_dfo3_outbound_api": strconv.FormatBool(dfo3)})
}

// testAccByocImportUpdates imports the integration by an import block with its ID,
// config "" keeping the step before's: CXone never returns the secret, so the plan
// updates the integration in place to send the configured one.
func testAccByocImportUpdates(config string) resource.TestStep {
	return resource.TestStep{
		Config:             config,
		ResourceName:       testAccByocName,
		ImportState:        true,
		ImportStateKind:    resource.ImportBlockWithID,
		ExpectNonEmptyPlan: true,
		ImportPlanChecks: resource.ImportPlanChecks{
			PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccByocName, plancheck.ResourceActionUpdate)},
		},
	}
}

// TestAccByocIntegration_writeOnly: the write-only secret reaches CXone on create, a
// changed secret alone plans nothing, and a version bump sends the new one in place.
func TestAccByocIntegration_writeOnly(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckByocIntegrationDestroy(t, m), []resource.TestStep{
		{
			Config: testAccByocIntegrationConfig_writeOnly(m, "first-secret", 1),
			ConfigStateChecks: expectValues(testAccByocName, map[string]knownvalue.Check{
				"client_secret_wo":         knownvalue.Null(),
				"client_secret":            knownvalue.Null(),
				"client_secret_wo_version": knownvalue.Int64Exact(1),
				"has_client_secret":        knownvalue.Bool(true),
			}),
			ConfigPlanChecks: emptyReplan,
			Check:            testAccCheckByocSecret(m, "first-secret"),
		},
		{
			// Terraform cannot see a write-only value change: no diff, nothing sent.
			Config: testAccByocIntegrationConfig_writeOnly(m, "second-secret", 1),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: testAccCheckByocSecret(m, "first-secret"),
		},
		{
			Config:           testAccByocIntegrationConfig_writeOnly(m, "second-secret", 2),
			ConfigPlanChecks: planAction(testAccByocName, plancheck.ResourceActionUpdate),
			ConfigStateChecks: expectValues(testAccByocName, map[string]knownvalue.Check{
				"client_secret_wo":         knownvalue.Null(),
				"client_secret_wo_version": knownvalue.Int64Exact(2),
			}),
			Check: testAccCheckByocSecret(m, "second-secret"),
		},
		{
			// CXone's PUT replaces every field: an unrelated update sends the write-only secret too.
			Config: strings.Replace(testAccByocIntegrationConfig_writeOnly(m, "second-secret", 2),
				"The Watering Hole", "The Watering Hole (renamed)", 1),
			ConfigPlanChecks: plannedAction(testAccByocName, plancheck.ResourceActionUpdate),
			Check:            testAccCheckByocSecret(m, "second-secret"),
		},
	})
}

// TestAccByocIntegration_secretHygiene: the write-only secret, given through an
// ephemeral variable, appears neither in the saved plan nor in the state.
func TestAccByocIntegration_secretHygiene(t *testing.T) {
	m := testAccStart(t)
	const secret = "hygiene-9f2c61d7-never-stored"
	vars := config.Variables{"secret": config.StringVariable(secret)}
	testAccSteps(t, testAccCheckByocIntegrationDestroy(t, m), []resource.TestStep{
		{
			Config:          testAccByocIntegrationConfig_ephemeral(m, 1),
			ConfigVariables: vars,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{expectPlanWithout(secret)},
			},
			ConfigStateChecks: []statecheck.StateCheck{expectStateWithout(secret)},
			Check:             testAccCheckByocSecret(m, secret),
		},
		{
			Config:            testAccByocIntegrationConfig_ephemeral(m, 2),
			ConfigVariables:   vars,
			ConfigPlanChecks:  plannedAction(testAccByocName, plancheck.ResourceActionUpdate, expectPlanWithout(secret)),
			ConfigStateChecks: []statecheck.StateCheck{expectStateWithout(secret)},
			Check:             testAccCheckByocSecret(m, secret),
		},
	})
}

// TestAccByocIntegration_importWriteOnly: after import with client_secret_wo and no
// version, nothing is planned; with a version, one in-place update sends the secret.
func TestAccByocIntegration_importWriteOnly(t *testing.T) {
	m := testAccStart(t)
	noVersion := regexp.MustCompile(`\n\s*client_secret_wo_version\s*=\s*\d+`).
		ReplaceAllString(testAccByocIntegrationConfig_writeOnly(m, "first-secret", 1), "")
	testAccSteps(t, testAccCheckByocIntegrationDestroy(t, m), []resource.TestStep{
		{Config: noVersion, Check: testAccCheckByocSecret(m, "first-secret")},
		{
			ResourceName:      testAccByocName,
			ImportState:       true,
			ImportStateVerify: true,
			ImportStateKind:   resource.ImportCommandWithID,
		},
		{ResourceName: testAccByocName, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
		// The version is unknown after import, so configuring one plans an in-place update that sends the secret.
		testAccByocImportUpdates(testAccByocIntegrationConfig_writeOnly(m, "first-secret", 1)),
	})
}

// TestAccByocIntegration_lostCreateAnswer: CXone creates the integration but the answer
// is lost; the provider finds it by name and keeps it, without a duplicate.
func TestAccByocIntegration_lostCreateAnswer(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckByocIntegrationDestroy(t, m), []resource.TestStep{{
		PreConfig: func() {
			testAccSetFaults(t, m, mockcxone.FaultRule{Method: "POST", Path: mockcxone.DFOBase + "/channel-integrations", DropResponse: true, Count: 1})
		},
		Config:           testAccByocIntegrationConfig_secret(m, "The Watering Hole", "bare-necessities"),
		ConfigPlanChecks: emptyReplan,
		Check: resource.ComposeAggregateTestCheckFunc(
			testAccCheckByocSecret(m, "bare-necessities"),
			func(s *terraform.State) error {
				all := m.State().Integrations
				if len(all) != 1 {
					return fmt.Errorf("want exactly one integration in CXone, got %d", len(all))
				}
				if got := s.RootModule().Resources[testAccByocName].Primary.ID; got != all[0].ID {
					return fmt.Errorf("state holds integration %s, CXone has %s", got, all[0].ID)
				}
				if n := m.Requests().ByRoute["POST "+mockcxone.DFOBase+"/channel-integrations"]; n != 1 {
					return fmt.Errorf("the create was sent %d times, want once", n)
				}
				return nil
			},
		),
	}})
}

// TestAccByocIntegration_nameTaken: a create over an existing name fails and shows
// how to import the existing integration.
func TestAccByocIntegration_nameTaken(t *testing.T) {
	m := testAccStart(t)
	var existing *cxone.Integration
	testAccSteps(t, nil, []resource.TestStep{{
		PreConfig: func() {
			var err error
			existing, err = testAccClient(t, m).CreateIntegration(context.Background(), cxone.IntegrationInput{
				Name: "The Watering Hole", IntegrationBoxURL: testAccByocBoxURL, AuthorizationURL: testAccByocAuthURL,
				ClientID: "someone-else", ClientSecret: "x",
			})
			if err != nil {
				t.Fatalf("creating the existing integration: %v", err)
			}
		},
		Config:      testAccByocIntegrationConfig_secret(m, "The Watering Hole", "bare-necessities"),
		ExpectError: regexp.MustCompile(`already has a BYOC integration[\s\S]*terraform\s+import\s+cxone_byoc_integration\.<name>\s+[0-9a-f-]{36}`),
	}})
	if existing == nil {
		t.Fatal("the existing integration was not created")
	}
	if all := m.State().Integrations; len(all) != 1 || all[0].ClientID != "someone-else" {
		t.Errorf("the existing integration must be left alone: %+v", all)
	}
}

// TestAccByocIntegration_deleteInUse: CXone refuses to delete an integration that
// channels use; the error says so, and the delete works once the channel is gone.
func TestAccByocIntegration_deleteInUse(t *testing.T) {
	m := testAccStart(t)
	channelID := uuid.NewString()
	testAccSteps(t, testAccCheckByocIntegrationDestroy(t, m), []resource.TestStep{
		{
			Config: testAccByocIntegrationConfig_secret(m, "The Watering Hole", "bare-necessities"),
			Check: func(s *terraform.State) error {
				_, err := testAccClient(t, m).UpsertChannel(context.Background(), cxone.Channel{
					ID: channelID, IDOnExternalPlatform: "watering-hole-public", RealExternalPlatformID: "custom",
					ChannelIntegrationID: s.RootModule().Resources[testAccByocName].Primary.ID, Name: "The Watering Hole public posts",
				})
				return err
			},
		},
		{
			Config:      testAccProviderConfig(m),
			ExpectError: expectErrorText("Unable to Delete BYOC Integration", `"The Watering Hole"`, "is still used by channels"),
		},
		{
			PreConfig: func() {
				if err := testAccClient(t, m).DeleteChannel(context.Background(), channelID); err != nil {
					t.Fatalf("deleting the channel: %v", err)
				}
			},
			Config: testAccProviderConfig(m),
		},
	})
}

// expectPlanWithout fails when the text appears anywhere in the plan's JSON.
func expectPlanWithout(text string) plancheck.PlanCheck { return planWithout(text) }

type planWithout string

func (p planWithout) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = jsonWithout("plan", req.Plan, string(p))
}

// expectStateWithout fails when the text appears anywhere in the state's JSON.
func expectStateWithout(text string) statecheck.StateCheck { return stateWithout(text) }

type stateWithout string

func (s stateWithout) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = jsonWithout("state", req.State, string(s))
}

func jsonWithout(what string, v any, text string) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encoding the %s: %w", what, err)
	}
	if len(b) < 100 {
		return fmt.Errorf("the %s is suspiciously small: %s", what, b)
	}
	if strings.Contains(string(b), text) {
		return fmt.Errorf("the %s contains the write-only secret", what)
	}
	return nil
}

func testAccByocIntegrationConfig_writeOnly(m *mockcxone.Server, secret string, version int) string {
	return testAccByocConfig(m, "The Watering Hole", map[string]string{
		"client_secret_wo": strconv.Quote(secret), "client_secret_wo_version": strconv.Itoa(version)})
}

// testAccByocIntegrationConfig_ephemeral takes the secret from an ephemeral variable,
// the way a configuration keeps it out of the plan file.
func testAccByocIntegrationConfig_ephemeral(m *mockcxone.Server, version int) string {
	return testAccByocConfig(m, "The Watering Hole", map[string]string{
		"client_secret_wo": "var.secret", "client_secret_wo_version": strconv.Itoa(version)}) + `
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}
`
}

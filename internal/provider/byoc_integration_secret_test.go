package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestAccByocIntegration_writeOnly: the write-only secret reaches CXone on create, a
// changed secret alone plans nothing, and a version bump sends the new one in place.
func TestAccByocIntegration_writeOnly(t *testing.T) {
	m := testAccStart(t)
	testAccSteps(t, testAccCheckByocIntegrationDestroy(t, m), []resource.TestStep{
		{
			Config: testAccByocIntegrationConfig_writeOnly(m, "first-secret", 1),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("client_secret_wo"), knownvalue.Null()),
				statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("client_secret"), knownvalue.Null()),
				statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("client_secret_wo_version"), knownvalue.Int64Exact(1)),
				statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("has_client_secret"), knownvalue.Bool(true)),
			},
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
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("client_secret_wo"), knownvalue.Null()),
				statecheck.ExpectKnownValue(testAccByocName, tfjsonpath.New("client_secret_wo_version"), knownvalue.Int64Exact(2)),
			},
			Check: testAccCheckByocSecret(m, "second-secret"),
		},
		{
			// CXone's PUT replaces every field: an unrelated update sends the write-only secret too.
			Config: strings.Replace(testAccByocIntegrationConfig_writeOnly(m, "second-secret", 2),
				"The Watering Hole", "The Watering Hole (renamed)", 1),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccByocName, plancheck.ResourceActionUpdate)},
			},
			Check: testAccCheckByocSecret(m, "second-secret"),
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
			Config:          testAccByocIntegrationConfig_ephemeral(m, 2),
			ConfigVariables: vars,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccByocName, plancheck.ResourceActionUpdate),
					expectPlanWithout(secret),
				},
			},
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
		{
			// The version is unknown after import, so configuring one plans an in-place update that sends the secret.
			Config:             testAccByocIntegrationConfig_writeOnly(m, "first-secret", 1),
			ResourceName:       testAccByocName,
			ImportState:        true,
			ImportStateKind:    resource.ImportBlockWithID,
			ExpectNonEmptyPlan: true,
			ImportPlanChecks: resource.ImportPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccByocName, plancheck.ResourceActionUpdate)},
			},
		},
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
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_byoc_integration" "test" {
  name                     = "The Watering Hole"
  integration_box_url      = %[1]q
  authorization_url        = %[2]q
  client_id                = %[3]q
  client_secret_wo         = %[4]q
  client_secret_wo_version = %[5]d
}
`, testAccByocBoxURL, testAccByocAuthURL, testAccByocClientID, secret, version)
}

// testAccByocIntegrationConfig_ephemeral takes the secret from an ephemeral variable,
// the way a configuration keeps it out of the plan file.
func testAccByocIntegrationConfig_ephemeral(m *mockcxone.Server, version int) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "cxone_byoc_integration" "test" {
  name                     = "The Watering Hole"
  integration_box_url      = %[1]q
  authorization_url        = %[2]q
  client_id                = %[3]q
  client_secret_wo         = var.secret
  client_secret_wo_version = %[4]d
}
`, testAccByocBoxURL, testAccByocAuthURL, testAccByocClientID, version)
}

package provider

import (
	"encoding/json"
	"fmt"
	"regexp"
	"testing"

	"github.com/google/uuid"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

const channelAddr = "cxone_digital_channel.test"

func TestAccDigitalChannel_basic(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")

	testAccSteps(t, testAccCheckChannelDestroy(t, m), []resource.TestStep{{
		Config: testAccDigitalChannelConfig_basic(m, integrationID, "The Watering Hole public posts"),
		ConfigStateChecks: expectValues(channelAddr, map[string]knownvalue.Check{
			"id":                                knownvalue.StringRegexp(uuidPattern),
			"integration_id":                    knownvalue.StringExact(integrationID),
			"external_id":                       knownvalue.StringExact("watering-hole-public"),
			"name":                              knownvalue.StringExact("The Watering Hole public posts"),
			"external_platform":                 knownvalue.StringExact("custom"),
			"is_private":                        knownvalue.Bool(false),
			"has_tree_structure":                knownvalue.Bool(true),
			"has_reply":                         knownvalue.Bool(true),
			"content_format":                    knownvalue.StringExact("plain"),
			"can_send_files":                    knownvalue.Bool(false),
			"has_outbound_flow":                 knownvalue.Bool(false),
			"studio_script":                     knownvalue.Null(),
			"is_live_chat":                      knownvalue.Bool(false),
			"has_multiple_threads_per_end_user": knownvalue.Bool(false),
			"can_reply_to_any_message":          knownvalue.Bool(false),
			"translation_group":                 knownvalue.Null(),
		}),
		Check:            testAccCheckMockChannel(m, "The Watering Hole public posts", true),
		ConfigPlanChecks: emptyReplan,
	}})
}

func TestAccDigitalChannel_update(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")
	otherIntegrationID := testAccIntegrationFixture(t, m, "The Council Rock")
	sameID := sameValue(channelAddr, "id")
	newID := differentValue(channelAddr, "id")

	testAccSteps(t, testAccCheckChannelDestroy(t, m), []resource.TestStep{
		{
			Config: testAccDigitalChannelConfig_full(m, integrationID, "The Watering Hole direct messages", "html", true),
			ConfigStateChecks: expectValues(channelAddr, map[string]knownvalue.Check{
				"is_private":        knownvalue.Bool(true),
				"content_format":    knownvalue.StringExact("html"),
				"has_reply":         knownvalue.Bool(false),
				"studio_script":     knownvalue.StringExact("WateringHole.xml"),
				"translation_group": knownvalue.StringExact("jungle"),
			}, sameID()),
		},
		{
			// Changed in place: the same channel, upserted with the same ID.
			Config:           testAccDigitalChannelConfig_full(m, integrationID, "The Watering Hole DMs", "plain", false),
			ConfigPlanChecks: plannedAction(channelAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: expectValues(channelAddr, map[string]knownvalue.Check{
				"name":           knownvalue.StringExact("The Watering Hole DMs"),
				"is_private":     knownvalue.Bool(false),
				"content_format": knownvalue.StringExact("plain"),
			}, sameID(), newID()),
			Check: testAccCheckMockChannel(m, "The Watering Hole DMs", false),
		},
		{
			// A change made outside Terraform shows as an update back to the configuration.
			PreConfig:        func() { testAccRenameChannelOutside(t, m, "Renamed in the CXone UI") },
			Config:           testAccDigitalChannelConfig_full(m, integrationID, "The Watering Hole DMs", "plain", false),
			ConfigPlanChecks: plannedAction(channelAddr, plancheck.ResourceActionUpdate),
			Check:            testAccCheckMockChannel(m, "The Watering Hole DMs", false),
		},
		{
			// Another integration is another channel.
			Config:           testAccDigitalChannelConfig_full(m, otherIntegrationID, "The Watering Hole DMs", "plain", false),
			ConfigPlanChecks: plannedAction(channelAddr, plancheck.ResourceActionReplace),
			ConfigStateChecks: []statecheck.StateCheck{
				newID(),
				stateIs(channelAddr, "integration_id", knownvalue.StringExact(otherIntegrationID)),
			},
			Check: func(*terraform.State) error {
				if n := len(m.State().Channels); n != 1 {
					return fmt.Errorf("CXone holds %d channels after the replacement, want 1", n)
				}
				return nil
			},
		},
	})
}

// TestAccDigitalChannel_import imports the channel by `terraform import`, by an import
// block, and by an import block with `-generate-config-out`, in terraform-plugin-testing's
// GenerateConfig mode: the import planned with the generated block must change nothing
// and carry the channel's settings. That mode does not expose the generated file;
// TestAccDigitalChannel_generateConfigCLI checks the file itself.
func TestAccDigitalChannel_import(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")
	config := testAccDigitalChannelConfig_full(m, integrationID, "The Watering Hole direct messages", "html", true)

	testAccSteps(t, testAccCheckChannelDestroy(t, m), []resource.TestStep{
		{Config: config},
		{ResourceName: channelAddr, ImportState: true, ImportStateVerify: true},
		{
			ResourceName:    channelAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportPlanChecks: resource.ImportPlanChecks{PreApply: append(planValues(channelAddr, map[string]knownvalue.Check{
				"name":           knownvalue.StringExact("The Watering Hole direct messages"),
				"content_format": knownvalue.StringExact("html"),
			}), plancheck.ExpectResourceAction(channelAddr, plancheck.ResourceActionNoop))},
		},
		{
			ResourceName:    channelAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			GenerateConfig:  true,
			ImportPlanChecks: resource.ImportPlanChecks{PreApply: append(planValues(generatedChannelAddr, map[string]knownvalue.Check{
				"name":           knownvalue.StringExact("The Watering Hole direct messages"),
				"integration_id": knownvalue.StringExact(integrationID),
				"content_format": knownvalue.StringExact("html"),
				"is_private":     knownvalue.Bool(true),
				"studio_script":  knownvalue.StringExact("WateringHole.xml"),
			}), plancheck.ExpectResourceAction(generatedChannelAddr, plancheck.ResourceActionNoop), plancheck.ExpectEmptyPlan())},
		},
		{
			ResourceName:  channelAddr,
			ImportState:   true,
			ImportStateId: "watering-hole-dm",
			ExpectError:   expectErrorText("Unable to Import Digital Channel", "imported by its ID, a UUID", `"watering-hole-dm"`),
		},
	})
}

func TestAccDigitalChannel_disappears(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")

	testAccSteps(t, testAccCheckChannelDestroy(t, m), []resource.TestStep{{
		Config: testAccDigitalChannelConfig_basic(m, integrationID, "The Watering Hole public posts"),
		Check: func(s *terraform.State) error {
			return testAccClient(t, m).DeleteChannel(t.Context(), s.RootModule().Resources[channelAddr].Primary.ID)
		},
		ExpectNonEmptyPlan: true,
		ConfigPlanChecks:   planRecreates(channelAddr),
	}})
}

func TestAccDigitalChannel_validation(t *testing.T) {
	m := testAccStart(t)
	const integrationID = "4b8e7a8e-8f0e-4c8a-9d1e-0f6f2c3b9a11"
	bad := func(attr, value string) string {
		return testAccDigitalChannelConfig_basic(m, integrationID, "The Watering Hole") +
			fmt.Sprintf(`
resource "cxone_digital_channel" "bad" {
  integration_id = %[1]q
  external_id    = "watering-hole-dm"
  name           = "The Watering Hole direct messages"
  %[2]s = %[3]q
}
`, integrationID, attr, value)
	}

	testAccPlanErrors(t, m, []resource.TestStep{
		planError(bad("content_format", "markdown"), `Attribute content_format value must be one of: ["html" "plain"], got: "markdown"`),
		planError(bad("external_platform", ""), "Attribute external_platform string length must be at least 1"),
		planError(bad("studio_script", ""), "Attribute studio_script string length must be at least 1"),
		planError(bad("translation_group", ""), "Attribute translation_group string length must be at least 1"),
		planError(testAccDigitalChannelConfig_basic(m, "", "The Watering Hole"), "Attribute integration_id must be a BYOC integration ID, a UUID"),
		planError(testAccDigitalChannelConfig_basic(m, "watering-hole", "The Watering Hole"), "Attribute integration_id must be a BYOC integration ID, a UUID", "got: watering-hole"),
		planError(testAccDigitalChannelConfig_basic(m, integrationID, ""), "Attribute name string length must be at least 1"),
	})
}

func TestAccDigitalChannel_apiError(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")

	testAccSteps(t, testAccCheckChannelDestroy(t, m), []resource.TestStep{
		{
			PreConfig: func() {
				testAccSetFaults(t, m, mockcxone.FaultRule{Method: "POST", Path: "/dfo/3.0/channels", Status: 500})
			},
			Config: testAccDigitalChannelConfig_basic(m, integrationID, "The Watering Hole public posts"),
			ExpectError: expectErrorText("Unable to Create Digital Channel", `"The Watering Hole public posts"`,
				"500 Internal Server Error", "fault injected by the mock"),
		},
		{
			// CXone's own refusal: the integration does not exist.
			PreConfig: func() { testAccSetFaults(t, m) },
			Config:    testAccDigitalChannelConfig_basic(m, "00000000-0000-4000-8000-000000000000", "The Watering Hole public posts"),
			// The error points at integration_id (the "on ... line" Terraform shows) and names it so.
			ExpectError: expectErrorText("Unable to Create Digital Channel",
				`integration_id = "00000000-0000-4000-8000-000000000000"`, `"The Watering Hole public posts"`,
				"422", "integration_id: channel integration 00000000-0000-4000-8000-000000000000 does not exist"),
		},
	})
	if n := len(m.State().Channels); n != 0 {
		t.Errorf("failed creates left %d channels in CXone, want 0", n)
	}
}

// TestAccDigitalChannel_lostCreateAnswer: CXone made the channel but its answer never came.
// The channel must end up in state (tainted), not orphaned, and the next apply replaces it.
func TestAccDigitalChannel_lostCreateAnswer(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")
	config := testAccProviderConfigNoRetries(m) +
		testAccDigitalChannelResource(integrationID, "The Watering Hole public posts")

	testAccSteps(t, testAccCheckChannelDestroy(t, m), []resource.TestStep{
		{
			PreConfig: func() {
				testAccSetFaults(t, m, mockcxone.FaultRule{Method: "POST", Path: "/dfo/3.0/channels", DropResponse: true})
			},
			Config:      config,
			ExpectError: expectErrorText("Unable to Create Digital Channel", `"The Watering Hole public posts"`),
		},
		{
			PreConfig: func() {
				testAccSetFaults(t, m)
				if n := len(m.State().Channels); n != 1 {
					t.Fatalf("CXone holds %d channels after the lost answer, want 1", n)
				}
			},
			Config:           config,
			ConfigPlanChecks: plannedAction(channelAddr, plancheck.ResourceActionReplace),
			Check: func(s *terraform.State) error {
				chans := m.State().Channels
				if len(chans) != 1 || chans[0].ID != s.RootModule().Resources[channelAddr].Primary.ID {
					return fmt.Errorf("CXone holds %+v, want only the channel in state", chans)
				}
				return nil
			},
		},
	})
}

// testAccCheckMockChannel checks the one channel CXone holds, including that every optional
// setting was sent rather than left to CXone.
func testAccCheckMockChannel(m *mockcxone.Server, name string, hasReply bool) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		chans := m.State().Channels
		if len(chans) != 1 {
			return fmt.Errorf("CXone holds %d channels, want 1", len(chans))
		}
		ch := chans[0]
		if id := s.RootModule().Resources[channelAddr].Primary.ID; ch.ID != id {
			return fmt.Errorf("CXone's channel has ID %s, state has %s", ch.ID, id)
		}
		if ch.Name != name || ch.HasReply == nil || *ch.HasReply != hasReply || ch.HasAbilityToSendFiles == nil ||
			ch.HasOutboundFlow == nil || ch.IsLiveChat == nil || ch.HasMultipleThreadsPerEndUser == nil ||
			ch.CanReplyToAnyMessage == nil || ch.ContentFormat == "" || ch.RealExternalPlatformID != "custom" {
			return fmt.Errorf("CXone holds channel %+v, want name %q, hasReply %t and every setting sent", ch, name, hasReply)
		}
		return nil
	}
}

// testAccRenameChannelOutside renames the only channel through the API, as a CXone user might.
func testAccRenameChannelOutside(t *testing.T, m *mockcxone.Server, name string) {
	t.Helper()
	c := testAccClient(t, m)
	chans, err := c.ListChannels(t.Context())
	if err != nil || len(chans) != 1 {
		t.Fatalf("listing channels: %v (%d channels)", err, len(chans))
	}
	ch := chans[0]
	ch.Name = name
	if _, err := c.UpsertChannel(t.Context(), ch); err != nil {
		t.Fatalf("renaming channel %s outside Terraform: %v", ch.ID, err)
	}
}

func testAccDigitalChannelResource(integrationID, name string) string {
	return fmt.Sprintf(`
resource "cxone_digital_channel" "test" {
  integration_id     = %[1]q
  external_id        = "watering-hole-public"
  name               = %[2]q
  has_tree_structure = true
}
`, integrationID, name)
}

func testAccDigitalChannelConfig_basic(m *mockcxone.Server, integrationID, name string) string {
	return testAccProviderConfig(m) + testAccDigitalChannelResource(integrationID, name)
}

func testAccDigitalChannelConfig_full(m *mockcxone.Server, integrationID, name, contentFormat string, private bool) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_digital_channel" "test" {
  integration_id                    = %[1]q
  external_id                       = "watering-hole-dm"
  name                              = %[2]q
  external_platform                 = "custom"
  is_private                        = %[4]t
  has_tree_structure                = false
  has_reply                         = false
  content_format                    = %[3]q
  can_send_files                    = true
  has_outbound_flow                 = true
  studio_script                     = "WateringHole.xml"
  is_live_chat                      = true
  has_multiple_threads_per_end_user = true
  can_reply_to_any_message          = true
  translation_group                 = "jungle"
}
`, integrationID, name, contentFormat, private)
}

// generatedChannelAddr is where terraform-plugin-testing imports a resource in its
// GenerateConfig mode.
const generatedChannelAddr = "cxone_digital_channel.generated"

// TestAccDigitalChannel_generateConfigCLI runs the real Terraform CLI against a provider
// binary built from this module (through dev_overrides): `terraform plan
// -generate-config-out` must write a block with the channel's settings, and a following
// plan with that file must import the channel and change nothing.
func TestAccDigitalChannel_generateConfigCLI(t *testing.T) {
	m := testAccParallelStart(t)
	ch := cxone.Channel{
		ID: uuid.NewString(), IDOnExternalPlatform: "watering-hole-dm", Name: "The Watering Hole direct messages",
		ChannelIntegrationID: testAccIntegrationFixture(t, m, "The Watering Hole"), RealExternalPlatformID: "custom",
		IsPrivate: true, HasReply: new(false), ContentFormat: "html", HasAbilityToSendFiles: new(true),
		HasOutboundFlow: new(false), StudioScript: "WateringHole.xml", IsLiveChat: new(false),
		HasMultipleThreadsPerEndUser: new(true), CanReplyToAnyMessage: new(false),
	}
	if _, err := testAccClient(t, m).UpsertChannel(t.Context(), ch); err != nil {
		t.Fatalf("creating the channel to import: %v", err)
	}

	tf := newTFCLI(t, m)
	tf.write("main.tf", testAccCLIRequiredProviders+testAccProviderConfig(m)+fmt.Sprintf(`
import {
  to = cxone_digital_channel.imported
  id = %[1]q
}
`, ch.ID))

	tf.mustRun("plan", "-generate-config-out=generated.tf")
	text := tf.read("generated.tf")
	for attr, value := range map[string]string{
		"integration_id": fmt.Sprintf("%q", ch.ChannelIntegrationID), "external_id": `"watering-hole-dm"`,
		"name": `"The Watering Hole direct messages"`, "external_platform": `"custom"`, "is_private": "true",
		"has_tree_structure": "false", "has_reply": "false", "content_format": `"html"`, "can_send_files": "true",
		"has_outbound_flow": "false", "studio_script": `"WateringHole.xml"`, "is_live_chat": "false",
		"has_multiple_threads_per_end_user": "true", "can_reply_to_any_message": "false", "translation_group": "null",
	} {
		if !regexp.MustCompile(`(?m)^\s*` + attr + `\s*=\s*` + regexp.QuoteMeta(value) + `\s*$`).MatchString(text) {
			t.Errorf("generated.tf does not set %s = %s:\n%s", attr, value, text)
		}
	}
	if regexp.MustCompile(`(?m)^\s*id\s*=`).MatchString(text) {
		t.Errorf("generated.tf sets the computed id:\n%s", text)
	}

	tf.mustRun("plan", "-out=tfplan")
	var plan tfjson.Plan
	if err := json.Unmarshal([]byte(tf.mustRun("show", "-json", "tfplan")), &plan); err != nil {
		t.Fatalf("reading the plan: %v", err)
	}
	if len(plan.ResourceChanges) != 1 {
		t.Fatalf("the plan has %d resource changes, want only the import", len(plan.ResourceChanges))
	}
	rc := plan.ResourceChanges[0]
	if rc.Address != "cxone_digital_channel.imported" || rc.Change.Importing == nil ||
		rc.Change.Importing.ID != ch.ID || !rc.Change.Actions.NoOp() {
		t.Fatalf("the plan has %s with actions %v (importing %+v), want an import of %s and no change",
			rc.Address, rc.Change.Actions, rc.Change.Importing, ch.ID)
	}
}

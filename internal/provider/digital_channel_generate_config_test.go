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
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// generatedChannelAddr is where terraform-plugin-testing imports a resource in its
// GenerateConfig mode.
const generatedChannelAddr = "cxone_digital_channel.generated"

// TestAccDigitalChannel_generateConfig imports a channel with an import block and
// `-generate-config-out`, in terraform-plugin-testing's GenerateConfig mode: the import
// planned with the generated block must change nothing and carry the channel's settings.
// That mode does not expose the generated file; TestAccDigitalChannel_generateConfigCLI
// checks the file itself.
func TestAccDigitalChannel_generateConfig(t *testing.T) {
	m := testAccStart(t)
	integrationID := testAccIntegrationFixture(t, m, "The Watering Hole")

	testAccSteps(t, testAccCheckChannelDestroy(t, m), []resource.TestStep{
		{Config: testAccDigitalChannelConfig_full(m, integrationID, "The Watering Hole direct messages", "html", true)},
		{
			ResourceName:    channelAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			GenerateConfig:  true,
			ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(generatedChannelAddr, plancheck.ResourceActionNoop),
				plancheck.ExpectEmptyPlan(),
				plancheck.ExpectKnownValue(generatedChannelAddr, tfjsonpath.New("name"), knownvalue.StringExact("The Watering Hole direct messages")),
				plancheck.ExpectKnownValue(generatedChannelAddr, tfjsonpath.New("integration_id"), knownvalue.StringExact(integrationID)),
				plancheck.ExpectKnownValue(generatedChannelAddr, tfjsonpath.New("content_format"), knownvalue.StringExact("html")),
				plancheck.ExpectKnownValue(generatedChannelAddr, tfjsonpath.New("is_private"), knownvalue.Bool(true)),
				plancheck.ExpectKnownValue(generatedChannelAddr, tfjsonpath.New("studio_script"), knownvalue.StringExact("WateringHole.xml")),
			}},
		},
	})
}

// TestAccDigitalChannel_generateConfigCLI runs the real Terraform CLI against a provider
// binary built from this module (through dev_overrides): `terraform plan
// -generate-config-out` must write a block with the channel's settings, and a following
// plan with that file must import the channel and change nothing.
func TestAccDigitalChannel_generateConfigCLI(t *testing.T) {
	testAccPreCheck(t)
	t.Parallel()
	m := testAccMock(t)
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

package provider

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// uuidPattern matches a channel ID in state checks.
var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// testAccIntegrationFixture creates a BYOC integration through the API, so channel tests do
// not depend on the integration resource.
func testAccIntegrationFixture(t *testing.T, m *mockcxone.Server, name string) string {
	t.Helper()
	in, err := testAccClient(t, m).CreateIntegration(t.Context(), cxone.IntegrationInput{
		Name:               name,
		IntegrationBoxURL:  "https://middleware.thejungle.example/watering-hole",
		AuthorizationURL:   "https://middleware.thejungle.example/oauth/token",
		ClientID:           "watering-hole",
		ClientSecret:       "fixture-secret",
		UseDfo3OutboundAPI: true,
		Color:              "#1F8A70",
	})
	if err != nil {
		t.Fatalf("creating integration fixture %q: %v", name, err)
	}
	return in.ID
}

// testAccRoutingQueueFixture creates a digital skill through the API, completes its
// routing-queue sync and returns the queue's ID.
func testAccRoutingQueueFixture(t *testing.T, m *mockcxone.Server, skillName string) string {
	t.Helper()
	c := testAccClient(t, m)
	sk, err := c.CreateSkill(t.Context(), testAccSkillInput(skillName, true))
	if err != nil {
		t.Fatalf("creating skill fixture %q: %v", skillName, err)
	}
	m.SyncNow()
	sk, err = c.GetSkill(t.Context(), sk.SkillID)
	if err != nil {
		t.Fatalf("reading skill fixture %q: %v", skillName, err)
	}
	if sk.RoutingQueueID == "" {
		t.Fatalf("skill fixture %q has no routing queue after the sync", skillName)
	}
	return sk.RoutingQueueID
}

// testAccSkillInput is a digital skill with CXone's usual settings.
func testAccSkillInput(name string, active bool) cxone.SkillInput {
	return cxone.SkillInput{SkillName: name, Acceleration: 1, MaxPriority: 1000,
		ServiceLevelThreshold: 30, ServiceLevelGoal: 80, IsActive: &active}
}

// testAccDeactivateSkillFixture deactivates the skill named name, which deletes its queue.
func testAccDeactivateSkillFixture(t *testing.T, m *mockcxone.Server, name string) {
	t.Helper()
	c := testAccClient(t, m)
	sk, err := c.FindSkillByName(t.Context(), name)
	if err == nil {
		_, err = c.UpdateSkill(t.Context(), sk.SkillID, testAccSkillInput(name, false))
	}
	if err != nil {
		t.Fatalf("deactivating skill fixture %q: %v", name, err)
	}
}

// testAccCheckChannelDestroy checks that every channel in state is gone.
func testAccCheckChannelDestroy(t *testing.T, m *mockcxone.Server) resource.TestCheckFunc {
	return testAccCheckDestroyed(t, m, "cxone_digital_channel", func(ctx context.Context, c *cxone.Client, rs *terraform.ResourceState) (string, error) {
		_, err := c.GetChannel(ctx, rs.Primary.ID)
		return "channel " + rs.Primary.ID + " still exists after destroy", err
	})
}

// testAccCheckBindingDestroy asks CXone for every binding in state: each must be gone.
func testAccCheckBindingDestroy(t *testing.T, m *mockcxone.Server) resource.TestCheckFunc {
	return testAccCheckDestroyed(t, m, "cxone_routing_queue_binding", func(ctx context.Context, c *cxone.Client, rs *terraform.ResourceState) (string, error) {
		_, err := c.GetBinding(ctx, rs.Primary.Attributes["routing_queue_id"], rs.Primary.Attributes["channel_id"])
		return "binding " + rs.Primary.ID + " still exists after destroy", err
	})
}

// testAccProviderConfigNoRetries is testAccProviderConfig with retries off, for tests that
// need a failed call to stay failed.
func testAccProviderConfigNoRetries(m *mockcxone.Server) string {
	return testAccProviderConfigWith(m, "max_retries = 0")
}

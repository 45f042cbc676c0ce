package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccIDForms_validation: an ID-valued attribute of the wrong form fails the plan on
// that attribute, saying the form it wants, before anything asks CXone.
func TestAccIDForms_validation(t *testing.T) {
	m := testAccStart(t)
	const channel = "0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10"
	one := func(block string) string { return testAccProviderConfig(m) + block }
	cases := []struct {
		config string
		want   []string
	}{
		{one(`
resource "cxone_digital_channel" "test" {
  integration_id = "watering-hole"
  external_id    = "public"
  name           = "Public"
}`), []string{"integration_id", "must be a BYOC integration ID, a UUID", "got: watering-hole"}},
		{one(fmt.Sprintf(`
resource "cxone_routing_queue_binding" "test" {
  routing_queue_id = "5/7"
  channel_id       = %q
}`, channel)), []string{"routing_queue_id", "must be a routing queue ID", "got: 5/7"}},
		{one(`
resource "cxone_routing_queue_binding" "test" {
  routing_queue_id = "5"
  channel_id       = "public"
}`), []string{"channel_id", "must be a channel ID, a UUID", "got: public"}},
		{one(`
resource "cxone_skill_assignment" "test" {
  agent_id = 1001
  skill_id = 0
}`), []string{"skill_id", "at least 1", "got: 0"}},
		{one(`
resource "cxone_digital_user_permissions" "test" {
  agent_id = -4
}`), []string{"agent_id", "at least 1", "got: -4"}},
		{one(`
data "cxone_byoc_integration" "test" {
  id = "watering-hole"
}`), []string{"id", "must be a BYOC integration ID, a UUID", "got: watering-hole"}},
		{one(`
data "cxone_routing_queue" "test" {
  id = "5 6"
}`), []string{"id", "must be a routing queue ID", "got: 5 6"}},
		{one(`
data "cxone_digital_skill" "test" {
  id = "chat"
}`), []string{"id", "must be a positive whole number", "got: chat"}},
	}
	var steps []resource.TestStep
	for _, tc := range cases {
		steps = append(steps, planError(tc.config, tc.want...))
	}
	testAccPlanErrors(t, m, steps)
}

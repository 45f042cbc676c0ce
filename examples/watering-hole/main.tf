# The Jungle's channel on The Watering Hole, set up in the order of CXone's BYOC guide.
# The middleware (step 4) is built and hosted by The Jungle and must exist beforehand.

# Every setting comes from CXONE_* environment variables, so this folder runs unchanged
# against the mock server and against a real tenant.
provider "cxone" {}

# 1. Existing users become digital agents, and a new employee joins as one. The new
# hire's team and security profile are looked up by name.
data "cxone_team" "digital" {
  name = "Jungle Digital"
}

data "cxone_security_profile" "agent" {
  name = "Agent"
}

# Destroy deactivates the user: CXone never deletes users.
resource "cxone_user" "new_hire" {
  user_name           = "grey.brother"
  first_name          = "Grey"
  last_name           = "Brother"
  email_address       = "grey.brother@thejungle.example"
  team_id             = data.cxone_team.digital.team_id
  security_profile_id = data.cxone_security_profile.agent.security_profile_id
  time_zone           = "Africa/Nairobi"
  country             = "KE"
  city                = "Seeonee"
  notes               = "Hired to answer The Watering Hole."
}

resource "cxone_digital_user_permissions" "new_hire" {
  agent_id                   = cxone_user.new_hire.agent_id
  digital_engagement_enabled = true
}

data "cxone_user" "agent" {
  for_each = var.agents

  user_name = each.key
}

resource "cxone_digital_user_permissions" "agent" {
  for_each = data.cxone_user.agent

  agent_id                   = each.value.agent_id
  digital_engagement_enabled = true
}

# 2. A digital skill for the channel. CXone mirrors it as a routing queue in Digital
# Experience; create waits for that queue, so routing_queue_id is known after apply.
resource "cxone_digital_skill" "watering_hole" {
  name                    = "The Watering Hole"
  notes                   = "Public posts and direct messages from The Watering Hole (BYOC)."
  service_level_threshold = 60
  service_level_goal      = 80

  timeouts {
    create = "10m"
  }
}

# 3. The digital agents get the skill.
resource "cxone_skill_assignment" "agent" {
  for_each = var.agents

  agent_id    = cxone_digital_user_permissions.agent[each.key].agent_id
  skill_id    = cxone_digital_skill.watering_hole.id
  proficiency = each.value
}

resource "cxone_skill_assignment" "new_hire" {
  agent_id    = cxone_digital_user_permissions.new_hire.agent_id
  skill_id    = cxone_digital_skill.watering_hole.id
  proficiency = 10
}

# 5. The BYOC integration points CXone at the middleware.
resource "cxone_byoc_integration" "watering_hole" {
  name                = "The Watering Hole"
  integration_box_url = "${var.middleware_url}/watering-hole"
  authorization_url   = "${var.middleware_url}/oauth/token"
  client_id           = "watering-hole"

  client_secret_wo         = var.middleware_client_secret
  client_secret_wo_version = var.middleware_client_secret_version

  use_dfo3_outbound_api = true
  color                 = "#1F8A70"
}

# 6. Two channels on The Watering Hole: public posts (threads of comments) and direct
# messages to The Jungle's account. Direct messages also go out (has_outbound_flow): the
# launch campaign (launch.tf) sends through that channel.
resource "cxone_digital_channel" "public_posts" {
  integration_id     = cxone_byoc_integration.watering_hole.id
  external_id        = "watering-hole-public"
  name               = "The Watering Hole public posts"
  is_private         = false
  has_tree_structure = true
}

resource "cxone_digital_channel" "direct_messages" {
  integration_id    = cxone_byoc_integration.watering_hole.id
  external_id       = "watering-hole-dm"
  name              = "The Watering Hole direct messages"
  is_private        = true
  has_outbound_flow = true
}

# 7. Both channels route to the queue that came from the digital skill.
resource "cxone_routing_queue_binding" "public_posts" {
  routing_queue_id = cxone_digital_skill.watering_hole.routing_queue_id
  channel_id       = cxone_digital_channel.public_posts.id
}

resource "cxone_routing_queue_binding" "direct_messages" {
  routing_queue_id = cxone_digital_skill.watering_hole.routing_queue_id
  channel_id       = cxone_digital_channel.direct_messages.id
}

data "cxone_digital_skill" "watering_hole" {
  name = "The Watering Hole"
}

data "cxone_byoc_integration" "watering_hole" {
  name = "The Watering Hole"
}

resource "cxone_digital_channel" "public_posts" {
  integration_id     = data.cxone_byoc_integration.watering_hole.id
  external_id        = "watering-hole-public"
  name               = "The Watering Hole public posts"
  has_tree_structure = true
}

# Contacts on the channel are routed to the queue that CXone created for the digital skill.
resource "cxone_routing_queue_binding" "example" {
  routing_queue_id = data.cxone_digital_skill.watering_hole.routing_queue_id
  channel_id       = cxone_digital_channel.public_posts.id
}

data "cxone_byoc_integration" "watering_hole" {
  name = "The Watering Hole"
}

# Public posts arrive as threads: a post with its comments.
resource "cxone_digital_channel" "example" {
  integration_id     = data.cxone_byoc_integration.watering_hole.id
  external_id        = "watering-hole-public"
  name               = "The Watering Hole public posts"
  is_private         = false
  has_tree_structure = true
  content_format     = "plain"
}

# Direct messages sent to The Jungle's account on The Watering Hole.
resource "cxone_digital_channel" "direct_messages" {
  integration_id = data.cxone_byoc_integration.watering_hole.id
  external_id    = "watering-hole-dm"
  name           = "The Watering Hole direct messages"
  is_private     = true
  can_send_files = true
}

data "cxone_digital_skill" "watering_hole" {
  name = "The Watering Hole"
}

variable "public_posts_channel_id" {
  type        = string
  description = "ID of The Watering Hole's public-posts channel, for example a cxone_digital_channel's id."
}

# Contacts on the channel are routed to the queue that CXone created for the digital skill.
resource "cxone_routing_queue_binding" "example" {
  routing_queue_id = data.cxone_digital_skill.watering_hole.routing_queue_id
  channel_id       = var.public_posts_channel_id
}

# Look a skill up by its exact name (or by id).
data "cxone_digital_skill" "watering_hole" {
  name = "The Watering Hole"

  # CXone makes a new skill's routing queue a little after the skill: until then
  # routing_queue_id is empty, and nothing can be bound to the queue yet.
  lifecycle {
    postcondition {
      condition     = self.routing_queue_id != ""
      error_message = "CXone has not synced the routing queue of The Watering Hole yet."
    }
  }
}

output "watering_hole_routing_queue_id" {
  value = data.cxone_digital_skill.watering_hole.routing_queue_id
}

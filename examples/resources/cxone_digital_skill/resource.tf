resource "cxone_digital_skill" "example" {
  name  = "The Watering Hole"
  notes = "Public posts and direct messages from The Watering Hole (BYOC)."

  initial_priority        = 0
  acceleration            = 1
  max_priority            = 1000
  service_level_threshold = 60
  service_level_goal      = 80

  # Create waits until CXone has synced the skill's routing queue.
  timeouts {
    create = "15m"
  }
}

# Known after apply: the routing queue that Digital Experience created for the skill.
output "watering_hole_routing_queue_id" {
  value = cxone_digital_skill.example.routing_queue_id
}

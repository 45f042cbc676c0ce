# The routing queue that mirrors a digital skill, found through the skill.
data "cxone_digital_skill" "watering_hole" {
  name = "The Watering Hole"
}

data "cxone_routing_queue" "watering_hole" {
  skill_id = data.cxone_digital_skill.watering_hole.id
}

# A queue can also be found by its exact name (or by id).
data "cxone_routing_queue" "by_name" {
  name = "The Watering Hole"
}

output "watering_hole_queue" {
  value = {
    id         = data.cxone_routing_queue.watering_hole.id
    is_deleted = data.cxone_routing_queue.watering_hole.is_deleted
  }
}

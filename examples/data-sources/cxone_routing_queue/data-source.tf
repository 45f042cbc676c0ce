# The routing queue that mirrors a digital skill, found through the skill. A queue can
# also be found by its exact name or by id (name = "..." or id = "..." instead of skill_id).
data "cxone_digital_skill" "watering_hole" {
  name = "The Watering Hole"
}

data "cxone_routing_queue" "watering_hole" {
  skill_id = data.cxone_digital_skill.watering_hole.id
}

output "watering_hole_queue" {
  value = {
    id         = data.cxone_routing_queue.watering_hole.id
    is_deleted = data.cxone_routing_queue.watering_hole.is_deleted
  }
}

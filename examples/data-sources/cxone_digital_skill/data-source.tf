# Look a skill up by its exact name (or by id).
data "cxone_digital_skill" "watering_hole" {
  name = "The Watering Hole"
}

output "watering_hole_skill_id" {
  value = data.cxone_digital_skill.watering_hole.id
}

output "watering_hole_routing_queue_id" {
  value = data.cxone_digital_skill.watering_hole.routing_queue_id
}

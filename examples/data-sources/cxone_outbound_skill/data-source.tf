# Look an outbound skill up by its exact name (or by id).
data "cxone_outbound_skill" "launch" {
  name = "Watering-Hole.Launch"
}

# Whether the skill is sending: started with the cxone_outbound_skill_start action or in CXone.
output "launch_is_running" {
  value = data.cxone_outbound_skill.launch.is_running
}

output "launch_routing_queue_id" {
  value = data.cxone_outbound_skill.launch.routing_queue_id
}

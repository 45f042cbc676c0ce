output "agent_ids" {
  description = "Agent ID of each digital agent, by user name."
  value       = { for name, p in cxone_digital_user_permissions.agent : name => p.agent_id }
}

output "new_hire_agent_id" {
  description = "Agent ID of the new digital agent, grey.brother."
  value       = cxone_user.new_hire.agent_id
}

output "skill_id" {
  description = "ID of The Watering Hole's digital skill."
  value       = cxone_digital_skill.watering_hole.id
}

output "routing_queue_id" {
  description = "Digital Experience routing queue that mirrors the skill; both channels are bound to it."
  value       = cxone_digital_skill.watering_hole.routing_queue_id
}

output "integration_id" {
  description = "ID of the BYOC integration for The Watering Hole."
  value       = cxone_byoc_integration.watering_hole.id
}

output "channel_ids" {
  description = "IDs of the two BYOC channels."
  value = {
    public_posts    = cxone_digital_channel.public_posts.id
    direct_messages = cxone_digital_channel.direct_messages.id
  }
}

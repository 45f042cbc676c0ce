output "agent_ids" {
  description = "Agent ID of each digital agent, by user name."
  value       = { for name, p in cxone_digital_user_permissions.agent : name => p.agent_id }
}

output "new_hire_agent_id" {
  description = "Agent ID of the new digital agent, grey.brother."
  value       = cxone_user.new_hire.agent_id
}

output "watering_hole" {
  description = "IDs of The Watering Hole: its digital skill, the Digital Experience routing queue that mirrors the skill (both channels are bound to it), the BYOC integration and its two channels."
  value = {
    skill_id         = cxone_digital_skill.watering_hole.id
    routing_queue_id = cxone_digital_skill.watering_hole.routing_queue_id
    integration_id   = cxone_byoc_integration.watering_hole.id
    channel_ids = {
      public_posts    = cxone_digital_channel.public_posts.id
      direct_messages = cxone_digital_channel.direct_messages.id
    }
  }
}

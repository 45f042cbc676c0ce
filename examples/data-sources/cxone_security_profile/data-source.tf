# Look a security profile up by its exact name (or by id).
data "cxone_security_profile" "agent" {
  name = "Agent"
}

output "agent_profile_id" {
  value = data.cxone_security_profile.agent.security_profile_id
}

# Look a user up by exactly one of user_name, email_address or agent_id.
# Names and e-mail addresses match exactly, ignoring case; inactive users are found too.
data "cxone_user" "mowgli" {
  user_name = "mowgli"
}

data "cxone_user" "baloo" {
  email_address = "baloo@thejungle.example"
}

output "mowgli_agent_id" {
  value = data.cxone_user.mowgli.agent_id
}

output "baloo_is_digital" {
  value = data.cxone_user.baloo.digital_engagement_enabled
}

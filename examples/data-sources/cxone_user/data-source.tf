# Look a user up by exactly one of user_name, email_address or agent_id.
# Names and e-mail addresses match exactly, ignoring case; inactive users are found too.
data "cxone_user" "agent" {
  for_each  = toset(["mowgli", "baloo"])
  user_name = each.key
}

data "cxone_user" "bagheera" {
  email_address = "bagheera@thejungle.example"
}

output "agent_ids" {
  value = { for name, user in data.cxone_user.agent : name => user.agent_id }
}

output "bagheera_team_id" {
  value = data.cxone_user.bagheera.team_id
}

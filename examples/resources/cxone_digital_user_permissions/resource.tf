# Turn an existing CXone user into a digital agent. The user is looked up by name; this
# resource only changes the user's digital settings (cxone_user is the one that creates users).
data "cxone_user" "mowgli" {
  user_name = "mowgli"
}

resource "cxone_digital_user_permissions" "example" {
  agent_id                   = data.cxone_user.mowgli.agent_id
  digital_engagement_enabled = true

  # Up to 3 digital contacts at once, whatever the team's threshold says.
  use_team_digital_threshold = false
  digital_threshold          = 3
  digital_refusal_timeout    = 45
}

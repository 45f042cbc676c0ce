# A new digital agent: team and security profile looked up by name.
data "cxone_team" "digital" {
  name = "Jungle Digital"
}

data "cxone_security_profile" "agent" {
  name = "Agent"
}

resource "cxone_user" "raksha" {
  user_name           = "raksha.jr"
  first_name          = "Raksha"
  last_name           = "Wolf"
  email_address       = "raksha.jr@thejungle.example"
  team_id             = data.cxone_team.digital.team_id
  security_profile_id = data.cxone_security_profile.agent.security_profile_id
  time_zone           = "Africa/Nairobi"
  country             = "KE"
  city                = "Seeonee"
  notes               = "Answers The Watering Hole."
}

# Digital engagement is granted by its own resource.
resource "cxone_digital_user_permissions" "raksha" {
  agent_id = cxone_user.raksha.agent_id
}

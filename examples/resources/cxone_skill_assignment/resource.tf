data "cxone_user" "baloo" {
  user_name = "baloo"
}

resource "cxone_digital_skill" "watering_hole" {
  name = "The Watering Hole"
}

# Proficiency runs from 1 (highest) to 20 (lowest).
resource "cxone_skill_assignment" "example" {
  agent_id    = data.cxone_user.baloo.agent_id
  skill_id    = cxone_digital_skill.watering_hole.id
  proficiency = 5
  is_active   = true
}

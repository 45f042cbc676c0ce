# Assignments of every active digital skill, named "Skill name — user.name".
list "cxone_skill_assignment" "all" {
  provider         = cxone
  include_resource = true
}

# One user's digital skill assignments.
list "cxone_skill_assignment" "mowgli" {
  provider = cxone
  config {
    agent_id = 31044907
  }
}

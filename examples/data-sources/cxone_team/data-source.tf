# Look a team up by its exact name (or by id).
data "cxone_team" "digital" {
  name = "Jungle Digital"
}

output "digital_team_id" {
  value = data.cxone_team.digital.team_id
}

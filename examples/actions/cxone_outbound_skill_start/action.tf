# Run it with: terraform apply -invoke=action.cxone_outbound_skill_start.dawn_patrol
action "cxone_outbound_skill_start" "dawn_patrol" {
  config {
    skill_id = 4000001 # for example cxone_outbound_skill.dawn_patrol.id

    timeouts {
      invoke = "5m"
    }
  }
}

variable "launch_skill_id" {
  description = "ID of the outbound skill that sends the launch campaign, for example cxone_outbound_skill.launch.id."
  type        = number
}

resource "cxone_dnc_group" "opt_outs" {
  name = "The Jungle opt-outs"
}

# The skill's records are checked against the group before each attempt...
resource "cxone_dnc_group_skill" "launch_scrubbed" {
  dnc_group_id = cxone_dnc_group.opt_outs.id
  skill_id     = var.launch_skill_id
  relation     = "scrubbed"
}

# ...and a STOP reply to the skill adds the number to the group.
resource "cxone_dnc_group_skill" "launch_contributing" {
  dnc_group_id = cxone_dnc_group.opt_outs.id
  skill_id     = var.launch_skill_id
  relation     = "contributing"
}

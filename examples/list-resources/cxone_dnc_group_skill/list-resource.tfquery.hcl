# The skill links of every active DNC group, named "group scrubs skill" or
# "skill contributes to group".
list "cxone_dnc_group_skill" "all" {
  provider         = cxone
  include_resource = true
}

# One group's scrubbed skills.
list "cxone_dnc_group_skill" "opt_outs_scrubbed" {
  provider = cxone
  config {
    dnc_group_id = 8001
    relation     = "scrubbed"
  }
}

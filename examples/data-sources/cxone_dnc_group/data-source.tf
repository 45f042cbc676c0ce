# Look a DNC group up by its exact name (or by id), active or not.
data "cxone_dnc_group" "opt_outs" {
  name = "The Jungle opt-outs"
}

output "opt_outs_dnc_group_id" {
  value = data.cxone_dnc_group.opt_outs.id
}

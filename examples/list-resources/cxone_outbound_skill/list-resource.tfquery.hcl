# Active outbound skills, named by their names, each with its dispositions, schedule,
# retry settings and time zones.
list "cxone_outbound_skill" "all" {
  provider         = cxone
  include_resource = true
}

# Only skills whose name contains "launch".
list "cxone_outbound_skill" "launch" {
  provider = cxone
  config {
    name_contains = "launch"
  }
}

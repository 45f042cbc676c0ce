# Every active DNC group, named by its name.
list "cxone_dnc_group" "all" {
  provider         = cxone
  include_resource = true
}

# Only the groups whose name contains "jungle", ignoring case.
list "cxone_dnc_group" "jungle" {
  provider = cxone
  config {
    name_contains = "jungle"
  }
}

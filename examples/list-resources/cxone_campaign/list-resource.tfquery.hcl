# Active campaigns, named by their names.
list "cxone_campaign" "all" {
  provider         = cxone
  include_resource = true
}

# Only campaigns whose name contains "launch".
list "cxone_campaign" "launch" {
  provider = cxone
  config {
    name_contains = "launch"
  }
}

# Every calling list, named by its name.
list "cxone_calling_list" "all" {
  provider         = cxone
  include_resource = true
}

# Only lists whose name contains "jungle".
list "cxone_calling_list" "jungle" {
  provider = cxone
  config {
    name_contains = "jungle"
  }
}

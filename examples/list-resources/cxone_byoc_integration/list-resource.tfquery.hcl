# Every BYOC integration, named by its name. CXone never returns the secret.
list "cxone_byoc_integration" "all" {
  provider         = cxone
  include_resource = true
}

# Only integrations whose name contains "watering".
list "cxone_byoc_integration" "watering" {
  provider = cxone
  config {
    name_contains = "watering"
  }
}

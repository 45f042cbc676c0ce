# Every active disposition, named by its name.
list "cxone_disposition" "all" {
  provider         = cxone
  include_resource = true
}

# Only the dispositions whose name contains "opt", ignoring case.
list "cxone_disposition" "opt_outs" {
  provider = cxone
  config {
    name_contains = "opt"
  }
}

# Active message templates, named by their names.
list "cxone_message_template" "all" {
  provider         = cxone
  include_resource = true
}

# Only SMS templates whose name contains "launch".
list "cxone_message_template" "launch_sms" {
  provider = cxone
  config {
    name_contains = "launch"
    type          = "sms"
  }
}

# One list block per resource type. Without a config block each lists every
# object its resource would manage; include_resource = true returns the whole
# object, so `terraform query -generate-config-out` can write its configuration.
# limit is Terraform's cap on results per block (100 when left out).

list "cxone_digital_skill" "all" {
  provider         = cxone
  include_resource = true
  limit            = 1000
}

list "cxone_digital_user_permissions" "all" {
  provider         = cxone
  include_resource = true
  limit            = 1000
}

list "cxone_skill_assignment" "all" {
  provider         = cxone
  include_resource = true
  limit            = 1000
}

list "cxone_byoc_integration" "all" {
  provider         = cxone
  include_resource = true
  limit            = 1000
}

list "cxone_digital_channel" "all" {
  provider         = cxone
  include_resource = true
  limit            = 1000
}

list "cxone_routing_queue_binding" "all" {
  provider         = cxone
  include_resource = true
  limit            = 1000
}

# The outbound set-up: message templates, campaigns, dispositions, outbound skills
# (with their schedule, retry and time zones), DNC groups, the skills linked to each
# DNC group, and calling lists.
list "cxone_message_template" "all" {
  provider         = cxone
  include_resource = true
  limit            = 1000
}

list "cxone_campaign" "all" {
  provider         = cxone
  include_resource = true
  limit            = 1000
}

list "cxone_disposition" "all" {
  provider         = cxone
  include_resource = true
  limit            = 1000
}

list "cxone_outbound_skill" "all" {
  provider         = cxone
  include_resource = true
  limit            = 1000
}

list "cxone_dnc_group" "all" {
  provider         = cxone
  include_resource = true
  limit            = 1000
}

list "cxone_dnc_group_skill" "all" {
  provider         = cxone
  include_resource = true
  limit            = 1000
}

list "cxone_calling_list" "all" {
  provider         = cxone
  include_resource = true
  limit            = 1000
}

# Users: only the team the hand-made user is in. Without the filter every active user
# of the tenant is imported, the long-standing ones too.
list "cxone_user" "voice_team" {
  provider         = cxone
  include_resource = true
  limit            = 1000
  config {
    team_id = 302
  }
}

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

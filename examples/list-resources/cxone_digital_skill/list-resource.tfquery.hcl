# Active digital skills, named by their names.
list "cxone_digital_skill" "all" {
  provider         = cxone
  include_resource = true
}

# Only skills whose name contains "watering".
list "cxone_digital_skill" "watering" {
  provider = cxone
  config {
    name_contains = "watering"
  }
}

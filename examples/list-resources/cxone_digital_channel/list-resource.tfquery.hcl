# Every digital channel, named by its name.
list "cxone_digital_channel" "all" {
  provider         = cxone
  include_resource = true
}

# The channels of one integration whose name contains "public".
list "cxone_digital_channel" "watering_hole" {
  provider = cxone
  config {
    integration_id = "6f1d2c3b-8a4e-4b7f-9c21-5e0a7d9b4f10"
    name_contains  = "public"
  }
}

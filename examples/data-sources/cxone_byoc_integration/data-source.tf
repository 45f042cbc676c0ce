# Look a BYOC integration up by its exact name (or by id). The client secret is never
# returned; has_client_secret tells whether one is set.
data "cxone_byoc_integration" "watering_hole" {
  name = "The Watering Hole"
}

output "watering_hole_integration" {
  value = {
    id                  = data.cxone_byoc_integration.watering_hole.id
    integration_box_url = data.cxone_byoc_integration.watering_hole.integration_box_url
    has_client_secret   = data.cxone_byoc_integration.watering_hole.has_client_secret
  }
}

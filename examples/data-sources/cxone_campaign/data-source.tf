# Look a campaign up by its exact name (or by id).
data "cxone_campaign" "launch" {
  name = "The Watering Hole launch"
}

output "launch_campaign_id" {
  value = data.cxone_campaign.launch.id
}

# Run it with: terraform apply -invoke=action.cxone_channel_send_message.smoke_test
action "cxone_channel_send_message" "smoke_test" {
  config {
    channel_id = "0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10" # for example cxone_digital_channel.watering_hole.id
    recipient  = "+15550100"
    text       = "Test message from Terraform: the Watering Hole channel can send."
  }
}

# The launch's deeds, as Terraform 1.14 actions. They are layered on ../watering-hole:
# copy this folder's files into it (README.md says how). Kept apart so that the
# watering-hole example itself still runs on Terraform 1.11, which cannot parse action
# blocks.
terraform {
  required_version = ">= 1.14"
}

variable "test_recipient" {
  description = "The Jungle team's own account on The Watering Hole (its phone number), which receives the test message."
  type        = string
  default     = "+254700000001"
}

# Upload the mailing list's records and start the skill. Triggered once, when the calling
# list is created (launch_override.tf); run it again, to upload today's records, with
#   terraform apply -invoke=action.cxone_calling_list_upload.launch
# force_overwrite makes a repeated upload replace the list's records, not add to them.
action "cxone_calling_list_upload" "launch" {
  config {
    list_id         = cxone_calling_list.mailing_list.id
    skill_id        = cxone_outbound_skill.launch.id
    content         = file("${path.module}/records.csv")
    force_overwrite = true
    start_skill     = true
  }
}

# One test message to the team's own account, through the direct-message channel (it has
# an outbound flow). A deed to do on purpose, not on every apply:
#   terraform apply -invoke=action.cxone_channel_send_message.test_message
action "cxone_channel_send_message" "test_message" {
  config {
    channel_id = cxone_digital_channel.direct_messages.id
    recipient  = var.test_recipient
    text       = "Test from The Jungle: King Louie's launch campaign is on The Watering Hole."
  }
}

# When the campaign ends, stop the skill (agents finish their current conversations):
#   terraform apply -invoke=action.cxone_outbound_skill_stop.end_of_campaign
action "cxone_outbound_skill_stop" "end_of_campaign" {
  config {
    skill_id = cxone_outbound_skill.launch.id
  }
}

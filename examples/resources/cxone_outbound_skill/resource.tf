# The campaign, message template and dispositions the skill refers to, by ID: in a
# full configuration, cxone_campaign.launch.id, cxone_message_template.launch.id and
# cxone_disposition.<name>.id.
variable "campaign_id" {
  type = string
}

variable "message_template_id" {
  type = string
}

variable "interested_disposition_id" {
  type = string
}

variable "not_interested_disposition_id" {
  type = string
}

# The BYOC channel that sends the messages (cxone_digital_channel.<name>.id).
variable "channel_id" {
  type = string
}

resource "cxone_outbound_skill" "launch" {
  name                = "Watering-Hole.Launch"
  media_type          = "digital"             # the default; changing it replaces the skill
  strategy            = "personal_connection" # the default; changing it replaces the skill
  campaign_id         = var.campaign_id
  message_template_id = var.message_template_id
  notes               = "King Louie's launch message to The Jungle's mailing list."
  require_disposition = true

  dispositions = [
    { disposition_id = var.interested_disposition_id, priority = 1 },
    { disposition_id = var.not_interested_disposition_id, priority = 2 },
  ]

  # CXone cannot change a running skill: let the provider stop, update and start it.
  restart_to_update = true

  # Sends on weekdays only; a day left out is off.
  schedule {
    monday    = { start = "09:00", end = "17:00" }
    tuesday   = { start = "09:00", end = "17:00" }
    wednesday = { start = "09:00", end = "17:00" }
    thursday  = { start = "09:00", end = "17:00" }
    friday    = { start = "09:00", end = "15:00" }
  }

  retry {
    maximum_attempts      = 3
    minimum_retry_minutes = 120
  }

  time_zones {
    name  = "GMT Standard Time"
    start = "08:00"
    end   = "20:00"
  }
}

# The routing queue that mirrors the digital skill: bind the BYOC channel to it.
resource "cxone_routing_queue_binding" "launch" {
  routing_queue_id = cxone_outbound_skill.launch.routing_queue_id
  channel_id       = var.channel_id
}

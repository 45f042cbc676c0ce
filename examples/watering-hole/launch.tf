# King Louie's launch campaign (steps 8-12 of the story): The Jungle does not wait for
# contacts to write first, and sends a proactive message to its mailing list through
# The Watering Hole, by a Personal Connection outbound skill.
#
# This file declares what the launch is made of. The launch's deeds (upload the records
# and start the skill, send a test message, stop the skill when the campaign ends) are
# Terraform 1.14 actions, in ../watering-hole-launch-actions: copy its files into this
# folder to use them. Without them this folder needs only Terraform 1.11.

# 8. The launch text. {first_name} is replaced, for each record, with its value in the
# calling list's column of that name (the CSV's header). CXone's template types are
# e-mail and SMS, with no digital one; the launch text is plain text, so SMS. (Which type
# a digital skill takes is not documented: check on your tenant.)
resource "cxone_message_template" "launch" {
  name = "The Watering Hole launch"
  type = "sms"
  body = "Hello {first_name}! The Jungle is on The Watering Hole now: write to us here any time. King Louie. Reply STOP to opt out."
}

# 9. The campaign that reports the outbound skill's results.
resource "cxone_campaign" "launch" {
  name        = "Watering Hole Launch"
  description = "King Louie's launch message to The Jungle's mailing list, through The Watering Hole."
}

# 10. The outcomes an agent records for each member, and the do-not-contact group: the
# skill's records are checked against it before each attempt, and a member who opts out
# is added to it. Classifications are CXone's, by ID: 1 Success, 2 Failure and 5 Do Not
# Contact in the mock; check your tenant's list (GET /dispositions/classifications).
resource "cxone_disposition" "replied" {
  name              = "Launch: replied"
  classification_id = 1
  notes             = "The member answered King Louie's launch message."
}

resource "cxone_disposition" "not_interested" {
  name              = "Launch: not interested"
  classification_id = 2
  notes             = "The member does not want to hear from The Jungle on The Watering Hole."
}

resource "cxone_disposition" "opted_out" {
  name              = "Launch: opted out"
  classification_id = 5
  notes             = "The member replied STOP: never message them again."
}

resource "cxone_dnc_group" "opt_outs" {
  name        = "The Jungle opt-outs"
  description = "Members who opted out of The Jungle's proactive messages on The Watering Hole."
}

resource "cxone_dnc_group_skill" "launch_scrubbed" {
  dnc_group_id = cxone_dnc_group.opt_outs.id
  skill_id     = cxone_outbound_skill.launch.id
  relation     = "scrubbed"
}

resource "cxone_dnc_group_skill" "launch_contributing" {
  dnc_group_id = cxone_dnc_group.opt_outs.id
  skill_id     = cxone_outbound_skill.launch.id
  relation     = "contributing"
}

# 11. The Personal Connection skill that sends the launch message, on the digital media
# type. Skill names take no spaces.
resource "cxone_outbound_skill" "launch" {
  name                = "Watering-Hole.Launch"
  media_type          = "digital"
  strategy            = "personal_connection"
  campaign_id         = cxone_campaign.launch.id
  message_template_id = cxone_message_template.launch.id
  notes               = "King Louie's launch message to The Jungle's mailing list."
  require_disposition = true

  dispositions = [
    { disposition_id = cxone_disposition.replied.id, priority = 1 },
    { disposition_id = cxone_disposition.not_interested.id, priority = 2 },
    { disposition_id = cxone_disposition.opted_out.id, priority = 3 },
  ]

  # Once launched the skill runs, and CXone cannot change a running skill: the provider
  # stops it, applies the change and starts it again.
  restart_to_update = true

  # Savanna office hours: weekdays, and Saturday mornings at the market. A day left out
  # is off.
  schedule {
    monday    = { start = "08:00", end = "17:00" }
    tuesday   = { start = "08:00", end = "17:00" }
    wednesday = { start = "08:00", end = "17:00" }
    thursday  = { start = "08:00", end = "17:00" }
    friday    = { start = "08:00", end = "16:00" }
    saturday  = { start = "09:00", end = "12:00" }
  }

  # At most three messages to a member, a day apart.
  retry {
    maximum_attempts      = 3
    minimum_retry_minutes = 1440
  }

  # The savanna's time zones (CXone's standard names), each member messaged within
  # their own hours.
  time_zones {
    name  = "E. Africa Standard Time" # Nairobi, Dar es Salaam
    start = "08:00"
    end   = "18:00"
  }

  time_zones {
    name  = "South Africa Standard Time" # the southern savanna
    start = "08:00"
    end   = "18:00"
  }
}

# The skill's routing queue takes the direct-message channel, which has an outbound flow
# (main.tf): the launch message arrives as a direct message, and a reply comes back to
# the same conversation.
resource "cxone_routing_queue_binding" "launch" {
  routing_queue_id = cxone_outbound_skill.launch.routing_queue_id
  channel_id       = cxone_digital_channel.direct_messages.id
}

# 12. The mailing list's columns. The Watering Hole knows its members by phone number, so
# the destination is CXone's PhoneNumber type (the one destination type CXone
# documents), and opt-outs match the DNC group. The records themselves are uploaded at
# launch, by the cxone_calling_list_upload action: records.csv in
# ../watering-hole-launch-actions has these columns.
resource "cxone_calling_list" "mailing_list" {
  name               = "The Jungle mailing list"
  external_id_column = "member"

  destination_mappings = [
    { field_name = "PhoneNumber", column = "phone" },
  ]

  first_name_column = "first_name"
  time_zone_column  = "time_zone"

  # Made last: the upload that creating the list triggers (with the actions) starts the
  # skill, which must by then be scrubbed against the opt-outs and have its channel.
  depends_on = [
    cxone_dnc_group_skill.launch_scrubbed,
    cxone_dnc_group_skill.launch_contributing,
    cxone_routing_queue_binding.launch,
  ]
}

output "launch" {
  description = "IDs of what the launch is made of. The outbound skill's routing queue mirrors the skill; the direct-message channel is bound to it."
  value = {
    message_template_id = cxone_message_template.launch.id
    campaign_id         = cxone_campaign.launch.id
    disposition_ids = {
      replied        = cxone_disposition.replied.id
      not_interested = cxone_disposition.not_interested.id
      opted_out      = cxone_disposition.opted_out.id
    }
    dnc_group_id              = cxone_dnc_group.opt_outs.id
    outbound_skill_id         = cxone_outbound_skill.launch.id
    outbound_routing_queue_id = cxone_outbound_skill.launch.routing_queue_id
    calling_list_id           = cxone_calling_list.mailing_list.id
  }
}

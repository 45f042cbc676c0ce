# The jungle's do-not-contact list: members who replied STOP to a proactive message.
resource "cxone_dnc_group" "opt_outs" {
  name        = "The Jungle opt-outs"
  description = "Numbers that replied STOP to The Watering Hole's proactive messages."
}

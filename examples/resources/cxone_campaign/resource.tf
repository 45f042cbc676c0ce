# A campaign groups outbound skills for reporting; an outbound skill names it.
resource "cxone_campaign" "launch" {
  name        = "The Watering Hole launch"
  description = "King Louie's launch message to The Jungle's mailing list."
  notes       = "Managed by Terraform."
}

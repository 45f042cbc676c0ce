# Outcome codes of the launch campaign's record attempts. Link them to the outbound
# skill through its dispositions.
resource "cxone_disposition" "replied" {
  name              = "Replied"
  classification_id = 1 # Success: see the tenant's disposition classifications
  notes             = "The member answered King Louie's launch message."
}

resource "cxone_disposition" "opted_out" {
  name              = "Opted out"
  classification_id = 5 # Do Not Contact
  is_preview        = false
}

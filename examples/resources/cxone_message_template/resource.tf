# The launch message that a Personal Connection skill sends to every record of its
# calling list; {FirstName} comes from the list's column of that name.
resource "cxone_message_template" "launch" {
  name    = "The Watering Hole launch"
  type    = "email"
  subject = "The Watering Hole is open"
  body    = "<p>Hello {FirstName}, The Watering Hole now answers your messages.</p>"
  is_html = true

  from_name        = "King Louie"
  from_address     = "louie@jungle.example"
  reply_to_address = "help@jungle.example"
}

# An SMS template has a body only.
resource "cxone_message_template" "launch_sms" {
  name = "The Watering Hole launch (SMS)"
  type = "sms"
  body = "Hello {FirstName}, The Watering Hole now answers your messages."
}

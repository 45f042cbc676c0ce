# Look a message template up by its exact name (or by id).
data "cxone_message_template" "launch" {
  name = "The Watering Hole launch"
}

output "launch_template_id" {
  value = data.cxone_message_template.launch.id
}

output "launch_template_type" {
  value = data.cxone_message_template.launch.type
}

# Look a message template up by its id (or by its exact name).
variable "launch_template_id" {
  type        = string
  description = "ID of the launch's message template, a whole number written as a string."
}

data "cxone_message_template" "launch" {
  id = var.launch_template_id
}

output "launch_template" {
  value = "${data.cxone_message_template.launch.name} (${data.cxone_message_template.launch.type})"
}

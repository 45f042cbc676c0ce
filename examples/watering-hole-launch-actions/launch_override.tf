# Terraform merges this into the calling list of ../watering-hole/launch.tf (an override
# file): after the list is created, its records are uploaded and the skill is started.
# The list is created last (its depends_on in launch.tf), so the skill starts scrubbed
# against the opt-outs and with its channel bound.
resource "cxone_calling_list" "mailing_list" {
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.cxone_calling_list_upload.launch]
    }
  }
}

# Terraform v1.12 and later: import by resource identity, the template ID.
import {
  to = cxone_message_template.example
  identity = {
    template_id = 61001
  }
}

# The import ID is the template ID.
import {
  to = cxone_message_template.example
  id = "61001"
}

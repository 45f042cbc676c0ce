# The import ID is the user's agent ID.
import {
  to = cxone_digital_user_permissions.example
  id = "31044907"
}

# The import ID is the agent ID.
import {
  to = cxone_user.example
  id = "1010"
}

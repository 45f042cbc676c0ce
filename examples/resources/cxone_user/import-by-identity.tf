# Terraform v1.12 and later: import by resource identity, the user's agent ID.
import {
  to = cxone_user.example
  identity = {
    agent_id = 1010
  }
}

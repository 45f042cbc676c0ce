# Terraform v1.12 and later: import by resource identity, the user's agent ID.
import {
  to = cxone_digital_user_permissions.example
  identity = {
    agent_id = 31044907
  }
}

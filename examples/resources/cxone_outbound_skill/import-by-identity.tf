# Terraform v1.12 and later: import by resource identity, the skill ID.
import {
  to = cxone_outbound_skill.example
  identity = {
    skill_id = 24801356
  }
}

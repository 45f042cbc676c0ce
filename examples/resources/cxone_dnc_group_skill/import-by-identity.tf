# Terraform v1.12 and later: import by resource identity, the group, the skill and the relation.
import {
  to = cxone_dnc_group_skill.example
  identity = {
    dnc_group_id = 8001
    skill_id     = 24801356
    relation     = "scrubbed"
  }
}

# The import ID is "<dnc_group_id>/<skill_id>/<relation>", relation scrubbed or contributing.
import {
  to = cxone_dnc_group_skill.example
  id = "8001/24801356/scrubbed"
}

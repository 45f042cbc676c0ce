# The import ID is the skill ID.
import {
  to = cxone_outbound_skill.example
  id = "24801356"
}

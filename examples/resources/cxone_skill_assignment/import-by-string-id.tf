# The import ID is "<agent_id>/<skill_id>".
import {
  to = cxone_skill_assignment.example
  id = "31044908/24801356"
}

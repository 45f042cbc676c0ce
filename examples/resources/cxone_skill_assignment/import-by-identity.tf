# Terraform v1.12 and later: import by resource identity, the agent and skill IDs.
import {
  to = cxone_skill_assignment.example
  identity = {
    agent_id = 31044908
    skill_id = 24801356
  }
}

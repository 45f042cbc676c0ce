# Terraform v1.12 and later: import by resource identity, the DNC group ID.
import {
  to = cxone_dnc_group.example
  identity = {
    dnc_group_id = 8001
  }
}

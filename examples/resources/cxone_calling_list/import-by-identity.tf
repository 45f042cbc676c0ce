# Terraform v1.12 and later: import by resource identity, the calling list ID.
import {
  to = cxone_calling_list.example
  identity = {
    list_id = 65001
  }
}

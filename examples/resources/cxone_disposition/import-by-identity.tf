# Terraform v1.12 and later: import by resource identity, the disposition ID.
import {
  to = cxone_disposition.example
  identity = {
    disposition_id = 7001
  }
}

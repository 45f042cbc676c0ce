# The import ID is the DNC group ID.
import {
  to = cxone_dnc_group.example
  id = "8001"
}

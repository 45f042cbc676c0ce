# The import ID is the calling list ID.
import {
  to = cxone_calling_list.example
  id = "65001"
}

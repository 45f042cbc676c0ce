# The import ID is the disposition ID.
import {
  to = cxone_disposition.example
  id = "7001"
}

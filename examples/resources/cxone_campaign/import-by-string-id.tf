# The import ID is the campaign ID.
import {
  to = cxone_campaign.example
  id = "62001"
}

# Terraform v1.12 and later: import by resource identity, the campaign ID.
import {
  to = cxone_campaign.example
  identity = {
    campaign_id = 62001
  }
}

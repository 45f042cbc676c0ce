terraform import cxone_campaign.example 62001

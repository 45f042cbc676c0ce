terraform import cxone_disposition.example 7001

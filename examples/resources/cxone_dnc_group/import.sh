terraform import cxone_dnc_group.example 8001

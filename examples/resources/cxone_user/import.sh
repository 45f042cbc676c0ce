terraform import cxone_user.example 1010

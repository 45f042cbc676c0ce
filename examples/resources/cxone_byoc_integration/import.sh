terraform import cxone_byoc_integration.example 6f1d2c3b-8a4e-4b7f-9c21-5e0a7d9b4f10

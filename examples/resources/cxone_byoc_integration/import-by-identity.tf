# Terraform v1.12 and later: import by resource identity, the integration ID. As with
# an import by ID, set the secret in the configuration afterwards.
import {
  to = cxone_byoc_integration.example
  identity = {
    id = "6f1d2c3b-8a4e-4b7f-9c21-5e0a7d9b4f10"
  }
}

# The import ID is the integration ID. CXone never returns the client secret, so after
# import set client_secret_wo (and client_secret_wo_version) or client_secret in the
# configuration, as described on this page.
import {
  to = cxone_byoc_integration.example
  id = "6f1d2c3b-8a4e-4b7f-9c21-5e0a7d9b4f10"
}

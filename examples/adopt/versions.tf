# Adoption needs Terraform 1.14 or later (`terraform query`). No required_version
# here: the examples are validated on every Terraform version the project tests.
terraform {
  required_providers {
    cxone = {
      source = "cxone-oss/cxone"
    }
  }
}

# Every setting comes from the environment (CXONE_TENANT_ID, CXONE_AUTH_URL,
# CXONE_ACCESS_KEY_ID, CXONE_ACCESS_KEY_SECRET), so the same folder adopts the
# mock's tenant and a real one.
provider "cxone" {}

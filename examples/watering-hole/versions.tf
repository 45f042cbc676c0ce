terraform {
  # Write-only arguments (client_secret_wo) need Terraform 1.11.
  required_version = ">= 1.11"

  required_providers {
    cxone = {
      source = "cxone-oss/cxone"
    }
  }
}

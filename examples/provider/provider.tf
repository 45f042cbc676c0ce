# Access-key grant: the provider finds the tenant's API host through discovery.
provider "cxone" {
  tenant_id         = var.cxone_tenant_id
  access_key_id     = var.cxone_access_key_id
  access_key_secret = var.cxone_access_key_secret
}

variable "cxone_tenant_id" {
  type        = string
  description = "CXone tenant ID of The Jungle's business unit."
}

variable "cxone_access_key_id" {
  type        = string
  description = "ID of the access key Terraform signs in with."
}

variable "cxone_access_key_secret" {
  type        = string
  description = "Secret of that access key."
  sensitive   = true
}

# The same settings can come from the environment instead, which keeps secrets out of
# configuration files. With every setting in the environment the block is empty:
#
#   export CXONE_TENANT_ID="11eb3c5f-0d27-4a1e-9b6a-0242ac110003"
#   export CXONE_ACCESS_KEY_ID="<access key id>"
#   export CXONE_ACCESS_KEY_SECRET="<access key secret>"
#
#   provider "cxone" {}

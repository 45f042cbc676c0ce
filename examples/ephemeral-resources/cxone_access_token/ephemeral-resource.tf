# A token for a CXone call this provider does not cover. Ephemeral values may go
# to provider blocks, write-only attributes and provisioners, never to state.
ephemeral "cxone_access_token" "this" {}

resource "terraform_data" "business_unit_report" {
  triggers_replace = [cxone_digital_skill.support.id]

  provisioner "local-exec" {
    command = "curl -fsS -H \"Authorization: $CXONE_AUTHORIZATION\" \"$CXONE_API/inContactAPI/services/v34.0/business-unit\""
    environment = {
      CXONE_AUTHORIZATION = ephemeral.cxone_access_token.this.authorization_header
      CXONE_API           = ephemeral.cxone_access_token.this.api_endpoint
    }
  }
}

resource "cxone_digital_skill" "support" {
  name = "Jungle Support"
}

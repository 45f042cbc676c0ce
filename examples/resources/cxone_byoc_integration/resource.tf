# The middleware issues the client secret. Passed through an ephemeral variable into the
# write-only argument, it is sent to CXone but never stored in the plan or the state.
# Null by default: a plan of the existing integration (a pull request, a drift check)
# needs no secret; only creating the integration or changing it does.
variable "middleware_client_secret" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = null
}

resource "cxone_byoc_integration" "example" {
  name                = "The Watering Hole"
  integration_box_url = "https://middleware.thejungle.example/watering-hole"
  authorization_url   = "https://middleware.thejungle.example/oauth/token"
  client_id           = "watering-hole"

  # Bump the version to send a new secret to CXone.
  client_secret_wo         = var.middleware_client_secret
  client_secret_wo_version = 1

  use_dfo3_outbound_api = true
  add_action_url        = "https://middleware.thejungle.example/watering-hole/actions/add"
  reconnect_action_url  = "https://middleware.thejungle.example/watering-hole/actions/reconnect"
  remove_action_url     = "https://middleware.thejungle.example/watering-hole/actions/remove"
  color                 = "#1F8A70"
}

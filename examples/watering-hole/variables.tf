variable "agents" {
  description = "CXone users (by user name) who answer The Watering Hole, with their proficiency on its skill: 1 is the highest, 20 the lowest."
  type        = map(number)
  default = {
    mowgli = 1
    baloo  = 5
  }

  validation {
    condition     = alltrue([for p in values(var.agents) : p >= 1 && p <= 20])
    error_message = "Each proficiency must be a whole number from 1 to 20."
  }
}

variable "middleware_url" {
  description = "Base URL of The Jungle's BYOC middleware."
  type        = string
  default     = "https://middleware.thejungle.example"
}

variable "middleware_client_secret" {
  description = "Client secret that the middleware issued to CXone. Ephemeral and sent through a write-only argument, so it is stored in neither the plan nor the state. Set it with TF_VAR_middleware_client_secret to create or change the integration; a plan of the existing integration (a drift check) needs none."
  type        = string
  sensitive   = true
  ephemeral   = true
  default     = null
}

variable "middleware_client_secret_version" {
  description = "Bump this number after rotating the middleware's client secret: CXone is sent the secret again only when it changes."
  type        = number
  default     = 1
}

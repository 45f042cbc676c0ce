# Terraform v1.12 and later: import by resource identity, the channel ID.
import {
  to = cxone_digital_channel.example
  identity = {
    id = "0b9f4c52-7d3e-4e8a-a1f6-3c2d5e8b9a71"
  }
}

# The import ID is the channel ID, a UUID.
import {
  to = cxone_digital_channel.example
  id = "0b9f4c52-7d3e-4e8a-a1f6-3c2d5e8b9a71"
}

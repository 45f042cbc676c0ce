# Terraform v1.12 and later: import by resource identity, the queue and channel IDs.
import {
  to = cxone_routing_queue_binding.example
  identity = {
    routing_queue_id = "40000000001"
    channel_id       = "0b9f4c52-7d3e-4e8a-a1f6-3c2d5e8b9a71"
  }
}

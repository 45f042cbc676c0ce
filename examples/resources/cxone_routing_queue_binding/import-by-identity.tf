# Terraform v1.12 and later: import by resource identity, the queue and channel IDs.
import {
  to = cxone_routing_queue_binding.example
  identity = {
    routing_queue_id = "5c1e8f2a-93b4-4d6e-8f70-1a2b3c4d5e6f"
    channel_id       = "0b9f4c52-7d3e-4e8a-a1f6-3c2d5e8b9a71"
  }
}

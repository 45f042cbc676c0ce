# The import ID is "<routing_queue_id>/<channel_id>".
import {
  to = cxone_routing_queue_binding.example
  id = "40000000001/0b9f4c52-7d3e-4e8a-a1f6-3c2d5e8b9a71"
}

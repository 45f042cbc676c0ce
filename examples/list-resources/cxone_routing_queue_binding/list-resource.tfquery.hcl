# The channel bindings of every routing queue, named "queue name ← channel name".
list "cxone_routing_queue_binding" "all" {
  provider         = cxone
  include_resource = true
}

# The bindings of one routing queue.
list "cxone_routing_queue_binding" "watering_hole" {
  provider = cxone
  config {
    routing_queue_id = "40000000001"
  }
}

# Look a disposition up by its exact name (or by id), active or not.
data "cxone_disposition" "replied" {
  name = "Replied"
}

output "replied_disposition_id" {
  value = data.cxone_disposition.replied.id
}

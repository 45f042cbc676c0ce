# The columns of the CSV files uploaded to the list (with the cxone_calling_list_upload
# action): member,first_name,last_name,handle,time_zone
resource "cxone_calling_list" "example" {
  name               = "The Jungle mailing list"
  external_id_column = "member"

  destination_mappings = [
    {
      field_name = "PhoneNumber"
      column     = "handle"
    },
  ]

  first_name_column = "first_name"
  last_name_column  = "last_name"
  time_zone_column  = "time_zone"
}

# The list ID, for the upload action's list_id.
output "jungle_mailing_list_id" {
  value = cxone_calling_list.example.id
}

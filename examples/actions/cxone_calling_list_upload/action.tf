# Run it with: terraform apply -invoke=action.cxone_calling_list_upload.dawn_patrol
action "cxone_calling_list_upload" "dawn_patrol" {
  config {
    list_id  = 65001   # for example cxone_calling_list.dawn_patrol.id
    skill_id = 4000001 # for example cxone_outbound_skill.dawn_patrol.id

    # CSV, header row first; the header must name the list's external-ID column.
    content         = file("${path.module}/records.csv")
    expiration_date = "2030-12-31"
    force_overwrite = true # replace the list's records rather than add to them
    start_skill     = true # start the skill once the records are in

    timeouts {
      invoke = "30m"
    }
  }
}

# Active users, named "user.name (First Last)".
list "cxone_user" "all" {
  provider         = cxone
  include_resource = true
}

# Only the users of one team whose user name contains "bal".
list "cxone_user" "jungle_digital" {
  provider = cxone
  config {
    user_name_contains = "bal"
    team_id            = 2001
  }
}

package mockcxone

import "net/http"

// listTeams lists teams (GET /teams); searchString looks in the team name.
func (s *Server) listTeams(w http.ResponseWriter, r *http.Request) {
	serveAdminList(w, r, s.store, "teams", (*store).sortedTeams, func(q adminQuery, t *Team) bool {
		return q.keeps(t.IsActive, t.TeamName)
	})
}

// getTeam answers GET /teams/{teamId} with the list envelope holding one team.
func (s *Server) getTeam(w http.ResponseWriter, r *http.Request) {
	writeAdminOne(w, r, s.store, "teamId", "team", "teams", teamsOf)
}

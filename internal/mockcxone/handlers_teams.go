package mockcxone

import "net/http"

// listTeams lists teams (GET /teams); searchString looks in the team name.
func (s *Server) listTeams(w http.ResponseWriter, r *http.Request) {
	q, err := readAdminQuery(r)
	if err != nil {
		badRequest(w, err)
		return
	}
	st := s.store
	st.mu.RLock()
	var all []Team
	for _, t := range st.sortedTeams() {
		if q.keeps(t.IsActive, t.TeamName) {
			all = append(all, t)
		}
	}
	st.mu.RUnlock()
	writeAdminList(w, r, "teams", all, q)
}

// getTeam answers GET /teams/{teamId} with the list envelope holding one team.
func (s *Server) getTeam(w http.ResponseWriter, r *http.Request) {
	writeAdminOne(w, r, s.store, "teamId", "team", "teams", func(st *store, id int64) *Team { return st.teams[id] })
}

package mockcxone

import "net/http"

// listSecurityProfiles lists security profiles (GET /security-profiles), paged like every
// Admin list; searchString looks in the profile name. Profiles are neither active nor
// inactive, so isActive filters nothing.
func (s *Server) listSecurityProfiles(w http.ResponseWriter, r *http.Request) {
	q, err := readAdminQuery(r)
	if err != nil {
		badRequest(w, err)
		return
	}
	st := s.store
	st.mu.RLock()
	var all []SecurityProfile
	for _, p := range st.sortedProfiles() {
		if q.finds(p.SecurityProfileName) {
			all = append(all, p)
		}
	}
	st.mu.RUnlock()
	writeAdminList(w, r, "securityProfiles", all, q)
}

// getSecurityProfile answers GET /security-profiles/{profileId} with the list envelope
// holding one profile.
func (s *Server) getSecurityProfile(w http.ResponseWriter, r *http.Request) {
	writeAdminOne(w, r, s.store, "profileId", "security profile", "securityProfiles",
		func(st *store, id int64) *SecurityProfile { return st.profiles[id] })
}

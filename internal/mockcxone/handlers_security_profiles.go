package mockcxone

import "net/http"

// listSecurityProfiles lists security profiles (GET /security-profiles), paged like every
// Admin list; searchString looks in the profile name. Profiles are neither active nor
// inactive, so isActive filters nothing.
func (s *Server) listSecurityProfiles(w http.ResponseWriter, r *http.Request) {
	serveAdminList(w, r, s.store, "securityProfiles", (*store).sortedProfiles, func(q adminQuery, p *SecurityProfile) bool {
		return q.finds(p.SecurityProfileName)
	})
}

// getSecurityProfile answers GET /security-profiles/{profileId} with the list envelope
// holding one profile.
func (s *Server) getSecurityProfile(w http.ResponseWriter, r *http.Request) {
	writeAdminOne(w, r, s.store, "profileId", "security profile", "securityProfiles", profilesOf)
}

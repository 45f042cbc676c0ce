package mockcxone

import "fmt"

// AddSecurityProfileForTest adds a security profile to the tenant, for tests that need more
// profiles than the seed (paging, look-ups by name); the API offers no call to create one. A
// zero SecurityProfileID takes the next free ID. The profile lasts until Reset.
func (s *Server) AddSecurityProfileForTest(p SecurityProfile) (SecurityProfile, error) {
	if p.SecurityProfileName == "" {
		return SecurityProfile{}, fmt.Errorf("AddSecurityProfileForTest: SecurityProfileName is required")
	}
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	if p.SecurityProfileID == 0 {
		p.SecurityProfileID = nextFreeID(st.profiles, 1)
	}
	if p.SecurityProfileID < 0 || st.profiles[p.SecurityProfileID] != nil {
		return SecurityProfile{}, fmt.Errorf("AddSecurityProfileForTest: profile ID %d is negative or taken", p.SecurityProfileID)
	}
	stored := p
	st.profiles[p.SecurityProfileID] = &stored
	return p, nil
}

package mockcxone

import "errors"

// AddSecurityProfileForTest adds a security profile to the tenant, for tests that need more
// profiles than the seed (paging, look-ups by name); the API offers no call to create one. A
// zero SecurityProfileID takes the next free ID. The profile lasts until Reset.
func (s *Server) AddSecurityProfileForTest(p SecurityProfile) (SecurityProfile, error) {
	if p.SecurityProfileName == "" {
		return SecurityProfile{}, errors.New("AddSecurityProfileForTest: SecurityProfileName is required")
	}
	return addForTest(s, "AddSecurityProfileForTest", profilesOf, 1, p, func(p *SecurityProfile) *int64 { return &p.SecurityProfileID })
}

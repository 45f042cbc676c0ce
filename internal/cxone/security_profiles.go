package cxone

import (
	"cmp"
	"context"
	"encoding/json"
)

// SecurityProfile is a set of permissions as the Admin API's /security-profiles calls
// describe it; every user has one. The provider reads profiles; it does not manage them.
type SecurityProfile struct {
	SecurityProfileID   int64  `json:"securityProfileId"`
	SecurityProfileName string `json:"securityProfileName"`
	Description         string `json:"description"`
}

// UnmarshalJSON reads a profile, accepting its id as a number or a string, and profileId and
// profileName as other names of its id and name (the answer's shape is unconfirmed).
func (p *SecurityProfile) UnmarshalJSON(b []byte) error {
	var aux struct {
		SecurityProfileID   flexInt64 `json:"securityProfileId"`
		ProfileID           flexInt64 `json:"profileId"`
		SecurityProfileName string    `json:"securityProfileName"`
		ProfileName         string    `json:"profileName"`
		Description         string    `json:"description"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*p = SecurityProfile{
		SecurityProfileID:   int64(cmp.Or(aux.SecurityProfileID, aux.ProfileID)),
		SecurityProfileName: cmp.Or(aux.SecurityProfileName, aux.ProfileName),
		Description:         aux.Description,
	}
	return nil
}

// ListSecurityProfiles returns every security profile (GET /security-profiles), following
// every page.
func (c *Client) ListSecurityProfiles(ctx context.Context) ([]SecurityProfile, error) {
	return securityProfilesListing().collectNamed(ctx, c, "listing security profiles")
}

// GetSecurityProfile reads one security profile (GET /security-profiles/{profileId}); an
// unknown id is an error for which IsNotFound is true.
func (c *Client) GetSecurityProfile(ctx context.Context, profileID int64) (*SecurityProfile, error) {
	return getAdminByID(ctx, c, "/security-profiles", "securityProfiles", "security profile", profileID,
		func(p *SecurityProfile) int64 { return p.SecurityProfileID })
}

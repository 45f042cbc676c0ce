package mockcxone

import (
	"fmt"
	"net/mail"
	"strconv"
	"strings"
	"time"
)

// flexID is an id that a request may send as a JSON number or as a string of digits, as
// CXone takes teamId.
type flexID int64

// UnmarshalJSON accepts 301 and "301".
func (f *flexID) UnmarshalJSON(b []byte) error {
	s := strings.TrimSpace(string(b))
	if unq, err := strconv.Unquote(s); err == nil {
		s = unq
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return fmt.Errorf("an id must be a number or a string of digits, not %s", b)
	}
	*f = flexID(n)
	return nil
}

// agentIn is one item of POST and PUT /agents. Pointers tell a field left out from an empty
// one: PUT leaves out fields unchanged, POST requires some. Requests spell
// digitalEngagementEnabled with a lower-case d (encoding/json also takes the capitalised
// answer spelling).
type agentIn struct {
	AgentID                  *int64  `json:"agentId"`
	UserName                 *string `json:"userName"`
	FirstName                *string `json:"firstName"`
	MiddleName               *string `json:"middleName"`
	LastName                 *string `json:"lastName"`
	EmailAddress             *string `json:"emailAddress"`
	TeamID                   *flexID `json:"teamId"`
	ProfileID                *flexID `json:"profileId"`
	TimeZone                 *string `json:"timeZone"`
	Country                  *string `json:"country"`
	State                    *string `json:"state"`
	City                     *string `json:"city"`
	Notes                    *string `json:"notes"`
	FederatedID              *string `json:"federatedId"`
	IsActive                 *bool   `json:"isActive"`
	DigitalEngagementEnabled *bool   `json:"digitalEngagementEnabled"`
	DigitalThreshold         *int    `json:"digitalThreshold"`
	UseTeamDigitalThreshold  *bool   `json:"useTeamDigitalThreshold"`
	DigitalRefusalTimeout    *int    `json:"digitalRefusalTimeout"`
}

// missingOnCreate names the first field POST /agents requires that the item lacks.
func (in *agentIn) missingOnCreate() string {
	for _, f := range []struct {
		name    string
		present bool
	}{
		{"firstName", in.FirstName != nil}, {"lastName", in.LastName != nil}, {"userName", in.UserName != nil},
		{"emailAddress", in.EmailAddress != nil}, {"teamId", in.TeamID != nil}, {"profileId", in.ProfileID != nil},
		{"timeZone", in.TimeZone != nil}, {"country", in.Country != nil}, {"city", in.City != nil},
	} {
		if !f.present {
			return f.name
		}
	}
	return ""
}

// checkAgentFieldsLocked checks the fields an item sets, for the user self (0 for a new
// user): required text not blank, an e-mail address, a team and a security profile that
// exist, a user name no other user has (active or not, ignoring case), and the digital
// ranges. Caller holds st.mu.
func (st *store) checkAgentFieldsLocked(in agentIn, self int64) string {
	for _, f := range []struct {
		name  string
		value *string
	}{
		{"userName", in.UserName}, {"firstName", in.FirstName}, {"lastName", in.LastName},
		{"emailAddress", in.EmailAddress}, {"timeZone", in.TimeZone}, {"country", in.Country}, {"city", in.City},
	} {
		if f.value != nil && strings.TrimSpace(*f.value) == "" {
			return f.name + " must not be empty"
		}
	}
	if e := in.EmailAddress; e != nil {
		if addr, err := mail.ParseAddress(*e); err != nil || addr.Address != *e {
			return fmt.Sprintf("emailAddress %q is not an e-mail address", *e)
		}
	}
	if in.UserName != nil {
		if other := st.agentNamedLocked(*in.UserName, self); other != nil {
			state := "active"
			if !other.IsActive {
				state = "inactive"
			}
			return fmt.Sprintf("a user named %q already exists (%s, agentId %d)", other.UserName, state, other.AgentID)
		}
	}
	if in.TeamID != nil {
		switch t := st.teams[int64(*in.TeamID)]; {
		case t == nil:
			return fmt.Sprintf("teamId %d is not a team of this business unit", *in.TeamID)
		case !t.IsActive:
			return fmt.Sprintf("team %d (%s) is inactive", t.TeamID, t.TeamName)
		}
	}
	if in.ProfileID != nil && st.profiles[int64(*in.ProfileID)] == nil {
		return fmt.Sprintf("profileId %d is not a security profile of this business unit", *in.ProfileID)
	}
	if v := in.DigitalThreshold; v != nil && (*v < 1 || *v > 100) {
		return fmt.Sprintf("digitalThreshold must be from 1 to 100, not %d", *v)
	}
	if v := in.DigitalRefusalTimeout; v != nil && (*v < 10 || *v > 3600) {
		return fmt.Sprintf("digitalRefusalTimeout must be from 10 to 3600 seconds, not %d", *v)
	}
	return ""
}

// agentNamedLocked finds a user by user name, ignoring case, other than skip. Caller holds
// st.mu.
func (st *store) agentNamedLocked(userName string, skip int64) *Agent {
	for _, a := range st.agents {
		if a.AgentID != skip && strings.EqualFold(a.UserName, userName) {
			return a
		}
	}
	return nil
}

// applyTo copies the fields the item sets onto a, and keeps inactiveDate in step with
// isActive. It refuses to turn digital engagement on for a user who is inactive after the
// item: Digital Experience only takes active users.
func (in *agentIn) applyTo(a *Agent) string {
	wasActive := a.IsActive
	for _, f := range []struct {
		dst *string
		src *string
	}{
		{&a.UserName, in.UserName}, {&a.FirstName, in.FirstName}, {&a.MiddleName, in.MiddleName},
		{&a.LastName, in.LastName}, {&a.EmailAddress, in.EmailAddress}, {&a.TimeZone, in.TimeZone},
		{&a.Country, in.Country}, {&a.State, in.State}, {&a.City, in.City}, {&a.Notes, in.Notes},
		{&a.FederatedID, in.FederatedID},
	} {
		setIf(f.dst, f.src)
	}
	if in.TeamID != nil {
		a.TeamID = int64(*in.TeamID)
	}
	if in.ProfileID != nil {
		a.ProfileID = int64(*in.ProfileID)
	}
	setIf(&a.IsActive, in.IsActive)
	if in.DigitalEngagementEnabled != nil && *in.DigitalEngagementEnabled && !a.IsActive {
		return fmt.Sprintf("user %q is inactive: digital engagement cannot be turned on for an inactive user", a.UserName)
	}
	setIf(&a.DigitalEngagementEnabled, in.DigitalEngagementEnabled)
	setIf(&a.DigitalThreshold, in.DigitalThreshold)
	setIf(&a.UseTeamDigitalThreshold, in.UseTeamDigitalThreshold)
	setIf(&a.DigitalRefusalTimeout, in.DigitalRefusalTimeout)
	switch {
	case wasActive && !a.IsActive:
		a.InactiveDate = time.Now().UTC().Format(time.RFC3339)
	case a.IsActive:
		a.InactiveDate = ""
	}
	return ""
}

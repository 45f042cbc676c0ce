package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

func TestExpandFlattenUser(t *testing.T) {
	agent := &cxone.Agent{
		AgentID: 1010, UserID: "u-1010", UserName: "akru", FirstName: "Akru", MiddleName: "Grey", LastName: "Wolf",
		EmailAddress: "akru@thejungle.example", IsActive: true, TeamID: 301, ProfileID: 5, TimeZone: "Africa/Nairobi",
		Country: "KE", State: "", City: "Seeonee", Notes: "n", FederatedID: "",
	}
	var m userModel
	flattenUserResource(agent, &m)
	if m.ID.ValueString() != "1010" || m.AgentID.ValueInt64() != 1010 || m.UserID.ValueString() != "u-1010" {
		t.Errorf("ids: %v %v %v", m.ID, m.AgentID, m.UserID)
	}
	// CXone's "" for an unset optional field is null, as in a configuration that leaves it out.
	if !m.State.IsNull() || !m.FederatedID.IsNull() || m.MiddleName.ValueString() != "Grey" || m.Notes.ValueString() != "n" {
		t.Errorf("optionals: state %v federated %v middle %v notes %v", m.State, m.FederatedID, m.MiddleName, m.Notes)
	}

	in := expandUser(m)
	want := cxone.AgentInput{UserName: "akru", FirstName: "Akru", MiddleName: "Grey", LastName: "Wolf",
		EmailAddress: "akru@thejungle.example", TeamID: 301, ProfileID: 5, TimeZone: "Africa/Nairobi",
		Country: "KE", City: "Seeonee", Notes: "n"}
	if in != want {
		t.Errorf("expandUser = %+v, want %+v", in, want)
	}

	// Every managed field is sent on update; a null optional is sent as "" to clear it.
	m.MiddleName = types.StringNull()
	ch := expandUserChanges(m)
	for name, p := range map[string]*string{"userName": ch.UserName, "firstName": ch.FirstName, "lastName": ch.LastName,
		"emailAddress": ch.EmailAddress, "timeZone": ch.TimeZone, "country": ch.Country, "city": ch.City} {
		if p == nil || *p == "" {
			t.Errorf("%s not sent: %v", name, p)
		}
	}
	for name, p := range map[string]*string{"middleName": ch.MiddleName, "state": ch.State, "federatedId": ch.FederatedID} {
		if p == nil || *p != "" {
			t.Errorf("%s = %v, want a pointer to \"\"", name, p)
		}
	}
	if ch.TeamID == nil || *ch.TeamID != 301 || ch.ProfileID == nil || *ch.ProfileID != 5 || ch.IsActive != nil {
		t.Errorf("team %v profile %v isActive %v", ch.TeamID, ch.ProfileID, ch.IsActive)
	}
}

func TestIsEmailAddress(t *testing.T) {
	for s, want := range map[string]bool{
		"akru@thejungle.example":         true,
		"a.b+c@x.io":                     true,
		"akru":                           false,
		"akru@":                          false,
		"@thejungle.example":             false,
		"akru@localhost":                 false,
		"akru@thejungle.":                false,
		"akru@.example":                  false,
		" akru@thejungle.example":        false,
		"Akru <akru@thejungle.example>":  false,
		"akru@thejungle.example, b@x.io": false,
	} {
		if got := isEmailAddress(s); got != want {
			t.Errorf("isEmailAddress(%q) = %v, want %v", s, got, want)
		}
	}
}

package mockcxone

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/google/uuid"
)

// The seed: what the mock tenant holds after New and Reset (README.md, "The mock CXone
// server"). Times are fixed so that the seed reads the same on every run.
const (
	seedTeamID      = 301 // Jungle Digital, every seeded user's team
	seedProfileID   = 5   // Agent, every seeded user's security profile
	seedThreshold   = 1
	seedRefusalSecs = 30
	seedCreateDate  = "2024-01-15T09:00:00Z"
	seedInactive    = "2024-06-01T17:30:00Z"
	seedTimeZone    = "Asia/Kolkata"
	seedCountry     = "IN"
	seedState       = "Madhya Pradesh"
	seedCity        = "Seoni"
	emailDomain     = "thejungle.example"
)

// seedUsers are the tenant's users: user name, first and last name, and whether the user is
// active.
var seedUsers = []struct {
	userName, first, last string
	active                bool
}{
	{"mowgli", "Mowgli", "Mancub", true},
	{"baloo", "Baloo", "Bear", true},
	{"bagheera", "Bagheera", "Panther", true},
	{"kaa", "Kaa", "Python", true},
	{"hathi", "Hathi", "Elephant", true},
	{"akela", "Akela", "Wolf", true},
	{"shere.khan", "Shere", "Khan", true},
	{"king.louie", "King", "Louie", true},
	{"raksha", "Raksha", "Wolf", false},
}

// seedTeams and seedProfiles are the tenant's teams and security profiles.
var (
	seedTeams = []Team{
		{TeamID: seedTeamID, TeamName: "Jungle Digital", IsActive: true, Description: "Agents of the digital channels"},
		{TeamID: 302, TeamName: "Jungle Voice", IsActive: true, Description: "Agents of the phone lines"},
	}
	seedProfiles = []SecurityProfile{
		{SecurityProfileID: seedProfileID, SecurityProfileName: "Agent", Description: "Handles contacts"},
		{SecurityProfileID: 6, SecurityProfileName: "Supervisor", Description: "Watches over a team"},
		{SecurityProfileID: 7, SecurityProfileName: "Administrator", Description: "Manages the tenant"},
	}
)

// seed fills an empty store. Caller holds mu.
func (st *store) seed() {
	st.teams = map[int64]*Team{}
	for _, t := range seedTeams {
		putLocked(st, st.teams, t.TeamID, &t)
	}
	st.profiles = map[int64]*SecurityProfile{}
	for _, p := range seedProfiles {
		putLocked(st, st.profiles, p.SecurityProfileID, &p)
	}
	id := int64(firstAgentID)
	for _, u := range seedUsers {
		st.addAgent(id, u.userName, u.first, u.last, u.active)
		id++
	}
	for i := 1; i <= st.extraUsers; i++ {
		n := fmt.Sprintf("%04d", i)
		st.addAgent(id, "user"+n, "User", n, true)
		id++
	}
	st.seedLargeLocked(st.large)
}

// userNamespace makes user GUIDs stable across runs and resets.
var userNamespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://mock-tenant.thejungle.example/users"))

// userGUID is the userId of a user created under this user name.
func userGUID(userName string) string { return uuid.NewSHA1(userNamespace, []byte(userName)).String() }

// addAgent adds a seeded user. Caller holds mu.
func (st *store) addAgent(id int64, userName, first, last string, active bool) {
	a := &Agent{
		AgentID:                 id,
		UserID:                  userGUID(userName),
		UserName:                userName,
		FirstName:               first,
		LastName:                last,
		EmailAddress:            userName + "@" + emailDomain,
		IsActive:                active,
		TeamID:                  seedTeamID,
		ProfileID:               seedProfileID,
		TimeZone:                seedTimeZone,
		Country:                 seedCountry,
		State:                   seedState,
		City:                    seedCity,
		CreateDate:              seedCreateDate,
		DigitalThreshold:        seedThreshold,
		UseTeamDigitalThreshold: true,
		DigitalRefusalTimeout:   seedRefusalSecs,
	}
	if !active {
		a.InactiveDate = seedInactive
	}
	st.putAgentLocked(a)
}

// putAgentLocked stores a new user under its AgentID, with the names of its team and
// security profile. Caller holds mu for writing.
func (st *store) putAgentLocked(a *Agent) {
	st.nameTeamAndProfileLocked(a)
	putLocked(st, st.agents, a.AgentID, a)
	st.agentOrder = append(st.agentOrder, a.AgentID)
}

// nameTeamAndProfileLocked sets TeamName and ProfileName from the ids. Caller holds mu.
func (st *store) nameTeamAndProfileLocked(a *Agent) {
	a.TeamName, a.ProfileName = "", ""
	if t := st.teams[a.TeamID]; t != nil {
		a.TeamName = t.TeamName
	}
	if p := st.profiles[a.ProfileID]; p != nil {
		a.ProfileName = p.SecurityProfileName
	}
}

// nextAgentIDLocked is the id a new user gets (nextIDLocked). Caller holds mu.
func (st *store) nextAgentIDLocked() int64 { return nextIDLocked[Agent](st, firstAgentID) }

// seedClassifications are the tenant's disposition classifications, which CXone defines
// and the API only lists (GET /dispositions/classifications).
var seedClassifications = []DispositionClassification{
	{ClassificationID: 1, ClassificationName: "Success"},
	{ClassificationID: 2, ClassificationName: "Failure"},
	{ClassificationID: 3, ClassificationName: "No Contact"},
	{ClassificationID: 4, ClassificationName: "Callback"},
	{ClassificationID: 5, ClassificationName: "Do Not Contact"},
	{ClassificationID: 6, ClassificationName: "Invalid Destination"},
}

// seedOutboundLocked puts back the outbound seed: the disposition classifications and the
// media types (the map skill creates check against). Caller holds mu.
func (st *store) seedOutboundLocked() {
	st.out.classifications = append([]DispositionClassification(nil), seedClassifications...)
	st.out.mediaTypes = make([]MediaType, 0, len(mediaTypeNames))
	for id, name := range mediaTypeNames {
		st.out.mediaTypes = append(st.out.mediaTypes, MediaType{MediaTypeID: id, MediaTypeName: name, SubTypes: []string{}})
	}
	slices.SortFunc(st.out.mediaTypes, func(a, b MediaType) int { return cmp.Compare(a.MediaTypeID, b.MediaTypeID) })
}

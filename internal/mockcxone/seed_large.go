package mockcxone

import (
	"fmt"
	"strconv"

	"github.com/google/uuid"
)

// TenantSize is how many objects of each kind a large seed adds on top of the
// usual seed (Options.Large). The zero value adds nothing.
type TenantSize struct {
	// Users are active users large00001... with digital engagement on.
	Users int
	// Skills are active digital skills "Large Skill 001"..., each already synced
	// to its routing queue.
	Skills int
	// Assignments spread over the users and skills, proficiency 1 to 20. At most
	// Users x Skills.
	Assignments int
	// Integrations are BYOC integrations "Large Integration 01"..., each with a secret.
	Integrations int
	// Channels are spread over the integrations, named after them.
	Channels int
	// Bindings put channels on routing queues, at most one queue per channel. At
	// most Channels.
	Bindings int
}

// LargeTenant is the tenant of `mockcxone -large-tenant`, the size the bench's
// query row lists: about what a large contact centre holds.
var LargeTenant = TenantSize{
	Users:        10000,
	Skills:       300,
	Assignments:  20000,
	Integrations: 50,
	Channels:     2000,
	Bindings:     2000,
}

// Total is the number of objects the size adds, of every kind.
func (n TenantSize) Total() int {
	return n.Users + n.Skills + n.Assignments + n.Integrations + n.Channels + n.Bindings
}

// firstLargeAgentID puts the large users far above the seed's, so that the
// seed's users keep the ids tests and examples use.
const firstLargeAgentID = 100001

// largeNamespace makes the large seed's UUIDs the same on every run.
var largeNamespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://mock-tenant.thejungle.example/large"))

// seedLargeLocked adds n's objects straight into the store, without the
// handlers' checks: everything it writes is valid by construction, and 34,000
// objects go in well under a second. Caller holds mu for writing.
func (st *store) seedLargeLocked(n TenantSize) {
	n.Assignments = min(n.Assignments, n.Users*n.Skills)
	n.Bindings = min(n.Bindings, n.Channels)
	if n.Integrations == 0 {
		n.Channels, n.Bindings = 0, 0
	}

	agentIDs := make([]int64, n.Users)
	for i := range n.Users {
		id := int64(firstLargeAgentID + i)
		num := fmt.Sprintf("%05d", i+1)
		st.addAgent(id, "large"+num, "Large", "User "+num, true)
		st.agents[id].DigitalEngagementEnabled = true
		agentIDs[i] = id
	}

	skillIDs := make([]int64, n.Skills)
	queueIDs := make([]string, n.Skills)
	for i := range n.Skills {
		sk := &Skill{
			SkillID: st.nextSkillID, SkillName: fmt.Sprintf("Large Skill %03d", i+1),
			MediaTypeID: MediaTypeDigital, MediaTypeName: mediaTypeNames[MediaTypeDigital], IsActive: true,
			InitialPriority: 1, Acceleration: 1, MaxPriority: 1000, ServiceLevelThreshold: 30, ServiceLevelGoal: 80,
		}
		st.nextSkillID++
		st.skills[sk.SkillID] = sk
		st.syncSkillLocked(sk.SkillID)
		skillIDs[i], queueIDs[i] = sk.SkillID, sk.RoutingQueueID
	}

	// Assignment k goes to user k mod Users and to the user's (k / Users)-th skill,
	// counted from an offset per user: no pair twice while k < Users x Skills.
	for k := range n.Assignments {
		u, round := k%n.Users, k/n.Users
		s := (u + round) % n.Skills
		st.assignments[assignKey{agentID: agentIDs[u], skillID: skillIDs[s]}] = &assignRec{proficiency: 1 + k%20, isActive: true}
	}

	integrationIDs := make([]string, n.Integrations)
	for i := range n.Integrations {
		id := uuid.NewSHA1(largeNamespace, []byte("integration/"+strconv.Itoa(i))).String()
		host := fmt.Sprintf("https://middleware%02d.thejungle.example", i+1)
		st.integrations[id] = &integrationRec{
			Integration: Integration{
				ID: id, Name: fmt.Sprintf("Large Integration %02d", i+1),
				IntegrationBoxURL: host + "/box", AuthorizationURL: host + "/token", ClientID: fmt.Sprintf("large-%02d", i+1),
				HasClientSecret: true, UseDfo3OutboundAPI: true, Color: "#33AA55",
			},
			secret: "large-secret-" + strconv.Itoa(i+1),
			seq:    st.nextSeq(),
		}
		integrationIDs[i] = id
	}

	for j := range n.Channels {
		in := j % n.Integrations
		id := uuid.NewSHA1(largeNamespace, []byte("channel/"+strconv.Itoa(j))).String()
		st.channels[id] = &channelRec{
			Channel: Channel{
				ID: id, IDOnExternalPlatform: fmt.Sprintf("large-page-%04d", j+1), ChannelIntegrationID: integrationIDs[in],
				RealExternalPlatformID: "custom", Name: fmt.Sprintf("Large Integration %02d channel %04d", in+1, j+1),
			},
			seq: st.nextSeq(),
		}
		if j < n.Bindings && n.Skills > 0 {
			st.bindings[bindingKey{queueID: queueIDs[j%n.Skills], channelID: id}] = st.nextSeq()
		}
	}
}

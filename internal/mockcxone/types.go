package mockcxone

import (
	"encoding/json"
	"fmt"
	"strings"
)

// The wire types below carry the API's own field names; /_mock/state and State use
// them too, so a test reads the mock's data exactly as a client would.

// Agent is a CXone user as the Admin API shows it. TeamName and ProfileName follow
// TeamID and ProfileID; CreateDate and InactiveDate are RFC 3339 times, InactiveDate
// left out while the user is active.
type Agent struct {
	AgentID      int64  `json:"agentId"`
	UserID       string `json:"userId"`
	UserName     string `json:"userName"`
	FirstName    string `json:"firstName"`
	MiddleName   string `json:"middleName"`
	LastName     string `json:"lastName"`
	EmailAddress string `json:"emailAddress"`
	IsActive     bool   `json:"isActive"`
	TeamID       int64  `json:"teamId"`
	TeamName     string `json:"teamName"`
	ProfileID    int64  `json:"profileId"`
	ProfileName  string `json:"profileName"`
	TimeZone     string `json:"timeZone"`
	Country      string `json:"country"`
	State        string `json:"state"`
	City         string `json:"city"`
	Notes        string `json:"notes"`
	FederatedID  string `json:"federatedId"`
	CreateDate   string `json:"createDate"`
	InactiveDate string `json:"inactiveDate,omitempty"`
	// DigitalEngagementEnabled is spelled with a capital D in answers, as CXone does.
	DigitalEngagementEnabled bool `json:"DigitalEngagementEnabled"`
	DigitalThreshold         int  `json:"digitalThreshold"`
	UseTeamDigitalThreshold  bool `json:"useTeamDigitalThreshold"`
	DigitalRefusalTimeout    int  `json:"digitalRefusalTimeout"`
}

// Team is an ACD team; every user belongs to one.
type Team struct {
	TeamID      int64  `json:"teamId"`
	TeamName    string `json:"teamName"`
	IsActive    bool   `json:"isActive"`
	Description string `json:"description"`
}

// SecurityProfile is a set of permissions; every user has one.
type SecurityProfile struct {
	SecurityProfileID   int64  `json:"securityProfileId"`
	SecurityProfileName string `json:"securityProfileName"`
	Description         string `json:"description"`
}

// Skill is an ACD skill. RoutingQueueID is "" until the routing-queue sync ran.
type Skill struct {
	SkillID               int64  `json:"skillId"`
	SkillName             string `json:"skillName"`
	MediaTypeID           int    `json:"mediaTypeId"`
	MediaTypeName         string `json:"mediaTypeName"`
	IsActive              bool   `json:"isActive"`
	IsOutbound            bool   `json:"isOutbound"`
	Notes                 string `json:"notes"`
	InitialPriority       int    `json:"initialPriority"`
	Acceleration          int    `json:"acceleration"`
	MaxPriority           int    `json:"maxPriority"`
	ServiceLevelThreshold int    `json:"serviceLevelThreshold"`
	ServiceLevelGoal      int    `json:"serviceLevelGoal"`
	// SkillOutbound holds the fields of outbound skills.
	SkillOutbound
	// RoutingQueueID is written by MarshalJSON with CXone's type quirk.
	RoutingQueueID string `json:"-"`
}

// skillFields is Skill without its methods, so the JSON methods can reuse the tags.
type skillFields Skill

// MarshalJSON writes routingQueueId as CXone does, inconsistently: a JSON number
// for skills with an odd id, a string for even ids, null before the sync.
func (s Skill) MarshalJSON() ([]byte, error) {
	var queue any
	switch {
	case s.RoutingQueueID == "":
		queue = nil
	case s.SkillID%2 == 1 && isDigits(s.RoutingQueueID):
		queue = json.Number(s.RoutingQueueID)
	default:
		queue = s.RoutingQueueID
	}
	b, err := json.Marshal(struct {
		skillFields
		RoutingQueueID any `json:"routingQueueId"`
	}{skillFields(s), queue})
	if err != nil {
		return nil, fmt.Errorf("encoding skill %d: %w", s.SkillID, err)
	}
	return b, nil
}

// UnmarshalJSON accepts routingQueueId as a number, a string or null.
func (s *Skill) UnmarshalJSON(b []byte) error {
	var aux struct {
		skillFields
		RoutingQueueID json.RawMessage `json:"routingQueueId"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return fmt.Errorf("decoding skill: %w", err)
	}
	*s = Skill(aux.skillFields)
	raw := strings.TrimSpace(string(aux.RoutingQueueID))
	switch {
	case raw == "" || raw == "null":
		s.RoutingQueueID = ""
	case raw[0] == '"':
		if err := json.Unmarshal(aux.RoutingQueueID, &s.RoutingQueueID); err != nil {
			return fmt.Errorf("decoding routingQueueId: %w", err)
		}
	default:
		s.RoutingQueueID = raw
	}
	return nil
}

func isDigits(v string) bool {
	if v == "" {
		return false
	}
	for _, c := range v {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Assignment is a skill given to an agent with a proficiency. The Admin API lists
// it from both sides; GET /skills/{skillId}/agents leaves out skillName and
// mediaTypeId, GET /agents/{agentId}/skills has them.
type Assignment struct {
	AgentID               int64  `json:"agentId"`
	SkillID               int64  `json:"skillId"`
	SkillName             string `json:"skillName,omitempty"`
	MediaTypeID           int    `json:"mediaTypeId,omitempty"`
	AgentProficiencyValue int    `json:"agentProficiencyValue"`
	AgentProficiencyName  string `json:"agentProficiencyName"`
	IsActive              bool   `json:"isActive"`
}

// RoutingQueue is a Digital Experience routing queue.
type RoutingQueue struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	IsSubqueue bool   `json:"isSubqueue"`
	IsDeleted  bool   `json:"isDeleted"`
}

// Integration is a BYOC channel integration. Its client secret is never shown.
type Integration struct {
	ID                 string `json:"id"`
	Name               string `json:"name"`
	IntegrationBoxURL  string `json:"integrationBoxUrl"`
	AuthorizationURL   string `json:"authorizationUrl"`
	ClientID           string `json:"clientId"`
	HasClientSecret    bool   `json:"hasClientSecret"`
	UseDfo3OutboundAPI bool   `json:"useDfo3OutboundApi"`
	AddActionURL       string `json:"addActionUrl"`
	ReconnectActionURL string `json:"reconnectActionUrl"`
	RemoveActionURL    string `json:"removeActionUrl"`
	Color              string `json:"color"`
}

// Channel is a digital point of contact. Optional flags are pointers so that "not
// set" stays distinguishable from false; unset ones are left out of answers.
type Channel struct {
	ID                           string `json:"id"`
	IDOnExternalPlatform         string `json:"idOnExternalPlatform"`
	ChannelIntegrationID         string `json:"channelIntegrationId"`
	RealExternalPlatformID       string `json:"realExternalPlatformId"`
	Name                         string `json:"name"`
	IsPrivate                    bool   `json:"isPrivate"`
	HasTreeStructure             bool   `json:"hasTreeStructure"`
	HasReply                     *bool  `json:"hasReply,omitempty"`
	ContentFormat                string `json:"contentFormat,omitempty"`
	HasAbilityToSendFiles        *bool  `json:"hasAbilityToSendFiles,omitempty"`
	HasOutboundFlow              *bool  `json:"hasOutboundFlow,omitempty"`
	StudioScript                 string `json:"studioScript,omitempty"`
	IsLiveChat                   *bool  `json:"isLiveChat,omitempty"`
	HasMultipleThreadsPerEndUser *bool  `json:"hasMultipleThreadsPerEndUser,omitempty"`
	CanReplyToAnyMessage         *bool  `json:"canReplyToAnyMessage,omitempty"`
	TranslationGroup             string `json:"translationGroup,omitempty"`
}

// Binding puts a channel on a routing queue.
type Binding struct {
	RoutingQueueID string `json:"routingQueueId"`
	ChannelID      string `json:"channelId"`
}

// State is everything the mock holds, as GET /_mock/state shows it. Lists are in
// the order the API lists them and never nil.
type State struct {
	Agents           []Agent           `json:"agents"`
	Teams            []Team            `json:"teams"`
	SecurityProfiles []SecurityProfile `json:"security_profiles"`
	Skills           []Skill           `json:"skills"`
	Assignments      []Assignment      `json:"assignments"`
	RoutingQueues    []RoutingQueue    `json:"routing_queues"`
	Integrations     []Integration     `json:"integrations"`
	Channels         []Channel         `json:"channels"`
	Bindings         []Binding         `json:"bindings"`
	// Outbound with Personal Connection (types_outbound.go).
	MessageTemplates []MessageTemplate `json:"message_templates"`
	Campaigns        []Campaign        `json:"campaigns"`
	Dispositions     []Disposition     `json:"dispositions"`
	DNCGroups        []DNCGroup        `json:"dnc_groups"`
	DNCGroupSkills   []DNCGroupSkill   `json:"dnc_group_skills"`
	CallingLists     []CallingList     `json:"calling_lists"`
	UploadJobs       []UploadJob       `json:"upload_jobs"`
	OutboundMessages []OutboundMessage `json:"outbound_messages"`
}

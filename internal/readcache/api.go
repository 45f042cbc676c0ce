package readcache

import (
	"context"
	"iter"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// API is CXone as the provider's resources, data sources and list resources see it:
// every read and every write they make goes through it, so none reaches past the
// cache. *Client is the one implementation.
type API interface {
	Reads
	Writes
}

// Reads is every read the provider makes. The cached ones follow the package's
// budget rule; the others ask CXone every time, but are declared here all the same,
// so that a resource holds one client whatever it reads. TestReadsOnlyRead checks
// that none of them writes.
type Reads interface {
	// Cached (readcache.go): reads and look-ups served from the operation's lists
	// when that is cheaper.
	Channel(ctx context.Context, id string) (*cxone.Channel, error)
	ChannelBeforeCreate(ctx context.Context, id string) (*cxone.Channel, error)
	Skill(ctx context.Context, id int64) (*cxone.Skill, error)
	FindSkills(ctx context.Context, searchString string, match func(cxone.Skill) bool) ([]cxone.Skill, error)
	Agent(ctx context.Context, id int64) (*cxone.Agent, error)
	FindAgents(ctx context.Context, searchString string, match func(cxone.Agent) bool) ([]cxone.Agent, error)
	Integration(ctx context.Context, id string) (*cxone.Integration, error)
	FindIntegrations(ctx context.Context, match func(cxone.Integration) bool) ([]cxone.Integration, error)
	RoutingQueue(ctx context.Context, id string) (*cxone.RoutingQueue, error)
	FindRoutingQueues(ctx context.Context, nameContains string, match func(cxone.RoutingQueue) bool) ([]cxone.RoutingQueue, error)
	SkillAssignment(ctx context.Context, agentID, skillID int64) (*cxone.SkillAssignment, error)
	Binding(ctx context.Context, queueID, channelID string) (*cxone.Binding, error)
	WrittenAssignment(ctx context.Context, agentID int64, in cxone.SkillAssignmentInput) (*cxone.SkillAssignment, error)
	// Cached outbound reads (outbound_cache.go): one list per kind.
	MessageTemplate(ctx context.Context, id int64) (*cxone.MessageTemplate, error)
	Campaign(ctx context.Context, id int64) (*cxone.Campaign, error)
	Disposition(ctx context.Context, id int64) (*cxone.Disposition, error)
	DNCGroup(ctx context.Context, id int64) (*cxone.DNCGroup, error)
	DNCGroupSkill(ctx context.Context, groupID, skillID int64, relation cxone.DNCRelation) (*cxone.DNCGroupSkill, error)
	OutboundSkill(ctx context.Context, id int64) (*cxone.OutboundSkill, error)
	SkillParameters(ctx context.Context, skillID int64) (*cxone.SkillParameters, error)

	uncached
}

// uncached is every read that asks CXone every time: what must not come from a list taken
// earlier in the operation, the streams of list resources, and the outbound reads that no
// plan makes many of. *cxone.Client implements it and Client embeds it, so these reads are
// declared here and nowhere else: a method cxone.Client gains reaches no resource until it
// is listed here.
type uncached interface {
	// Always CXone: what must not come from a list taken earlier in the operation
	// (a read after a write, a check before a create, a wait for CXone's sync).
	GetAgent(ctx context.Context, agentID int64) (*cxone.Agent, error)
	GetSkill(ctx context.Context, skillID int64) (*cxone.Skill, error)
	GetChannel(ctx context.Context, id string) (*cxone.Channel, error)
	GetChannels(ctx context.Context, ids []string) ([]cxone.Channel, error)
	GetRoutingQueue(ctx context.Context, id string) (*cxone.RoutingQueue, error)
	GetSkillAssignment(ctx context.Context, agentID, skillID int64) (*cxone.SkillAssignment, error)
	GetTeam(ctx context.Context, teamID int64) (*cxone.Team, error)
	ListTeams(ctx context.Context, opts cxone.TeamListOptions) ([]cxone.Team, error)
	GetSecurityProfile(ctx context.Context, profileID int64) (*cxone.SecurityProfile, error)
	ListSecurityProfiles(ctx context.Context) ([]cxone.SecurityProfile, error)
	FindAgentByUserName(ctx context.Context, userName string) (*cxone.Agent, error)
	FindSkillByName(ctx context.Context, name string) (*cxone.Skill, error)
	FindIntegrationByName(ctx context.Context, name string) (*cxone.Integration, error)

	// Streams, a page at a time, for list resources (terraform query): a list
	// streamed is never held whole, so it is not cached.
	ListAgentPages(ctx context.Context, opts cxone.AgentListOptions) iter.Seq2[[]cxone.Agent, error]
	ListSkillPages(ctx context.Context, opts cxone.SkillListOptions) iter.Seq2[[]cxone.Skill, error]
	ListSkillAgentPages(ctx context.Context, skillID int64) iter.Seq2[[]cxone.SkillAssignment, error]
	ListAgentSkillPages(ctx context.Context, agentID int64) iter.Seq2[[]cxone.SkillAssignment, error]
	ListIntegrationPages(ctx context.Context) iter.Seq2[[]cxone.Integration, error]
	ListChannelPages(ctx context.Context) iter.Seq2[[]cxone.Channel, error]
	ListRoutingQueuePages(ctx context.Context) iter.Seq2[[]cxone.RoutingQueue, error]
	ListBindingPages(ctx context.Context) iter.Seq2[[]cxone.Binding, error]
	ListQueueBindingPages(ctx context.Context, queueID string) iter.Seq2[[]cxone.Binding, error]

	// Outbound: the kinds a plan reads many of have cached reads above.
	ListMessageTemplates(ctx context.Context, templateTypeID int) ([]cxone.MessageTemplate, error)
	FindMessageTemplateByName(ctx context.Context, name string) (*cxone.MessageTemplate, error)
	GetMessageTemplate(ctx context.Context, templateID int64) (*cxone.MessageTemplate, error)
	ListCampaigns(ctx context.Context, opts cxone.CampaignListOptions) ([]cxone.Campaign, error)
	FindCampaignByName(ctx context.Context, name string) (*cxone.Campaign, error)
	GetCampaign(ctx context.Context, campaignID int64) (*cxone.Campaign, error)
	ListDispositions(ctx context.Context, opts cxone.DispositionListOptions) ([]cxone.Disposition, error)
	FindDispositionByName(ctx context.Context, name string) (*cxone.Disposition, error)
	GetDisposition(ctx context.Context, dispositionID int64) (*cxone.Disposition, error)
	ListDispositionClassifications(ctx context.Context) ([]cxone.DispositionClassification, error)
	ListOutboundSkills(ctx context.Context, opts cxone.OutboundSkillListOptions) ([]cxone.OutboundSkill, error)
	FindOutboundSkillByName(ctx context.Context, name string) (*cxone.OutboundSkill, error)
	GetOutboundSkill(ctx context.Context, skillID int64) (*cxone.OutboundSkill, error)
	ListSkillDispositions(ctx context.Context, skillID int64) ([]cxone.SkillDisposition, error)
	ListDNCGroups(ctx context.Context) ([]cxone.DNCGroup, error)
	FindDNCGroupByName(ctx context.Context, name string) (*cxone.DNCGroup, error)
	GetDNCGroup(ctx context.Context, groupID int64) (*cxone.DNCGroup, error)
	ListDNCGroupSkills(ctx context.Context, groupID int64, relation cxone.DNCRelation) ([]cxone.DNCGroupSkill, error)
	ListDNCRecords(ctx context.Context, groupID int64) ([]cxone.DNCRecord, error)
	ListCallingLists(ctx context.Context) ([]cxone.CallingList, error)
	FindCallingListByName(ctx context.Context, name string) (*cxone.CallingList, error)
	GetCallingList(ctx context.Context, listID int64) (*cxone.CallingList, error)
	GetUploadJob(ctx context.Context, jobID int64) (*cxone.UploadJob, error)
	GetSkillParameters(ctx context.Context, skillID int64) (*cxone.SkillParameters, error)
}

// Writes is every write the provider makes. Each forgets what it writes, whatever
// its outcome (writes.go); TestWrites_nextReadGoesToCXone checks each one.
type Writes interface {
	UpsertChannel(ctx context.Context, ch cxone.Channel) (*cxone.Channel, error)
	DeleteChannel(ctx context.Context, id string) error
	CreateSkill(ctx context.Context, in cxone.SkillInput) (*cxone.Skill, error)
	UpdateSkill(ctx context.Context, skillID int64, in cxone.SkillInput) (*cxone.Skill, error)
	CreateAgent(ctx context.Context, in cxone.AgentInput) (*cxone.Agent, error)
	UpdateAgent(ctx context.Context, agentID int64, ch cxone.AgentChanges) (*cxone.Agent, error)
	UpdateAgentDigitalSettings(ctx context.Context, s cxone.AgentDigitalSettings) error
	AssignSkills(ctx context.Context, agentID int64, in []cxone.SkillAssignmentInput) error
	UpdateSkillAssignments(ctx context.Context, agentID int64, in []cxone.SkillAssignmentInput) error
	UnassignSkill(ctx context.Context, agentID, skillID int64) error
	BindChannel(ctx context.Context, queueID, channelID string) (*cxone.Binding, error)
	UnbindChannel(ctx context.Context, queueID, channelID string) error
	CreateIntegration(ctx context.Context, in cxone.IntegrationInput) (*cxone.Integration, error)
	UpdateIntegration(ctx context.Context, id string, in cxone.IntegrationInput) (*cxone.Integration, error)
	DeleteIntegration(ctx context.Context, id string) error

	// Outbound: the writes of outbound-api.md, the actions' deeds among them.
	CreateMessageTemplate(ctx context.Context, in cxone.MessageTemplateInput) (*cxone.MessageTemplate, error)
	UpdateMessageTemplate(ctx context.Context, templateID int64, in cxone.MessageTemplateInput) (*cxone.MessageTemplate, error)
	DeactivateMessageTemplate(ctx context.Context, templateID int64) error
	CreateCampaign(ctx context.Context, in cxone.CampaignInput) (*cxone.Campaign, error)
	UpdateCampaign(ctx context.Context, campaignID int64, in cxone.CampaignInput) (*cxone.Campaign, error)
	SetCampaignActive(ctx context.Context, campaignID int64, active bool) error
	CreateDispositions(ctx context.Context, in []cxone.DispositionInput) ([]int64, error)
	CreateDisposition(ctx context.Context, in cxone.DispositionInput) (*cxone.Disposition, error)
	UpdateDisposition(ctx context.Context, dispositionID int64, in cxone.DispositionInput) (*cxone.Disposition, error)
	SetDispositionActive(ctx context.Context, dispositionID int64, active bool) error
	CreateOutboundSkill(ctx context.Context, in cxone.OutboundSkillInput) (created *cxone.OutboundSkill, err error)
	UpdateOutboundSkill(ctx context.Context, skillID int64, in cxone.OutboundSkillInput) (*cxone.OutboundSkill, error)
	SetOutboundSkillActive(ctx context.Context, skillID int64, active bool) error
	StartSkill(ctx context.Context, skillID int64) error
	StopSkill(ctx context.Context, skillID int64, force bool) error
	UpdateSkillGeneralSettings(ctx context.Context, skillID int64, s cxone.GeneralSettings) error
	UpdateSkillRetrySettings(ctx context.Context, skillID int64, s cxone.RetrySettings) error
	UpdateSkillScheduleSettings(ctx context.Context, skillID int64, s cxone.ScheduleSettings) error
	UpdateSkillTimeZones(ctx context.Context, skillID int64, zones []cxone.TimeZoneSetting) error
	CreateDNCGroup(ctx context.Context, in cxone.DNCGroupInput) (*cxone.DNCGroup, error)
	UpdateDNCGroup(ctx context.Context, groupID int64, in cxone.DNCGroupInput) (*cxone.DNCGroup, error)
	DeactivateDNCGroup(ctx context.Context, groupID int64) error
	AddDNCGroupSkill(ctx context.Context, groupID, skillID int64, relation cxone.DNCRelation) error
	RemoveDNCGroupSkill(ctx context.Context, groupID, skillID int64, relation cxone.DNCRelation) error
	CreateCallingList(ctx context.Context, in cxone.CallingListInput) (*cxone.CallingList, error)
	DeleteCallingList(ctx context.Context, listID int64, opts cxone.CallingListDeleteOptions) error
	UploadCallingList(ctx context.Context, listID int64, up cxone.CallingListUpload) (int64, error)
	SendOutboundMessage(ctx context.Context, channelID string, in cxone.OutboundMessageInput) (*cxone.OutboundMessageResult, error)
	AddDNCRecords(ctx context.Context, groupID int64, in []cxone.DNCRecordInput) ([]cxone.DNCRecordResult, error)
	ExpireDNCRecords(ctx context.Context, groupID int64, in []cxone.DNCRecordInput) ([]cxone.DNCRecordResult, error)
}

var _ API = (*Client)(nil)

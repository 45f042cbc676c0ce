package provider

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// Every data source of the provider is a look-up (lookup.go) that finds one object
// by exactly one of its keys: its declaration is here, its model, schema, search and
// flatten function in <name>_data_source.go.

// NewByocIntegrationDataSource is the cxone_byoc_integration data source: it looks
// up a BYOC integration by ID or by exact name.
func NewByocIntegrationDataSource() datasource.DataSource {
	return newLookUp(lookUpSpec[byocIntegrationDataModel, cxone.Integration]{
		typeName: "byoc_integration", schema: byocIntegrationDataSourceSchema,
		kind: byocIntegrationType, nouns: "BYOC integrations",
		find:    findByocIntegration,
		id:      func(in cxone.Integration) string { return in.ID },
		flatten: flattenByocIntegrationData,
	})
}

// NewCampaignDataSource is the cxone_campaign data source.
func NewCampaignDataSource() datasource.DataSource {
	return newLookUp(lookUpSpec[campaignDataModel, cxone.Campaign]{
		typeName: "campaign", schema: campaignDataSchema,
		kind: campaignType, nouns: "campaigns",
		find: idOrName[campaignDataModel, cxone.Campaign]{
			get: readcache.API.GetCampaign,
			candidates: func(ctx context.Context, c readcache.API, name string) ([]cxone.Campaign, error) {
				// CXone's search matches parts of names.
				return c.ListCampaigns(ctx, cxone.CampaignListOptions{SearchString: name})
			},
			name: func(x cxone.Campaign) string { return x.Name }, activeOrNot: true,
		}.find,
		id:      func(c cxone.Campaign) string { return strconv.FormatInt(c.ID, 10) },
		flatten: flattenCampaignData,
	})
}

// NewDigitalSkillDataSource is the cxone_digital_skill data source.
func NewDigitalSkillDataSource() datasource.DataSource {
	return newLookUp(lookUpSpec[digitalSkillDataModel, cxone.Skill]{
		typeName: "digital_skill", schema: digitalSkillDataSchema,
		kind: "Digital Skill", nouns: "skills",
		// CXone's search, or the operation's list of skills (see readcache); inactive
		// skills too. A skill of another media type is an error.
		find: idOrName[digitalSkillDataModel, cxone.Skill]{
			get: readcache.API.Skill,
			candidates: func(ctx context.Context, c readcache.API, name string) ([]cxone.Skill, error) {
				return c.FindSkills(ctx, name, func(s cxone.Skill) bool { return s.SkillName == name })
			},
			name: func(s cxone.Skill) string { return s.SkillName }, activeOrNot: true, check: checkDigitalSkill,
		}.find,
		id:      func(s cxone.Skill) string { return strconv.FormatInt(s.SkillID, 10) },
		flatten: flattenDigitalSkillData,
	})
}

// NewDispositionDataSource is the cxone_disposition data source.
func NewDispositionDataSource() datasource.DataSource {
	return newLookUp(lookUpSpec[dispositionDataModel, cxone.Disposition]{
		typeName: "disposition", schema: dispositionDataSchema,
		kind: dispositionType, nouns: "dispositions",
		find: idOrName[dispositionDataModel, cxone.Disposition]{
			get: readcache.API.GetDisposition,
			candidates: func(ctx context.Context, c readcache.API, name string) ([]cxone.Disposition, error) {
				return c.ListDispositions(ctx, cxone.DispositionListOptions{SearchString: name})
			},
			name: func(d cxone.Disposition) string { return d.DispositionName }, activeOrNot: true,
			// CXone's list has no classification name; its read by ID (cached) does.
			reread: func(ctx context.Context, c readcache.API, d cxone.Disposition) (*cxone.Disposition, error) {
				return c.Disposition(ctx, d.DispositionID)
			},
		}.find,
		id:      func(d cxone.Disposition) string { return strconv.FormatInt(d.DispositionID, 10) },
		flatten: flattenDispositionData,
	})
}

// NewDNCGroupDataSource is the cxone_dnc_group data source.
func NewDNCGroupDataSource() datasource.DataSource {
	return newLookUp(lookUpSpec[dncGroupDataModel, cxone.DNCGroup]{
		typeName: "dnc_group", schema: dncGroupDataSchema,
		kind: dncGroupType, nouns: "DNC groups",
		find: idOrName[dncGroupDataModel, cxone.DNCGroup]{
			get: readcache.API.GetDNCGroup,
			candidates: func(ctx context.Context, c readcache.API, name string) ([]cxone.DNCGroup, error) {
				return c.ListDNCGroups(ctx) // GET /dnc-groups has no search
			},
			name: func(g cxone.DNCGroup) string { return g.DNCGroupName }, activeOrNot: true,
		}.find,
		id:      func(g cxone.DNCGroup) string { return strconv.FormatInt(g.DNCGroupID, 10) },
		flatten: flattenDNCGroupData,
	})
}

// NewMessageTemplateDataSource is the cxone_message_template data source.
func NewMessageTemplateDataSource() datasource.DataSource {
	return newLookUp(lookUpSpec[messageTemplateDataModel, cxone.MessageTemplate]{
		typeName: "message_template", schema: messageTemplateDataSchema,
		kind: messageTemplateType, nouns: "message templates",
		find: idOrName[messageTemplateDataModel, cxone.MessageTemplate]{
			get: readcache.API.GetMessageTemplate,
			candidates: func(ctx context.Context, c readcache.API, name string) ([]cxone.MessageTemplate, error) {
				return c.ListMessageTemplates(ctx, 0) // no name filter
			},
			name: func(t cxone.MessageTemplate) string { return t.TemplateName }, activeOrNot: true,
		}.find,
		id:      func(t cxone.MessageTemplate) string { return strconv.FormatInt(t.TemplateID, 10) },
		flatten: flattenMessageTemplateData,
	})
}

// NewOutboundSkillDataSource is the cxone_outbound_skill data source.
func NewOutboundSkillDataSource() datasource.DataSource {
	return newLookUp(lookUpSpec[outboundSkillDataModel, cxone.OutboundSkill]{
		typeName: "outbound_skill", schema: outboundSkillDataSchema,
		kind: outboundSkillType, nouns: "outbound skills",
		// An inbound skill read by ID is an error.
		find: idOrName[outboundSkillDataModel, cxone.OutboundSkill]{
			get: readcache.API.GetOutboundSkill,
			candidates: func(ctx context.Context, c readcache.API, name string) ([]cxone.OutboundSkill, error) {
				return c.ListOutboundSkills(ctx, cxone.OutboundSkillListOptions{SearchString: name})
			},
			name: func(s cxone.OutboundSkill) string { return s.SkillName }, activeOrNot: true, check: checkOutboundSkill,
		}.find,
		id:      func(s cxone.OutboundSkill) string { return strconv.FormatInt(s.SkillID, 10) },
		flatten: flattenOutboundSkillData,
	})
}

// NewRoutingQueueDataSource is the cxone_routing_queue data source.
func NewRoutingQueueDataSource() datasource.DataSource {
	return newLookUp(lookUpSpec[routingQueueDataModel, cxone.RoutingQueue]{
		typeName: "routing_queue", schema: routingQueueDataSchema,
		kind: "Routing Queue", nouns: "routing queues", keys: []string{"id", "name", "skill_id"},
		find:    findRoutingQueue,
		id:      func(q cxone.RoutingQueue) string { return q.ID },
		flatten: flattenRoutingQueueData,
	})
}

// NewSecurityProfileDataSource is the cxone_security_profile data source.
func NewSecurityProfileDataSource() datasource.DataSource {
	return newLookUp(lookUpSpec[securityProfileDataModel, cxone.SecurityProfile]{
		typeName: "security_profile", schema: securityProfileDataSchema,
		kind: "Security Profile", nouns: "security profiles",
		find: idOrName[securityProfileDataModel, cxone.SecurityProfile]{
			get: readcache.API.GetSecurityProfile,
			candidates: func(ctx context.Context, c readcache.API, name string) ([]cxone.SecurityProfile, error) {
				return c.ListSecurityProfiles(ctx)
			},
			name: func(p cxone.SecurityProfile) string { return p.SecurityProfileName },
		}.find,
		id:      func(p cxone.SecurityProfile) string { return strconv.FormatInt(p.SecurityProfileID, 10) },
		flatten: flattenSecurityProfileData,
	})
}

// NewTeamDataSource is the cxone_team data source.
func NewTeamDataSource() datasource.DataSource {
	return newLookUp(lookUpSpec[teamDataModel, cxone.Team]{
		typeName: "team", schema: teamDataSchema,
		kind: "Team", nouns: "teams",
		find: idOrName[teamDataModel, cxone.Team]{
			get: readcache.API.GetTeam,
			candidates: func(ctx context.Context, c readcache.API, name string) ([]cxone.Team, error) {
				// CXone's searchString matches parts of names.
				return c.ListTeams(ctx, cxone.TeamListOptions{SearchString: name})
			},
			name: func(t cxone.Team) string { return t.TeamName },
		}.find,
		id:      func(t cxone.Team) string { return strconv.FormatInt(t.TeamID, 10) },
		flatten: flattenTeamData,
	})
}

// NewUserDataSource is the constructor of the cxone_user data source, which looks
// up one CXone user (agent) by agent ID, user name or e-mail.
func NewUserDataSource() datasource.DataSource {
	return newLookUp(lookUpSpec[userDataSourceModel, cxone.Agent]{
		typeName: "user", schema: userDataSourceSchema,
		kind: "User", nouns: "users", keys: []string{"agent_id", "user_name", "email_address"},
		find:    findUser,
		id:      func(a cxone.Agent) string { return strconv.FormatInt(a.AgentID, 10) },
		flatten: flattenUser,
	})
}

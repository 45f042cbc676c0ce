package provider

import (
	"context"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// Every list resource of the provider (terraform query): its declaration, which the
// resource's New function gives to framework.NewResource (see list_helpers.go). The kinds whose
// objects CXone lists, filtered by name and named by it, are objectLists; the lists
// of links and of users come after them, with their items made in their own files
// (<name>_list.go, user_list.go).

var byocIntegrationList = objectList[nameFilter, cxone.Integration, byocIntegrationModel]{
	summary: "Unable to List BYOC Integrations", nouns: "integrations",
	description: "Lists the BYOC integrations of the tenant, each named by its name. CXone never " +
		"returns an integration's secret, so listed resources carry none.",
	pages: func(ctx context.Context, c readcache.API, _ nameFilter) iter.Seq2[[]cxone.Integration, error] {
		return c.ListIntegrationPages(ctx)
	},
	name:    func(in cxone.Integration) string { return in.Name },
	flatten: flattenByocIntegration,
}.spec()

// The documented list call has no mappings (the mock's has): a list without them is
// read by its ID. CXone's list call is read whole (every page at once): one page.
var callingListList = objectList[nameFilter, cxone.CallingList, callingListModel]{
	summary: "Unable to List Calling Lists", nouns: "lists",
	description: "Lists the calling lists of the business unit, each named by its name. A list is " +
		"read by its ID when the list call does not carry its mappings.",
	whole: func(ctx context.Context, c readcache.API, _ nameFilter) ([]cxone.CallingList, error) {
		return c.ListCallingLists(ctx)
	},
	name: func(l cxone.CallingList) string { return l.ListName },
	read: func(ctx context.Context, c readcache.API, l cxone.CallingList) (callingListModel, error) {
		var m callingListModel
		if l.ExternalIDColumn == "" {
			full, err := c.GetCallingList(ctx, l.ListID)
			if err != nil {
				return m, err
			}
			l = *full
		}
		flattenCallingList(&l, &m)
		return m, nil
	},
}.spec()

// The client follows CXone's pages of campaigns and answers them together.
var campaignList = objectList[nameFilter, cxone.Campaign, campaignModel]{
	summary: "Unable to List Campaigns", nouns: "campaigns",
	description: "Lists the active campaigns, the campaigns `cxone_campaign` manages. Each result is " +
		"named by the campaign's name.",
	whole: func(ctx context.Context, c readcache.API, cfg nameFilter) ([]cxone.Campaign, error) {
		return c.ListCampaigns(ctx, cxone.CampaignListOptions{SearchString: cfg.nameContains(), IsActive: new(true)})
	},
	name:    func(x cxone.Campaign) string { return x.Name },
	keep:    func(_ nameFilter, x cxone.Campaign) bool { return x.IsActive },
	flatten: flattenCampaign,
}.spec()

type digitalChannelListConfig struct {
	nameFilter
	IntegrationID types.String `tfsdk:"integration_id"`
}

var digitalChannelList = objectList[digitalChannelListConfig, cxone.Channel, digitalChannelModel]{
	summary: "Unable to List Digital Channels", nouns: "channels",
	description: "Lists the digital channels of the tenant, each named by its name.",
	filters:     map[string]listschema.Attribute{"integration_id": stringFilter("Only the channels of this BYOC integration.")},
	pages: func(ctx context.Context, c readcache.API, _ digitalChannelListConfig) iter.Seq2[[]cxone.Channel, error] {
		return c.ListChannelPages(ctx)
	},
	name: func(ch cxone.Channel) string { return ch.Name },
	keep: func(cfg digitalChannelListConfig, ch cxone.Channel) bool {
		id := cfg.IntegrationID.ValueString()
		return id == "" || ch.ChannelIntegrationID == id
	},
	flatten: flattenChannel,
}.spec()

var digitalSkillList = objectList[nameFilter, cxone.Skill, digitalSkillModel]{
	summary: "Unable to List Digital Skills", nouns: "skills",
	description: "Lists the active inbound digital skills, the skills `cxone_digital_skill` manages (outbound ones are " +
		"`cxone_outbound_skill`'s). " +
		"Each result is named by the skill's name.",
	pages: func(ctx context.Context, c readcache.API, cfg nameFilter) iter.Seq2[[]cxone.Skill, error] {
		return c.ListSkillPages(ctx, cxone.SkillListOptions{
			MediaTypeID: cxone.MediaTypeDigital, SearchString: cfg.nameContains(), IsActive: new(true),
		})
	},
	name: func(s cxone.Skill) string { return s.SkillName },
	// Outbound digital skills are cxone_outbound_skill's: listing them here too
	// would generate two resources for one skill.
	keep: func(_ nameFilter, s cxone.Skill) bool {
		return s.IsActive && s.MediaTypeID == cxone.MediaTypeDigital && !s.IsOutbound
	},
	read: func(_ context.Context, _ readcache.API, s cxone.Skill) (digitalSkillModel, error) {
		m := digitalSkillModel{Timeouts: timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType})}}
		flattenDigitalSkill(&s, &m)
		return m, nil
	},
}.spec()

var dispositionList = objectList[nameFilter, cxone.Disposition, dispositionModel]{
	summary: "Unable to List Dispositions", nouns: "dispositions",
	description: "Lists the active dispositions, the ones `cxone_disposition` manages. Each result is " +
		"named by the disposition's name.",
	whole: func(ctx context.Context, c readcache.API, cfg nameFilter) ([]cxone.Disposition, error) {
		return c.ListDispositions(ctx, cxone.DispositionListOptions{SearchString: cfg.nameContains(), IsActive: new(true)})
	},
	name:    func(d cxone.Disposition) string { return d.DispositionName },
	keep:    func(_ nameFilter, d cxone.Disposition) bool { return d.IsActive },
	flatten: flattenDisposition,
}.spec()

// GET /dnc-groups is not paged and has no search: filtered here.
var dncGroupList = objectList[nameFilter, cxone.DNCGroup, dncGroupModel]{
	summary: "Unable to List DNC Groups", nouns: "groups",
	description: "Lists the active DNC groups, the ones `cxone_dnc_group` manages. Each result is named by " +
		"the group's name.",
	whole: func(ctx context.Context, c readcache.API, _ nameFilter) ([]cxone.DNCGroup, error) {
		return c.ListDNCGroups(ctx)
	},
	name:    func(g cxone.DNCGroup) string { return g.DNCGroupName },
	keep:    func(_ nameFilter, g cxone.DNCGroup) bool { return g.IsActive && !g.IsRemoved },
	flatten: flattenDNCGroup,
}.spec()

type messageTemplateListConfig struct {
	nameFilter
	Type types.String `tfsdk:"type"`
}

// CXone answers every template at once (no paging), of one type when asked.
var messageTemplateList = objectList[messageTemplateListConfig, cxone.MessageTemplate, messageTemplateModel]{
	summary: "Unable to List Message Templates", nouns: "templates",
	description: "Lists the active e-mail and SMS message templates, the templates " +
		"`cxone_message_template` manages. Each result is named by the template's name.",
	filters: map[string]listschema.Attribute{"type": listschema.StringAttribute{
		MarkdownDescription: "Only templates of this type: `email` or `sms`.",
		Optional:            true,
		Validators:          []validator.String{stringvalidator.OneOf("email", "sms")},
	}},
	whole: func(ctx context.Context, c readcache.API, cfg messageTemplateListConfig) ([]cxone.MessageTemplate, error) {
		return c.ListMessageTemplates(ctx, messageTemplateTypes[cfg.Type.ValueString()])
	},
	name: func(t cxone.MessageTemplate) string { return t.TemplateName },
	// A template of a type this provider does not know is left out: the resource
	// cannot hold it.
	keep: func(_ messageTemplateListConfig, t cxone.MessageTemplate) bool {
		return t.IsActive && messageTemplateTypeName(t.TemplateTypeID) != ""
	},
	read: func(_ context.Context, _ readcache.API, t cxone.MessageTemplate) (messageTemplateModel, error) {
		var m messageTemplateModel
		flattenMessageTemplate(&t, &m) // no error: keep left out the types it refuses
		return m, nil
	},
}.spec()

// outboundSkillList lists the skills r manages, each read as r reads one (its
// dispositions and parameter groups), a skill a page so that a listing stopped at
// its limit reads no more skills.
func outboundSkillList(r *outboundSkillResource) listSpec[nameFilter, outboundSkillModel] {
	return objectList[nameFilter, cxone.OutboundSkill, outboundSkillModel]{
		summary: "Unable to List Outbound Skills", nouns: "skills",
		description: "Lists the active outbound skills that `cxone_outbound_skill` manages (Personal Connection " +
			"and manual skills of the digital, email, SMS and voice media types), each with its dispositions and " +
			"parameter groups (one more request per skill for its dispositions, and one for the parameter groups of " +
			"every skill). Each result is named by the skill's name.",
		pages: func(ctx context.Context, c readcache.API, cfg nameFilter) iter.Seq2[[]cxone.OutboundSkill, error] {
			return eachAlone(func() ([]cxone.OutboundSkill, error) {
				return c.ListOutboundSkills(ctx, cxone.OutboundSkillListOptions{SearchString: cfg.nameContains(), IsActive: new(true)})
			})
		},
		name: func(s cxone.OutboundSkill) string { return s.SkillName },
		keep: func(_ nameFilter, s cxone.OutboundSkill) bool {
			_, media := outboundMediaTypeOf(s.MediaTypeID)
			_, strategy := outboundStrategyOf(s.OutboundStrategy)
			return s.IsActive && s.IsOutbound && media && strategy
		},
		read: func(ctx context.Context, _ readcache.API, s cxone.OutboundSkill) (outboundSkillModel, error) {
			return r.readFrom(ctx, &s, outboundSkillModel{}, true)
		},
	}.spec()
}

// The lists of links: the config's filters pick the objects whose links are listed.

type dncGroupSkillListConfig struct {
	DNCGroupID types.Int64  `tfsdk:"dnc_group_id"`
	Relation   types.String `tfsdk:"relation"`
}

var dncGroupSkillList = listSpec[dncGroupSkillListConfig, dncGroupSkillModel]{
	summary: "Unable to List DNC Group Skills",
	description: "Lists the skill links of every active DNC group, both relations. Each result is named " +
		"`group name scrubs skill name` or `skill name contributes to group name`.",
	filters: map[string]listschema.Attribute{
		"dnc_group_id": int64Filter("Only the links of this DNC group (active or not)."),
		"relation": listschema.StringAttribute{
			MarkdownDescription: "Only links of this relation: `scrubbed` or `contributing`.",
			Optional:            true,
			Validators:          []validator.String{stringvalidator.OneOf(dncRelations...)},
		},
	},
	items: func(ctx context.Context, c readcache.API, cfg dncGroupSkillListConfig) iter.Seq2[[]framework.ListItem[dncGroupSkillModel], error] {
		return dncGroupSkillItems(ctx, c, cfg.DNCGroupID.ValueInt64(), cfg.Relation.ValueString())
	},
}

type routingQueueBindingListConfig struct {
	RoutingQueueID types.String `tfsdk:"routing_queue_id"`
}

var routingQueueBindingList = listSpec[routingQueueBindingListConfig, routingQueueBindingModel]{
	summary: "Unable to List Routing Queue Bindings",
	description: "Lists the channel bindings of every routing queue (not deleted ones). Each result " +
		"is named `queue name ← channel name`.",
	filters: map[string]listschema.Attribute{
		"routing_queue_id": stringFilter("Only the bindings of this routing queue."),
	},
	items: func(ctx context.Context, c readcache.API, cfg routingQueueBindingListConfig) iter.Seq2[[]framework.ListItem[routingQueueBindingModel], error] {
		return bindingItems(ctx, c, cfg.RoutingQueueID.ValueString())
	},
}

type skillAssignmentListConfig struct {
	AgentID types.Int64 `tfsdk:"agent_id"`
	SkillID types.Int64 `tfsdk:"skill_id"`
}

var skillAssignmentList = listSpec[skillAssignmentListConfig, skillAssignmentModel]{
	summary: "Unable to List Skill Assignments",
	description: "Lists the skill assignments of the active digital skills. Each result is named " +
		"`Skill name — user.name`.",
	filters: map[string]listschema.Attribute{
		"agent_id": int64Filter("Only the digital skill assignments of this user (agent ID)."),
		"skill_id": int64Filter("Only the assignments of this skill."),
	},
	items: func(ctx context.Context, c readcache.API, cfg skillAssignmentListConfig) iter.Seq2[[]framework.ListItem[skillAssignmentModel], error] {
		return assignmentItems(ctx, c, cfg.AgentID.ValueInt64(), cfg.SkillID.ValueInt64())
	},
}

var userList = agentList("Lists the active users, the ones `cxone_user` manages (an inactive user is what its "+
	"destroy leaves behind).", "Unable to List Users", cxone.AgentListOptions{IsActive: new(true)},
	func(a cxone.Agent) bool { return a.IsActive }, flattenUserResource)

var digitalUserPermissionsList = agentList("Lists the users with digital engagement on, the ones "+
	"`cxone_digital_user_permissions` manages.", "Unable to List Digital User Permissions", cxone.AgentListOptions{},
	func(a cxone.Agent) bool { return a.DigitalEngagementEnabled }, flattenDigitalUserPermissions)

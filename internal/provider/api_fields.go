package provider

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/path"
)

// Object types as the documentation names them, for resources whose files spell them
// inline.
const (
	digitalSkillType = "Digital Skill"
	userType         = "User"
)

// apiFieldNames maps, for each object type as diagnostics name it, the field names of
// CXone's requests and answers to the attributes a user writes, so that an error naming
// "channelIntegrationId" says "integration_id". Only names that differ are listed; a
// new resource adds its own map here. apiAnswer uses it for every answer of CXone that
// a diagnostic quotes, and addObjectError to point a refused write at its attribute.
var apiFieldNames = map[string]map[string]string{
	channelObject: {
		"idOnExternalPlatform":         "external_id",
		"channelIntegrationId":         "integration_id",
		"realExternalPlatformId":       "external_platform",
		"isPrivate":                    "is_private",
		"hasTreeStructure":             "has_tree_structure",
		"hasReply":                     "has_reply",
		"contentFormat":                "content_format",
		"hasAbilityToSendFiles":        "can_send_files",
		"hasOutboundFlow":              "has_outbound_flow",
		"studioScript":                 "studio_script",
		"isLiveChat":                   "is_live_chat",
		"hasMultipleThreadsPerEndUser": "has_multiple_threads_per_end_user",
		"canReplyToAnyMessage":         "can_reply_to_any_message",
		"translationGroup":             "translation_group",
	},
	byocIntegrationType: {
		"integrationBoxUrl":  "integration_box_url",
		"authorizationUrl":   "authorization_url",
		"clientId":           "client_id",
		"clientSecret":       "client_secret",
		"hasClientSecret":    "has_client_secret",
		"addActionUrl":       "add_action_url",
		"reconnectActionUrl": "reconnect_action_url",
		"removeActionUrl":    "remove_action_url",
	},
	digitalSkillType: {
		"skillName":             "name",
		"initialPriority":       "initial_priority",
		"maxPriority":           "max_priority",
		"serviceLevelThreshold": "service_level_threshold",
		"serviceLevelGoal":      "service_level_goal",
		"mediaTypeId":           "media_type_id",
		"routingQueueId":        "routing_queue_id",
	},
	userType: {
		"agentId":      "agent_id",
		"userId":       "user_id",
		"userName":     "user_name",
		"firstName":    "first_name",
		"middleName":   "middle_name",
		"lastName":     "last_name",
		"emailAddress": "email_address",
		"teamId":       "team_id",
		"profileId":    "security_profile_id",
		"timeZone":     "time_zone",
		"federatedId":  "federated_id",
	},
	userPermissionsType: {
		"agentId":                  "agent_id",
		"digitalEngagementEnabled": "digital_engagement_enabled",
		"DigitalEngagementEnabled": "digital_engagement_enabled",
		"digitalThreshold":         "digital_threshold",
		"useTeamDigitalThreshold":  "use_team_digital_threshold",
		"digitalRefusalTimeout":    "digital_refusal_timeout",
	},
	skillAssignmentType: {
		"agentId": "agent_id",
		"skillId": "skill_id",
	},
	outboundSkillType: {
		"skillName":          "name",
		"mediaTypeId":        "media_type",
		"outboundStrategy":   "strategy",
		"campaignId":         "campaign_id",
		"messageTemplateId":  "message_template_id",
		"requireDisposition": "require_disposition",
		"dispositionId":      "dispositions",
		"routingQueueId":     "routing_queue_id",
		"scheduleSettings":   "schedule",
		"retrySettings":      "retry",
		"timeZoneSettings":   "time_zones",
	},
	bindingObject: {
		"routingQueueId": "routing_queue_id",
		"channelId":      "channel_id",
	},
	messageTemplateType: {
		"templateId":     "id",
		"templateName":   "name",
		"templateTypeId": "type",
		"isHTML":         "is_html",
		"isRTL":          "is_rtl",
		"fromName":       "from_name",
		"fromAddress":    "from_address",
		"replyToAddress": "reply_to_address",
		"ccAddress":      "cc_address",
		"bccAddress":     "bcc_address",
	},
	callingListType: callingListAPIFields(),
	dispositionType: {
		"dispositionName":      "name",
		"classificationId":     "classification_id",
		"isPreviewDisposition": "is_preview",
	},
	dncGroupType: {
		"dncGroupName":        "name",
		"dncGroupDescription": "description",
	},
	dncGroupSkillType: {
		"dncGroupId": "dnc_group_id",
		"skillId":    "skill_id",
	},
}

// apiFieldPatterns holds, per object type, one whole-word pattern per API field name.
var apiFieldPatterns = func() map[string][]apiFieldPattern {
	out := map[string][]apiFieldPattern{}
	for objectType, fields := range apiFieldNames {
		for name, attribute := range fields {
			out[objectType] = append(out[objectType], apiFieldPattern{
				re: regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`), attribute: attribute,
			})
		}
	}
	return out
}()

type apiFieldPattern struct {
	re        *regexp.Regexp
	attribute string
}

// withAttributeNames rewrites the API field names in text as the attribute names of
// objectType, and returns the attribute named first in text (an empty path when none),
// which is where an error about the request points.
func withAttributeNames(objectType, text string) (string, path.Path) {
	var first path.Path
	pos := -1
	for _, p := range apiFieldPatterns[objectType] {
		if loc := p.re.FindStringIndex(text); loc != nil && (pos < 0 || loc[0] < pos) {
			pos, first = loc[0], path.Root(p.attribute)
		}
	}
	for _, p := range apiFieldPatterns[objectType] {
		text = p.re.ReplaceAllLiteralString(text, p.attribute)
	}
	return text, first
}

package mockcxone

import "net/http"

// routeAPI registers every CXone call the mock serves, in one table: the list of calls in
// internal/cxone/README.md. Paths are written as there, with {name} placeholders, so that
// request counts read the same. Everything else is answered as CXone's API gateway answers
// a path no API serves (see serveHTTP).
func (s *Server) routeAPI() {
	// Discovery and tokens: no bearer token.
	s.route("GET "+DiscoveryPath, s.handleDiscovery)
	s.route("POST /auth/token", s.handlePasswordGrant)
	s.route("POST /authentication/v1/token/access-key", s.handleAccessKeyGrant)

	// Admin API (ACD).
	a := s.routeFamily(familyAdmin, AdminBase)
	a("GET", "/agents", s.listAgents)
	a("GET", "/agents/{agentId}", s.getAgent)
	a("POST", "/agents", s.createAgents)
	a("PUT", "/agents", s.updateAgents)
	a("GET", "/teams", s.listTeams)
	a("GET", "/teams/{teamId}", s.getTeam)
	a("GET", "/security-profiles", s.listSecurityProfiles)
	a("GET", "/security-profiles/{profileId}", s.getSecurityProfile)
	a("GET", "/skills", s.listSkills)
	a("POST", "/skills", s.createSkills)
	a("GET", "/skills/{skillId}", s.getSkill)
	a("PUT", "/skills/{skillId}", s.updateSkill)
	a("GET", "/skills/{skillId}/agents", s.listSkillAgents)
	a("GET", "/agents/{agentId}/skills", s.listAgentSkills)
	a("POST", "/agents/{agentId}/skills", s.assignSkills)
	a("PUT", "/agents/{agentId}/skills", s.updateAssignments)
	a("DELETE", "/skills/{skillId}/agents/{agentId}", s.unassignSkill)

	// Admin API, outbound with Personal Connection (outbound-api.md).
	a("GET", "/message-templates", s.listMessageTemplates)
	a("POST", "/message-templates", s.createMessageTemplate)
	a("GET", "/message-templates/{templateId}", s.getMessageTemplate)
	a("PUT", "/message-templates/{templateId}", s.updateMessageTemplate)
	a("GET", "/campaigns", s.listCampaigns)
	a("POST", "/campaigns", s.createCampaign)
	a("GET", "/campaigns/{campaignId}", s.getCampaign)
	a("PUT", "/campaigns/{campaignId}", s.updateCampaign)
	a("PATCH", "/campaigns/{campaignId}/status", s.setCampaignStatus)
	a("GET", "/dispositions", s.listDispositions)
	a("POST", "/dispositions", s.createDispositions)
	a("GET", "/dispositions/classifications", s.listClassifications)
	a("GET", "/dispositions/{dispositionId}", s.getDisposition)
	a("PUT", "/dispositions/{dispositionId}", s.updateDisposition)
	a("PATCH", "/dispositions/{dispositionId}/status", s.setDispositionStatus)
	a("GET", "/skills/{skillId}/dispositions", s.listSkillDispositions)
	a("POST", "/skills/{skillId}/start", s.startSkill)
	a("POST", "/skills/{skillId}/stop", s.stopSkill)
	a("GET", "/skills/parameters", s.listSkillParameters)
	a("GET", "/skills/{skillId}/parameters", s.getSkillParameters)
	a("PUT", "/skills/{skillId}/parameters/general-settings", s.putGroup("generalSettings",
		knownFields("generalSettings", generalFields), func(p *skillParams) map[string]any { return p.general }))
	a("PUT", "/skills/{skillId}/parameters/retry-settings", s.putGroup("retrySettings",
		knownFields("retrySettings", retryFields), func(p *skillParams) map[string]any { return p.retry }))
	a("PUT", "/skills/{skillId}/parameters/schedule-settings", s.putGroup("scheduleSettings",
		scheduleField, func(p *skillParams) map[string]any { return p.schedule }))
	a("PUT", "/skills/{skillId}/parameters/time-zones", s.putTimeZones)
	a("GET", "/dnc-groups", s.listDNCGroups)
	a("POST", "/dnc-groups", s.createDNCGroup)
	a("GET", "/dnc-groups/{groupId}", s.getDNCGroup)
	a("PUT", "/dnc-groups/{groupId}", s.updateDNCGroup)
	a("GET", "/dnc-groups/{groupId}/scrubbed-skills", s.listDNCGroupSkills(relationScrubbed))
	a("POST", "/dnc-groups/{groupId}/scrubbed-skills/{skillId}", s.linkDNCGroupSkill(relationScrubbed, true))
	a("DELETE", "/dnc-groups/{groupId}/scrubbed-skills/{skillId}", s.linkDNCGroupSkill(relationScrubbed, false))
	a("GET", "/dnc-groups/{groupId}/contributing-skills", s.listDNCGroupSkills(relationContributing))
	a("POST", "/dnc-groups/{groupId}/contributing-skills/{skillId}", s.linkDNCGroupSkill(relationContributing, true))
	a("DELETE", "/dnc-groups/{groupId}/contributing-skills/{skillId}", s.linkDNCGroupSkill(relationContributing, false))
	a("GET", "/dnc-groups/{groupId}/records", s.listDNCRecords)
	a("POST", "/dnc-groups/{groupId}/records", s.dncRecordWrite(true))
	a("DELETE", "/dnc-groups/{groupId}/records", s.dncRecordWrite(false))
	a("POST", "/lists/call-lists", s.createCallingList)
	a("GET", "/lists/call-lists", s.listCallingLists)
	a("GET", "/lists/call-lists/{listId}", s.getCallingList)
	a("DELETE", "/lists/call-lists/{listId}", s.deleteCallingList)
	a("POST", "/lists/call-lists/{listId}/upload", s.uploadCallingList)
	a("GET", "/lists/call-lists/jobs/{jobId}", s.getUploadJob)
	a("GET", "/media-types", s.listMediaTypes)

	// Digital Engagement API (DFO 3.0).
	d := s.routeFamily(familyDFO, DFOBase)
	d("GET", "/routing-queues", s.listRoutingQueues)
	d("GET", "/routing-queues/{queueId}/channels", s.listBindings)
	d("GET", "/routing-queue-channels", s.listAllBindings)
	d("PUT", "/routing-queues/{queueId}/channels/{channelId}", s.bind)
	d("DELETE", "/routing-queues/{queueId}/channels/{channelId}", s.unbind)
	d("POST", "/channels", s.upsertChannel)
	d("GET", "/channels", s.listChannels)
	d("DELETE", "/channels/{channelId}", s.deleteChannel)
	d("POST", "/channels/{channelId}/outbound", s.sendOutboundMessage)
	d("POST", "/channel-integrations", s.createIntegration)
	d("GET", "/channel-integrations", s.listIntegrations)
	d("GET", "/channel-integrations/{id}", s.getIntegration)
	d("PUT", "/channel-integrations/{id}", s.replaceIntegration)
	d("DELETE", "/channel-integrations/{id}", s.deleteIntegration)
}

// routeFamily registers the calls of one API family: each path is written below base, and
// its handler is guarded as the family's gateway guards it (s.api).
func (s *Server) routeFamily(family apiFamily, base string) func(method, path string, h http.HandlerFunc) {
	return func(method, path string, h http.HandlerFunc) {
		s.route(method+" "+base+path, s.api(family, h))
	}
}

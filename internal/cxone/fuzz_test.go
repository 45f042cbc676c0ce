package cxone

import (
	"encoding/json"
	"testing"
)

// Seeds: real answer shapes of every call, plus the quirks the decoders must survive.
var answerSeeds = []string{
	`{"businessUnitId":1,"totalRecords":2,"_links":{"self":"s","next":null,"previous":null},"agents":[{"agentId":1,"userId":"u","userName":"mowgli","DigitalEngagementEnabled":true,"digitalThreshold":3}]}`,
	`{"businessUnitId":1,"skills":[{"skillId":7,"skillName":"Chat","mediaTypeId":9,"routingQueueId":12345}]}`,
	`{"skills":[{"skillId":8,"routingQueueId":"abc"},{"skillId":9,"routingQueueId":null}]}`,
	`{"totalRecords":1,"_links":{"next":"https://x/?skip=100"},"agentSkillAssignments":[{"agentId":1,"skillId":2,"agentProficiencyValue":3,"agentProficiencyName":"3","isActive":true}]}`,
	`{"errorCount":1,"agentResults":[{"agentId":1,"success":false,"error":"digitalThreshold must be from 1 to 100"}]}`,
	`{"errorCount":0,"skillsResults":[{"success":true,"error":null}]}`,
	`{"resultSet":{"errorCount":1,"skillResults":[{"skillId":"5","success":false,"error":{"message":"already assigned"}}]}}`,
	`{"success":true,"skillId":7}`,
	`{"hits":3,"data":[{"id":1,"name":"q","isSubqueue":false,"isDeleted":true}]}`,
	`[{"id":"c1","idOnExternalPlatform":"e","channelIntegrationId":"i","realExternalPlatformId":"custom","name":"n","isPrivate":false,"hasTreeStructure":true,"hasReply":true}]`,
	`{"id":"i1","name":"n","integrationBoxUrl":"https://x","hasClientSecret":true,"useDfo3OutboundApi":true,"color":"#FFFFFF"}`,
	`{"routingQueueId":12,"channelId":"c1"}`,
	`{"access_token":"t","token_type":"Bearer","expires_in":"3600"}`,
	`{"api_endpoint":"https://api-na1.niceincontact.com","auth_endpoint":"https://na1.nice-incontact.com","tenantId":"x","private":false}`,
	`{"error":"invalid_grant","error_description":"bad"}`,
	`{"errors":[{"field":"f","message":"m","parameters":{},"errorCode":42}],"uid":"u"}`,
	`{"message":"x"}`, `{"error":{"code":7}}`, `null`, `[]`, `{}`, ``, `"text"`, `{"hits":"9999999999999999999999","data":null}`,
	`{"_links":null,"totalRecords":-5,"agents":null}`, `{"expires_in":1e400}`,
}

func addSeeds(f *testing.F) {
	for _, s := range answerSeeds {
		f.Add([]byte(s))
	}
}

// FuzzDecodeAnswer decodes arbitrary bytes as every single-object answer the client reads.
// Errors are fine; panics are not, and a decoded answer's helpers must not panic either.
func FuzzDecodeAnswer(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		targets := []any{
			new(agentsWriteAnswer), new(skillsCreateAnswer),
			new(skillUpdateAnswer), new(assignmentsAnswer), new(Channel), new(Integration), new(Binding),
			new(RoutingQueue), new(Skill), new(Agent), new(Team), new(SecurityProfile), new(SkillAssignment), new(tokenAnswer), new(discoveryAnswer),
		}
		for _, target := range targets {
			_ = json.Unmarshal(b, target) // only panics matter here
		}
		var upd agentsWriteAnswer
		if json.Unmarshal(b, &upd) == nil {
			_ = bulkError("x", int64(upd.ErrorCount), upd.AgentResults, func(int, itemResult) string { return "" })
		}
		var as assignmentsAnswer
		if json.Unmarshal(b, &as) == nil {
			_ = bulkError("x", int64(as.ResultSet.ErrorCount), as.ResultSet.SkillResults, func(_ int, r itemResult) string { return string(r.SkillID) })
		}
	})
}

// FuzzDecodeAdminPage decodes arbitrary bytes as a page of every Admin list.
func FuzzDecodeAdminPage(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		if p, err := decodeAdminPage[Agent](b, "agents", 0); err == nil && p.more && len(p.items) == 0 {
			t.Fatal("an empty page announced more")
		}
		_, _ = decodeAdminPage[Skill](b, "skills", 100)
		_, _ = decodeAdminPage[SkillAssignment](b, "agentSkillAssignments", 0)
	})
}

// FuzzDecodeDFOPage decodes arbitrary bytes as a page of every DFO list.
func FuzzDecodeDFOPage(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		if p, err := decodeDFOPage[Channel](b, 0); err == nil && p.more && len(p.items) == 0 {
			t.Fatal("an empty page announced more")
		}
		_, _ = decodeDFOPage[Integration](b, 0)
		_, _ = decodeDFOPage[RoutingQueue](b, 0)
		_, _ = decodeDFOPage[Binding](b, 50)
	})
}

// FuzzDecodeAPIError reads arbitrary bytes as an error body of any status.
func FuzzDecodeAPIError(f *testing.F) {
	for _, s := range answerSeeds {
		f.Add(404, []byte(s))
	}
	f.Fuzz(func(t *testing.T, status int, b []byte) {
		e := newAPIError(status, "GET", "/x", b)
		if e.Status != status {
			t.Fatalf("status %d became %d", status, e.Status)
		}
		_ = e.Error()
		_ = IsNotFound(e)
		_ = IsConflict(e)
	})
}

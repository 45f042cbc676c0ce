package acctest

import (
	"context"
	"fmt"
	"time"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// HandMadeSetup is what MakeHandMade made: a tenant set up by hand, the way an
// administrator would in the CXone UI, for adoption tests and `make adopt-demo`.
type HandMadeSetup struct {
	// Skills maps each skill's name to the skill, routing queue included.
	Skills map[string]*cxone.Skill
	// DigitalAgents are the agents given digital engagement.
	DigitalAgents []int64
	// Assignments counts the skill assignments made.
	Assignments int
	// Integration is the BYOC integration.
	Integration *cxone.Integration
	// Channels are the integration's channels.
	Channels []*cxone.Channel
	// Bindings counts the channels bound to routing queues.
	Bindings int
	// User is the user created by hand, in the team HandMadeUserTeam.
	User *cxone.Agent
}

// HandMadeObjects is how many objects of the seven resource types MakeHandMade
// makes, so the number `terraform plan` must show to import.
const HandMadeObjects = 2 + 3 + 4 + 1 + 2 + 2 + 1

// HandMadeUserTeam is the team of the user MakeHandMade creates, Jungle Voice, which
// no seed user is in: a cxone_user list block filtered on it lists that user alone.
const HandMadeUserTeam = 302

// The seed users MakeHandMade gives digital engagement: mowgli, baloo, bagheera.
var handMadeAgents = []int64{1001, 1002, 1003}

// MakeHandMade sets up, through the API, two digital skills, digital engagement
// for three seed users, four skill assignments, one BYOC integration with two
// channels, a binding of each channel to a skill's routing queue, and a new user. The values
// differ from the resources' defaults where a UI user would change them, so that
// adoption shows that generated configuration keeps them.
func MakeHandMade(ctx context.Context, c *cxone.Client) (*HandMadeSetup, error) {
	out := &HandMadeSetup{Skills: map[string]*cxone.Skill{}}
	for _, in := range []cxone.SkillInput{
		{SkillName: "Jungle Support", Notes: "Made in the UI", InitialPriority: 2, Acceleration: 1, MaxPriority: 100,
			ServiceLevelThreshold: 45, ServiceLevelGoal: 90},
		{SkillName: "Jungle Sales", InitialPriority: 1, Acceleration: 2, MaxPriority: 1000,
			ServiceLevelThreshold: 30, ServiceLevelGoal: 80},
	} {
		s, err := c.CreateSkill(ctx, in)
		if err != nil {
			return nil, err
		}
		if s, err = waitForQueue(ctx, c, s.SkillID); err != nil {
			return nil, err
		}
		out.Skills[s.SkillName] = s
	}
	support, sales := out.Skills["Jungle Support"], out.Skills["Jungle Sales"]

	for i, agentID := range handMadeAgents {
		threshold, useTeam, refusal := 2+i, i == 2, 45
		err := c.UpdateAgentDigitalSettings(ctx, cxone.AgentDigitalSettings{
			AgentID: agentID, DigitalEngagementEnabled: new(true), DigitalThreshold: &threshold,
			UseTeamDigitalThreshold: &useTeam, DigitalRefusalTimeout: &refusal,
		})
		if err != nil {
			return nil, fmt.Errorf("turning digital engagement on for agent %d: %w", agentID, err)
		}
		out.DigitalAgents = append(out.DigitalAgents, agentID)
	}

	for _, a := range []struct {
		agentID int64
		skill   *cxone.Skill
		prof    int
		active  bool
	}{
		{1001, support, 3, true}, {1002, support, 5, true}, {1002, sales, 10, false}, {1003, sales, 1, true},
	} {
		err := c.AssignSkills(ctx, a.agentID, []cxone.SkillAssignmentInput{{SkillID: a.skill.SkillID, Proficiency: a.prof, IsActive: a.active}})
		if err != nil {
			return nil, err
		}
		out.Assignments++
	}

	in, err := c.CreateIntegration(ctx, cxone.IntegrationInput{
		Name: "Jungle Middleware", IntegrationBoxURL: "https://middleware.thejungle.example/box",
		AuthorizationURL: "https://middleware.thejungle.example/token", ClientID: "jungle-middleware",
		ClientSecret: "typed-into-the-ui", UseDfo3OutboundAPI: true,
		AddActionURL: "https://middleware.thejungle.example/add", Color: "#2E8B57",
	})
	if err != nil {
		return nil, err
	}
	out.Integration = in

	for i, ch := range []cxone.Channel{
		{ID: "6f1c2f5e-8a0b-4d61-9a51-0c1d2e3f4a01", IDOnExternalPlatform: "jungle-chat", Name: "Jungle Chat",
			HasReply: new(true), ContentFormat: "html", HasAbilityToSendFiles: new(true)},
		{ID: "6f1c2f5e-8a0b-4d61-9a51-0c1d2e3f4a02", IDOnExternalPlatform: "jungle-forum", Name: "Jungle Forum",
			IsPrivate: true, HasTreeStructure: true, StudioScript: "Jungle_Forum.js"},
	} {
		ch.ChannelIntegrationID, ch.RealExternalPlatformID = in.ID, "custom"
		made, err := c.UpsertChannel(ctx, ch)
		if err != nil {
			return nil, err
		}
		out.Channels = append(out.Channels, made)
		queue := []*cxone.Skill{support, sales}[i].RoutingQueueID
		if _, err := c.BindChannel(ctx, queue, made.ID); err != nil {
			return nil, err
		}
		out.Bindings++
	}

	user, err := c.CreateAgent(ctx, cxone.AgentInput{
		UserName: "chil", FirstName: "Chil", LastName: "Kite", EmailAddress: "chil@thejungle.example",
		TeamID: HandMadeUserTeam, ProfileID: 6, TimeZone: "Asia/Kolkata", Country: "IN", State: "Madhya Pradesh",
		City: "Seoni", Notes: "Made in the UI",
	})
	if err != nil {
		return nil, err
	}
	out.User = user
	return out, nil
}

// waitForQueue polls until CXone has synced the skill's routing queue.
func waitForQueue(ctx context.Context, c *cxone.Client, skillID int64) (*cxone.Skill, error) {
	deadline := time.Now().Add(30 * time.Second)
	for {
		s, err := c.GetSkill(ctx, skillID)
		if err != nil {
			return nil, err
		}
		if s.RoutingQueueID != "" {
			return s, nil
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("skill %d got no routing queue within 30s", skillID)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

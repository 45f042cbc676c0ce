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

	// The outbound set-up: the template and campaign the skill refers to, its two
	// dispositions, the DNC group it is scrubbed against, and a calling list.
	Template       *cxone.MessageTemplate
	Campaign       *cxone.Campaign
	Dispositions   []*cxone.Disposition
	DNCGroup       *cxone.DNCGroup
	OutboundSkill  *cxone.OutboundSkill
	DNCGroupSkills int
	CallingList    *cxone.CallingList
}

// HandMadeObjects is how many objects of the fourteen resource types MakeHandMade
// makes, so the number `terraform plan` must show to import: seven types of the
// inbound set-up, then the outbound one (a template, a campaign, two dispositions, a
// DNC group, an outbound skill, a DNC group link and a calling list).
const HandMadeObjects = 2 + 3 + 4 + 1 + 2 + 2 + 1 +
	1 + 1 + 2 + 1 + 1 + 1 + 1

// HandMadeUserTeam is the team of the user MakeHandMade creates, Jungle Voice, which
// no seed user is in: a cxone_user list block filtered on it lists that user alone.
const HandMadeUserTeam = 302

// The seed users MakeHandMade gives digital engagement: mowgli, baloo, bagheera.
var handMadeAgents = []int64{1001, 1002, 1003}

// MakeHandMade sets up, through the API, two digital skills, digital engagement
// for three seed users, four skill assignments, one BYOC integration with two
// channels, a binding of each channel to a skill's routing queue, a new user, and an
// outbound set-up (MakeHandMadeOutbound). The values differ from the resources'
// defaults where a UI user would change them, so that adoption shows that generated
// configuration keeps them.
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
	if err := makeHandMadeOutbound(ctx, c, out); err != nil {
		return nil, err
	}
	return out, nil
}

// makeHandMadeOutbound sets up a proactive digital campaign the way the CXone UI
// does, in the order CXone's set-up pages give: a message template, a campaign, two
// dispositions, a digital Personal Connection skill referring to all three with its
// schedule, retry and time zones, a DNC group the skill is scrubbed against, and a
// calling list.
func makeHandMadeOutbound(ctx context.Context, c *cxone.Client, out *HandMadeSetup) error {
	tpl, err := c.CreateMessageTemplate(ctx, cxone.MessageTemplateInput{
		TemplateName: "Jungle Newsletter", TemplateTypeID: 2, Subject: "News from the jungle",
		Body: "Hello {FirstName}, the Watering Hole is open!", FromName: "King Louie",
	})
	if err != nil {
		return fmt.Errorf("creating the message template: %w", err)
	}
	out.Template = tpl

	camp, err := c.CreateCampaign(ctx, cxone.CampaignInput{Name: "Jungle Outreach",
		Description: "Proactive messages to members", Notes: "Made in the UI"})
	if err != nil {
		return fmt.Errorf("creating the campaign: %w", err)
	}
	out.Campaign = camp

	for _, in := range []cxone.DispositionInput{
		{DispositionName: "Replied", ClassificationID: 1, Notes: "The member answered"},
		{DispositionName: "Opted Out", ClassificationID: 5, IsPreviewDisposition: true},
	} {
		d, err := c.CreateDisposition(ctx, in)
		if err != nil {
			return fmt.Errorf("creating the disposition %q: %w", in.DispositionName, err)
		}
		out.Dispositions = append(out.Dispositions, d)
	}

	sk, err := c.CreateOutboundSkill(ctx, cxone.OutboundSkillInput{
		SkillName: "Jungle.Outreach", MediaTypeID: cxone.MediaTypeDigital, OutboundStrategy: cxone.StrategyPersonalConnection,
		CampaignID: camp.ID, MessageTemplateID: tpl.TemplateID, Notes: "Made in the UI", RequireDisposition: true,
		Dispositions: []cxone.SkillDispositionInput{
			{DispositionID: out.Dispositions[0].DispositionID, Priority: 1},
			{DispositionID: out.Dispositions[1].DispositionID, Priority: 2},
		},
	})
	if err != nil {
		return fmt.Errorf("creating the outbound skill: %w", err)
	}
	weekday := cxone.DaySchedule{StartTime: "09:00", EndTime: "17:00", IsActive: true}
	schedule := cxone.ScheduleSettings{IsScheduled: true, Days: [7]cxone.DaySchedule{1: weekday, 2: weekday, 3: weekday, 4: weekday,
		5: {StartTime: "09:00", EndTime: "15:30", IsActive: true}}}
	if err := c.UpdateSkillScheduleSettings(ctx, sk.SkillID, schedule); err != nil {
		return err
	}
	attempts, retryMinutes, finalize := 4, 90, true
	if err := c.UpdateSkillRetrySettings(ctx, sk.SkillID, cxone.RetrySettings{MaximumAttempts: &attempts,
		MinimumRetryMinutes: &retryMinutes, FinalizeWhenExhausted: &finalize}); err != nil {
		return err
	}
	if err := c.UpdateSkillTimeZones(ctx, sk.SkillID, []cxone.TimeZoneSetting{
		{StandardName: "India Standard Time", StartTime: "09:00", EndTime: "21:00", TimeZoneActiveToCall: true},
		{StandardName: "GMT Standard Time", StartTime: "08:00", EndTime: "20:00", TimeZoneActiveToCall: true, OverrideTime: true},
	}); err != nil {
		return err
	}
	if sk, err = c.GetOutboundSkill(ctx, sk.SkillID); err != nil {
		return err
	}
	out.OutboundSkill = sk

	group, err := c.CreateDNCGroup(ctx, cxone.DNCGroupInput{DNCGroupName: "Jungle Opt-outs",
		DNCGroupDescription: "Members who replied STOP"})
	if err != nil {
		return fmt.Errorf("creating the DNC group: %w", err)
	}
	out.DNCGroup = group
	if err := c.AddDNCGroupSkill(ctx, group.DNCGroupID, sk.SkillID, cxone.DNCScrubbed); err != nil {
		return err
	}
	out.DNCGroupSkills++

	list, err := c.CreateCallingList(ctx, cxone.CallingListInput{
		ListName: "Jungle Members", ExternalIDColumn: "member",
		DestinationMappings: []cxone.DestinationMapping{{FieldName: "PhoneNumber", FieldValue: "handle"}},
		Columns:             cxone.CallingListColumns{FirstNameColumn: "first_name", LastNameColumn: "last_name", TimeZoneColumn: "time_zone"},
	})
	if err != nil {
		return fmt.Errorf("creating the calling list: %w", err)
	}
	out.CallingList = list
	return nil
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

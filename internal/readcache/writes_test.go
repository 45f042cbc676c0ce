package readcache

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/cxone-oss/terraform-provider-cxone/internal/acctest"
	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

const (
	adminPrefix = "/inContactAPI/services/v34.0"
	dfoPrefix   = "/dfo/3.0"
)

// writer is the write methods of both Client and cxone.Client, so that one
// write can be made through the cache or around it.
type writer interface {
	UpsertChannel(context.Context, cxone.Channel) (*cxone.Channel, error)
	DeleteChannel(context.Context, string) error
	UpdateSkill(context.Context, int64, cxone.SkillInput) (*cxone.Skill, error)
	UpdateAgentDigitalSettings(context.Context, cxone.AgentDigitalSettings) error
	UpdateAgent(context.Context, int64, cxone.AgentChanges) (*cxone.Agent, error)
	AssignSkills(context.Context, int64, []cxone.SkillAssignmentInput) error
	UpdateSkillAssignments(context.Context, int64, []cxone.SkillAssignmentInput) error
	UnassignSkill(context.Context, int64, int64) error
	BindChannel(context.Context, string, string) (*cxone.Binding, error)
	UnbindChannel(context.Context, string, string) error
	UpdateIntegration(context.Context, string, cxone.IntegrationInput) (*cxone.Integration, error)
	DeleteIntegration(context.Context, string) error
	UpdateMessageTemplate(context.Context, int64, cxone.MessageTemplateInput) (*cxone.MessageTemplate, error)
	DeactivateMessageTemplate(context.Context, int64) error
	UpdateCampaign(context.Context, int64, cxone.CampaignInput) (*cxone.Campaign, error)
	SetCampaignActive(context.Context, int64, bool) error
	UpdateDisposition(context.Context, int64, cxone.DispositionInput) (*cxone.Disposition, error)
	SetDispositionActive(context.Context, int64, bool) error
	UpdateDNCGroup(context.Context, int64, cxone.DNCGroupInput) (*cxone.DNCGroup, error)
	DeactivateDNCGroup(context.Context, int64) error
	AddDNCGroupSkill(context.Context, int64, int64, cxone.DNCRelation) error
	RemoveDNCGroupSkill(context.Context, int64, int64, cxone.DNCRelation) error
	UpdateOutboundSkill(context.Context, int64, cxone.OutboundSkillInput) (*cxone.OutboundSkill, error)
	SetOutboundSkillActive(context.Context, int64, bool) error
	StartSkill(context.Context, int64) error
	StopSkill(context.Context, int64, bool) error
	UpdateSkillGeneralSettings(context.Context, int64, cxone.GeneralSettings) error
	UpdateSkillRetrySettings(context.Context, int64, cxone.RetrySettings) error
	UpdateSkillScheduleSettings(context.Context, int64, cxone.ScheduleSettings) error
	UpdateSkillTimeZones(context.Context, int64, []cxone.TimeZoneSetting) error
	UploadCallingList(context.Context, int64, cxone.CallingListUpload) (int64, error)
}

var (
	_ writer = (*Client)(nil)
	_ writer = (*cxone.Client)(nil)
)

// writeFixture is a tenant with something of every kind: an integration with a
// channel bound to a skill's routing queue and another channel unbound, a spare
// integration without channels, and the skill assigned to one agent but not to
// another.
type writeFixture struct {
	integration, spareIntegration cxone.IntegrationInput
	integrationID, spareID        string
	bound, unbound                cxone.Channel
	skill                         cxone.SkillInput
	skillID                       int64
	queueID                       string
	assigned, unassigned          int64

	// Outbound: one of each cached kind, and the skill scrubbed against the DNC group.
	template                  cxone.MessageTemplateInput
	campaign                  cxone.CampaignInput
	disposition               cxone.DispositionInput
	dncGroup                  cxone.DNCGroupInput
	templateID, campaignID    int64
	dispositionID, dncGroupID int64
	// Two Personal Connection skills, one stopped and one running, and a calling list.
	outSkill                   cxone.OutboundSkillInput
	outSkillID, runningSkillID int64
	callingListID              int64
}

func newWriteFixture(t *testing.T, c *cxone.Client) *writeFixture {
	t.Helper()
	ctx := context.Background()
	f := &writeFixture{
		integration: cxone.IntegrationInput{Name: "Main", IntegrationBoxURL: "https://mw.example/box",
			AuthorizationURL: "https://mw.example/token", ClientID: "main", ClientSecret: "s", Color: "#111111"},
		skill: cxone.SkillInput{SkillName: "Cache", Notes: "before", Acceleration: 1, MaxPriority: 1000,
			ServiceLevelThreshold: 30, ServiceLevelGoal: 80},
	}
	f.spareIntegration = f.integration
	f.spareIntegration.Name = "Spare"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	integ, err := c.CreateIntegration(ctx, f.integration)
	must(err)
	spare, err := c.CreateIntegration(ctx, f.spareIntegration)
	must(err)
	f.integrationID, f.spareID = integ.ID, spare.ID
	for _, ch := range []*cxone.Channel{&f.bound, &f.unbound} {
		*ch = cxone.Channel{ID: uuid.NewString(), IDOnExternalPlatform: "ext-" + uuid.NewString(),
			ChannelIntegrationID: integ.ID, RealExternalPlatformID: "custom", Name: "before"}
		_, err := c.UpsertChannel(ctx, *ch)
		must(err)
	}
	skill, err := c.CreateSkill(ctx, f.skill)
	must(err)
	f.skillID, f.queueID = skill.SkillID, skill.RoutingQueueID
	_, err = c.BindChannel(ctx, f.queueID, f.bound.ID)
	must(err)
	agents, err := c.ListAgents(ctx, cxone.AgentListOptions{})
	must(err)
	f.assigned, f.unassigned = agents[0].AgentID, agents[1].AgentID
	must(c.AssignSkills(ctx, f.assigned, []cxone.SkillAssignmentInput{{SkillID: f.skillID, Proficiency: 1, IsActive: true}}))

	f.template = cxone.MessageTemplateInput{TemplateName: "Launch", TemplateTypeID: 2, Subject: "before", Body: "Hello {FirstName}"}
	f.campaign = cxone.CampaignInput{Name: "Launch", Notes: "before"}
	f.disposition = cxone.DispositionInput{DispositionName: "Replied", Notes: "before"}
	f.dncGroup = cxone.DNCGroupInput{DNCGroupName: "Opt-outs", DNCGroupDescription: "before"}
	tmpl, err := c.CreateMessageTemplate(ctx, f.template)
	must(err)
	camp, err := c.CreateCampaign(ctx, f.campaign)
	must(err)
	disp, err := c.CreateDisposition(ctx, f.disposition)
	must(err)
	group, err := c.CreateDNCGroup(ctx, f.dncGroup)
	must(err)
	f.templateID, f.campaignID, f.dispositionID, f.dncGroupID = tmpl.TemplateID, camp.ID, disp.DispositionID, group.DNCGroupID
	must(c.AddDNCGroupSkill(ctx, f.dncGroupID, f.skillID, cxone.DNCScrubbed))

	f.outSkill = cxone.OutboundSkillInput{SkillName: "Outbound", CampaignID: f.campaignID, MessageTemplateID: f.templateID,
		Notes: "before", Dispositions: []cxone.SkillDispositionInput{{DispositionID: f.dispositionID, Priority: 1}}}
	out, err := c.CreateOutboundSkill(ctx, f.outSkill)
	must(err)
	running := f.outSkill
	running.SkillName = "Running"
	run, err := c.CreateOutboundSkill(ctx, running)
	must(err)
	must(c.StartSkill(ctx, run.SkillID))
	list, err := c.CreateCallingList(ctx, cxone.CallingListInput{ListName: "Members", ExternalIDColumn: "member",
		DestinationMappings: []cxone.DestinationMapping{{FieldName: "PhoneNumber", FieldValue: "handle"}}})
	must(err)
	f.outSkillID, f.runningSkillID, f.callingListID = out.SkillID, run.SkillID, list.ListID
	return f
}

// found renders a read for comparison: "absent" for an object CXone does not have.
func found(v string, err error) string {
	if cxone.IsNotFound(err) {
		return "absent"
	}
	if err != nil {
		return "error: " + err.Error()
	}
	return v
}

// writeCase is one write: the request it makes, the read of what it writes
// through the cache, the write itself, and what the read says after it.
type writeCase struct {
	name         string
	method, path func(f *writeFixture) string
	read         func(ctx context.Context, c *Client, f *writeFixture) string
	write        func(ctx context.Context, w writer, f *writeFixture) error
	want         string
}

func on(s string) func(*writeFixture) string { return func(*writeFixture) string { return s } }

func writeCases() []writeCase {
	readChannel := func(ch func(*writeFixture) string) func(context.Context, *Client, *writeFixture) string {
		return func(ctx context.Context, c *Client, f *writeFixture) string {
			got, err := c.Channel(ctx, ch(f))
			if err != nil {
				return found("", err)
			}
			return got.Name
		}
	}
	boundID := func(f *writeFixture) string { return f.bound.ID }
	readSkill := func(ctx context.Context, c *Client, f *writeFixture) string {
		got, err := c.Skill(ctx, f.skillID)
		if err != nil {
			return found("", err)
		}
		return got.Notes
	}
	readAssignment := func(agent func(*writeFixture) int64) func(context.Context, *Client, *writeFixture) string {
		return func(ctx context.Context, c *Client, f *writeFixture) string {
			got, err := c.SkillAssignment(ctx, agent(f), f.skillID)
			if err != nil {
				return found("", err)
			}
			return "proficiency " + strconv.Itoa(got.Proficiency)
		}
	}
	assigned := func(f *writeFixture) int64 { return f.assigned }
	unassigned := func(f *writeFixture) int64 { return f.unassigned }
	readBinding := func(ch func(*writeFixture) string) func(context.Context, *Client, *writeFixture) string {
		return func(ctx context.Context, c *Client, f *writeFixture) string {
			_, err := c.Binding(ctx, f.queueID, ch(f))
			return found("bound", err)
		}
	}
	readIntegration := func(id func(*writeFixture) string) func(context.Context, *Client, *writeFixture) string {
		return func(ctx context.Context, c *Client, f *writeFixture) string {
			got, err := c.Integration(ctx, id(f))
			if err != nil {
				return found("", err)
			}
			return got.Color
		}
	}
	return append([]writeCase{{
		name: "UpsertChannel", method: on("POST"), path: on(dfoPrefix + "/channels"),
		read: readChannel(boundID),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			ch := f.bound
			ch.Name = "after"
			_, err := w.UpsertChannel(ctx, ch)
			return err
		},
		want: "after",
	}, {
		name: "DeleteChannel", method: on("DELETE"), path: on(dfoPrefix + "/channels/"),
		read:  readChannel(boundID),
		write: func(ctx context.Context, w writer, f *writeFixture) error { return w.DeleteChannel(ctx, f.bound.ID) },
		want:  "absent",
	}, {
		name: "UpdateSkill", method: on("PUT"), path: on(adminPrefix + "/skills/"),
		read: readSkill,
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			in := f.skill
			in.Notes = "after"
			_, err := w.UpdateSkill(ctx, f.skillID, in)
			return err
		},
		want: "after",
	}, {
		name: "UpdateAgentDigitalSettings", method: on("PUT"), path: on(adminPrefix + "/agents"),
		read: func(ctx context.Context, c *Client, f *writeFixture) string {
			got, err := c.Agent(ctx, f.assigned)
			if err != nil {
				return found("", err)
			}
			return "threshold " + strconv.Itoa(got.DigitalThreshold)
		},
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.UpdateAgentDigitalSettings(ctx, cxone.AgentDigitalSettings{AgentID: f.assigned, DigitalThreshold: new(7)})
		},
		want: "threshold 7",
	}, {
		name: "UpdateAgent", method: on("PUT"), path: on(adminPrefix + "/agents"),
		read: func(ctx context.Context, c *Client, f *writeFixture) string {
			got, err := c.Agent(ctx, f.assigned)
			if err != nil {
				return found("", err)
			}
			return "city " + got.City
		},
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			_, err := w.UpdateAgent(ctx, f.assigned, cxone.AgentChanges{City: new("Seeonee")})
			return err
		},
		want: "city Seeonee",
	}, {
		name: "AssignSkills", method: on("POST"), path: on(adminPrefix + "/agents/"),
		read: readAssignment(unassigned),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.AssignSkills(ctx, f.unassigned, []cxone.SkillAssignmentInput{{SkillID: f.skillID, Proficiency: 5, IsActive: true}})
		},
		want: "proficiency 5",
	}, {
		name: "UpdateSkillAssignments", method: on("PUT"), path: on(adminPrefix + "/agents/"),
		read: readAssignment(assigned),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.UpdateSkillAssignments(ctx, f.assigned, []cxone.SkillAssignmentInput{{SkillID: f.skillID, Proficiency: 9, IsActive: true}})
		},
		want: "proficiency 9",
	}, {
		name: "UnassignSkill", method: on("DELETE"), path: on(adminPrefix + "/skills/"),
		read: readAssignment(assigned),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.UnassignSkill(ctx, f.assigned, f.skillID)
		},
		want: "absent",
	}, {
		name: "BindChannel", method: on("PUT"), path: on(dfoPrefix + "/routing-queues/"),
		read: readBinding(func(f *writeFixture) string { return f.unbound.ID }),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			_, err := w.BindChannel(ctx, f.queueID, f.unbound.ID)
			return err
		},
		want: "bound",
	}, {
		name: "UnbindChannel", method: on("DELETE"), path: on(dfoPrefix + "/routing-queues/"),
		read: readBinding(boundID),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.UnbindChannel(ctx, f.queueID, f.bound.ID)
		},
		want: "absent",
	}, {
		name: "UpdateIntegration", method: on("PUT"), path: on(dfoPrefix + "/channel-integrations/"),
		read: readIntegration(func(f *writeFixture) string { return f.integrationID }),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			in := f.integration
			in.Color = "#222222"
			_, err := w.UpdateIntegration(ctx, f.integrationID, in)
			return err
		},
		want: "#222222",
	}, {
		name: "DeleteIntegration", method: on("DELETE"), path: on(dfoPrefix + "/channel-integrations/"),
		read:  readIntegration(func(f *writeFixture) string { return f.spareID }),
		write: func(ctx context.Context, w writer, f *writeFixture) error { return w.DeleteIntegration(ctx, f.spareID) },
		want:  "absent",
	}}, append(outboundWriteCases(), outboundSkillWriteCases()...)...)
}

// outboundWriteCases are the writes of the outbound kinds with a cached read
// (outbound_cache.go).
func outboundWriteCases() []writeCase {
	state := func(notes string, active bool) string {
		if !active {
			return "inactive"
		}
		return notes
	}
	readTemplate := func(ctx context.Context, c *Client, f *writeFixture) string {
		t, err := c.MessageTemplate(ctx, f.templateID)
		if err != nil {
			return found("", err)
		}
		return state(t.Subject, t.IsActive)
	}
	readCampaign := func(ctx context.Context, c *Client, f *writeFixture) string {
		x, err := c.Campaign(ctx, f.campaignID)
		if err != nil {
			return found("", err)
		}
		return state(x.Notes, x.IsActive)
	}
	readDisposition := func(ctx context.Context, c *Client, f *writeFixture) string {
		d, err := c.Disposition(ctx, f.dispositionID)
		if err != nil {
			return found("", err)
		}
		return state(d.Notes, d.IsActive)
	}
	readGroup := func(ctx context.Context, c *Client, f *writeFixture) string {
		g, err := c.DNCGroup(ctx, f.dncGroupID)
		if err != nil {
			return found("", err)
		}
		return state(g.DNCGroupDescription, g.IsActive)
	}
	readLink := func(relation cxone.DNCRelation) func(context.Context, *Client, *writeFixture) string {
		return func(ctx context.Context, c *Client, f *writeFixture) string {
			_, err := c.DNCGroupSkill(ctx, f.dncGroupID, f.skillID, relation)
			return found("linked", err)
		}
	}
	return []writeCase{{
		name: "UpdateMessageTemplate", method: on("PUT"), path: on(adminPrefix + "/message-templates/"),
		read: readTemplate,
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			in := f.template
			in.Subject = "after"
			_, err := w.UpdateMessageTemplate(ctx, f.templateID, in)
			return err
		},
		want: "after",
	}, {
		name: "DeactivateMessageTemplate", method: on("PUT"), path: on(adminPrefix + "/message-templates/"),
		read: readTemplate,
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.DeactivateMessageTemplate(ctx, f.templateID)
		},
		want: "inactive",
	}, {
		name: "UpdateCampaign", method: on("PUT"), path: on(adminPrefix + "/campaigns/"),
		read: readCampaign,
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			in := f.campaign
			in.Notes = "after"
			_, err := w.UpdateCampaign(ctx, f.campaignID, in)
			return err
		},
		want: "after",
	}, {
		name: "SetCampaignActive", method: on("PATCH"), path: on(adminPrefix + "/campaigns/"),
		read: readCampaign,
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.SetCampaignActive(ctx, f.campaignID, false)
		},
		want: "inactive",
	}, {
		name: "UpdateDisposition", method: on("PUT"), path: on(adminPrefix + "/dispositions/"),
		read: readDisposition,
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			in := f.disposition
			in.Notes = "after"
			_, err := w.UpdateDisposition(ctx, f.dispositionID, in)
			return err
		},
		want: "after",
	}, {
		name: "SetDispositionActive", method: on("PATCH"), path: on(adminPrefix + "/dispositions/"),
		read: readDisposition,
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.SetDispositionActive(ctx, f.dispositionID, false)
		},
		want: "inactive",
	}, {
		name: "UpdateDNCGroup", method: on("PUT"), path: on(adminPrefix + "/dnc-groups/"),
		read: readGroup,
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			in := f.dncGroup
			in.DNCGroupDescription = "after"
			_, err := w.UpdateDNCGroup(ctx, f.dncGroupID, in)
			return err
		},
		want: "after",
	}, {
		name: "DeactivateDNCGroup", method: on("PUT"), path: on(adminPrefix + "/dnc-groups/"),
		read: readGroup,
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.DeactivateDNCGroup(ctx, f.dncGroupID)
		},
		want: "inactive",
	}, {
		name: "AddDNCGroupSkill", method: on("POST"), path: on(adminPrefix + "/dnc-groups/"),
		read: readLink(cxone.DNCContributing),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.AddDNCGroupSkill(ctx, f.dncGroupID, f.skillID, cxone.DNCContributing)
		},
		want: "linked",
	}, {
		name: "RemoveDNCGroupSkill", method: on("DELETE"), path: on(adminPrefix + "/dnc-groups/"),
		read: readLink(cxone.DNCScrubbed),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.RemoveDNCGroupSkill(ctx, f.dncGroupID, f.skillID, cxone.DNCScrubbed)
		},
		want: "absent",
	}}
}

// outboundSkillWriteCases are the writes of outbound skills and their parameter groups,
// read through OutboundSkill and SkillParameters.
func outboundSkillWriteCases() []writeCase {
	readSkill := func(id func(*writeFixture) int64) func(context.Context, *Client, *writeFixture) string {
		return func(ctx context.Context, c *Client, f *writeFixture) string {
			s, err := c.OutboundSkill(ctx, id(f))
			switch {
			case err != nil:
				return found("", err)
			case !s.IsActive:
				return "inactive"
			case s.IsRunning:
				return s.Notes + ", running"
			}
			return s.Notes
		}
	}
	stopped := func(f *writeFixture) int64 { return f.outSkillID }
	running := func(f *writeFixture) int64 { return f.runningSkillID }
	readParams := func(show func(*cxone.SkillParameters) string) func(context.Context, *Client, *writeFixture) string {
		return func(ctx context.Context, c *Client, f *writeFixture) string {
			p, err := c.SkillParameters(ctx, f.outSkillID)
			if err != nil {
				return found("", err)
			}
			return show(p)
		}
	}
	intOf := func(p *int) string {
		if p == nil {
			return "unset"
		}
		return strconv.Itoa(*p)
	}
	skillsPath := on(adminPrefix + "/skills/")
	return []writeCase{{
		name: "UpdateOutboundSkill", method: on("PUT"), path: skillsPath,
		read: readSkill(stopped),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			in := f.outSkill
			in.Notes = "after"
			_, err := w.UpdateOutboundSkill(ctx, f.outSkillID, in)
			return err
		},
		want: "after",
	}, {
		name: "SetOutboundSkillActive", method: on("PUT"), path: skillsPath,
		read: readSkill(stopped),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.SetOutboundSkillActive(ctx, f.outSkillID, false)
		},
		want: "inactive",
	}, {
		name: "StartSkill", method: on("POST"), path: skillsPath,
		read:  readSkill(stopped),
		write: func(ctx context.Context, w writer, f *writeFixture) error { return w.StartSkill(ctx, f.outSkillID) },
		want:  "before, running",
	}, {
		name: "StopSkill", method: on("POST"), path: skillsPath,
		read: readSkill(running),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.StopSkill(ctx, f.runningSkillID, false)
		},
		want: "before",
	}, {
		name: "UploadCallingList", method: on("POST"), path: on(adminPrefix + "/lists/call-lists/"),
		read: readSkill(stopped),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			_, err := w.UploadCallingList(ctx, f.callingListID, cxone.CallingListUpload{Content: []byte("member,handle\nm1,@m1\n"),
				SkillID: f.outSkillID, ExpirationDate: "2027-01-01", StartSkill: true})
			return err
		},
		want: "before, running",
	}, {
		name: "UpdateSkillGeneralSettings", method: on("PUT"), path: skillsPath,
		read: readParams(func(p *cxone.SkillParameters) string { return "attempts " + intOf(p.GeneralSettings.MaximumAttempts) }),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.UpdateSkillGeneralSettings(ctx, f.outSkillID, cxone.GeneralSettings{MaximumAttempts: new(7)})
		},
		want: "attempts 7",
	}, {
		name: "UpdateSkillRetrySettings", method: on("PUT"), path: skillsPath,
		read: readParams(func(p *cxone.SkillParameters) string { return "retry " + intOf(p.RetrySettings.MinimumRetryMinutes) }),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.UpdateSkillRetrySettings(ctx, f.outSkillID, cxone.RetrySettings{MinimumRetryMinutes: new(15)})
		},
		want: "retry 15",
	}, {
		name: "UpdateSkillScheduleSettings", method: on("PUT"), path: skillsPath,
		read: readParams(func(p *cxone.SkillParameters) string {
			return "scheduled " + strconv.FormatBool(p.ScheduleSettings.IsScheduled)
		}),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.UpdateSkillScheduleSettings(ctx, f.outSkillID, cxone.ScheduleSettings{IsScheduled: true})
		},
		want: "scheduled true",
	}, {
		name: "UpdateSkillTimeZones", method: on("PUT"), path: skillsPath,
		read: readParams(func(p *cxone.SkillParameters) string { return strconv.Itoa(len(p.TimeZoneSettings)) + " time zones" }),
		write: func(ctx context.Context, w writer, f *writeFixture) error {
			return w.UpdateSkillTimeZones(ctx, f.outSkillID, []cxone.TimeZoneSetting{{StandardName: "India Standard Time",
				StartTime: "08:00", EndTime: "20:00", TimeZoneActiveToCall: true}})
		},
		want: "1 time zones",
	}}
}

// TestWrites_nextReadGoesToCXone checks, for every write, that a read through the
// cache after it shows what CXone holds, whether the write succeeded, failed
// (with CXone applying it anyway, as a 500 may) or lost its answer (the mock
// applies the write and drops the connection). Each read before the write has
// taken the operation's list, which would answer with the old object.
func TestWrites_nextReadGoesToCXone(t *testing.T) {
	outcomes := []struct {
		name  string
		fault func(method, path string) *mockcxone.FaultRule
		// appliedAnyway makes the write again around the cache after a failure,
		// as CXone may have applied a write it answered with an error.
		appliedAnyway bool
	}{
		{name: "succeeded"},
		{name: "failed", appliedAnyway: true, fault: func(method, path string) *mockcxone.FaultRule {
			return &mockcxone.FaultRule{Method: method, Path: path, Status: 500}
		}},
		{name: "lost its answer", fault: func(method, path string) *mockcxone.FaultRule {
			return &mockcxone.FaultRule{Method: method, Path: path, DropResponse: true}
		}},
	}
	for _, tc := range writeCases() {
		for _, o := range outcomes {
			t.Run(tc.name+" "+o.name, func(t *testing.T) {
				t.Parallel()
				ctx := context.Background()
				m := mockcxone.NewTestServer(t, mockcxone.Options{SyncDelay: -1})
				raw := acctest.Client(t, m)
				f := newWriteFixture(t, raw)
				c := New(raw)
				before := tc.read(ctx, c, f)
				if strings.HasPrefix(before, "error") || before == tc.want {
					t.Fatalf("before the write, the read gave %q", before)
				}
				if o.fault != nil {
					if err := m.SetFaults([]mockcxone.FaultRule{*o.fault(tc.method(f), tc.path(f))}); err != nil {
						t.Fatal(err)
					}
				}
				err := tc.write(ctx, c, f)
				if o.fault == nil && err != nil {
					t.Fatalf("write: %v", err)
				}
				if err := m.SetFaults(nil); err != nil {
					t.Fatal(err)
				}
				if o.appliedAnyway {
					if err == nil {
						t.Fatal("the write did not fail")
					}
					if err := tc.write(ctx, raw, f); err != nil {
						t.Fatalf("applying the write around the cache: %v", err)
					}
				}
				if got := tc.read(ctx, c, f); got != tc.want {
					t.Errorf("after the write, the read gave %q, want %q (before it: %q)", got, tc.want, before)
				}
			})
		}
	}
}

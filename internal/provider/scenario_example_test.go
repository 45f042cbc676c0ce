package provider

import (
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestAccScenario_wateringHoleExample applies examples/watering-hole itself, unedited,
// against the mock, as `make demo` does: the inbound set-up and King Louie's launch
// campaign (launch.tf) apply in one run, the next plan is empty, and destroy leaves the
// outbound objects deactivated and the list, links and bindings gone. On Terraform 1.14
// the launch's actions (examples/watering-hole-launch-actions) are copied in as its
// README says: creating the calling list uploads records.csv and starts the skill, and
// the test message and the stop are invoked with terraform apply -invoke.
func TestAccScenario_wateringHoleExample(t *testing.T) {
	m := testAccParallelStart(t)
	tf := newTFCLI(t, m, "TF_VAR_middleware_client_secret=scenario-middleware-secret")
	tf.writeExample("watering-hole", "*.tf")
	withActions := tf.versionAtLeast(1, 14)
	if withActions {
		tf.writeExample("watering-hole-launch-actions", "*.tf")
		tf.writeExample("watering-hole-launch-actions", "*.csv")
	} else {
		t.Log("Terraform before 1.14: the launch's actions (examples/watering-hole-launch-actions) are left out")
	}

	tf.mustRun("apply", "-auto-approve", "-no-color", "-input=false")
	st := m.State()
	launch := launchSkill(t, st)
	switch {
	case len(st.MessageTemplates) != 1 || !st.MessageTemplates[0].IsActive || launch.MessageTemplateID != st.MessageTemplates[0].TemplateID:
		t.Fatalf("want the launch template, active and the skill's: %+v, skill %+v", st.MessageTemplates, launch)
	case len(st.Campaigns) != 1 || st.Campaigns[0].Name != "Watering Hole Launch" || launch.CampaignID != st.Campaigns[0].ID:
		t.Fatalf("want the Watering Hole Launch campaign, the skill's: %+v, skill %+v", st.Campaigns, launch)
	case len(st.Dispositions) != 3 || len(launch.Dispositions) != 3:
		t.Fatalf("want 3 dispositions, all on the skill: %+v, skill's %+v", st.Dispositions, launch.Dispositions)
	case len(st.DNCGroups) != 1 || len(st.DNCGroupSkills) != 2:
		t.Fatalf("want one DNC group, scrubbing and fed by the skill: %+v, links %+v", st.DNCGroups, st.DNCGroupSkills)
	case len(st.CallingLists) != 1 || st.CallingLists[0].ExternalIDColumn != "member":
		t.Fatalf("want The Jungle's mailing list: %+v", st.CallingLists)
	case !boundToDirectMessages(st, launch.RoutingQueueID):
		t.Fatalf("the launch skill's queue %q is not bound to the direct-message channel: %+v", launch.RoutingQueueID, st.Bindings)
	}
	if withActions {
		jobs := st.UploadJobs
		if len(jobs) != 1 || !jobs[0].IsComplete || jobs[0].ValidRecords != 5 || jobs[0].InvalidRecords != 0 || !launch.IsRunning {
			t.Fatalf("creating the list must upload the 5 records and start the skill: jobs %+v, skill running %v", jobs, launch.IsRunning)
		}
	}

	tf.mustRun("plan", "-detailed-exitcode", "-no-color", "-input=false")

	if withActions {
		tf.mustRun("apply", "-auto-approve", "-no-color", "-input=false", "-invoke=action.cxone_channel_send_message.test_message")
		tf.mustRun("apply", "-auto-approve", "-no-color", "-input=false", "-invoke=action.cxone_outbound_skill_stop.end_of_campaign")
		st := m.State()
		if msgs := st.OutboundMessages; len(msgs) != 1 {
			t.Fatalf("want one test message recorded, got %+v", msgs)
		}
		if launchSkill(t, st).IsRunning {
			t.Fatal("the skill still runs after cxone_outbound_skill_stop")
		}
		if len(m.State().UploadJobs) != 1 {
			t.Fatal("an -invoke of another action uploaded the records again")
		}
	}

	tf.mustRun("destroy", "-auto-approve", "-no-color", "-input=false")
	st = m.State()
	if len(st.CallingLists) != 0 || len(st.DNCGroupSkills) != 0 || len(st.Bindings) != 0 || len(st.Channels) != 0 {
		t.Fatalf("destroy left lists %+v, DNC links %+v, bindings %+v, channels %d", st.CallingLists, st.DNCGroupSkills, st.Bindings, len(st.Channels))
	}
	if s := launchSkill(t, st); s.IsActive || s.IsRunning {
		t.Fatalf("destroy must leave the launch skill inactive and stopped: %+v", s)
	}
	if st.MessageTemplates[0].IsActive || st.Campaigns[0].IsActive || st.DNCGroups[0].IsActive {
		t.Fatalf("destroy must deactivate the template, campaign and DNC group: %+v %+v %+v", st.MessageTemplates, st.Campaigns, st.DNCGroups)
	}
	for _, d := range st.Dispositions {
		if d.IsActive {
			t.Fatalf("destroy must deactivate the dispositions: %+v", st.Dispositions)
		}
	}
}

// launchSkill is the example's outbound skill in the mock's state.
func launchSkill(t *testing.T, st mockcxone.State) mockcxone.Skill {
	t.Helper()
	for _, s := range st.Skills {
		if s.SkillName == "Watering-Hole.Launch" {
			if s.OutboundStrategy == "" || s.MediaTypeID != 9 {
				t.Fatalf("the launch skill is not a digital outbound skill: %+v", s)
			}
			return s
		}
	}
	t.Fatalf("no skill Watering-Hole.Launch in the mock: %+v", st.Skills)
	return mockcxone.Skill{}
}

// boundToDirectMessages reports whether queue holds the example's direct-message channel.
func boundToDirectMessages(st mockcxone.State, queue string) bool {
	for _, b := range st.Bindings {
		for _, c := range st.Channels {
			if b.RoutingQueueID == queue && queue != "" && b.ChannelID == c.ID && c.IDOnExternalPlatform == "watering-hole-dm" {
				return true
			}
		}
	}
	return false
}

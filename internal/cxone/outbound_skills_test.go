package cxone_test

import (
	"errors"
	"io"
	"net/http"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// outboundFixture is what an outbound skill refers to: a campaign, a template and two
// dispositions.
type outboundFixture struct {
	campaign, template int64
	dispositions       []int64
}

func (e *env) outboundFixture() outboundFixture {
	e.t.Helper()
	cp, err := e.c.CreateCampaign(e.ctx, cxone.CampaignInput{Name: "Launch"})
	if err != nil {
		e.t.Fatal(err)
	}
	tpl, err := e.c.CreateMessageTemplate(e.ctx, templateInput("Launch"))
	if err != nil {
		e.t.Fatal(err)
	}
	ids, err := e.c.CreateDispositions(e.ctx, []cxone.DispositionInput{{DispositionName: "Joined"}, {DispositionName: "Declined"}})
	if err != nil {
		e.t.Fatal(err)
	}
	return outboundFixture{campaign: cp.ID, template: tpl.TemplateID, dispositions: ids}
}

func (f outboundFixture) input(name string) cxone.OutboundSkillInput {
	return cxone.OutboundSkillInput{
		SkillName: name, CampaignID: f.campaign, MessageTemplateID: f.template, Notes: "launch",
		RequireDisposition: true, Dispositions: []cxone.SkillDispositionInput{{DispositionID: f.dispositions[0], Priority: 1}},
	}
}

// outboundSkill creates an outbound skill named name on fixture f.
func (e *env) outboundSkill(f outboundFixture, name string) *cxone.OutboundSkill {
	e.t.Helper()
	s, err := e.c.CreateOutboundSkill(e.ctx, f.input(name))
	if err != nil {
		e.t.Fatalf("CreateOutboundSkill(%q): %v", name, err)
	}
	return s
}

func TestOutboundSkills_createMirrorsQueueAndBinds(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	f := e.outboundFixture()
	s := e.outboundSkill(f, "Watering-Hole.Launch")
	if s.SkillID == 0 || !s.IsOutbound || s.OutboundStrategy != cxone.StrategyPersonalConnection || s.MediaTypeID != cxone.MediaTypeDigital ||
		s.CampaignID != f.campaign || s.CampaignName != "Launch" || s.MessageTemplateID != f.template || s.IsRunning || !s.RequireDisposition ||
		len(s.Dispositions) != 1 || s.RoutingQueueID == "" {
		t.Fatalf("created %+v", s)
	}
	// The existing binding attaches a channel to the outbound skill's queue.
	integ := e.integration("Watering Hole")
	ch := e.channel("wh-outbound", integ.ID)
	if _, err := e.c.BindChannel(e.ctx, s.RoutingQueueID, ch.ID); err != nil {
		t.Fatalf("binding the channel to the outbound skill's queue: %v", err)
	}
	links, err := e.c.ListSkillDispositions(e.ctx, s.SkillID)
	if err != nil || len(links) != 1 || links[0].DispositionID != f.dispositions[0] || links[0].DisplayOrder != 1 {
		t.Fatalf("skill dispositions %+v %v", links, err)
	}
	list, err := e.c.ListOutboundSkills(e.ctx, cxone.OutboundSkillListOptions{OutboundStrategy: cxone.StrategyPersonalConnection})
	if err != nil || len(list) != 1 || list[0].SkillID != s.SkillID {
		t.Fatalf("listed %+v %v", list, err)
	}
	e.skill("Inbound one")
	if list, err := e.c.ListOutboundSkills(e.ctx, cxone.OutboundSkillListOptions{}); err != nil || len(list) != 1 {
		t.Fatalf("inbound skills listed as outbound: %+v %v", list, err)
	}
}

func TestOutboundSkills_itemErrors(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	f := e.outboundFixture()
	e.outboundSkill(f, "Launch")
	for _, tc := range []struct {
		name     string
		mod      func(*cxone.OutboundSkillInput)
		msg      string
		conflict bool
	}{
		{"duplicate name", func(in *cxone.OutboundSkillInput) {}, "already exists", true},
		{"unknown campaign", func(in *cxone.OutboundSkillInput) { in.SkillName, in.CampaignID = "c1", 1 }, "campaignId", false},
		{"unknown template", func(in *cxone.OutboundSkillInput) { in.SkillName, in.MessageTemplateID = "t1", 1 }, "messageTemplateId", false},
		{"unknown disposition", func(in *cxone.OutboundSkillInput) {
			in.SkillName, in.Dispositions = "d1", []cxone.SkillDispositionInput{{DispositionID: 1, Priority: 1}}
		}, "dispositionId 1", false},
		{"name with a space", func(in *cxone.OutboundSkillInput) { in.SkillName = "Launch day" }, "skillName", false},
		{"unknown strategy", func(in *cxone.OutboundSkillInput) { in.SkillName, in.OutboundStrategy = "s1", "Predictive" }, "outboundStrategy", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := f.input("Launch")
			tc.mod(&in)
			_, err := e.c.CreateOutboundSkill(e.ctx, in)
			wantItemError(t, err, 0, tc.msg)
			if cxone.IsConflict(err) != tc.conflict {
				t.Errorf("IsConflict = %t for %v", !tc.conflict, err)
			}
		})
	}
}

func TestOutboundSkills_runningSkillCannotChange(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	f := e.outboundFixture()
	s := e.outboundSkill(f, "Launch")
	if err := e.c.StartSkill(e.ctx, s.SkillID); err != nil {
		t.Fatal(err)
	}
	if err := e.c.StartSkill(e.ctx, s.SkillID); err != nil {
		t.Fatalf("start on a running skill is a no-op: %v", err)
	}
	in := f.input("Launch")
	in.Notes = "changed"
	_, err := e.c.UpdateOutboundSkill(e.ctx, s.SkillID, in)
	wantAPIError(t, err, 400, "running")
	wantAPIError(t, e.c.SetOutboundSkillActive(e.ctx, s.SkillID, false), 400, "running")
	wantAPIError(t, e.c.UpdateSkillRetrySettings(e.ctx, s.SkillID, cxone.RetrySettings{MaximumAttempts: new(2)}), 400, "running")
	if got, err := e.c.GetOutboundSkill(e.ctx, s.SkillID); err != nil || !got.IsRunning || got.Notes != "launch" {
		t.Fatalf("running skill %+v %v", got, err)
	}
	for range 2 {
		if err := e.c.StopSkill(e.ctx, s.SkillID, true); err != nil {
			t.Fatal(err)
		}
	}
	in.SkillName, in.Dispositions = "Launch-2", nil
	upd, err := e.c.UpdateOutboundSkill(e.ctx, s.SkillID, in)
	if err != nil || upd.Notes != "changed" || upd.SkillName != "Launch-2" || upd.IsRunning || len(upd.Dispositions) != 0 {
		t.Fatalf("updated %+v %v", upd, err)
	}
	if err := e.c.SetOutboundSkillActive(e.ctx, s.SkillID, false); err != nil {
		t.Fatal(err)
	}
	wantAPIError(t, e.c.StartSkill(e.ctx, s.SkillID), 400, "cannot start")
	if err := e.c.StartSkill(e.ctx, 1); !cxone.IsNotFound(err) {
		t.Errorf("start unknown: %v", err)
	}
	if err := e.c.StopSkill(e.ctx, 1, false); !cxone.IsNotFound(err) {
		t.Errorf("stop unknown: %v", err)
	}
}

func TestOutboundSkills_parameters(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	f := e.outboundFixture()
	s := e.outboundSkill(f, "Launch")
	if err := e.c.UpdateSkillGeneralSettings(e.ctx, s.SkillID, cxone.GeneralSettings{Aggressiveness: new(3.0), MaximumAttempts: new(4), LoadFresh: new(false)}); err != nil {
		t.Fatal(err)
	}
	if err := e.c.UpdateSkillRetrySettings(e.ctx, s.SkillID, cxone.RetrySettings{MinimumRetryMinutes: new(30), FinalizeWhenExhausted: new(false)}); err != nil {
		t.Fatal(err)
	}
	sched := cxone.ScheduleSettings{IsScheduled: true}
	for i := range sched.Days {
		sched.Days[i] = cxone.DaySchedule{StartTime: "00:00", EndTime: "00:00"}
	}
	sched.Days[1] = cxone.DaySchedule{StartTime: "09:00", EndTime: "17:30", IsActive: true}
	if err := e.c.UpdateSkillScheduleSettings(e.ctx, s.SkillID, sched); err != nil {
		t.Fatal(err)
	}
	zones := []cxone.TimeZoneSetting{{StandardName: "India Standard Time", StartTime: "08:00", EndTime: "20:00", TimeZoneActiveToCall: true}}
	if err := e.c.UpdateSkillTimeZones(e.ctx, s.SkillID, zones); err != nil {
		t.Fatal(err)
	}
	p, err := e.c.GetSkillParameters(e.ctx, s.SkillID)
	if err != nil {
		t.Fatal(err)
	}
	g, r := p.GeneralSettings, p.RetrySettings
	if g == nil || *g.Aggressiveness != 3 || *g.MaximumAttempts != 4 || *g.LoadFresh || r == nil || *r.MinimumRetryMinutes != 30 || *r.FinalizeWhenExhausted {
		t.Fatalf("general %+v retry %+v", g, r)
	}
	if p.ScheduleSettings == nil || *p.ScheduleSettings != sched {
		t.Fatalf("schedule %+v, want %+v", p.ScheduleSettings, sched)
	}
	if len(p.TimeZoneSettings) != 1 || p.TimeZoneSettings[0] != zones[0] {
		t.Fatalf("time zones %+v", p.TimeZoneSettings)
	}
	// The read of every skill's groups gives the same, keyed by skill.
	all, err := e.c.ListSkillParameters(e.ctx)
	if err != nil || len(all) != 1 || !reflect.DeepEqual(all[s.SkillID], *p) {
		t.Fatalf("every skill's parameters %+v %v, want {%d: %+v}", all, err, s.SkillID, *p)
	}
	// A Manual skill has no parameter groups.
	manual := f.input("Manual")
	manual.OutboundStrategy = cxone.StrategyManual
	m, err := e.c.CreateOutboundSkill(e.ctx, manual)
	if err != nil {
		t.Fatal(err)
	}
	wantAPIError(t, e.c.UpdateSkillTimeZones(e.ctx, m.SkillID, zones), 400, "Personal Connection")
	wantAPIError(t, e.c.UpdateSkillScheduleSettings(e.ctx, s.SkillID, cxone.ScheduleSettings{Days: [7]cxone.DaySchedule{{StartTime: "9am"}}}), 400, "HH:MM")
}

// lagTransport answers the first lags GET /skills lists with no skills, as a CXone whose
// list has not caught up with a create yet.
type lagTransport struct{ lags atomic.Int32 }

func (l *lagTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == "GET" && r.URL.Path == adminPath+"/skills" && l.lags.Add(-1) >= 0 {
		return &http.Response{StatusCode: 200, Request: r, Header: http.Header{"Content-Type": {"application/json"}},
			Body: io.NopCloser(strings.NewReader(`{"totalRecords":0,"skills":[]}`))}, nil
	}
	return http.DefaultTransport.RoundTrip(r)
}

func TestOutboundSkills_createToleratesALaggingList(t *testing.T) {
	for _, tc := range []struct {
		lags int32
		ok   bool
	}{{lags: 3, ok: true}, {lags: 10, ok: false}} {
		lag := &lagTransport{}
		e := newEnv(t, mockcxone.Options{}, func(cfg *cxone.Config) { cfg.HTTPClient = &http.Client{Transport: lag} })
		f := e.outboundFixture()
		lag.lags.Store(tc.lags)
		s, err := e.c.CreateOutboundSkill(e.ctx, f.input("Launch"))
		if tc.ok && (err != nil || s.SkillName != "Launch") {
			t.Fatalf("%d lagging lists: %+v %v", tc.lags, s, err)
		}
		if !tc.ok && (err == nil || !strings.Contains(err.Error(), "look-ups by name")) {
			t.Fatalf("%d lagging lists: want a bounded look-up, got %+v %v", tc.lags, s, err)
		}
	}
}

func TestOutboundSkills_lostCreateAnswerIsSettledByName(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	f := e.outboundFixture()
	e.faults(mockcxone.FaultRule{Method: "POST", Path: adminPath + "/skills", DropResponse: true, Count: 1})
	s, err := e.c.CreateOutboundSkill(e.ctx, f.input("Launch"))
	if err != nil || s.SkillName != "Launch" {
		t.Fatalf("settled %+v %v", s, err)
	}
	if got := e.count("POST " + adminKey + "/skills"); got != 1 {
		t.Errorf("the create was sent %d times", got)
	}
	// Someone else's skill of that name is not taken for ours.
	e.faults(mockcxone.FaultRule{Method: "POST", Path: adminPath + "/skills", DropResponse: true, Count: 1})
	other := f.input("Launch")
	other.Notes = "someone else's"
	_, err = e.c.CreateOutboundSkill(e.ctx, other)
	var me *cxone.MismatchError
	if !errors.As(err, &me) || !cxone.IsConflict(err) {
		t.Fatalf("want a mismatch, got %v", err)
	}
}

func TestOutboundSkills_getFlatOrWrapped(t *testing.T) {
	const flat = `{"skillId":4000001,"skillName":"Launch","isOutbound":true,"outboundStrategy":"Personal Connection","routingQueueId":12,"isActive":true}`
	for _, body := range []string{flat, `{"skills":[` + flat + `]}`} {
		e := cannedEnv(t, "GET", adminPath+"/skills/4000001", body)
		s, err := e.c.GetOutboundSkill(e.ctx, 4000001)
		if err != nil || s.SkillName != "Launch" || s.RoutingQueueID != "12" || !s.IsOutbound {
			t.Fatalf("%s: %+v %v", body, s, err)
		}
	}
	wantUnreadable(t, "GET", adminPath+"/skills/4000001",
		[]string{`{"skillName":"Launch"}`, `{"skills":[]}`, `{"skills":[{"skillId":5}]}`, `{"skills":[{}]}`, `{"skillId":4000001,"skillName":"Launch"}`},
		func(e *env) (any, error) { return e.c.GetOutboundSkill(e.ctx, 4000001) })
	wantUnreadable(t, "GET", adminPath+"/skills/4000001/parameters", []string{`{"skillName":"Launch"}`},
		func(e *env) (any, error) { return e.c.GetSkillParameters(e.ctx, 4000001) })
	wantUnreadable(t, "GET", adminPath+"/skills/4000001/dispositions", []string{`{"skillId":4000001}`},
		func(e *env) (any, error) { return e.c.ListSkillDispositions(e.ctx, 4000001) })
}

func TestOutboundSkills_createFindsTheSkillThroughTheMocksLag(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	f := e.outboundFixture()
	e.s.LagSkillListForTest(2)
	s, err := e.c.CreateOutboundSkill(e.ctx, f.input("Launch"))
	if err != nil || s.SkillName != "Launch" {
		t.Fatalf("created %+v %v", s, err)
	}
	if got := e.count("GET " + adminKey + "/skills"); got != 3 {
		t.Errorf("%d look-ups by name, want 3 (two lagging lists, then the skill)", got)
	}
}

func TestOutboundSkills_createUsesAnAnsweredSkillID(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	f := e.outboundFixture()
	e.s.SetSkillIDInCreateAnswerForTest(true)
	s, err := e.c.CreateOutboundSkill(e.ctx, f.input("Launch"))
	if err != nil || s.SkillName != "Launch" {
		t.Fatalf("created %+v %v", s, err)
	}
	if lists, reads := e.count("GET "+adminKey+"/skills"), e.count("GET "+adminKey+"/skills/{skillId}"); lists != 0 || reads != 1 {
		t.Errorf("%d lists and %d reads, want the one read of the answered id", lists, reads)
	}
}

func TestSkillParameters_everySkillKeyedBySkillNo(t *testing.T) {
	e := cannedEnv(t, "GET", adminPath+"/skills/parameters",
		`{"skills":[{"skillName":"A","skillNo":4000001,"retrySettings":{"maximumAttempts":4}},`+
			`{"skillName":"B","skillNo":"4000002","timeZoneSettings":[]}]}`)
	all, err := e.c.ListSkillParameters(e.ctx)
	if err != nil || len(all) != 2 || all[4000001].SkillName != "A" || *all[4000001].RetrySettings.MaximumAttempts != 4 ||
		all[4000002].SkillName != "B" {
		t.Fatalf("parameters %+v %v", all, err)
	}
	wantUnreadable(t, "GET", adminPath+"/skills/parameters",
		[]string{`{"skillName":"A"}`, `{"skills":[{"skillName":"A"}]}`, `{"skills":[{"skillNo":"x"}]}`},
		func(e *env) (any, error) { return e.c.ListSkillParameters(e.ctx) })
}

func TestSkillParameters_conflictingTypes(t *testing.T) {
	e := cannedEnv(t, "GET", adminPath+"/skills/4000001/parameters",
		`{"skillName":"Launch","generalSettings":{"aggressiveness":"2.5","waitTimeFactor":true},`+
			`"timeZoneSettings":[{"name":"India Standard Time","description":"IST","startTime":"08:00"}]}`)
	p, err := e.c.GetSkillParameters(e.ctx, 4000001)
	if err != nil || *p.GeneralSettings.Aggressiveness != 2.5 || *p.GeneralSettings.WaitTimeFactor != 1 ||
		p.TimeZoneSettings[0].StandardName != "India Standard Time" || p.RetrySettings != nil {
		t.Fatalf("parameters %+v %v", p, err)
	}
	wantUnreadable(t, "GET", adminPath+"/skills/4000001/parameters",
		[]string{`{"generalSettings":{"aggressiveness":"high"}}`, `{"timeZoneSettings":[{"startTime":"08:00"}]}`},
		func(e *env) (any, error) { return e.c.GetSkillParameters(e.ctx, 4000001) })
}

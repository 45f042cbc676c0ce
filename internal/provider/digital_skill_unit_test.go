package provider

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func TestExpandFlattenDigitalSkill(t *testing.T) {
	m := digitalSkillModel{
		Name: types.StringValue("The Watering Hole"), Notes: types.StringValue("savanna"),
		InitialPriority: types.Int64Value(5), Acceleration: types.Int64Value(2), MaxPriority: types.Int64Value(900),
		ServiceLevelThreshold: types.Int64Value(45), ServiceLevelGoal: types.Int64Value(70),
	}
	got := expandDigitalSkill(m)
	want := cxone.SkillInput{SkillName: "The Watering Hole", Notes: "savanna", InitialPriority: 5, Acceleration: 2,
		MaxPriority: 900, ServiceLevelThreshold: 45, ServiceLevelGoal: 70}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("expandDigitalSkill = %+v, want %+v", got, want)
	}

	var out digitalSkillModel
	flattenDigitalSkill(&cxone.Skill{SkillID: 4000001, SkillName: "The Watering Hole", MediaTypeID: 9, Notes: "savanna",
		InitialPriority: 5, Acceleration: 2, MaxPriority: 900, ServiceLevelThreshold: 45, ServiceLevelGoal: 70,
		RoutingQueueID: "40000000001", IsActive: true}, &out)
	if out.ID.ValueString() != "4000001" || out.MediaTypeID.ValueInt64() != 9 || out.RoutingQueueID.ValueString() != "40000000001" {
		t.Errorf("flattenDigitalSkill computed values: %+v", out)
	}
	out.ID, out.MediaTypeID, out.RoutingQueueID = m.ID, m.MediaTypeID, m.RoutingQueueID
	if !reflect.DeepEqual(out, m) {
		t.Errorf("flatten(expand) round trip = %+v, want %+v", out, m)
	}

	var ds digitalSkillDataModel
	flattenDigitalSkillData(&cxone.Skill{SkillID: 7, SkillName: "x", IsActive: false, MediaTypeID: 9, ServiceLevelGoal: 80}, &ds)
	if ds.ID.ValueString() != "7" || ds.IsActive.ValueBool() || ds.ServiceLevelGoal.ValueInt64() != 80 || ds.RoutingQueueID.ValueString() != "" {
		t.Errorf("flattenDigitalSkillData = %+v", ds)
	}
}

func TestSyncBackoff(t *testing.T) {
	b := defaultSyncBackoff
	var pauses []time.Duration
	d := b.first
	for range 12 {
		pauses = append(pauses, d)
		d = b.next(d)
	}
	if pauses[0] != 250*time.Millisecond || pauses[1] != 375*time.Millisecond {
		t.Errorf("first pauses = %v, want 250ms then 375ms", pauses[:2])
	}
	if last := pauses[len(pauses)-1]; last != 10*time.Second {
		t.Errorf("pause after many polls = %v, want the 10s cap", last)
	}
}

// testSyncClient is a client of m that gives up quickly.
func testSyncClient(t *testing.T, m *mockcxone.Server) *cxone.Client {
	t.Helper()
	c, err := cxone.New(cxone.Config{TenantID: mockcxone.TenantID, AuthURL: m.URL, AccessKeyID: mockcxone.AccessKeyID,
		AccessKeySecret: mockcxone.AccessKeySecret, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// testSyncSkill runs the (sub)test in parallel and creates a skill in a mock of its own
// that syncs routing queues after syncDelay, through a testSyncClient.
func testSyncSkill(t *testing.T, syncDelay time.Duration, in cxone.SkillInput) (*cxone.Client, *cxone.Skill) {
	t.Helper()
	t.Parallel()
	c := testSyncClient(t, mockcxone.NewTestServer(t, mockcxone.Options{SyncDelay: syncDelay}))
	sk, err := c.CreateSkill(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return c, sk
}

func TestWaitForSkillSync(t *testing.T) {
	t.Parallel()
	fast := syncBackoff{first: 10 * time.Millisecond, factor: 1.5, max: 50 * time.Millisecond}
	ctx := context.Background()

	t.Run("synced", func(t *testing.T) {
		c, sk := testSyncSkill(t, 100*time.Millisecond, cxone.SkillInput{SkillName: "slow", Acceleration: 1, MaxPriority: 10})
		got, err := waitForSkillSync(ctx, c, sk.SkillID, 5*time.Second, fast)
		if err != nil {
			t.Fatalf("waitForSkillSync: %v", err)
		}
		if got.RoutingQueueID == "" {
			t.Fatal("returned a skill without routing queue")
		}
	})

	t.Run("never", func(t *testing.T) {
		c, sk := testSyncSkill(t, time.Hour, cxone.SkillInput{SkillName: "never", MaxPriority: 10})
		start := time.Now()
		_, err := waitForSkillSync(ctx, c, sk.SkillID, 200*time.Millisecond, fast)
		if !errors.Is(err, errSyncTimeout) {
			t.Fatalf("err = %v, want errSyncTimeout", err)
		}
		if el := time.Since(start); el > 2*time.Second {
			t.Errorf("gave up after %v, want about 200ms", el)
		}
		var diags diag.Diagnostics
		addSyncError(&diags, "never", sk.SkillID, 200*time.Millisecond, err)
		detail := diags[0].Detail()
		for _, want := range []string{`"never"`, "200ms", "timeouts {", "tainted"} {
			if !strings.Contains(detail, want) {
				t.Errorf("diagnostic detail lacks %q:\n%s", want, detail)
			}
		}
	})

	t.Run("cancelled", func(t *testing.T) {
		c, sk := testSyncSkill(t, time.Hour, cxone.SkillInput{SkillName: "cancelled", MaxPriority: 10})
		cctx, cancel := context.WithCancel(ctx)
		time.AfterFunc(50*time.Millisecond, cancel)
		_, err := waitForSkillSync(cctx, c, sk.SkillID, time.Minute, fast)
		if err == nil || errors.Is(err, errSyncTimeout) || !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want a cancellation that is not a timeout", err)
		}
	})

	t.Run("gone", func(t *testing.T) {
		t.Parallel()
		m := mockcxone.NewTestServer(t, mockcxone.Options{SyncDelay: time.Hour})
		c := testSyncClient(t, m)
		_, err := waitForSkillSync(ctx, c, 4000999, time.Minute, fast)
		if !cxone.IsNotFound(err) {
			t.Fatalf("err = %v, want not found", err)
		}
	})
}

func TestKeepSyncedQueueID(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		state types.String
		want  types.String
	}{
		{"synced", types.StringValue("40000000001"), types.StringValue("40000000001")},
		{"not synced", types.StringValue(""), types.StringUnknown()},
		{"create", types.StringNull(), types.StringUnknown()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := &planmodifier.StringResponse{PlanValue: types.StringUnknown()}
			keepSyncedQueueID{}.PlanModifyString(ctx, planmodifier.StringRequest{
				StateValue: tc.state, PlanValue: types.StringUnknown(), ConfigValue: types.StringNull(),
			}, resp)
			if !resp.PlanValue.Equal(tc.want) {
				t.Errorf("plan = %v, want %v", resp.PlanValue, tc.want)
			}
		})
	}
}

// notInboundDigital tells the skills cxone_digital_skill manages from the others.
func TestNotInboundDigital(t *testing.T) {
	for _, tc := range []struct {
		name  string
		skill cxone.Skill
		want  string
	}{
		{"inbound digital", cxone.Skill{MediaTypeID: cxone.MediaTypeDigital, MediaTypeName: "Digital"}, ""},
		{"outbound digital", cxone.Skill{MediaTypeID: cxone.MediaTypeDigital, MediaTypeName: "Digital", IsOutbound: true},
			"an outbound Digital skill (manage it with cxone_outbound_skill)"},
		{"outbound voice", cxone.Skill{MediaTypeID: 4, MediaTypeName: "Phone Call", IsOutbound: true},
			"an outbound Phone Call skill (manage it with cxone_outbound_skill)"},
		{"inbound voice", cxone.Skill{MediaTypeID: 4, MediaTypeName: "Phone Call"}, "a Phone Call skill (media type 4, not 9)"},
		{"unnamed media type", cxone.Skill{MediaTypeID: 7}, "a media type 7 skill (media type 7, not 9)"},
	} {
		if got := notInboundDigital(&tc.skill); got != tc.want {
			t.Errorf("%s: notInboundDigital = %q, want %q", tc.name, got, tc.want)
		}
	}
}

package mockcxone

import (
	"net/http"
	"testing"
	"time"
)

// The large tenant holds exactly the objects asked for, every reference points at
// an object that exists, it is built fast, and Reset builds it again.
func TestLargeTenant_counts(t *testing.T) {
	start := time.Now()
	s := New(Options{Large: LargeTenant})
	built := time.Since(start)
	if built > 3*time.Second {
		t.Errorf("building the large tenant took %v, want well under 3s", built)
	}
	t.Logf("large tenant (%d objects) built in %v", LargeTenant.Total(), built)

	check := func(st State) {
		t.Helper()
		digital, skills := 0, map[int64]bool{}
		agents := map[int64]bool{}
		for _, a := range st.Agents {
			agents[a.AgentID] = true
			if a.DigitalEngagementEnabled {
				digital++
			}
		}
		for _, sk := range st.Skills {
			skills[sk.SkillID] = true
			if !sk.IsActive || sk.MediaTypeID != MediaTypeDigital || sk.RoutingQueueID == "" {
				t.Fatalf("skill %+v is not an active, synced digital skill", sk)
			}
		}
		seedUsersN := len(seedUsers)
		for _, c := range []struct {
			what      string
			got, want int
		}{
			{"users", len(st.Agents), seedUsersN + LargeTenant.Users},
			{"users with digital engagement", digital, LargeTenant.Users},
			{"skills", len(st.Skills), LargeTenant.Skills},
			{"routing queues", len(st.RoutingQueues), LargeTenant.Skills},
			{"assignments", len(st.Assignments), LargeTenant.Assignments},
			{"integrations", len(st.Integrations), LargeTenant.Integrations},
			{"channels", len(st.Channels), LargeTenant.Channels},
			{"bindings", len(st.Bindings), LargeTenant.Bindings},
		} {
			if c.got != c.want {
				t.Errorf("%s: %d, want %d", c.what, c.got, c.want)
			}
		}
		for _, a := range st.Assignments {
			if !agents[a.AgentID] || !skills[a.SkillID] {
				t.Fatalf("assignment %+v refers to an unknown agent or skill", a)
			}
		}
	}
	check(s.State())
	s.Reset()
	check(s.State())
}

// The API serves the large tenant: the channel list pages through all of them.
func TestLargeTenant_servedByTheAPI(t *testing.T) {
	c := newClient(t, Options{Large: TenantSize{Users: 20, Skills: 3, Assignments: 40, Integrations: 2, Channels: 30, Bindings: 25}})
	chans := decode[[]Channel](t, c.dfo(http.MethodGet, "/channels?size=100", nil).want(t, http.StatusOK))
	if len(chans) != 30 {
		t.Errorf("GET /channels: %d channels, want 30", len(chans))
	}
	skills := c.admin(http.MethodGet, "/skills?mediaTypeId=9", nil).want(t, http.StatusOK)
	if len(skills.body) == 0 {
		t.Error("GET /skills answered nothing")
	}
}

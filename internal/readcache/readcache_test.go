package readcache

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/uuid"
	"golang.org/x/sync/errgroup"

	"github.com/cxone-oss/terraform-provider-cxone/internal/acctest"
	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// readCacheFixture is a mock holding one integration and n channels.
func readCacheFixture(t *testing.T, n int) (*mockcxone.Server, *cxone.Client, []string) {
	t.Helper()
	m := mockcxone.NewTestServer(t, mockcxone.Options{SyncDelay: -1})
	c := acctest.Client(t, m)
	ctx := context.Background()
	integ, err := c.CreateIntegration(ctx, cxone.IntegrationInput{
		Name: "Batch", IntegrationBoxURL: "https://mw.example/box", AuthorizationURL: "https://mw.example/token",
		ClientID: "batch", ClientSecret: "batch-secret",
	})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = uuid.NewString()
		_, err := c.UpsertChannel(ctx, cxone.Channel{
			ID: ids[i], IDOnExternalPlatform: fmt.Sprintf("ext-%d", i), ChannelIntegrationID: integ.ID,
			RealExternalPlatformID: "custom", Name: fmt.Sprintf("channel %d", i),
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return m, c, ids
}

func channelReads(m *mockcxone.Server) int {
	return m.Requests().ByRoute["GET /dfo/3.0/channels"]
}

// A refresh of many channels is served by a few list calls, each channel with its own data.
func TestReadCache_channelsBatched(t *testing.T) {
	m, c, ids := readCacheFixture(t, 150)
	before := channelReads(m)
	r := New(c)
	var g errgroup.Group
	for i, id := range ids {
		g.Go(func() error {
			ch, err := r.Channel(context.Background(), id)
			if err == nil && (ch.ID != id || ch.Name != fmt.Sprintf("channel %d", i)) {
				err = fmt.Errorf("read %s, got %+v", id, ch)
			}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	// The first read lists, in two pages of 100, and the list serves every read:
	// far fewer than one request per read.
	if got := channelReads(m) - before; got > 12 {
		t.Errorf("150 channel reads took %d requests, want at most 12", got)
	}
}

// A channel missing from the list is reported as not found, like a 404.
func TestReadCache_missingObjectInBatch(t *testing.T) {
	_, c, ids := readCacheFixture(t, 20)
	r := New(c)
	for _, id := range ids {
		if _, err := r.Channel(context.Background(), id); err != nil {
			t.Fatal(err)
		}
	}
	missing := uuid.NewString()
	_, err := r.Channel(context.Background(), missing)
	if !cxone.IsNotFound(err) {
		t.Fatalf("reading a channel CXone does not have: got %v, want not found", err)
	}
}

// A new operation (a new cache) sees changes made outside Terraform after the
// previous operation's snapshot: drift is detected. Within an operation, a write
// made through the provider is never hidden by the snapshot.
func TestReadCache_driftAndOwnWrites(t *testing.T) {
	_, c, ids := readCacheFixture(t, 20)
	ctx := context.Background()
	r := New(c)
	for _, id := range ids {
		if _, err := r.Channel(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	renamed, err := c.GetChannel(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	renamed.Name = "renamed outside"
	if _, err := c.UpsertChannel(ctx, *renamed); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteChannel(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}

	next := New(c)
	for _, id := range ids[2:] {
		if _, err := next.Channel(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if ch, err := next.Channel(ctx, ids[0]); err != nil || ch.Name != "renamed outside" {
		t.Errorf("next operation read %+v, %v; want the outside rename", ch, err)
	}
	if _, err := next.Channel(ctx, ids[1]); !cxone.IsNotFound(err) {
		t.Errorf("next operation read a channel deleted outside: %v", err)
	}

	// The provider's own write, forgotten by the snapshot, reads back fresh.
	renamed.Name = "renamed by the provider"
	if _, err := next.UpsertChannel(ctx, *renamed); err != nil {
		t.Fatal(err)
	}
	if ch, err := next.Channel(ctx, ids[0]); err != nil || ch.Name != "renamed by the provider" {
		t.Errorf("read after own write gave %+v, %v", ch, err)
	}
}

// Reads of one kind race with creates of the same kind without harm: every read of a
// channel that existed before gets it, and nothing deadlocks (run with -race).
func TestReadCache_concurrentCreatesAndReads(t *testing.T) {
	_, c, ids := readCacheFixture(t, 30)
	ctx := context.Background()
	integ, err := c.FindIntegrationByName(ctx, "Batch")
	if err != nil {
		t.Fatal(err)
	}
	r := New(c)
	var g errgroup.Group
	for i, id := range ids {
		g.Go(func() error {
			_, err := c.UpsertChannel(ctx, cxone.Channel{
				ID: uuid.NewString(), IDOnExternalPlatform: fmt.Sprintf("new-%d", i), ChannelIntegrationID: integ.ID,
				RealExternalPlatformID: "custom", Name: fmt.Sprintf("new %d", i),
			})
			return err
		})
		g.Go(func() error {
			ch, err := r.Channel(ctx, id)
			if err == nil && ch.ID != id {
				err = fmt.Errorf("read %s, got %s", id, ch.ID)
			}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
}

// Assignments are served per skill, by the skill's agent list.
func TestReadCache_assignmentsBySkill(t *testing.T) {
	m := mockcxone.NewTestServer(t, mockcxone.Options{SyncDelay: -1, ExtraUsers: 40})
	c := acctest.Client(t, m)
	ctx := context.Background()
	skill, err := c.CreateSkill(ctx, cxone.SkillInput{SkillName: "Batch", Acceleration: 1, MaxPriority: 1000, ServiceLevelThreshold: 30, ServiceLevelGoal: 80})
	if err != nil {
		t.Fatal(err)
	}
	agents, err := c.ListAgents(ctx, cxone.AgentListOptions{SearchString: "user00"})
	if err != nil || len(agents) < 40 {
		t.Fatalf("listing generated users: %d, %v", len(agents), err)
	}
	for i, a := range agents[:40] {
		if err := c.AssignSkills(ctx, a.AgentID, []cxone.SkillAssignmentInput{{SkillID: skill.SkillID, Proficiency: 1 + i%20, IsActive: true}}); err != nil {
			t.Fatal(err)
		}
	}
	before := m.Requests().Total
	r := New(c)
	for i, a := range agents[:40] {
		got, err := r.SkillAssignment(ctx, a.AgentID, skill.SkillID)
		// The skill's agent list has no skill name: it comes from the skills list.
		if err != nil || got.Proficiency != 1+i%20 || got.SkillName != "Batch" {
			t.Fatalf("assignment of agent %d: %+v, %v", a.AgentID, got, err)
		}
	}
	if _, err := r.SkillAssignment(ctx, 999999, skill.SkillID); !cxone.IsNotFound(err) {
		t.Errorf("an agent without the skill: got %v, want not found", err)
	}
	if got := m.Requests().Total - before; got > 12 {
		t.Errorf("40 assignment reads took %d requests, want at most 12", got)
	}
}

// An object absent from the operation's list, yet present in CXone (created after
// the list was taken, or skipped by a list paged while others changed), is read by
// itself rather than reported as deleted: a resource read as missing would be
// planned for creation and, for a channel, created twice.
func TestReadCache_absentFromListIsConfirmed(t *testing.T) {
	_, c, ids := readCacheFixture(t, 5)
	ctx := context.Background()
	r := New(c)
	if _, err := r.Channel(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	integ, err := c.FindIntegrationByName(ctx, "Batch")
	if err != nil {
		t.Fatal(err)
	}
	late := uuid.NewString()
	if _, err := c.UpsertChannel(ctx, cxone.Channel{ID: late, IDOnExternalPlatform: "late", ChannelIntegrationID: integ.ID,
		RealExternalPlatformID: "custom", Name: "late"}); err != nil {
		t.Fatal(err)
	}
	ch, err := r.Channel(ctx, late)
	if err != nil || ch.Name != "late" {
		t.Fatalf("a channel missing from the list but present in CXone read as %+v, %v", ch, err)
	}
}

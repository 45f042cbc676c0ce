package readcache

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/sync/errgroup"

	"github.com/cxone-oss/terraform-provider-cxone/internal/acctest"
	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// tenantOf is a mock holding users generated users besides its own, and all of
// them as a plain client lists them.
func tenantOf(t *testing.T, users int) (*mockcxone.Server, *cxone.Client, []cxone.Agent) {
	t.Helper()
	m := mockcxone.NewTestServer(t, mockcxone.Options{SyncDelay: -1, ExtraUsers: users})
	c := acctest.Client(t, m)
	all, err := c.ListAgents(context.Background(), cxone.AgentListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return m, c, all
}

// findUser looks a user up by user name as the cxone_user data source does.
func findUser(ctx context.Context, r *Client, name string) (*cxone.Agent, error) {
	match := func(a cxone.Agent) bool { return strings.EqualFold(a.UserName, name) }
	found, err := r.FindAgents(ctx, name, match)
	if err != nil {
		return nil, err
	}
	for i := range found {
		if match(found[i]) {
			return &found[i], nil
		}
	}
	return nil, &cxone.NotFoundError{Kind: "user named", ID: name}
}

// A small configuration in a large tenant costs at most one request per object,
// never the tenant's 21 pages of users. A user looked up by name is not read again
// by id.
func TestBudget_smallConfigurationInLargeTenant(t *testing.T) {
	m, c, all := tenantOf(t, 2000)
	team := all[len(all)-3:]
	ctx := context.Background()
	before := m.Requests().Total
	r := New(c)
	for _, u := range team[:2] {
		got, err := findUser(ctx, r, strings.ToUpper(u.UserName))
		if err != nil || got.AgentID != u.AgentID {
			t.Fatalf("look-up of %q: %+v, %v", u.UserName, got, err)
		}
	}
	for _, u := range team {
		got, err := r.Agent(ctx, u.AgentID)
		if err != nil || got.UserName != u.UserName {
			t.Fatalf("read of %d: %+v, %v", u.AgentID, got, err)
		}
	}
	// Two searches and one read by id: the users found by the searches are not read
	// again, and five requests are too few to ask what a list would cost.
	if got := m.Requests().Total - before; got > 3 {
		t.Errorf("3 reads and 2 look-ups in a tenant of %d users took %d requests, want at most 3", len(all), got)
	}
}

// A large configuration lists each kind at most about twice: at most N/20 + 10
// requests for N reads and look-ups, however they are interleaved and run in parallel.
func TestBudget_largeConfiguration(t *testing.T) {
	m, c, all := tenantOf(t, 1000)
	ctx := context.Background()
	before := m.Requests().Total
	r := New(c)
	var g errgroup.Group
	g.SetLimit(10) // Terraform's default parallelism
	n := 0
	for i, u := range all[:900] {
		n++
		g.Go(func() error {
			var got *cxone.Agent
			var err error
			if i%3 == 0 {
				got, err = findUser(ctx, r, u.UserName)
			} else {
				got, err = r.Agent(ctx, u.AgentID)
			}
			if err == nil && got.AgentID != u.AgentID {
				t.Errorf("%q: got agent %d, want %d", u.UserName, got.AgentID, u.AgentID)
			}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	got := m.Requests().Total - before
	budget := n/20 + 10
	if got > budget {
		t.Errorf("%d reads and look-ups in a tenant of %d users took %d requests, want at most N/20+10 = %d", n, len(all), got, budget)
	}
	t.Logf("%d reads and look-ups, tenant of %d users: %d requests", n, len(all), got)
}

// A look-up after the provider's own write in the same operation sees the write,
// whether or not the kind's list has been taken: a new skill, a renamed one, a new
// user and a new integration are found by their new names, and a renamed skill is
// not found by its old one.
func TestBudget_lookUpAfterOwnWrite(t *testing.T) {
	_, c, all := tenantOf(t, 0)
	ctx := context.Background()
	r := New(c)

	findSkill := func(name string) (*cxone.Skill, error) {
		found, err := r.FindSkills(ctx, name, func(s cxone.Skill) bool { return s.SkillName == name })
		if err != nil {
			return nil, err
		}
		for i := range found {
			if found[i].SkillName == name {
				return &found[i], nil
			}
		}
		return nil, &cxone.NotFoundError{Kind: "skill named", ID: name}
	}
	// The look-up takes the (small) list of skills: no skill of that name yet.
	if s, err := findSkill("Tigers"); !cxone.IsNotFound(err) {
		t.Fatalf("before the create: %+v, %v", s, err)
	}
	created, err := r.CreateSkill(ctx, cxone.SkillInput{SkillName: "Tigers", InitialPriority: 1, MaxPriority: 10, ServiceLevelThreshold: 30, ServiceLevelGoal: 80})
	if err != nil {
		t.Fatal(err)
	}
	if s, err := findSkill("Tigers"); err != nil || s.SkillID != created.SkillID {
		t.Fatalf("after the create: %+v, %v", s, err)
	}
	if _, err := r.UpdateSkill(ctx, created.SkillID, cxone.SkillInput{SkillName: "Lions", InitialPriority: 1, MaxPriority: 10, ServiceLevelThreshold: 30, ServiceLevelGoal: 80}); err != nil {
		t.Fatal(err)
	}
	if s, err := findSkill("Lions"); err != nil || s.SkillID != created.SkillID {
		t.Errorf("after the rename: %+v, %v", s, err)
	}
	if s, err := findSkill("Tigers"); !cxone.IsNotFound(err) {
		t.Errorf("the old name after the rename: %+v, %v", s, err)
	}

	// Users: the list has been taken by a read before the create.
	if _, err := r.Agent(ctx, all[0].AgentID); err != nil {
		t.Fatal(err)
	}
	if a, err := findUser(ctx, r, "tabaqui.new"); !cxone.IsNotFound(err) {
		t.Fatalf("before the create: %+v, %v", a, err)
	}
	a, err := r.CreateAgent(ctx, cxone.AgentInput{
		UserName: "tabaqui.new", FirstName: "Tabaqui", LastName: "New", EmailAddress: "tabaqui.new@jungle.example",
		TeamID: all[0].TeamID, ProfileID: all[0].ProfileID, TimeZone: "Asia/Kolkata", Country: "IN", State: "Madhya Pradesh", City: "Seoni",
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := findUser(ctx, r, "Tabaqui.New"); err != nil || got.AgentID != a.AgentID {
		t.Errorf("after the create: %+v, %v", got, err)
	}

	// Integrations, which have no search: the look-up takes the list.
	findIntegration := func(name string) ([]cxone.Integration, error) {
		return r.FindIntegrations(ctx, func(in cxone.Integration) bool { return in.Name == name })
	}
	if found, err := findIntegration("Jungle"); err != nil || len(found) != 0 {
		t.Fatalf("before the create: %+v, %v", found, err)
	}
	in, err := r.CreateIntegration(ctx, cxone.IntegrationInput{
		Name: "Jungle", IntegrationBoxURL: "https://mw.example/box", AuthorizationURL: "https://mw.example/token",
		ClientID: "jungle", ClientSecret: "jungle-secret",
	})
	if err != nil {
		t.Fatal(err)
	}
	if found, err := findIntegration("Jungle"); err != nil || len(found) != 1 || found[0].ID != in.ID {
		t.Errorf("after the create: %+v, %v", found, err)
	}
}

// After the provider's own assignment, the assignment is what was sent, with the
// name of the skill as the skill's own write answered it: no read-back.
func TestWrittenAssignment(t *testing.T) {
	m, c, all := tenantOf(t, 0)
	ctx := context.Background()
	r := New(c)
	sk, err := r.CreateSkill(ctx, cxone.SkillInput{SkillName: "Bandar-log", InitialPriority: 1, MaxPriority: 10, ServiceLevelThreshold: 30, ServiceLevelGoal: 80})
	if err != nil {
		t.Fatal(err)
	}
	in := cxone.SkillAssignmentInput{SkillID: sk.SkillID, Proficiency: 7, IsActive: true}
	if err := r.AssignSkills(ctx, all[0].AgentID, []cxone.SkillAssignmentInput{in}); err != nil {
		t.Fatal(err)
	}
	before := m.Requests().Total
	got, err := r.WrittenAssignment(ctx, all[0].AgentID, in)
	if err != nil {
		t.Fatal(err)
	}
	if n := m.Requests().Total - before; n != 0 {
		t.Errorf("WrittenAssignment made %d requests, want 0", n)
	}
	stored, err := c.GetSkillAssignment(ctx, all[0].AgentID, sk.SkillID)
	if err != nil {
		t.Fatal(err)
	}
	if got.SkillName != stored.SkillName || got.Proficiency != stored.Proficiency || got.IsActive != stored.IsActive {
		t.Errorf("written %+v, CXone holds %+v", got, stored)
	}

	// A rename through the provider gives the new name.
	in2 := cxone.SkillInput{SkillName: "Bandar-log 2", InitialPriority: 1, MaxPriority: 10, ServiceLevelThreshold: 30, ServiceLevelGoal: 80}
	if _, err := r.UpdateSkill(ctx, sk.SkillID, in2); err != nil {
		t.Fatal(err)
	}
	if got, err := r.WrittenAssignment(ctx, all[0].AgentID, in); err != nil || got.SkillName != "Bandar-log 2" {
		t.Errorf("after the rename: %+v, %v", got, err)
	}
}

// Routing queues join the budget: reads by ID and look-ups by name of 120 queues,
// in parallel, cost the kind's list, not a request each. A deleted queue is read by
// its ID but never found by its name, and after the provider renames a skill, its
// queue is read and found under the new name in the same operation.
func TestBudget_routingQueues(t *testing.T) {
	m, c, _ := tenantOf(t, 0)
	ctx := context.Background()
	var skills []*cxone.Skill
	for i := range 120 {
		sk, err := c.CreateSkill(ctx, cxone.SkillInput{SkillName: fmt.Sprintf("Queue %03d", i), InitialPriority: 1,
			MaxPriority: 10, ServiceLevelThreshold: 30, ServiceLevelGoal: 80})
		if err != nil {
			t.Fatal(err)
		}
		if sk, err = c.GetSkill(ctx, sk.SkillID); err != nil || sk.RoutingQueueID == "" {
			t.Fatalf("skill %d has no routing queue: %+v, %v", i, sk, err)
		}
		skills = append(skills, sk)
	}
	gone := skills[0]
	if _, err := c.UpdateSkill(ctx, gone.SkillID, cxone.SkillInput{SkillName: gone.SkillName, InitialPriority: 1,
		MaxPriority: 10, ServiceLevelThreshold: 30, ServiceLevelGoal: 80, IsActive: new(false)}); err != nil {
		t.Fatal(err)
	}
	named := func(name string) func(cxone.RoutingQueue) bool {
		return func(q cxone.RoutingQueue) bool { return q.Name == name && !q.IsDeleted }
	}
	findQueue := func(r *Client, name string) ([]cxone.RoutingQueue, error) {
		found, err := r.FindRoutingQueues(ctx, name, named(name))
		return filter(indexBy(found, routingQueueID), named(name)), err
	}

	before := m.Requests().Total
	r := New(c)
	var g errgroup.Group
	g.SetLimit(10)
	for _, sk := range skills[1:] {
		g.Go(func() error {
			q, err := r.RoutingQueue(ctx, sk.RoutingQueueID)
			if err == nil && q.Name != sk.SkillName {
				err = fmt.Errorf("queue %s read as %+v, want %q", sk.RoutingQueueID, q, sk.SkillName)
			}
			return err
		})
		g.Go(func() error {
			found, err := findQueue(r, sk.SkillName)
			if err == nil && (len(found) != 1 || found[0].ID != sk.RoutingQueueID) {
				err = fmt.Errorf("look-up of %q found %+v, want queue %s", sk.SkillName, found, sk.RoutingQueueID)
			}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	n := 2 * (len(skills) - 1)
	if got, budget := m.Requests().Total-before, n/20+10; got > budget {
		t.Errorf("%d queue reads and look-ups took %d requests, want at most N/20+10 = %d", n, got, budget)
	}
	if q, err := r.RoutingQueue(ctx, gone.RoutingQueueID); err != nil || !q.IsDeleted {
		t.Errorf("the deleted queue by its ID: %+v, %v", q, err)
	}
	if found, err := findQueue(r, gone.SkillName); err != nil || len(found) != 0 {
		t.Errorf("the deleted queue was found by its name: %+v, %v", found, err)
	}

	renamed := skills[1]
	if _, err := r.UpdateSkill(ctx, renamed.SkillID, cxone.SkillInput{SkillName: "Renamed", InitialPriority: 1,
		MaxPriority: 10, ServiceLevelThreshold: 30, ServiceLevelGoal: 80}); err != nil {
		t.Fatal(err)
	}
	if q, err := r.RoutingQueue(ctx, renamed.RoutingQueueID); err != nil || q.Name != "Renamed" {
		t.Errorf("the queue of a skill renamed by the provider, by its ID: %+v, %v", q, err)
	}
	if found, err := findQueue(r, "Renamed"); err != nil || len(found) != 1 || found[0].ID != renamed.RoutingQueueID {
		t.Errorf("the queue of a skill renamed by the provider, by its new name: %+v, %v", found, err)
	}
	if found, err := findQueue(r, renamed.SkillName); err != nil || len(found) != 0 {
		t.Errorf("the queue of a skill renamed by the provider, by its old name: %+v, %v", found, err)
	}
}

// An outbound set-up of many objects costs one list per kind, not one request per
// object: templates, campaigns, dispositions (with their classifications' names, as
// CXone's read by ID gives them), DNC groups and a group's skill links, read in parallel.
func TestBudget_outboundKindsListedOnce(t *testing.T) {
	m := mockcxone.NewTestServer(t, mockcxone.Options{SyncDelay: -1})
	c := acctest.Client(t, m)
	ctx := context.Background()
	const n = 12
	var templates, campaigns, dispositions, groups []int64
	byID := map[int64]cxone.Disposition{}
	for i := range n {
		tmpl, err := c.CreateMessageTemplate(ctx, cxone.MessageTemplateInput{TemplateName: fmt.Sprintf("T%d", i), TemplateTypeID: 2, Subject: "s", Body: "b"})
		if err != nil {
			t.Fatal(err)
		}
		camp, err := c.CreateCampaign(ctx, cxone.CampaignInput{Name: fmt.Sprintf("C%d", i)})
		if err != nil {
			t.Fatal(err)
		}
		disp, err := c.CreateDisposition(ctx, cxone.DispositionInput{DispositionName: fmt.Sprintf("D%d", i), ClassificationID: 1})
		if err != nil {
			t.Fatal(err)
		}
		group, err := c.CreateDNCGroup(ctx, cxone.DNCGroupInput{DNCGroupName: fmt.Sprintf("G%d", i)})
		if err != nil {
			t.Fatal(err)
		}
		templates, campaigns, groups = append(templates, tmpl.TemplateID), append(campaigns, camp.ID), append(groups, group.DNCGroupID)
		dispositions = append(dispositions, disp.DispositionID)
		read, err := c.GetDisposition(ctx, disp.DispositionID)
		if err != nil {
			t.Fatal(err)
		}
		byID[disp.DispositionID] = *read
	}
	skill, err := c.CreateSkill(ctx, cxone.SkillInput{SkillName: "Outbound budget", Acceleration: 1, MaxPriority: 1000, ServiceLevelThreshold: 30, ServiceLevelGoal: 80})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddDNCGroupSkill(ctx, groups[0], skill.SkillID, cxone.DNCScrubbed); err != nil {
		t.Fatal(err)
	}

	before := m.Requests().Total
	r := New(c)
	var g errgroup.Group
	for i := range n {
		g.Go(func() error { _, err := r.MessageTemplate(ctx, templates[i]); return err })
		g.Go(func() error { _, err := r.Campaign(ctx, campaigns[i]); return err })
		g.Go(func() error {
			d, err := r.Disposition(ctx, dispositions[i])
			if err == nil && *d != byID[d.DispositionID] {
				err = fmt.Errorf("disposition from the list %+v, by ID %+v", *d, byID[d.DispositionID])
			}
			return err
		})
		g.Go(func() error { _, err := r.DNCGroup(ctx, groups[i]); return err })
		g.Go(func() error { _, err := r.DNCGroupSkill(ctx, groups[0], skill.SkillID, cxone.DNCScrubbed); return err })
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	// One list of each of the five kinds, one of classifications.
	if got := m.Requests().Total - before; got > 6 {
		t.Errorf("reading %d objects of each outbound kind took %d requests, want at most 6 (one list per kind): %v",
			n, got, m.Requests().ByRoute)
	}
}

// A refresh of N outbound skills, as cxone_outbound_skill reads each (the skill, its
// dispositions, its parameter groups), costs 3N requests read one by one and N + 2 through
// the cache: one list of skills (a page), one read of every skill's parameters, and each
// skill's dispositions, which CXone lists only per skill. A skill absent from the list is
// asked by ID before it counts as gone.
func TestBudget_outboundSkillRefresh(t *testing.T) {
	m := mockcxone.NewTestServer(t, mockcxone.Options{SyncDelay: -1})
	c := acctest.Client(t, m)
	ctx := context.Background()
	camp, err := c.CreateCampaign(ctx, cxone.CampaignInput{Name: "Budget"})
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := c.CreateMessageTemplate(ctx, cxone.MessageTemplateInput{TemplateName: "Budget", TemplateTypeID: 2, Subject: "s", Body: "b"})
	if err != nil {
		t.Fatal(err)
	}
	const n = 12
	var skills []int64
	for i := range n {
		s, err := c.CreateOutboundSkill(ctx, cxone.OutboundSkillInput{SkillName: fmt.Sprintf("Budget-%d", i),
			CampaignID: camp.ID, MessageTemplateID: tmpl.TemplateID, Notes: "n"})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.UpdateSkillRetrySettings(ctx, s.SkillID, cxone.RetrySettings{MaximumAttempts: new(i + 1)}); err != nil {
			t.Fatal(err)
		}
		skills = append(skills, s.SkillID)
	}
	type read struct {
		skill  cxone.OutboundSkill
		params cxone.SkillParameters
	}
	// refresh reads every skill as the resource does, in parallel as Terraform does.
	refresh := func(skill func(context.Context, int64) (*cxone.OutboundSkill, error),
		params func(context.Context, int64) (*cxone.SkillParameters, error)) (map[int64]read, int) {
		before := m.Requests().Total
		var g errgroup.Group
		g.SetLimit(10)
		out := make([]read, n)
		for i, id := range skills {
			g.Go(func() error {
				s, err := skill(ctx, id)
				if err != nil {
					return err
				}
				if _, err := c.ListSkillDispositions(ctx, id); err != nil {
					return err
				}
				p, err := params(ctx, id)
				if err != nil {
					return err
				}
				out[i] = read{*s, *p}
				return nil
			})
		}
		if err := g.Wait(); err != nil {
			t.Fatal(err)
		}
		got := map[int64]read{}
		for i, id := range skills {
			got[id] = out[i]
		}
		return got, m.Requests().Total - before
	}
	direct, costBefore := refresh(c.GetOutboundSkill, c.GetSkillParameters)
	r := New(c)
	cached, costAfter := refresh(r.OutboundSkill, r.SkillParameters)
	t.Logf("a refresh of %d outbound skills: %d requests one by one, %d through the cache", n, costBefore, costAfter)
	if costBefore != 3*n || costAfter > n+2 {
		t.Errorf("a refresh of %d outbound skills took %d requests one by one (want %d) and %d through the cache (want at most %d)",
			n, costBefore, 3*n, costAfter, n+2)
	}
	if !reflect.DeepEqual(direct, cached) {
		t.Errorf("the cache read the skills otherwise than CXone by ID:\n%+v\n%+v", cached, direct)
	}
	// A skill absent from the list and from the parameters is asked of CXone by ID.
	before := m.Requests().ByRoute
	if _, err := r.OutboundSkill(ctx, 4999999); !cxone.IsNotFound(err) {
		t.Errorf("an absent skill: %v", err)
	}
	if _, err := r.SkillParameters(ctx, 4999999); !cxone.IsNotFound(err) {
		t.Errorf("the parameters of an absent skill: %v", err)
	}
	after := m.Requests().ByRoute
	for _, route := range []string{"GET /inContactAPI/services/{version}/skills/{skillId}", "GET /inContactAPI/services/{version}/skills/{skillId}/parameters"} {
		if after[route] != before[route]+1 {
			t.Errorf("%s: %d requests, want one more than %d", route, after[route], before[route])
		}
	}
}

// A plan that reads digital skills and outbound skills takes the first page of GET
// /skills once: the two views of skills send the same request (no filters), so the
// first to need the page reads it for both. Each view still reads its skills as CXone's
// read by ID does.
func TestBudget_skillsFirstPageServesBothViews(t *testing.T) {
	m := mockcxone.NewTestServer(t, mockcxone.Options{SyncDelay: -1})
	c := acctest.Client(t, m)
	f := newWriteFixture(t, c)
	ctx := context.Background()
	wantSkill, err := c.GetSkill(ctx, f.skillID)
	if err != nil {
		t.Fatal(err)
	}
	wantOutbound, err := c.GetOutboundSkill(ctx, f.outSkillID)
	if err != nil {
		t.Fatal(err)
	}
	const list = "GET /inContactAPI/services/{version}/skills"
	before := m.Requests().ByRoute[list]
	r := New(c)
	var g errgroup.Group
	g.Go(func() error {
		s, err := r.Skill(ctx, f.skillID)
		if err == nil && !reflect.DeepEqual(*s, *wantSkill) {
			err = fmt.Errorf("the digital skill from the page %+v, by ID %+v", *s, *wantSkill)
		}
		return err
	})
	g.Go(func() error {
		s, err := r.OutboundSkill(ctx, f.outSkillID)
		if err == nil && !reflect.DeepEqual(*s, *wantOutbound) {
			err = fmt.Errorf("the outbound skill from the page %+v, by ID %+v", *s, *wantOutbound)
		}
		return err
	})
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	if got := m.Requests().ByRoute[list] - before; got != 1 {
		t.Errorf("reading a digital and an outbound skill listed skills %d times, want once: %v", got, m.Requests().ByRoute)
	}
}

package cxone

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"net/url"
	"strconv"
)

// The lists CXone answers, each once as a listing (pagination.go), which the kind's
// List method collects, its List*Pages method streams and, for the kinds the read
// cache budgets, its List*FirstPage method begins (first_page.go).
//
// Page iterators yield a list one page at a time, as CXone answers it, so that a
// caller streaming results (terraform query) holds one page, not the tenant. Each
// stops at the first error, which it yields with a nil page.

func agentsListing(q url.Values) listing[Agent] {
	return adminListing[Agent]("/agents", q, "agents")
}

func skillsListing(q url.Values) listing[Skill] {
	return adminListing[Skill]("/skills", q, "skills")
}

func teamsListing(q url.Values) listing[Team] {
	return adminListing[Team]("/teams", q, "teams")
}

func securityProfilesListing() listing[SecurityProfile] {
	return adminListing[SecurityProfile]("/security-profiles", nil, "securityProfiles")
}

// skillAgentsListing is GET /skills/{id}/agents, whose objects leave out the skill.
func skillAgentsListing(skillID int64) listing[SkillAssignment] {
	return assignmentsListing(idPath("/skills", skillID)+"/agents", func(a *SkillAssignment) { a.SkillID = cmp.Or(a.SkillID, skillID) })
}

// agentSkillsListing is GET /agents/{id}/skills, whose objects leave out the agent.
func agentSkillsListing(agentID int64) listing[SkillAssignment] {
	return assignmentsListing(idPath("/agents", agentID)+"/skills", func(a *SkillAssignment) { a.AgentID = cmp.Or(a.AgentID, agentID) })
}

// assignmentsListing is a list of the skill assignments of one agent or one skill, at path;
// fill sets on each the id its answer leaves out.
func assignmentsListing(path string, fill func(*SkillAssignment)) listing[SkillAssignment] {
	l := adminListing[SkillAssignment](path, nil, "agentSkillAssignments")
	l.fill = fill
	return l
}

func integrationsListing() listing[Integration] {
	return dfoListing[Integration]("/channel-integrations", nil, 0)
}

// channelsListing is GET /channels, filtered by the id[] of q when it has any.
func channelsListing(q url.Values) listing[Channel] {
	return dfoListing[Channel]("/channels", q, len(q["id[]"]))
}

func routingQueuesListing(opts RoutingQueueListOptions) listing[RoutingQueue] {
	q := url.Values{}
	for _, id := range opts.IDs {
		q.Add("id[]", id)
	}
	if opts.NameContains != "" {
		q.Set("nameContains", opts.NameContains)
	}
	if opts.WithDeleted {
		q.Set("withDeleted", strconv.FormatBool(true))
	}
	return dfoListing[RoutingQueue]("/routing-queues", q, len(opts.IDs))
}

// queueBindingsListing is GET /routing-queues/{id}/channels, whose objects may leave out
// the queue.
func queueBindingsListing(queueID string) listing[Binding] {
	l := dfoListing[Binding](bindingPath(queueID, ""), nil, 0)
	l.fill = func(b *Binding) {
		if b.RoutingQueueID == "" {
			b.RoutingQueueID = queueID
		}
	}
	return l
}

// wrapPages prefixes the errors of it with what was being listed.
func wrapPages[T any](it iter.Seq2[[]T, error], format string, args ...any) iter.Seq2[[]T, error] {
	return func(yield func([]T, error) bool) {
		for page, err := range it {
			if err != nil {
				yield(nil, fmt.Errorf(format+": %w", append(args, err)...))
				return
			}
			if !yield(page, nil) {
				return
			}
		}
	}
}

// ListAgentPages yields the agents matching opts, a page at a time.
func (c *Client) ListAgentPages(ctx context.Context, opts AgentListOptions) iter.Seq2[[]Agent, error] {
	return wrapPages(agentsListing(adminFilters(opts.SearchString, opts.IsActive)).pages(ctx, c), "listing agents")
}

// ListSkillPages yields the skills matching opts, a page at a time.
func (c *Client) ListSkillPages(ctx context.Context, opts SkillListOptions) iter.Seq2[[]Skill, error] {
	return wrapPages(skillsListing(opts.query()).pages(ctx, c), "listing skills")
}

// ListSkillAgentPages yields the assignments of a skill, a page at a time.
func (c *Client) ListSkillAgentPages(ctx context.Context, skillID int64) iter.Seq2[[]SkillAssignment, error] {
	return wrapPages(skillAgentsListing(skillID).pages(ctx, c), "listing the agents of skill %d", skillID)
}

// ListAgentSkillPages yields the skill assignments of an agent, a page at a time.
func (c *Client) ListAgentSkillPages(ctx context.Context, agentID int64) iter.Seq2[[]SkillAssignment, error] {
	return wrapPages(agentSkillsListing(agentID).pages(ctx, c), "listing the skills of agent %d", agentID)
}

// ListIntegrationPages yields every integration, a page at a time.
func (c *Client) ListIntegrationPages(ctx context.Context) iter.Seq2[[]Integration, error] {
	return wrapPages(integrationsListing().pages(ctx, c), "listing integrations")
}

// ListChannelPages yields every channel of the tenant, a page at a time.
func (c *Client) ListChannelPages(ctx context.Context) iter.Seq2[[]Channel, error] {
	return wrapPages(channelsListing(nil).pages(ctx, c), "listing channels")
}

// ListRoutingQueuePages yields the routing queues (not deleted ones), a page at a time.
func (c *Client) ListRoutingQueuePages(ctx context.Context) iter.Seq2[[]RoutingQueue, error] {
	return wrapPages(routingQueuesListing(RoutingQueueListOptions{}).pages(ctx, c), "listing routing queues")
}

// ListBindingPages yields every routing-queue binding of the tenant, a page at a
// time (project-defined: GET /routing-queue-channels). A tenant whose API does not
// serve that path answers with a *ConfigError of kind ConfigUnservedPath; callers
// then list queue by queue (ListQueueBindingPages).
func (c *Client) ListBindingPages(ctx context.Context) iter.Seq2[[]Binding, error] {
	return wrapPages(dfoListing[Binding]("/routing-queue-channels", nil, 0).pages(ctx, c), "listing routing-queue bindings")
}

// ListQueueBindingPages yields the bindings of a routing queue, a page at a time.
func (c *Client) ListQueueBindingPages(ctx context.Context, queueID string) iter.Seq2[[]Binding, error] {
	return wrapPages(queueBindingsListing(queueID).pages(ctx, c), "listing the channels of routing queue %q", queueID)
}

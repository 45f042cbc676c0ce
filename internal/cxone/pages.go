package cxone

import (
	"context"
	"fmt"
	"iter"
	"strconv"
)

// Page iterators yield a list one page at a time, as CXone answers it, so that a
// caller streaming results (terraform query) holds one page, not the tenant. Each
// stops at the first error, which it yields with a nil page.

// pages is collectPages as an iterator.
func pages[T any](ctx context.Context, what string, fetch pageFetcher[T]) iter.Seq2[[]T, error] {
	return func(yield func([]T, error) bool) {
		before := 0
		for n := 0; n < maxPages; n++ {
			items, more, err := fetch(ctx, n, before)
			if err != nil {
				yield(nil, err)
				return
			}
			before += len(items)
			if len(items) > 0 && !yield(items, nil) {
				return
			}
			if !more || len(items) == 0 {
				return
			}
		}
		yield(nil, fmt.Errorf("listing %s: CXone still announced more after %d pages", what, maxPages))
	}
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
	q := adminFilters(opts.SearchString, opts.IsActive)
	return wrapPages(pages(ctx, "agents", adminFetcher[Agent](c, "/agents", q, "agents")), "listing agents")
}

// ListSkillPages yields the skills matching opts, a page at a time.
func (c *Client) ListSkillPages(ctx context.Context, opts SkillListOptions) iter.Seq2[[]Skill, error] {
	q := adminFilters(opts.SearchString, opts.IsActive)
	if opts.MediaTypeID != 0 {
		q.Set("mediaTypeId", strconv.Itoa(opts.MediaTypeID))
	}
	return wrapPages(pages(ctx, "skills", adminFetcher[Skill](c, "/skills", q, "skills")), "listing skills")
}

// ListSkillAgentPages yields the assignments of a skill, a page at a time.
func (c *Client) ListSkillAgentPages(ctx context.Context, skillID int64) iter.Seq2[[]SkillAssignment, error] {
	path := "/skills/" + strconv.FormatInt(skillID, 10) + "/agents"
	it := pages(ctx, path, adminFetcher[SkillAssignment](c, path, nil, "agentSkillAssignments"))
	return func(yield func([]SkillAssignment, error) bool) {
		for page, err := range wrapPages(it, "listing the agents of skill %d", skillID) {
			for i := range page {
				if page[i].SkillID == 0 {
					page[i].SkillID = skillID
				}
			}
			if !yield(page, err) || err != nil {
				return
			}
		}
	}
}

// ListAgentSkillPages yields the skill assignments of an agent, a page at a time.
func (c *Client) ListAgentSkillPages(ctx context.Context, agentID int64) iter.Seq2[[]SkillAssignment, error] {
	path := "/agents/" + strconv.FormatInt(agentID, 10) + "/skills"
	it := pages(ctx, path, adminFetcher[SkillAssignment](c, path, nil, "agentSkillAssignments"))
	return func(yield func([]SkillAssignment, error) bool) {
		for page, err := range wrapPages(it, "listing the skills of agent %d", agentID) {
			for i := range page {
				if page[i].AgentID == 0 {
					page[i].AgentID = agentID
				}
			}
			if !yield(page, err) || err != nil {
				return
			}
		}
	}
}

// ListIntegrationPages yields every integration, a page at a time.
func (c *Client) ListIntegrationPages(ctx context.Context) iter.Seq2[[]Integration, error] {
	const path = "/channel-integrations"
	return wrapPages(pages(ctx, path, dfoFetcher[Integration](c, path, nil, 0)), "listing integrations")
}

// ListChannelPages yields every channel of the tenant, a page at a time.
func (c *Client) ListChannelPages(ctx context.Context) iter.Seq2[[]Channel, error] {
	const path = "/channels"
	return wrapPages(pages(ctx, path, dfoFetcher[Channel](c, path, nil, 0)), "listing channels")
}

// ListRoutingQueuePages yields the routing queues (not deleted ones), a page at a time.
func (c *Client) ListRoutingQueuePages(ctx context.Context) iter.Seq2[[]RoutingQueue, error] {
	const path = "/routing-queues"
	return wrapPages(pages(ctx, path, dfoFetcher[RoutingQueue](c, path, nil, 0)), "listing routing queues")
}

// ListBindingPages yields every routing-queue binding of the tenant, a page at a
// time (project-defined: GET /routing-queue-channels). A tenant whose API does not
// serve that path answers with a *ConfigError of kind ConfigUnservedPath; callers
// then list queue by queue (ListQueueBindingPages).
func (c *Client) ListBindingPages(ctx context.Context) iter.Seq2[[]Binding, error] {
	const path = "/routing-queue-channels"
	return wrapPages(pages(ctx, path, dfoFetcher[Binding](c, path, nil, 0)), "listing routing-queue bindings")
}

// ListQueueBindingPages yields the bindings of a routing queue, a page at a time.
func (c *Client) ListQueueBindingPages(ctx context.Context, queueID string) iter.Seq2[[]Binding, error] {
	path := bindingPath(queueID, "")
	it := pages(ctx, path, dfoFetcher[Binding](c, path, nil, 0))
	return func(yield func([]Binding, error) bool) {
		for page, err := range wrapPages(it, "listing the channels of routing queue %q", queueID) {
			for i := range page {
				if page[i].RoutingQueueID == "" {
					page[i].RoutingQueueID = queueID
				}
			}
			if !yield(page, err) || err != nil {
				return
			}
		}
	}
}

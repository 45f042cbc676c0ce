package cxone

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"

	"golang.org/x/sync/errgroup"
)

// FirstPage is the first page of a list of a whole kind, and how many objects the
// whole list holds: what a caller needs to choose between reading objects one by
// one and listing the kind.
type FirstPage[T any] struct {
	Items []T
	// Total is the number of objects in the whole list, or -1 when CXone did not say.
	Total int
	// Complete is true when Items is the whole list.
	Complete bool

	// c and list read the list's other pages (see All).
	c    *Client
	list listing[T]
}

// Pages is how many requests listing the whole kind costs, or -1 when not known.
func (p FirstPage[T]) Pages() int {
	switch {
	case p.Complete:
		return 1
	case p.Total < 0:
		return -1
	}
	return max(1, (p.Total+adminPageSize-1)/adminPageSize)
}

// ListAgentsFirstPage reads the first page of every agent (one request).
func (c *Client) ListAgentsFirstPage(ctx context.Context) (FirstPage[Agent], error) {
	return firstPage(ctx, c, agentsListing(url.Values{}), "listing agents")
}

// ListSkillsFirstPage reads the first page of every skill (one request).
func (c *Client) ListSkillsFirstPage(ctx context.Context) (FirstPage[Skill], error) {
	return firstPage(ctx, c, skillsListing(url.Values{}), "listing skills")
}

// ListIntegrationsFirstPage reads the first page of every integration (one request).
func (c *Client) ListIntegrationsFirstPage(ctx context.Context) (FirstPage[Integration], error) {
	return firstPage(ctx, c, integrationsListing(), "listing integrations")
}

// ListRoutingQueuesFirstPage reads the first page of every routing queue, deleted ones
// included (one request).
func (c *Client) ListRoutingQueuesFirstPage(ctx context.Context) (FirstPage[RoutingQueue], error) {
	return firstPage(ctx, c, routingQueuesListing(RoutingQueueListOptions{WithDeleted: true}), "listing routing queues")
}

// firstPage reads the first page of l, with the list's total when CXone gives it.
func firstPage[T any](ctx context.Context, c *Client, l listing[T], what string) (FirstPage[T], error) {
	raw, err := l.fetch(ctx, c, 0, 0)
	return firstPageFrom(c, l, raw, err, what)
}

// firstPageFrom is the first page of l from CXone's answer raw to its request, or the
// error the request gave.
func firstPageFrom[T any](c *Client, l listing[T], raw json.RawMessage, err error, what string) (FirstPage[T], error) {
	var p page[T]
	if err == nil {
		p, err = l.decode(raw, 0)
	}
	if err != nil {
		return FirstPage[T]{}, fmt.Errorf("%s: %w", what, err)
	}
	return FirstPage[T]{Items: p.items, Total: p.total, Complete: !p.more || len(p.items) == 0, c: c, list: l}, nil
}

// SkillFirstPages is the first page of every skill read once (one request), as each of
// the two views of GET /skills: as skills and as outbound skills, each with its own error.
type SkillFirstPages struct {
	Skills      FirstPage[Skill]
	SkillsErr   error
	Outbound    FirstPage[OutboundSkill]
	OutboundErr error
}

// ListSkillFirstPages reads the first page of every skill once for both views of it:
// ListSkillsFirstPage and ListOutboundSkillsFirstPage send the same request (GET /skills,
// no filters), and each view is decoded and checked from the one answer as its own call
// does.
func (c *Client) ListSkillFirstPages(ctx context.Context) SkillFirstPages {
	skills, outbound := skillsListing(url.Values{}), outboundSkillsListing()
	raw, err := skills.fetch(ctx, c, 0, 0)
	var p SkillFirstPages
	p.Skills, p.SkillsErr = firstPageFrom(c, skills, raw, err, "listing skills")
	p.Outbound, p.OutboundErr = firstPageFrom(c, outbound, raw, err, "listing skills")
	return p
}

// parallelPages is how many pages of one list All reads at a time.
const parallelPages = 4

// All returns the whole list the first page begins, without reading that page again:
// when the first page said how many objects there are, the other pages are read up
// to parallelPages at a time instead of one after the other. A last page that says
// more follow (objects added meanwhile), or a list whose total is not known, is
// followed one page at a time, as every list call does.
func (p FirstPage[T]) All(ctx context.Context) ([]T, error) {
	if p.Complete || len(p.Items) == 0 {
		return p.Items, nil
	}
	if p.c == nil {
		return nil, fmt.Errorf("listing %s: no way to read the pages after the first", p.list.what())
	}
	all := append([]T{}, p.Items...)
	next := 1
	if p.Total >= 0 {
		rest := max(0, (p.Total-len(p.Items)+adminPageSize-1)/adminPageSize)
		pages := make([]page[T], rest)
		g, gctx := errgroup.WithContext(ctx)
		g.SetLimit(parallelPages)
		for i := range rest {
			g.Go(func() error {
				var err error
				pages[i], err = p.list.read(gctx, p.c, i+1, len(p.Items)+i*adminPageSize)
				return err
			})
		}
		if err := g.Wait(); err != nil {
			return nil, fmt.Errorf("listing %s: %w", p.list.what(), err)
		}
		for _, pg := range pages {
			all = append(all, pg.items...)
		}
		// The first page said more follow; the last one read tells now.
		if rest > 0 && (!pages[rest-1].more || len(pages[rest-1].items) == 0) {
			return all, nil
		}
		next = rest + 1
	}
	all, err := collectPages(all, p.list.pagesFrom(ctx, p.c, next, len(all)))
	return result(all, err, "listing %s", p.list.what())
}

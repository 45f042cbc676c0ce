package cxone

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

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

	// fetch reads the list's other pages (see All); what names the list in errors.
	fetch pageFetcher[T]
	what  string
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
	p, err := adminFirstPage[Agent](ctx, c, "/agents", "agents")
	if err != nil {
		return p, fmt.Errorf("listing agents: %w", err)
	}
	return p, nil
}

// ListSkillsFirstPage reads the first page of every skill (one request).
func (c *Client) ListSkillsFirstPage(ctx context.Context) (FirstPage[Skill], error) {
	p, err := adminFirstPage[Skill](ctx, c, "/skills", "skills")
	if err != nil {
		return p, fmt.Errorf("listing skills: %w", err)
	}
	return p, nil
}

// ListIntegrationsFirstPage reads the first page of every integration (one request).
func (c *Client) ListIntegrationsFirstPage(ctx context.Context) (FirstPage[Integration], error) {
	p, err := dfoFirstPageOf[Integration](ctx, c, "/channel-integrations", url.Values{})
	if err != nil {
		return p, fmt.Errorf("listing integrations: %w", err)
	}
	return p, nil
}

// ListRoutingQueuesFirstPage reads the first page of every routing queue, deleted ones
// included (one request).
func (c *Client) ListRoutingQueuesFirstPage(ctx context.Context) (FirstPage[RoutingQueue], error) {
	q := url.Values{}
	q.Set("withDeleted", "true")
	p, err := dfoFirstPageOf[RoutingQueue](ctx, c, "/routing-queues", q)
	if err != nil {
		return p, fmt.Errorf("listing routing queues: %w", err)
	}
	return p, nil
}

// dfoFirstPageOf reads the first page of a DFO list with its hits (the total).
func dfoFirstPageOf[T any](ctx context.Context, c *Client, path string, q url.Values) (FirstPage[T], error) {
	fetch := dfoFetcher[T](c, path, q, 0)
	q = cloneValues(q)
	q.Set("page", strconv.Itoa(dfoFirstPage))
	q.Set("size", strconv.Itoa(dfoPageSize))
	var raw json.RawMessage
	if err := c.do(ctx, &request{method: http.MethodGet, api: dfoAPI, path: path, query: q, idempotent: true}, &raw); err != nil {
		return FirstPage[T]{}, err
	}
	items, more, err := decodeDFOPage[T](raw, 0)
	if err != nil {
		return FirstPage[T]{}, fmt.Errorf("decoding a page from GET %s: %w", path, err)
	}
	p := FirstPage[T]{Items: items, Total: -1, Complete: !more, fetch: fetch, what: path}
	var env struct {
		Hits *flexInt64 `json:"hits"`
	}
	if json.Unmarshal(raw, &env) == nil && env.Hits != nil {
		p.Total = int(*env.Hits)
	}
	return p, nil
}

// adminFirstPage reads the first page of an Admin list with its totalRecords.
func adminFirstPage[T any](ctx context.Context, c *Client, path, field string) (FirstPage[T], error) {
	q := url.Values{}
	q.Set("skip", "0")
	q.Set("top", strconv.Itoa(adminPageSize))
	var raw json.RawMessage
	if err := c.do(ctx, &request{method: http.MethodGet, api: adminAPI, path: path, query: q, idempotent: true}, &raw); err != nil {
		return FirstPage[T]{}, err
	}
	items, more, err := decodeAdminPage[T](raw, field, 0)
	if err != nil {
		return FirstPage[T]{}, fmt.Errorf("decoding a page of %s from GET %s: %w", field, path, err)
	}
	p := FirstPage[T]{Items: items, Total: -1, Complete: !more, fetch: adminFetcher[T](c, path, nil, field), what: field}
	var env map[string]json.RawMessage
	if json.Unmarshal(raw, &env) == nil {
		var total flexInt64
		if v := lookupFold(env, "totalRecords"); len(v) > 0 && json.Unmarshal(v, &total) == nil {
			p.Total = int(total)
		}
	}
	return p, nil
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
	if p.fetch == nil {
		return nil, fmt.Errorf("listing %s: no way to read the pages after the first", p.what)
	}
	all := append([]T{}, p.Items...)
	next := 1
	if p.Total >= 0 {
		rest := max(0, (p.Total-len(p.Items)+adminPageSize-1)/adminPageSize)
		pages := make([][]T, rest)
		more := make([]bool, rest)
		g, gctx := errgroup.WithContext(ctx)
		g.SetLimit(parallelPages)
		for i := range rest {
			g.Go(func() error {
				var err error
				pages[i], more[i], err = p.fetch(gctx, i+1, len(p.Items)+i*adminPageSize)
				return err
			})
		}
		if err := g.Wait(); err != nil {
			return nil, fmt.Errorf("listing %s: %w", p.what, err)
		}
		for _, page := range pages {
			all = append(all, page...)
		}
		// The first page said more follow; the last one read tells now.
		if rest > 0 && (!more[rest-1] || len(pages[rest-1]) == 0) {
			return all, nil
		}
		next = rest + 1
	}
	for n := next; n < maxPages; n++ {
		items, more, err := p.fetch(ctx, n, len(all))
		if err != nil {
			return nil, fmt.Errorf("listing %s: %w", p.what, err)
		}
		all = append(all, items...)
		if !more || len(items) == 0 {
			return all, nil
		}
	}
	return nil, fmt.Errorf("listing %s: CXone still announced more after %d pages", p.what, maxPages)
}

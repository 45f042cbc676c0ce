package cxone

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Page sizes: the Admin API's maximum top, and the DFO page size the client asks for.
const (
	adminPageSize = 100
	dfoPageSize   = 100
	// dfoFirstPage is the number of the DFO API's first page.
	dfoFirstPage = 1
	// maxPages stops a server that keeps announcing more pages from looping the client forever.
	maxPages = 10000
)

// pageFetcher fetches page number n (0-based for the caller) given how many items came
// before it, and says whether another page follows.
type pageFetcher[T any] func(ctx context.Context, n, before int) (items []T, more bool, err error)

// collectPages is the one pagination loop every list call uses.
func collectPages[T any](ctx context.Context, what string, fetch pageFetcher[T]) ([]T, error) {
	all := []T{}
	for n := 0; n < maxPages; n++ {
		items, more, err := fetch(ctx, n, len(all))
		if err != nil {
			return nil, err
		}
		all = append(all, items...)
		if !more || len(items) == 0 {
			return all, nil
		}
	}
	return nil, fmt.Errorf("listing %s: CXone still announced more after %d pages", what, maxPages)
}

// adminList reads every page of an Admin API list (skip/top paging); field names the array
// in the answer ("agents", "skills", "agentSkillAssignments").
func adminList[T any](ctx context.Context, c *Client, path string, q url.Values, field string) ([]T, error) {
	return collectPages(ctx, field, adminFetcher[T](c, path, q, field))
}

// adminFetcher fetches the pages of an Admin API list.
func adminFetcher[T any](c *Client, path string, q url.Values, field string) pageFetcher[T] {
	return func(ctx context.Context, _, before int) ([]T, bool, error) {
		pq := cloneValues(q)
		pq.Set("skip", strconv.Itoa(before))
		pq.Set("top", strconv.Itoa(adminPageSize))
		var raw json.RawMessage
		if err := c.do(ctx, &request{method: http.MethodGet, api: adminAPI, path: path, query: pq, idempotent: true}, &raw); err != nil {
			return nil, false, err
		}
		items, more, err := decodeAdminPage[T](raw, field, before)
		if err != nil {
			return nil, false, fmt.Errorf("decoding a page of %s from GET %s: %w", field, path, err)
		}
		return items, more, nil
	}
}

// decodeAdminPage reads one Admin page. An empty body (CXone answers 204 to an empty list)
// is an empty last page. The next link decides whether more follow; without links,
// totalRecords does; without either, a full page means maybe more.
func decodeAdminPage[T any](raw []byte, field string, before int) ([]T, bool, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, false, nil
	}
	var env map[string]json.RawMessage
	if err := json.Unmarshal(raw, &env); err != nil {
		return nil, false, err
	}
	var items []T
	if v := lookupFold(env, field); len(v) > 0 {
		if err := json.Unmarshal(v, &items); err != nil {
			return nil, false, err
		}
	}
	if len(items) == 0 {
		return items, false, nil
	}
	if v := lookupFold(env, "_links"); len(v) > 0 && string(v) != "null" {
		var links struct {
			Next json.RawMessage `json:"next"`
		}
		if err := json.Unmarshal(v, &links); err == nil {
			next := strings.TrimSpace(string(links.Next))
			return items, next != "" && next != "null" && next != `""`, nil
		}
	}
	if v := lookupFold(env, "totalRecords"); len(v) > 0 {
		var total flexInt64
		if err := json.Unmarshal(v, &total); err == nil && total > 0 {
			return items, before+len(items) < int(total), nil
		}
	}
	// A page larger than asked for means the server ignored paging and sent everything.
	return items, len(items) == adminPageSize, nil
}

// dfoList reads every page of a DFO list (page/size paging). It accepts both the
// {hits, data} envelope and the bare array GET /channels answers. expect, when above 0, is
// the most items the list can hold (one per id[] asked for): reaching it ends the paging
// without the extra request a full bare-array page would otherwise cost.
func dfoList[T any](ctx context.Context, c *Client, path string, q url.Values, expect int) ([]T, error) {
	return collectPages(ctx, path, dfoFetcher[T](c, path, q, expect))
}

// dfoFetcher fetches the pages of a DFO list.
func dfoFetcher[T any](c *Client, path string, q url.Values, expect int) pageFetcher[T] {
	return func(ctx context.Context, n, before int) ([]T, bool, error) {
		pq := cloneValues(q)
		pq.Set("page", strconv.Itoa(dfoFirstPage+n))
		pq.Set("size", strconv.Itoa(dfoPageSize))
		var raw json.RawMessage
		if err := c.do(ctx, &request{method: http.MethodGet, api: dfoAPI, path: path, query: pq, idempotent: true}, &raw); err != nil {
			return nil, false, err
		}
		items, more, err := decodeDFOPage[T](raw, before)
		if err != nil {
			return nil, false, fmt.Errorf("decoding a page from GET %s: %w", path, err)
		}
		if expect > 0 && before+len(items) >= expect {
			more = false
		}
		return items, more, nil
	}
}

// decodeDFOPage reads one DFO page. With an envelope, hits (the total) decides whether more
// follow; a bare array is followed until a short page.
func decodeDFOPage[T any](raw []byte, before int) ([]T, bool, error) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || string(trimmed) == "null" {
		return nil, false, nil
	}
	var items []T
	if trimmed[0] == '[' {
		if err := json.Unmarshal(trimmed, &items); err != nil {
			return nil, false, err
		}
		return items, len(items) >= dfoPageSize, nil
	}
	var env struct {
		Hits *flexInt64      `json:"hits"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(trimmed, &env); err != nil {
		return nil, false, err
	}
	if len(env.Data) > 0 {
		if err := json.Unmarshal(env.Data, &items); err != nil {
			return nil, false, err
		}
	}
	if len(items) == 0 {
		return items, false, nil
	}
	if env.Hits != nil {
		return items, before+len(items) < int(*env.Hits), nil
	}
	return items, len(items) >= dfoPageSize, nil
}

// lookupFold finds key in m, ignoring case, as encoding/json does for struct fields.
func lookupFold(m map[string]json.RawMessage, key string) json.RawMessage {
	if v, ok := m[key]; ok {
		return v
	}
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return nil
}

// adminFilters is the query of the Admin lists' searchString and isActive filters; zero
// values do not filter.
func adminFilters(search string, active *bool) url.Values {
	q := url.Values{}
	if search != "" {
		q.Set("searchString", search)
	}
	if active != nil {
		q.Set("isActive", strconv.FormatBool(*active))
	}
	return q
}

// cloneValues copies a query so each page can set its own paging parameters.
func cloneValues(q url.Values) url.Values {
	out := make(url.Values, len(q)+2)
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	return out
}

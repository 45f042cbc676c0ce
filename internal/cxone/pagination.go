package cxone

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
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

// listing is one of CXone's list calls: where it is, how its answer reads, and what its
// path says about the objects it holds. Every list is read by its pagesFrom, the one
// paging loop: collected whole (collect), streamed a page at a time (the List*Pages
// methods), or gone on with after its first page (FirstPage.All).
type listing[T any] struct {
	api   apiFamily // adminAPI pages with skip/top, dfoAPI with page/size
	path  string
	query url.Values
	// field names the array of an Admin answer ("agents", "skills").
	field string
	// expect, when above 0, is the most objects the list can hold (one per id[] asked
	// for): reaching it ends the paging without the extra request a full bare-array page
	// would otherwise cost.
	expect int
	// fill sets on each object what the path says and the answer leaves out (the skill
	// of GET /skills/{id}/agents), before the object's shape is checked.
	fill func(*T)
	// valid, when set, checks each object in place of the keyed fields of shape.go
	// (the outbound kinds): it returns what is wrong with one, or "".
	valid func(*T) string
	// envelope, when set, is the object the Admin answer nests its page in
	// ({"resultSet": {"totalRecords", "dncRecords"}}).
	envelope string
}

// page is one page of a list as CXone answered it.
type page[T any] struct {
	items []T
	// more says another page follows.
	more bool
	// total is the number of objects in the whole list, or -1 when CXone did not say.
	total int
}

// what names the list in errors: the Admin field or the DFO path.
func (l listing[T]) what() string {
	if l.field != "" {
		return l.field
	}
	return l.path
}

// read fetches page n (0-based) of the list, given how many objects came before it,
// and checks that it is the documented shape (see shape.go) before it is believed.
func (l listing[T]) read(ctx context.Context, c *Client, n, before int) (page[T], error) {
	raw, err := l.fetch(ctx, c, n, before)
	if err != nil {
		return page[T]{}, err
	}
	return l.decode(raw, before)
}

// fetch sends the request for page n of the list, given how many objects came before
// it, and returns CXone's answer as it is.
func (l listing[T]) fetch(ctx context.Context, c *Client, n, before int) (json.RawMessage, error) {
	q := cloneValues(l.query)
	if l.api == adminAPI {
		q.Set("skip", strconv.Itoa(before))
		q.Set("top", strconv.Itoa(adminPageSize))
	} else {
		q.Set("page", strconv.Itoa(dfoFirstPage+n))
		q.Set("size", strconv.Itoa(dfoPageSize))
	}
	var raw json.RawMessage
	if err := c.do(ctx, &request{method: http.MethodGet, api: l.api, path: l.path, query: q, idempotent: true}, &raw); err != nil {
		return nil, err
	}
	return raw, nil
}

// decode reads a page of the list from CXone's answer raw, given how many objects came
// before it, and checks that it is the documented shape (see shape.go).
func (l listing[T]) decode(raw json.RawMessage, before int) (page[T], error) {
	var (
		p   page[T]
		err error
	)
	switch {
	case l.api != adminAPI:
		p, err = decodeDFOPage[T](raw, before)
	case l.envelope != "" && len(bytes.TrimSpace(raw)) > 0:
		var inner []byte
		if inner, err = fieldOf(raw, l.envelope); err == nil {
			p, err = decodeAdminPage[T](inner, l.field, before)
		}
	default:
		p, err = decodeAdminPage[T](raw, l.field, before)
	}
	switch {
	case err != nil:
	case l.valid != nil:
		err = validItems(p.items, l.field, l.valid)
	default:
		err = checkItems(p.items, l.fill)
	}
	if err != nil {
		return page[T]{}, &ShapeError{Method: http.MethodGet, Path: l.path, Err: err}
	}
	if l.expect > 0 && before+len(p.items) >= l.expect {
		p.more = false
	}
	return p, nil
}

// pagesFrom yields the list's pages from page n on, given how many objects came
// before it, one page at a time and empty pages left out, until a page says it is
// the last. It stops at the first error, which it yields with a nil page.
func (l listing[T]) pagesFrom(ctx context.Context, c *Client, n, before int) iter.Seq2[[]T, error] {
	return func(yield func([]T, error) bool) {
		for ; n < maxPages; n++ {
			p, err := l.read(ctx, c, n, before)
			if err != nil {
				yield(nil, err)
				return
			}
			before += len(p.items)
			if len(p.items) > 0 && !yield(p.items, nil) {
				return
			}
			if !p.more || len(p.items) == 0 {
				return
			}
		}
		yield(nil, fmt.Errorf("listing %s: CXone still announced more after %d pages", l.what(), maxPages))
	}
}

// pages yields the whole list a page at a time.
func (l listing[T]) pages(ctx context.Context, c *Client) iter.Seq2[[]T, error] {
	return l.pagesFrom(ctx, c, 0, 0)
}

// collect reads every page of the list.
func (l listing[T]) collect(ctx context.Context, c *Client) ([]T, error) {
	return collectPages([]T{}, l.pages(ctx, c))
}

// collectNamed is collect with its error named by format and args ("listing skills").
func (l listing[T]) collectNamed(ctx context.Context, c *Client, format string, args ...any) ([]T, error) {
	items, err := l.collect(ctx, c)
	return result(items, err, format, args...)
}

// collectPages appends the pages of it to all.
func collectPages[T any](all []T, it iter.Seq2[[]T, error]) ([]T, error) {
	for items, err := range it {
		if err != nil {
			return nil, err
		}
		all = append(all, items...)
	}
	return all, nil
}

// adminListing is the listing of an Admin API list, whose answer holds the array under
// field ("agents", "skills", "agentSkillAssignments").
func adminListing[T any](path string, q url.Values, field string) listing[T] {
	return listing[T]{api: adminAPI, path: path, query: q, field: field}
}

// dfoListing is the listing of a DFO list; expect is as in listing.
func dfoListing[T any](path string, q url.Values, expect int) listing[T] {
	return listing[T]{api: dfoAPI, path: path, query: q, expect: expect}
}

// decodeAdminPage reads one Admin page. An empty body (CXone answers 204 to an empty list)
// is an empty last page; any other answer must hold the array under field. The next link
// decides whether more follow; without links, totalRecords does; without either, a full
// page means maybe more.
func decodeAdminPage[T any](raw []byte, field string, before int) (page[T], error) {
	p := page[T]{total: -1}
	if len(bytes.TrimSpace(raw)) == 0 {
		return p, nil
	}
	var env map[string]json.RawMessage
	if err := json.Unmarshal(raw, &env); err != nil {
		return p, fmt.Errorf("the answer is not a JSON object: %w", err)
	}
	if err := decodeArray(lookupFold(env, field), field, &p.items); err != nil {
		return p, err
	}
	if v := lookupFold(env, "totalRecords"); len(v) > 0 {
		var total flexInt64
		if err := json.Unmarshal(v, &total); err == nil {
			p.total = int(total)
		}
	}
	if len(p.items) == 0 {
		return p, nil
	}
	if v := lookupFold(env, "_links"); len(v) > 0 && string(v) != "null" {
		var links struct {
			Next json.RawMessage `json:"next"`
		}
		if err := json.Unmarshal(v, &links); err == nil {
			next := strings.TrimSpace(string(links.Next))
			p.more = next != "" && next != "null" && next != `""`
			return p, nil
		}
	}
	if p.total > 0 {
		p.more = before+len(p.items) < p.total
		return p, nil
	}
	// A page larger than asked for means the server ignored paging and sent everything.
	p.more = len(p.items) == adminPageSize
	return p, nil
}

// decodeDFOPage reads one DFO page: the {hits, data} envelope, whose hits (the total)
// decides whether more follow, or the bare array GET /channels answers, followed until a
// short page.
func decodeDFOPage[T any](raw []byte, before int) (page[T], error) {
	p := page[T]{total: -1}
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		if err := json.Unmarshal(trimmed, &p.items); err != nil {
			return p, err
		}
		p.more = len(p.items) >= dfoPageSize
		return p, nil
	}
	var env struct {
		Hits *flexInt64      `json:"hits"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(trimmed, &env); err != nil {
		return p, fmt.Errorf("the answer is neither a JSON array nor a JSON object: %w", err)
	}
	if err := decodeArray(env.Data, "data", &p.items); err != nil {
		return p, err
	}
	if env.Hits != nil {
		p.total = int(*env.Hits)
	}
	switch {
	case len(p.items) == 0:
	case env.Hits != nil:
		p.more = before+len(p.items) < p.total
	default:
		p.more = len(p.items) >= dfoPageSize
	}
	return p, nil
}

// decodeArray reads the array an answer holds under key: a key that is missing, null or
// not an array is an answer of another shape, never an empty list.
func decodeArray[T any](v json.RawMessage, key string, items *[]T) error {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return fmt.Errorf("the answer has no %q list", key)
	}
	if v[0] != '[' {
		return fmt.Errorf("%q is %.40s, not a list", key, v)
	}
	return failed(json.Unmarshal(v, items), "reading %q", key)
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

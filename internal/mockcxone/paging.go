package mockcxone

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Paging limits. The Admin API pages with skip/top (top at most 100, as CXone);
// the DFO API with page (from 1) and size. The DFO default is small on purpose: a
// client that relies on it instead of sending size notices at once.
const (
	adminMaxTop     = 100
	adminDefaultTop = 100
	dfoDefaultSize  = 25
	dfoMaxSize      = 100
)

// adminQuery is what the Admin API's lists read from their query: the page (skip, top) and
// the isActive and searchString filters.
type adminQuery struct {
	skip, top int
	active    *bool  // nil: active and inactive
	search    string // lower case; "" keeps everything
}

// readAdminQuery reads skip, top, isActive and searchString; the error text is fit for a 400.
func readAdminQuery(r *http.Request) (adminQuery, error) {
	q := r.URL.Query()
	out := adminQuery{top: adminDefaultTop, search: strings.ToLower(q.Get("searchString"))}
	var err error
	if raw := q.Get("skip"); raw != "" {
		out.skip, err = strconv.Atoi(raw)
		if err != nil || out.skip < 0 {
			return adminQuery{}, fmt.Errorf("skip must be a non-negative integer, not %q", raw)
		}
	}
	if raw := q.Get("top"); raw != "" {
		out.top, err = strconv.Atoi(raw)
		if err != nil || out.top < 1 || out.top > adminMaxTop {
			return adminQuery{}, fmt.Errorf("top must be an integer from 1 to %d, not %q", adminMaxTop, raw)
		}
	}
	if out.active, err = parseBoolParam(r, "isActive"); err != nil {
		return adminQuery{}, err
	}
	return out, nil
}

// keeps applies the filters to an object that is active or not and whose searchable text
// is fields: searchString matches any of them as a substring, ignoring case.
func (q adminQuery) keeps(active bool, fields ...string) bool {
	if q.active != nil && active != *q.active {
		return false
	}
	return q.finds(fields...)
}

// finds applies searchString alone, for objects that are neither active nor inactive.
func (q adminQuery) finds(fields ...string) bool {
	if q.search == "" {
		return true
	}
	for _, f := range fields {
		if strings.Contains(strings.ToLower(f), q.search) {
			return true
		}
	}
	return false
}

// adminLinks is the _links object of an Admin API list.
type adminLinks struct {
	Self     string  `json:"self"`
	Next     *string `json:"next"`
	Previous *string `json:"previous"`
}

// makeAdminLinks builds absolute links to this, the next and the previous page;
// next is null on the last page and previous on the first.
func makeAdminLinks(r *http.Request, skip, top, total int) adminLinks {
	at := func(s int) string {
		q := r.URL.Query()
		q.Set("skip", strconv.Itoa(s))
		q.Set("top", strconv.Itoa(top))
		return baseURL(r) + r.URL.Path + "?" + q.Encode()
	}
	l := adminLinks{Self: at(skip)}
	if skip+top < total {
		n := at(skip + top)
		l.Next = &n
	}
	if skip > 0 {
		p := at(max(0, skip-top))
		l.Previous = &p
	}
	return l
}

// dfoPage reads page and size; on error it names the parameter at fault.
func dfoPage(r *http.Request) (offset, size int, field string, err error) {
	q := r.URL.Query()
	page, size := 1, dfoDefaultSize
	if raw := q.Get("page"); raw != "" {
		page, err = strconv.Atoi(raw)
		if err != nil || page < 1 {
			return 0, 0, "page", fmt.Errorf("page must be an integer of at least 1, not %q", raw)
		}
	}
	if raw := q.Get("size"); raw != "" {
		size, err = strconv.Atoi(raw)
		if err != nil || size < 1 || size > dfoMaxSize {
			return 0, 0, "size", fmt.Errorf("size must be an integer from 1 to %d, not %q", dfoMaxSize, raw)
		}
	}
	return (page - 1) * size, size, "", nil
}

// window is the part of items a page shows; never nil, so it encodes as [].
func window[T any](items []T, offset, limit int) []T {
	if offset >= len(items) {
		return []T{}
	}
	return items[offset:min(offset+limit, len(items))]
}

// hitsAnswer is the envelope of DFO lists other than channels.
type hitsAnswer[T any] struct {
	Hits int `json:"hits"`
	Data []T `json:"data"`
}

// serveAdminList answers an Admin API list: it reads the query (400 when it is wrong), lists
// the objects under the store's read lock, keeps those keep accepts, and answers the page the
// query asks for, under key.
func serveAdminList[T any](w http.ResponseWriter, r *http.Request, st *store, key string, list func(*store) []T, keep func(adminQuery, *T) bool) {
	q, err := readAdminQuery(r)
	if err != nil {
		badRequest(w, err)
		return
	}
	st.mu.RLock()
	all := list(st)
	st.mu.RUnlock()
	kept := all[:0]
	for i := range all {
		if keep(q, &all[i]) {
			kept = append(kept, all[i])
		}
	}
	writeAdminList(w, r, key, kept, q)
}

// adminPage is what every page of an Admin API list answers: the total, the links to this,
// the next and the previous page, and the page's rows under key ("agents", "dispositions").
// Callers add the fields their list adds.
func adminPage[T any](r *http.Request, q adminQuery, key string, all []T) map[string]any {
	return map[string]any{
		"totalRecords": len(all),
		"_links":       makeAdminLinks(r, q.skip, q.top, len(all)),
		key:            window(all, q.skip, q.top),
	}
}

// writeAdminList answers one page of an Admin API list: the envelope every Admin
// list shares, with the page's items under key ("agents", "skills",
// "agentSkillAssignments").
func writeAdminList[T any](w http.ResponseWriter, r *http.Request, key string, all []T, q adminQuery) {
	answer := adminPage(r, q, key, all)
	answer["businessUnitId"] = businessUnitID
	writeJSON(w, http.StatusOK, answer)
}

// writeAdminOne answers an Admin API read of one object by its numeric ID (path
// parameter param): the same envelope as a list, holding that one object under
// key, or 404 naming the kind.
func writeAdminOne[T any](w http.ResponseWriter, r *http.Request, st *store, param, kind, key string, objects outMap[T]) {
	answerByID(w, r, st, param, kind, objects, func(obj *T) any {
		return map[string]any{"businessUnitId": businessUnitID, key: []T{*obj}}
	})
}

// pageOrFail reads page and size, answering 400 itself when they are wrong.
func pageOrFail(w http.ResponseWriter, r *http.Request) (offset, size int, ok bool) {
	offset, size, field, err := dfoPage(r)
	if err != nil {
		dfoError(w, http.StatusBadRequest, field, codeInvalid, err.Error())
		return 0, 0, false
	}
	return offset, size, true
}

// idSet is the id[] filter; nil when the caller gave none.
func idSet(r *http.Request) map[string]bool {
	ids := r.URL.Query()["id[]"]
	if len(ids) == 0 {
		return nil
	}
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set
}

// serveHits answers a DFO list in the {hits, data} envelope: it reads page and size (400
// when they are wrong) and lists the objects under the store's read lock.
func serveHits[T any](w http.ResponseWriter, r *http.Request, st *store, list func(*store) []T) {
	offset, size, ok := pageOrFail(w, r)
	if !ok {
		return
	}
	st.mu.RLock()
	all := list(st)
	st.mu.RUnlock()
	writeJSON(w, http.StatusOK, hitsAnswer[T]{Hits: len(all), Data: window(all, offset, size)})
}

package mockcxone

import (
	"fmt"
	"net/http"
	"strconv"
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

// adminPage reads skip and top.
func adminPage(r *http.Request) (skip, top int, err error) {
	q := r.URL.Query()
	skip, top = 0, adminDefaultTop
	if raw := q.Get("skip"); raw != "" {
		skip, err = strconv.Atoi(raw)
		if err != nil || skip < 0 {
			return 0, 0, fmt.Errorf("skip must be a non-negative integer, not %q", raw)
		}
	}
	if raw := q.Get("top"); raw != "" {
		top, err = strconv.Atoi(raw)
		if err != nil || top < 1 || top > adminMaxTop {
			return 0, 0, fmt.Errorf("top must be an integer from 1 to %d, not %q", adminMaxTop, raw)
		}
	}
	return skip, top, nil
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

// writeAdminList answers one page of an Admin API list: the envelope every Admin
// list shares, with the page's items under key ("agents", "skills",
// "agentSkillAssignments").
func writeAdminList[T any](w http.ResponseWriter, r *http.Request, key string, all []T, skip, top int) {
	writeJSON(w, http.StatusOK, map[string]any{
		"businessUnitId": businessUnitID,
		"totalRecords":   len(all),
		"_links":         makeAdminLinks(r, skip, top, len(all)),
		key:              window(all, skip, top),
	})
}

// writeAdminOne answers an Admin API read of one object by its numeric ID (path
// parameter param): the same envelope as a list, holding that one object under
// key, or 404 naming the kind. lookup runs under the store's read lock, and the
// object is copied before the lock is released.
func writeAdminOne[T any](w http.ResponseWriter, r *http.Request, st *store, param, kind, key string, lookup func(*store, int64) *T) {
	id, err := parseID(r, param)
	if err != nil {
		badRequest(w, err)
		return
	}
	st.mu.RLock()
	found := lookup(st, id)
	var out T
	if found != nil {
		out = *found
	}
	st.mu.RUnlock()
	if found == nil {
		notFound(w, fmt.Sprintf("%s %d", kind, id))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"businessUnitId": businessUnitID,
		key:              []T{out},
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

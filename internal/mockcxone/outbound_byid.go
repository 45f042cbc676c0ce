package mockcxone

import (
	"errors"
	"fmt"
	"net/http"
)

// The steps the outbound handlers share around one object named by its id: read it under
// the read lock, write it under the write lock, and the 400 and 404 answers on the way.

// outMap gives the store's map of one outbound kind.
type outMap[T any] func(*store) map[int64]*T

// readByID answers for the object that the path parameter param names: a copy (copyOf, made
// under the read lock) and true, or false after answering 400 for an id that does not parse
// or 404 (naming it "noun <id>") for an unknown one.
func readByID[T any](w http.ResponseWriter, r *http.Request, st *store, param, noun string, objects outMap[T], copyOf func(*T) T) (T, bool) {
	var out T
	id, err := parseID(r, param)
	if err != nil {
		badRequest(w, err)
		return out, false
	}
	st.mu.RLock()
	obj := objects(st)[id]
	if obj != nil {
		out = copyOf(obj)
	}
	st.mu.RUnlock()
	if obj == nil {
		notFound(w, fmt.Sprintf("%s %d", noun, id))
		return out, false
	}
	return out, true
}

// plainCopy copies an object that holds no slices or maps.
func plainCopy[T any](obj *T) T { return *obj }

// writeByID runs write on object id under the write lock, or answers 404 (naming it
// "noun <id>") for an unknown one. write answers the request itself.
func writeByID[T any](w http.ResponseWriter, st *store, id int64, noun string, objects outMap[T], write func(obj *T)) {
	st.mu.Lock()
	defer st.mu.Unlock()
	obj := objects(st)[id]
	if obj == nil {
		notFound(w, fmt.Sprintf("%s %d", noun, id))
		return
	}
	write(obj)
}

// setActiveByID serves PATCH .../{id}/status?isActive=: the parameter is required, and set
// applies it to the object under the write lock; the answer is 204.
func setActiveByID[T any](w http.ResponseWriter, r *http.Request, st *store, param, noun string, objects outMap[T], set func(obj *T, active bool)) {
	id, err := parseID(r, param)
	if err != nil {
		badRequest(w, err)
		return
	}
	active, err := parseBoolParam(r, "isActive")
	if err == nil && active == nil {
		err = errors.New("the query parameter isActive is required")
	}
	if err != nil {
		badRequest(w, err)
		return
	}
	writeByID(w, st, id, noun, objects, func(obj *T) {
		set(obj, *active)
		w.WriteHeader(http.StatusNoContent)
	})
}

func campaignsOf(st *store) map[int64]*Campaign        { return st.out.campaigns }
func dispositionsOf(st *store) map[int64]*Disposition  { return st.out.dispositions }
func templatesOf(st *store) map[int64]*MessageTemplate { return st.out.templates }
func dncGroupsOf(st *store) map[int64]*DNCGroup        { return st.out.dncGroups }
func callingListsOf(st *store) map[int64]*CallingList  { return st.out.lists }
func uploadJobsOf(st *store) map[int64]*UploadJob      { return st.out.jobs }

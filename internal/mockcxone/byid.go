package mockcxone

import (
	"errors"
	"fmt"
	"net/http"
)

// The steps the handlers share around one object named by an integer id in the path: read
// it under the read lock, write it under the write lock, and the 400 and 404 answers on the
// way. A handler then says only what differs: which map, which noun, what it answers.

// outMap gives the store's map of one kind of object kept by integer id.
type outMap[T any] func(*store) map[int64]*T

// pathID reads the integer path parameter param, answering 400 when it is not a positive
// integer.
func pathID(w http.ResponseWriter, r *http.Request, param string) (int64, bool) {
	id, err := parseID(r, param)
	if err != nil {
		badRequest(w, err)
		return 0, false
	}
	return id, true
}

// writeByIDPair serves a write on the link between two objects named by the path
// parameters a and b: it reads both ids (400 for the first that is not one) and runs write
// with them under the write lock. write answers the request itself.
func writeByIDPair(w http.ResponseWriter, r *http.Request, st *store, a, b string, write func(idA, idB int64)) {
	idA, ok := pathID(w, r, a)
	if !ok {
		return
	}
	idB, ok := pathID(w, r, b)
	if !ok {
		return
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	write(idA, idB)
}

// readBody decodes the JSON request body into a new In, answering 400 when it cannot.
func readBody[In any](w http.ResponseWriter, r *http.Request) (In, bool) {
	var in In
	if err := decodeBody(r, &in); err != nil {
		badRequest(w, err)
		return in, false
	}
	return in, true
}

// readByID answers for the object that the path parameter param names: what view makes of
// it (under the read lock) and true, or false after answering 400 for an id that does not
// parse or 404 (naming it "noun <id>") for an unknown one.
func readByID[T, V any](w http.ResponseWriter, r *http.Request, st *store, param, noun string, objects outMap[T], view func(*T) V) (V, bool) {
	id, ok := pathID(w, r, param)
	if !ok {
		var zero V
		return zero, false
	}
	return lookUp(w, st, id, noun, objects, view)
}

// lookUp is readByID for an id already read.
func lookUp[T, V any](w http.ResponseWriter, st *store, id int64, noun string, objects outMap[T], view func(*T) V) (V, bool) {
	var out V
	st.mu.RLock()
	obj := objects(st)[id]
	if obj != nil {
		out = view(obj)
	}
	st.mu.RUnlock()
	if obj == nil {
		notFound(w, fmt.Sprintf("%s %d", noun, id))
		return out, false
	}
	return out, true
}

// pageByID is readByID for an Admin list under one object (the skills linked to a DNC
// group, the agents of a skill): between the id and the look-up it reads the list's query,
// answering 400 when that is wrong. rows makes the list from the object under the read lock.
func pageByID[T, V any](w http.ResponseWriter, r *http.Request, st *store, param, noun string, objects outMap[T], rows func(*T) V) (V, adminQuery, bool) {
	var zero V
	id, ok := pathID(w, r, param)
	if !ok {
		return zero, adminQuery{}, false
	}
	q, err := readAdminQuery(r)
	if err != nil {
		badRequest(w, err)
		return zero, adminQuery{}, false
	}
	v, ok := lookUp(w, st, id, noun, objects, rows)
	return v, q, ok
}

// answerByID answers 200 with what answer makes of the object that the path parameter param
// names; 400 and 404 as readByID. answer runs under the read lock, so what it returns must
// not share the stored object's memory (copy it: *obj).
func answerByID[T any](w http.ResponseWriter, r *http.Request, st *store, param, noun string, objects outMap[T], answer func(*T) any) {
	if v, ok := readByID(w, r, st, param, noun, objects, answer); ok {
		writeJSON(w, http.StatusOK, v)
	}
}

// flat is the answer of a read that answers the object itself, as a copy.
func flat[T any](obj *T) any { return *obj }

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

// writeByParam is writeByID for the object that the path parameter param names, answering
// 400 for an id that does not parse.
func writeByParam[T any](w http.ResponseWriter, r *http.Request, st *store, param, noun string, objects outMap[T], write func(obj *T)) {
	if id, ok := pathID(w, r, param); ok {
		writeByID(w, st, id, noun, objects, write)
	}
}

// writeBodyByID is writeByParam for a write with a JSON body: the body is decoded into In
// (400 when it cannot be) before the look-up, and handed to write with the object.
func writeBodyByID[T, In any](w http.ResponseWriter, r *http.Request, st *store, param, noun string, objects outMap[T], write func(obj *T, in In)) {
	id, ok := pathID(w, r, param)
	if !ok {
		return
	}
	in, ok := readBody[In](w, r)
	if !ok {
		return
	}
	writeByID(w, st, id, noun, objects, func(obj *T) { write(obj, in) })
}

// setActiveByID serves PATCH .../{id}/status?isActive=: the parameter is required, and set
// applies it to the object under the write lock; the answer is 204.
func setActiveByID[T any](w http.ResponseWriter, r *http.Request, st *store, param, noun string, objects outMap[T], set func(obj *T, active bool)) {
	id, ok := pathID(w, r, param)
	if !ok {
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

func agentsOf(st *store) map[int64]*Agent              { return st.agents }
func teamsOf(st *store) map[int64]*Team                { return st.teams }
func profilesOf(st *store) map[int64]*SecurityProfile  { return st.profiles }
func skillsOf(st *store) map[int64]*Skill              { return st.skills }
func campaignsOf(st *store) map[int64]*Campaign        { return st.out.campaigns }
func dispositionsOf(st *store) map[int64]*Disposition  { return st.out.dispositions }
func templatesOf(st *store) map[int64]*MessageTemplate { return st.out.templates }
func dncGroupsOf(st *store) map[int64]*DNCGroup        { return st.out.dncGroups }
func callingListsOf(st *store) map[int64]*CallingList  { return st.out.lists }
func uploadJobsOf(st *store) map[int64]*UploadJob      { return st.out.jobs }

package mockcxone

import (
	"fmt"
	"net/http"
)

// namedKind is one kind of outbound object kept by integer id whose names are unique in the
// business unit (inferred for every kind: outbound-api.md does not say). It says where the
// kind is stored and how its objects are named, so that a create, an update and the
// conflict they may meet are written once.
type namedKind[T any] struct {
	noun    string          // "campaign", "message template": the kind in messages
	idField string          // the id's field in answers ("id", "templateId")
	objects outMap[T]       // the store's map of the kind
	first   int64           // the first id the kind hands out
	id      func(*T) *int64 // the object's id
	name    func(*T) string // the object's unique name
}

var (
	campaignKind = namedKind[Campaign]{noun: "campaign", idField: "id", objects: campaignsOf, first: firstCampaignID,
		id: func(c *Campaign) *int64 { return &c.ID }, name: func(c *Campaign) string { return c.Name }}
	dispositionKind = namedKind[Disposition]{noun: "disposition", idField: "dispositionId", objects: dispositionsOf, first: firstDispositionID,
		id: func(d *Disposition) *int64 { return &d.DispositionID }, name: func(d *Disposition) string { return d.DispositionName }}
	templateKind = namedKind[MessageTemplate]{noun: "message template", idField: "templateId", objects: templatesOf, first: firstTemplateID,
		id: func(t *MessageTemplate) *int64 { return &t.TemplateID }, name: func(t *MessageTemplate) string { return t.TemplateName }}
	dncGroupKind = namedKind[DNCGroup]{noun: "DNC group", idField: "dncGroupId", objects: dncGroupsOf, first: firstDNCGroupID,
		id: func(g *DNCGroup) *int64 { return &g.DNCGroupID }, name: func(g *DNCGroup) string { return g.DNCGroupName }}
	callingListKind = namedKind[CallingList]{noun: "calling list", idField: "listId", objects: callingListsOf, first: firstListID,
		id: func(l *CallingList) *int64 { return &l.ListID }, name: func(l *CallingList) string { return l.ListName }}
)

// takenLocked says why obj cannot have its name: another object of the kind (not obj's own
// id) holds it. "" when the name is free. Caller holds mu.
func (k namedKind[T]) takenLocked(st *store, obj *T) string {
	name, self := k.name(obj), *k.id(obj)
	for id, other := range k.objects(st) {
		if id != self && k.name(other) == name {
			return fmt.Sprintf("a %s named %q already exists (%s %d)", k.noun, name, k.idField, id)
		}
	}
	return ""
}

// conflictLocked answers 409 when obj's name is taken (takenLocked) and reports whether it
// did. Caller holds mu.
func (k namedKind[T]) conflictLocked(w http.ResponseWriter, st *store, obj *T) bool {
	if msg := k.takenLocked(st, obj); msg != "" {
		conflict(w, "%s", msg)
		return true
	}
	return false
}

// replaceLocked applies change to a copy of obj and puts the copy in obj's place, unless
// change refuses (it answers the request itself and returns false) or the copy's name is
// taken by another object (409). It reports whether obj was replaced. Caller holds mu for
// writing.
func (k namedKind[T]) replaceLocked(w http.ResponseWriter, st *store, obj *T, change func(next *T) bool) bool {
	next := *obj
	if !change(&next) || k.conflictLocked(w, st, &next) {
		return false
	}
	*obj = next
	return true
}

// create stores obj, a new object, under a new id and answers 200 with what answer
// makes of it; a name already taken is answered 409 instead. It takes the write lock.
func (k namedKind[T]) create(w http.ResponseWriter, st *store, obj *T, answer func(*T) any) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if k.conflictLocked(w, st, obj) {
		return
	}
	k.storeLocked(st, obj)
	writeJSON(w, http.StatusOK, answer(obj))
}

// storeLocked stores obj, a new object, under a new id (nextIDLocked). Caller holds mu for
// writing.
func (k namedKind[T]) storeLocked(st *store, obj *T) {
	*k.id(obj) = nextIDLocked[T](st, k.first)
	putLocked(st, k.objects(st), *k.id(obj), obj)
}

// idAnswer is the answer of a create that names the new object by its id alone
// ({"templateId": 7}).
func (k namedKind[T]) idAnswer(obj *T) any { return map[string]any{k.idField: *k.id(obj)} }

package cxone

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// The steps the per-kind methods share: one request, an error named after what was being
// done, a read whose answer is decoded and checked before it is believed (an answer
// without the list or the id it should hold is an error, never an empty list or a zero
// id), and the reads of one object by id. A kind's method then says only its path, its
// answer's shape and its words.

// adminCall sends one Admin API request and decodes its answer into out (nil: ignored).
func adminCall(ctx context.Context, c *Client, method, path string, q url.Values, body any, idempotent bool, out any) error {
	return c.do(ctx, &request{method: method, api: adminAPI, path: path, query: q, body: body, idempotent: idempotent}, out)
}

// dfoCall sends one Digital Engagement API request and decodes its answer into out (nil:
// ignored).
func dfoCall(ctx context.Context, c *Client, method, path string, body any, idempotent bool, out any) error {
	return c.do(ctx, &request{method: method, api: dfoAPI, path: path, body: body, idempotent: idempotent}, out)
}

// adminGetRaw reads an Admin API answer whole.
func adminGetRaw(ctx context.Context, c *Client, path string, q url.Values) (json.RawMessage, error) {
	var raw json.RawMessage
	if err := adminCall(ctx, c, http.MethodGet, path, q, nil, true, &raw); err != nil {
		return nil, err
	}
	return raw, nil
}

// fieldOf returns the value of field (matched as encoding/json does, ignoring case) in the
// JSON object raw, or an error saying the answer lacks it.
func fieldOf(raw []byte, field string) (json.RawMessage, error) {
	var env map[string]json.RawMessage
	if err := json.Unmarshal(raw, &env); err != nil {
		return nil, fmt.Errorf("the answer is not a JSON object: %w", err)
	}
	v := lookupFold(env, field)
	if len(v) == 0 {
		return nil, fmt.Errorf("the answer has no %q", field)
	}
	return v, nil
}

// decodeField decodes the value of field in the JSON object raw into out; a missing field
// is an error.
func decodeField(raw []byte, field string, out any) error {
	v, err := fieldOf(raw, field)
	if err != nil {
		return err
	}
	return failed(json.Unmarshal(v, out), "reading %q", field)
}

// decodeList reads the array under field in an answer that must hold it (null counts as
// empty), and checks every item with valid, which names what is wrong with an item or
// returns "".
func decodeList[T any](raw []byte, field string, valid func(*T) string) ([]T, error) {
	var items []T
	if err := decodeField(raw, field, &items); err != nil {
		return nil, err
	}
	for i := range items {
		if msg := valid(&items[i]); msg != "" {
			return nil, fmt.Errorf("item %d of %q %s", i, field, msg)
		}
	}
	if items == nil {
		items = []T{}
	}
	return items, nil
}

// strictAdminList reads every page of an Admin list whose answers must hold the array field
// (an empty body, CXone's 204 for an empty list, is the empty list), checking every item
// with valid: the one paging loop (listing.pagesFrom) with the outbound kinds' own checks.
func strictAdminList[T any](ctx context.Context, c *Client, path string, q url.Values, field string, valid func(*T) string) ([]T, error) {
	l := adminListing[T](path, q, field)
	l.valid = valid
	return l.collect(ctx, c)
}

// validItems checks every item of a page with valid.
func validItems[T any](items []T, field string, valid func(*T) string) error {
	for i := range items {
		if msg := valid(&items[i]); msg != "" {
			return fmt.Errorf("item %d of %q %s", i, field, msg)
		}
	}
	return nil
}

// needID is a validity check for an item whose id must be positive.
func needID(name string, id int64) string {
	if id <= 0 {
		return "has no " + name
	}
	return ""
}

// idPath is prefix/id.
func idPath(prefix string, id int64) string { return prefix + "/" + strconv.FormatInt(id, 10) }

// boolQuery is "true" or "false".
func boolQuery(b bool) string { return strconv.FormatBool(b) }

// failed names what was being done in err ("deleting channel \"c1\": ..."), format and args
// saying it; nil stays nil.
func failed(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}

// result is v when err is nil, else the zero value and err named as failed names it.
func result[T any](v T, err error, format string, args ...any) (T, error) {
	if err != nil {
		var zero T
		return zero, failed(err, format, args...)
	}
	return v, nil
}

// getDecoded sends GET path (Admin API) with query q and decodes the whole answer with
// decode. Errors are named by format and args ("reading DNC group 7"); an answer that
// decode refuses is a *ShapeError naming the call: it is not believed, and never reads as
// an object that is gone.
func getDecoded[T any](ctx context.Context, c *Client, path string, q url.Values, decode func(raw []byte) (T, error), format string, args ...any) (T, error) {
	var zero T
	raw, err := adminGetRaw(ctx, c, path, q)
	if err != nil {
		return zero, failed(err, format, args...)
	}
	v, err := decode(raw)
	if err != nil {
		return zero, failed(readShape(path, err), format, args...)
	}
	return v, nil
}

// readShape makes what is wrong with the answer to GET path a *ShapeError (one stays as it
// is; nil stays nil).
func readShape(path string, err error) error {
	var se *ShapeError
	if err == nil || errors.As(err, &se) {
		return err
	}
	return &ShapeError{Method: http.MethodGet, Path: path, Err: err}
}

// listOf is the decode of getDecoded for an answer holding its items under field, each
// checked with valid (decodeList).
func listOf[T any](field string, valid func(*T) string) func([]byte) ([]T, error) {
	return func(raw []byte) ([]T, error) { return decodeList(raw, field, valid) }
}

// fieldAs is the decode of getDecoded for an answer holding its object under field.
func fieldAs[T any](field string) func([]byte) (T, error) {
	return func(raw []byte) (T, error) {
		var v T
		err := decodeField(raw, field, &v)
		return v, err
	}
}

// unmarshalAs is the decode of getDecoded for an answer that is the object itself.
func unmarshalAs[T any](raw []byte) (T, error) {
	var v T
	err := json.Unmarshal(raw, &v)
	return v, err
}

// checked is the decode of getDecoded for an answer holding one object, which decode reads
// and valid checks, as a list of one for oneOf.
func checked[T any](decode func([]byte) (T, error), valid func(*T) string) func([]byte) ([]T, error) {
	return func(raw []byte) ([]T, error) {
		v, err := decode(raw)
		if err != nil {
			return nil, err
		}
		if msg := valid(&v); msg != "" {
			return nil, fmt.Errorf("the object %s", msg)
		}
		return []T{v}, nil
	}
}

// oneOf is the decode of getDecoded for a read by id: the object whose id, idOf, is id in
// what decode reads (a one-item list, or the object itself through checked). An answer
// without that object is not believed (getDecoded's *ShapeError), never "not found": only
// CXone's 404 says an object is gone.
func oneOf[T any](decode func([]byte) ([]T, error), id int64, idOf func(*T) int64) func([]byte) (*T, error) {
	return func(raw []byte) (*T, error) {
		list, err := decode(raw)
		if err != nil {
			return nil, err
		}
		for i := range list {
			if idOf(&list[i]) == id {
				return &list[i], nil
			}
		}
		return nil, fmt.Errorf("the answer does not hold object %d", id)
	}
}

// putThenRead sends PUT path (Admin API, query q, body body) to change the object kind id,
// then reads it back with read, as CXone now stores it; errors say "updating <kind> <id>".
func putThenRead[T any](ctx context.Context, c *Client, path string, q url.Values, body any, kind string, id int64,
	read func(context.Context, int64) (*T, error)) (*T, error) {
	if err := adminCall(ctx, c, http.MethodPut, path, q, body, true, nil); err != nil {
		return nil, fmt.Errorf("updating %s %d: %w", kind, id, err)
	}
	return read(ctx, id)
}

// readCreated ends a create whose answer names the new object's id (idField, nil when
// missing): it returns what the create gave (found, settled by name after a lost answer,
// or err), else reads the new object with read. Errors say "creating <kind> <name>".
func readCreated[T any](ctx context.Context, found *T, err error, id *int64, kind, name, idField string,
	read func(context.Context, int64) (*T, error)) (*T, error) {
	if err != nil || found != nil {
		return found, err
	}
	if id == nil || *id <= 0 {
		return nil, fmt.Errorf("creating %s %q: CXone's answer has no %s", kind, name, idField)
	}
	return read(ctx, *id)
}

// getAdminByID reads the object of kind ("agent", "security profile") whose id, idOf, is id,
// from base/{id} (adminGetOne); errors say "reading <kind> <id>".
func getAdminByID[T any](ctx context.Context, c *Client, base, field, kind string, id int64, idOf func(*T) int64) (*T, error) {
	s := strconv.FormatInt(id, 10)
	v, err := adminGetOne(ctx, c, base+"/"+s, field, kind, s, func(x *T) bool { return idOf(x) == id })
	return result(v, err, "reading %s %d", kind, id)
}

// getFlat reads the object at path that CXone answers as the object itself (GET
// /campaigns/{id}), checked with valid and required to be the one asked for (its id is
// idOf); kind names the object.
func getFlat[T any](ctx context.Context, c *Client, path, kind string, id int64, valid func(*T) string, idOf func(*T) int64) (*T, error) {
	return getDecoded(ctx, c, path, nil, oneOf(checked(unmarshalAs[T], valid), id, idOf), "reading %s %d", kind, id)
}

// searchedKind is an outbound kind whose Admin list takes searchString and isActive and whose
// names are unique (campaigns, dispositions): listed, found by exact name and read by id
// (the flat answer) the same way.
type searchedKind[T any] struct {
	path  string // "/campaigns"; the object of id is at path/{id}
	field string // the list's array in its answer ("campaigns")
	kind  string // the object in messages ("campaign"); its lists are "<kind>s"
	id    func(*T) int64
	name  func(*T) string
	valid func(*T) string // what is wrong with an object of an answer, or ""
}

// list returns every object matching search and active, following every page; each must
// be valid.
func (k searchedKind[T]) list(ctx context.Context, c *Client, search string, active *bool) ([]T, error) {
	list, err := strictAdminList(ctx, c, k.path, adminFilters(search, active), k.field, k.valid)
	return result(list, err, "listing %ss", k.kind)
}

// findByName returns the object with exactly this name, active or not; none is an error
// for which IsNotFound is true. CXone's searchString matches substrings, so the answer is
// filtered here.
func (k searchedKind[T]) findByName(ctx context.Context, c *Client, name string) (*T, error) {
	list, err := k.list(ctx, c, name, nil)
	return findNamed(list, err, k.kind, name, k.name)
}

// get reads one object; an unknown id is an error for which IsNotFound is true.
func (k searchedKind[T]) get(ctx context.Context, c *Client, id int64) (*T, error) {
	return getFlat(ctx, c, idPath(k.path, id), k.kind, id, k.valid, k.id)
}

// idText is the object's id as the messages of a lost create show it.
func (k searchedKind[T]) idText(x *T) string { return strconv.FormatInt(k.id(x), 10) }

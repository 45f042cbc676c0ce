package cxone

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// The steps the per-kind methods share: an error named after what was being done, a read
// whose answer is decoded before it is believed, and a read of one Admin object by id. A
// kind's method then says only its path, its answer's shape and its words.

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
// decode. Errors are named by format and args ("reading DNC group 7"), and an answer that
// decode refuses also names the call ("...: decoding GET /dnc-groups/7: ...").
func getDecoded[T any](ctx context.Context, c *Client, path string, q url.Values, decode func(raw []byte) (T, error), format string, args ...any) (T, error) {
	var zero T
	raw, err := adminGetRaw(ctx, c, path, q)
	if err != nil {
		return zero, failed(err, format, args...)
	}
	v, err := decode(raw)
	if err != nil {
		return zero, failed(err, format+": decoding GET %s", append(args, path)...)
	}
	return v, nil
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

// getAdminByID reads the object of kind ("agent", "security profile") whose id, idOf, is id,
// from base/{id} (adminGetOne); errors say "reading <kind> <id>".
func getAdminByID[T any](ctx context.Context, c *Client, base, field, kind string, id int64, idOf func(*T) int64) (*T, error) {
	s := strconv.FormatInt(id, 10)
	v, err := adminGetOne(ctx, c, base+"/"+s, field, kind, s, func(x *T) bool { return idOf(x) == id })
	return result(v, err, "reading %s %d", kind, id)
}

// getFlat reads the object at path that CXone answers as the object itself (GET
// /campaigns/{id}), checking that it is the one asked for: kind names the object and
// idField its id in the answer ("dispositionId").
func getFlat[T any](ctx context.Context, c *Client, path, kind, idField string, id int64, idOf func(*T) int64) (*T, error) {
	var out T
	if err := adminCall(ctx, c, http.MethodGet, path, nil, nil, true, &out); err != nil {
		return nil, failed(err, "reading %s %d", kind, id)
	}
	if got := idOf(&out); got != id {
		return nil, notThat(kind, id, idField, got)
	}
	return &out, nil
}

// notThat is the error of a read whose answer holds another object than the one asked for.
func notThat(kind string, id int64, idField string, got int64) error {
	return fmt.Errorf("reading %s %d: CXone's answer is not that %s (%s %d)", kind, id, kind, idField, got)
}

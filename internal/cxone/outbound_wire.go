package cxone

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// Wire helpers of the outbound nouns (outbound-api.md): every answer's shape is checked
// before it is believed, so an answer without the list or the id it should hold is an
// error, never an empty list or a zero id.

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

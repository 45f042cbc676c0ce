package cxone

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// findOne returns the first item for which match holds, or a *NotFoundError naming kind and
// id. It is how every read that gets a list answer (a one-element envelope, a list filtered
// by id, all of a kind) says that the object is not there.
func findOne[T any](items []T, kind, id string, match func(*T) bool) (*T, error) {
	for i := range items {
		if match(&items[i]) {
			return &items[i], nil
		}
	}
	return nil, &NotFoundError{Kind: kind, ID: id}
}

// findIn is findOne over the answer of a list read, or the error the read gave (as it is).
func findIn[T any](items []T, err error, kind, id string, match func(*T) bool) (*T, error) {
	if err != nil {
		return nil, err
	}
	return findOne(items, kind, id, match)
}

// adminGetOne reads one object from an Admin API path such as /agents/{id}, which answers the
// list envelope holding that one object under field ("agents", "skills"). Only CXone's 404
// says the object is gone: an answer without the object (empty, {}, an empty list or
// another object) is a *ShapeError, since that is not how CXone answers for an object that
// does not exist.
func adminGetOne[T any](ctx context.Context, c *Client, path, field, kind, id string, match func(*T) bool) (*T, error) {
	var raw json.RawMessage
	if err := adminCall(ctx, c, http.MethodGet, path, nil, nil, true, &raw); err != nil {
		return nil, err
	}
	p, err := decodeAdminPage[T](raw, field, 0)
	if err == nil {
		err = checkItems(p.items, nil)
	}
	if err == nil {
		for i := range p.items {
			if match(&p.items[i]) {
				return &p.items[i], nil
			}
		}
		err = fmt.Errorf("the answer does not hold %s %s", withArticle(kind), id)
	}
	return nil, &ShapeError{Method: http.MethodGet, Path: path, Err: err}
}

// lostCreate describes a create that is never sent twice, for create and settleLostCreate.
type lostCreate[T any] struct {
	// kind names the object ("skill", "integration", "user").
	kind string
	// what names the object in the create's errors ("creating <what> %q"), when not kind.
	what string
	// name is the unique name the object is found by.
	name string
	// find looks the object up by name; not finding it is an error for which IsNotFound is true.
	find func(ctx context.Context, name string) (*T, error)
	// differences lists each field where the object found differs from what was sent.
	differences func(*T) []string
	// id is the object's id, for the messages.
	id func(*T) string
}

// create runs send, the create's request, once: when its answer is lost, the object is
// settled by name (settleLostCreate) and returned; when the answer came, the object is nil
// and the caller reads it from the answer. Errors name the create ("creating campaign
// \"Jungle\": ...").
func (lc lostCreate[T]) create(ctx context.Context, c *Client, send func() error) (*T, error) {
	var found *T
	err := send()
	if errors.Is(err, ErrAnswerLost) {
		found, err = settleLostCreate(ctx, c, err, lc)
	}
	if err != nil {
		return nil, fmt.Errorf("creating %s %q: %w", cmp.Or(lc.what, lc.kind), lc.name, err)
	}
	return found, nil
}

// settleLostCreate decides a create whose answer was lost (err wraps ErrAnswerLost) without
// sending it again: it looks the object up by its unique name. Nothing of that name: the
// create probably did not happen, and err is returned saying so. An object with exactly what
// was sent: the create happened, and the object is returned. One with other values: it is
// not this create's, most likely it held the name first: a *MismatchError.
func settleLostCreate[T any](ctx context.Context, c *Client, err error, lc lostCreate[T]) (*T, error) {
	found, ferr := lc.find(ctx, lc.name)
	if IsNotFound(ferr) {
		return nil, fmt.Errorf("%w; no %s of that name exists, so it was probably not created; trying again is safe", err, lc.kind)
	}
	if ferr != nil {
		return nil, fmt.Errorf("%w (and looking it up afterwards failed: %w)", err, ferr)
	}
	if diffs := lc.differences(found); len(diffs) > 0 {
		return nil, fmt.Errorf("%w, so the name is taken (looked up after: %s)",
			&MismatchError{Kind: lc.kind + " named", Name: lc.name, ID: lc.id(found), Differences: diffs}, err.Error())
	}
	c.log.Warn(ctx, "the answer to "+withArticle(lc.kind)+" create was lost; found it by name instead", map[string]any{"id": lc.id(found)})
	return found, nil
}

// findNamed is the object of list (or the error listing gave) whose name, nameOf, is
// exactly name; none is an error for which IsNotFound is true. kind names the object
// ("campaign").
func findNamed[T any](list []T, err error, kind, name string, nameOf func(*T) string) (*T, error) {
	if err != nil {
		return nil, fmt.Errorf("finding %s %q: %w", kind, name, err)
	}
	return findOne(list, kind+" named", name, func(x *T) bool { return nameOf(x) == name })
}

// withArticle puts "a" or "an" before a noun ("an integration named", "a user named"). The
// nouns are the client's own, none of which starts with a vowel sound spelt u.
func withArticle(noun string) string {
	if noun != "" && strings.ContainsRune("aeio", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// noteDiff appends "field: sent X, CXone has Y" to diffs when sent and found differ.
func noteDiff[T comparable](diffs *[]string, field string, sent, found T) {
	if sent != found {
		*diffs = append(*diffs, fmt.Sprintf("%s: sent %v, CXone has %v", field, quoteIfString(sent), quoteIfString(found)))
	}
}

// quoteIfString quotes strings so an empty or blank value stays visible.
func quoteIfString(v any) any {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return v
}

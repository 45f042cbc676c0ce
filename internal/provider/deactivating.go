package provider

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// deactivatingKind is what a kind CXone deactivates rather than deletes (campaigns,
// dispositions, DNC groups, message templates) says about itself: its wording, how its
// model turns into CXone's input and back, and the client calls of its life cycle, as
// method expressions of readcache.API (readcache.API.Campaign), since the client is
// known only once the provider is configured.
type deactivatingKind[M framework.IdentifiedModel, X, In any] struct {
	retiredKind
	example string                           // an ID of the kind, for the import error: "62001"
	expand  func(M) In                       // IsActive left nil
	flatten func(*X, *M) diag.Diagnostics    // the object as CXone holds it into the model
	active  func(*X) (id int64, active bool) // the object's ID, and whether it is active
	gone    func(*X) bool                    // whether a read object counts as gone; nil: not active
	setOn   func(*In)                        // marks the input active
	get     func(readcache.API, context.Context, int64) (*X, error)
	find    func(readcache.API, context.Context, string) (*X, error)
	create  func(readcache.API, context.Context, In) (*X, error)
	update  func(readcache.API, context.Context, int64, In) (*X, error)
	retire  func(readcache.API, context.Context, int64) error // deactivates
	// createError reports a failed create (addCreateError when nil).
	createError func(diags *diag.Diagnostics, objectType, object, lookUp string, err error)
	// adoptOther, when set, handles an inactive object of the name that cannot be
	// reactivated as this one (a message template of the other type): it reports
	// whether it did, and the object it made.
	adoptOther func(ctx context.Context, c readcache.API, existing *X, in In, diags *diag.Diagnostics) (*X, bool)
}

// deactivating is the life cycle of such a kind: destroy deactivates the object; a
// create whose name belongs to an inactive object reactivates and adopts it, with a
// warning, and one whose name belongs to an active object fails and names the import;
// a read that finds the object inactive counts it as gone. A resource embeds it and
// sets spec in its New function.
type deactivating[M framework.IdentifiedModel, X, In any] struct {
	framework.Resource[M]
	spec *deactivatingKind[M, X, In]
}

// newResource is the resource of the kind, named after its typeName, with its schema
// and its list: a deactivating resource's whole New function.
func (k *deactivatingKind[M, X, In]) newResource(schemaOf func(context.Context) schema.Schema, list framework.Lister[M]) *deactivating[M, X, In] {
	return framework.NewResource[M](&deactivating[M, X, In]{spec: k}, strings.TrimPrefix(k.typeName, "cxone_"), schemaOf, addAPIError, list)
}

// ids is how the kind's numeric IDs are imported and its objects named, in the
// kind's own words.
func (k *deactivatingKind[M, X, In]) ids() numericID[M] {
	return numericID[M]{kind: k.kind, idNoun: k.noun + " ID", example: k.example}
}

// ParseImportID takes the kind's numeric ID.
func (r *deactivating[M, X, In]) ParseImportID(ctx context.Context, id string) (M, error) {
	return r.spec.ids().ParseImportID(ctx, id)
}

// Describe names an object of the kind in messages.
func (r *deactivating[M, X, In]) Describe(m M) (kind, object string) { return r.spec.ids().Describe(m) }

// CreateObject creates the object, or adopts an inactive one of the same name. A lost
// answer is settled inside the client's create by looking the name up, so it never
// makes a second object.
func (r *deactivating[M, X, In]) CreateObject(ctx context.Context, w *framework.Write[M]) (M, error) {
	plan := w.Plan
	name := framework.StringAttribute(plan, "name").ValueString()
	in := r.spec.expand(plan)
	x, err := r.spec.create(r.Client, ctx, in)
	switch {
	case cxone.IsConflict(err):
		x = r.adoptInactive(ctx, name, in, w.Diags)
	case err != nil:
		report := r.spec.createError
		if report == nil {
			report = addCreateError
		}
		report(w.Diags, r.spec.kind, strconv.Quote(name), fmt.Sprintf("the %s data source (name = %q)", r.spec.typeName, name), err)
	}
	if x != nil {
		w.Diags.Append(r.spec.flatten(x, &plan)...)
	}
	return plan, nil
}

// adoptInactive handles a create whose name is taken: an inactive object of that name is
// reactivated with the configured values and adopted (takenByInactive). It returns nil
// after an error.
func (r *deactivating[M, X, In]) adoptInactive(ctx context.Context, name string, in In, diags *diag.Diagnostics) *X {
	existing := takenByInactive(ctx, r.spec.retiredKind, name, func(ctx context.Context, name string) (*X, error) {
		return r.spec.find(r.Client, ctx, name)
	}, r.spec.active, nil, diags)
	if existing == nil {
		return nil
	}
	if r.spec.adoptOther != nil {
		if x, done := r.spec.adoptOther(ctx, r.Client, existing, in, diags); done {
			return x
		}
	}
	id, _ := r.spec.active(existing)
	r.spec.setOn(&in)
	x, err := r.spec.update(r.Client, ctx, id, in)
	if !r.spec.reactivated(ctx, name, id, err, diags) {
		return nil
	}
	return x
}

// ReadObject reads the object. An inactive one is what destroy leaves behind: it counts
// as gone, so the next apply plans a create, which reactivates it.
func (r *deactivating[M, X, In]) ReadObject(ctx context.Context, state M, diags *diag.Diagnostics) (M, error) {
	id, ok := r.spec.ids().idOf(state, "Read", diags)
	if !ok {
		return state, nil
	}
	x, err := r.spec.get(r.Client, ctx, id)
	if err != nil {
		return state, err
	}
	if r.spec.isGone(x) {
		return state, r.spec.inactive(namedObject(framework.StringAttribute(state, "name"), id))
	}
	diags.Append(r.spec.flatten(x, &state)...)
	return state, nil
}

func (k *deactivatingKind[M, X, In]) isGone(x *X) bool {
	if k.gone != nil {
		return k.gone(x)
	}
	_, active := k.active(x)
	return !active
}

// UpdateObject writes the plan to the object.
func (r *deactivating[M, X, In]) UpdateObject(ctx context.Context, w *framework.Write[M]) (M, error) {
	plan := w.Plan
	id, ok := r.spec.ids().idOf(w.State, "Update", w.Diags)
	if !ok {
		return plan, nil
	}
	in := r.spec.expand(plan)
	// The object is active (Read drops inactive ones); saying so again undoes a
	// deactivation that happened between refresh and apply.
	r.spec.setOn(&in)
	x, err := r.spec.update(r.Client, ctx, id, in)
	if err != nil {
		return plan, err
	}
	w.Diags.Append(r.spec.flatten(x, &plan)...)
	return plan, nil
}

// DeleteObject deactivates the object: CXone has no delete for the kind.
func (r *deactivating[M, X, In]) DeleteObject(ctx context.Context, state M, diags *diag.Diagnostics) error {
	id, ok := r.spec.ids().idOf(state, "Delete", diags)
	if !ok {
		return nil
	}
	return r.spec.retire(r.Client, ctx, id)
}

// flattenAll adapts a flatten function that cannot fail to deactivatingKind's.
func flattenAll[X, M any](flatten func(*X, *M)) func(*X, *M) diag.Diagnostics {
	return func(x *X, m *M) diag.Diagnostics {
		flatten(x, m)
		return nil
	}
}

package provider

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

// Helpers of the resources whose IDs are numbers kept as strings (the outbound ones and
// digital skills), and of the kinds CXone deactivates rather than deletes.

// numericID gives ParseImportID and Describe to a resource whose object CXone names by a
// whole number, kept in the model's `id` attribute as a string (and its name in `name`).
type numericID[M framework.IdentifiedModel] struct {
	kind    string // in summaries: "Campaign"
	idNoun  string // what the import ID is: "campaign ID", in "expected a campaign ID"
	example string // an ID of the kind: "62001"
	hint    string // said after the example in the import error: ", not a list name (...)"
	// object words the object by name and ID (namedObject, or skillObject, which keeps
	// an empty name); nil is namedObject.
	object func(name types.String, id int64) string
}

// ParseImportID takes an ID such as 62001.
func (n numericID[M]) ParseImportID(_ context.Context, id string) (M, error) {
	var m M
	if _, err := parseNumericID(id, "the import ID"); err != nil {
		return m, fmt.Errorf("expected %s %s, a whole number such as %s%s: %w", article(n.idNoun), n.idNoun, n.example, n.hint, err)
	}
	return framework.WithAttribute(m, "id", types.StringValue(id)), nil
}

// Describe names the object in messages: by name and ID, or by name alone before it has
// an ID.
func (n numericID[M]) Describe(m M) (kind, object string) {
	name := framework.StringAttribute(m, "name")
	id, err := parseNumericID(framework.StringAttribute(m, "id").ValueString(), "the ID")
	if err != nil {
		return n.kind, strconv.Quote(name.ValueString())
	}
	if n.object != nil {
		return n.kind, n.object(name, id)
	}
	return n.kind, namedObject(name, id)
}

// idOf parses the numeric ID kept in m's id; one that is not a number (a state edited
// by hand) is an error that names the operation and the kind.
func (n numericID[M]) idOf(m M, operation string, diags *diag.Diagnostics) (int64, bool) {
	id, err := parseNumericID(framework.StringAttribute(m, "id").ValueString(), "the "+n.idNoun)
	if err != nil {
		diags.AddError("Unable to "+operation+" "+n.kind, err.Error())
		return 0, false
	}
	return id, true
}

// skillIDs imports a skill of either kind by its skill ID, and names it as skillObject does.
func skillIDs[M framework.IdentifiedModel](kind string) numericID[M] {
	return numericID[M]{kind: kind, idNoun: "skill ID", example: "4000001", object: skillObject}
}

// article is "an" before a vowel ("an agent ID"), else "a".
func article(noun string) string {
	if noun != "" && (noun[0] == 'a' || noun[0] == 'e' || noun[0] == 'i' || noun[0] == 'o' || noun[0] == 'u') {
		return "an"
	}
	return "a"
}

// namedObject names an object in messages: by name and ID, or by ID alone while
// importing, before the name is known.
func namedObject(name types.String, id int64) string {
	if name.IsNull() || name.IsUnknown() || name.ValueString() == "" {
		return fmt.Sprintf("with ID %d", id)
	}
	return fmt.Sprintf("%q (ID %d)", name.ValueString(), id)
}

// retiredKind words the life cycle of a kind CXone deactivates rather than deletes
// (campaigns, dispositions, DNC groups, message templates): a create over an inactive
// object of the same name reactivates and adopts it with a warning, over an active one
// fails and names the import; a read of an inactive one counts it as gone.
type retiredKind struct {
	kind     string // in summaries: "DNC Group"
	typeName string // "cxone_dnc_group"
	noun     string // in details: "DNC group"
	plural   string // "DNC groups"
	short    string // "group", in "this same group"
	family   string // what the errors of a failed create call it, when not noun: "skill" (either kind)
	idKey    string // the log field of the ID: "dnc_group_id"
	kept     string // what a reactivated object keeps, after "managed by this resource": ", with its history"
}

// errNoun is what the errors of a failed create call the object.
func (k retiredKind) errNoun() string {
	if k.family != "" {
		return k.family
	}
	return k.noun
}

// takenByInactive finds the object holding name after CXone refused a create because
// the name is taken. An inactive one is returned, for the caller to reactivate with the
// configured values (then reactivated); an active one, one that cannot be read, or one
// that refuse (nil for none) gives a reason not to adopt whatever its state (a skill of
// another kind), is an error in diags, and nil.
func takenByInactive[X any](ctx context.Context, k retiredKind, name string, find func(context.Context, string) (*X, error),
	idActive func(*X) (int64, bool), refuse func(*X) string, diags *diag.Diagnostics) *X {
	existing, err := find(ctx, name)
	if err != nil {
		addAPIError(diags, "Create", k.kind, strconv.Quote(name),
			fmt.Errorf("CXone reported that the name is taken, but the %s of that name cannot be read: %w", k.errNoun(), err))
		return nil
	}
	if refuse != nil {
		if why := refuse(existing); why != "" {
			diags.AddAttributeError(path.Root("name"), "Unable to Create "+k.kind, why)
			return nil
		}
	}
	id, active := idActive(existing)
	if active {
		diags.AddAttributeError(path.Root("name"), "Unable to Create "+k.kind,
			fmt.Sprintf("CXone already has an active %s named %q (ID %d): an earlier apply may have been cut "+
				"off after creating it, or it was made outside Terraform. %s\n\nOtherwise choose another name.",
				k.noun, name, id, importHint(k.typeName, strconv.FormatInt(id, 10))))
		return nil
	}
	return existing
}

// reactivated reports the reactivation of the inactive object id named name: err, the
// reactivating write's, as an error, else a warning. It reports whether it succeeded.
func (k retiredKind) reactivated(ctx context.Context, name string, id int64, err error, diags *diag.Diagnostics) bool {
	if err != nil {
		addAPIError(diags, "Create", k.kind, fmt.Sprintf("%q (ID %d)", name, id),
			fmt.Errorf("an inactive %s of that name exists, and reactivating it failed: %w", k.errNoun(), err))
		return false
	}
	tflog.Warn(ctx, "reactivated an inactive "+k.noun+" of the same name", map[string]any{k.idKey: id})
	diags.AddWarning("Reactivated Existing "+k.kind,
		fmt.Sprintf("CXone already had an inactive %s named %q (ID %d), probably one destroyed earlier: CXone "+
			"cannot delete %s, only deactivate them. It has been reactivated with the configured values and "+
			"is now managed by this resource%s.", k.noun, name, id, k.plural, k.kept))
	return true
}

// inactive is the "gone" answer of a read that finds the object (named object, as
// namedObject words it) inactive: what destroy leaves behind.
func (k retiredKind) inactive(object string) *framework.Gone {
	noun := strings.ToUpper(k.noun[:1]) + k.noun[1:]
	return &framework.Gone{Summary: k.kind + " Inactive",
		Detail: fmt.Sprintf("%s %s was deactivated outside Terraform. It has been removed from the state; "+
			"the next apply creates it again, which reactivates this same %s.", noun, object, k.short),
		ImportDetail: fmt.Sprintf("%s %s is inactive: CXone keeps retired %s. Remove the import and apply with "+
			"the %s's name: the create reactivates this same %s.", noun, object, k.plural, k.short, k.short)}
}

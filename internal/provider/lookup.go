package provider

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// lookUp is the base of every data source that finds one object of type X by exactly
// one of several attributes (an ID, a name...), with M its model. A data source is
// its schema and a lookUpSpec: lookUp names it, gives its schema (checked against M),
// requires exactly one of spec.keys, asks spec.find, and writes the one object found,
// or says that none or several match, in the same words for every kind.
type lookUp[M any, X any] struct {
	framework.DataSourceWithModel[M]
	spec lookUpSpec[M, X]
}

// newLookUp is the data source that spec describes.
func newLookUp[M any, X any](spec lookUpSpec[M, X]) datasource.DataSource {
	return &lookUp[M, X]{spec: spec}
}

// lookUpSpec is what a look-up says about its kind of object.
type lookUpSpec[M any, X any] struct {
	typeName string               // after "cxone_": "team"
	schema   func() schema.Schema // the data source's schema
	kind     string               // in summaries: "Team" ("Team Not Found")
	nouns    string               // in details, plural: "teams" ("CXone has 2 teams named ...")
	keys     []string             // the attributes to look up by, exactly one of which is set: "id" and "name" when nil
	// find returns the candidates for what cfg asks for: one object read by its ID,
	// or those of a list answer that match exactly (see byID and byName). It may add
	// a diagnostic of its own for a case only its kind has.
	find    func(ctx context.Context, c readcache.API, cfg M, diags *diag.Diagnostics) search[X]
	id      func(X) string // an object's ID, to list several that match
	flatten func(*X, *M)   // the object into the model; attributes looked up by stay as found
}

// search is one look-up: what was looked for, in words, and what CXone answered.
type search[X any] struct {
	searched string // `named "Jungle"`, `with ID 301`: after "CXone has no team"
	note     string // after "CXone has no team ...": the search's scope, how names match
	found    []X
	err      error
}

// byID reads one object by its ID. A numeric ID is written as a number, any other
// quoted; get answers a not-found error for an unknown ID.
func byID[ID int64 | string, X any](ctx context.Context, id ID, get func(context.Context, ID) (*X, error)) search[X] {
	s := search[X]{searched: fmt.Sprintf("with ID %v", id)}
	if str, ok := any(id).(string); ok {
		s.searched = "with ID " + strconv.Quote(str)
	}
	var x *X
	if x, s.err = get(ctx, id); s.err == nil {
		s.found = []X{*x}
	}
	return s
}

// byNumericID is byID for a numeric ID held in a string attribute.
func byNumericID[X any](ctx context.Context, id string, get func(context.Context, int64) (*X, error)) search[X] {
	n, err := parseNumericID(id, "id")
	if err != nil {
		return search[X]{searched: "with ID " + id, err: err}
	}
	return byID(ctx, n, get)
}

// byName keeps the items of a list answer (or the error listing gave) that match;
// the search's words name it by name.
func byName[X any](name string, items []X, err error, match func(X) bool) search[X] {
	s := search[X]{searched: "named " + strconv.Quote(name), note: ". Names match exactly, including case", err: err}
	for _, x := range items {
		if match(x) {
			s.found = append(s.found, x)
		}
	}
	return s
}

// byNumericIDOrName is the search of a look-up by exactly one of a numeric "id" and an
// exact "name": it reads the object by its ID, or keeps the objects that find answers
// for the name whose name, nameOf, is exactly it. find is given that match, for the
// kinds whose look-up takes it.
func byNumericIDOrName[X any](ctx context.Context, id, name types.String, get func(context.Context, int64) (*X, error),
	find func(ctx context.Context, name string, match func(X) bool) ([]X, error), nameOf func(X) string) search[X] {
	if !id.IsNull() {
		return byNumericID(ctx, id.ValueString(), get)
	}
	n := name.ValueString()
	match := func(x X) bool { return nameOf(x) == n }
	found, err := find(ctx, n, match)
	return byName(n, found, err, match)
}

// idAndNameModel is the model of a look-up by "id" or "name", which it gives.
type idAndNameModel interface {
	lookUpKeys() (id, name types.String)
}

// idOrName is the find of a look-up by exactly one of a numeric "id" and an exact
// "name" (byNumericIDOrName).
type idOrName[M idAndNameModel, X any] struct {
	get func(c readcache.API, ctx context.Context, id int64) (*X, error) // reads one by ID: readcache.API.GetWidget
	// candidates are the objects that may be named name (CXone's search, or every
	// object): those named exactly name are kept.
	candidates  func(ctx context.Context, c readcache.API, name string) ([]X, error)
	name        func(X) string
	activeOrNot bool // inactive objects are found too, and the search's words say so
	// reread, if set, reads again the one object found by name, for what CXone's
	// list answer leaves out.
	reread func(ctx context.Context, c readcache.API, x X) (*X, error)
	// check, if set, reports the one object found (named by searched, the search's
	// words) when it is not of the look-up's kind.
	check func(x X, searched string, diags *diag.Diagnostics)
}

// find is the lookUpSpec's find.
func (f idOrName[M, X]) find(ctx context.Context, c readcache.API, cfg M, diags *diag.Diagnostics) search[X] {
	id, name := cfg.lookUpKeys()
	get := func(ctx context.Context, id int64) (*X, error) { return f.get(c, ctx, id) }
	candidates := func(ctx context.Context, name string, _ func(X) bool) ([]X, error) { return f.candidates(ctx, c, name) }
	s := byNumericIDOrName(ctx, id, name, get, candidates, f.name)
	if f.activeOrNot {
		s = activeOrNot(s)
	}
	if len(s.found) != 1 {
		return s
	}
	if f.reread != nil && id.IsNull() {
		x, err := f.reread(ctx, c, s.found[0])
		if err != nil {
			return search[X]{searched: s.searched, err: err}
		}
		s.found[0] = *x
	}
	if f.check != nil {
		f.check(s.found[0], s.searched, diags)
	}
	return s
}

// activeOrNot notes in a search's words that inactive objects are found too.
func activeOrNot[X any](s search[X]) search[X] {
	s.note = ", active or not" + s.note
	return s
}

// numericIDAndNameKeys are the "id" and "name" keys of a look-up by numeric ID or exact
// name; kind is capitalised ("Team"), example an ID ("301").
func numericIDAndNameKeys(kind, example string) (id, name schema.StringAttribute) {
	return lookUpKey(fmt.Sprintf("%s ID to look up, a whole number written as a string (for example `%s`).", kind, example), numericIDValidator()),
		lookUpKey(fmt.Sprintf("Exact, case-sensitive %s name to look up.", strings.ToLower(kind[:1])+kind[1:]), stringvalidator.LengthAtLeast(1))
}

// keyNames are the attributes to look up by.
func (spec lookUpSpec[M, X]) keyNames() []string {
	if spec.keys == nil {
		return []string{"id", "name"}
	}
	return spec.keys
}

// idAndNameSchema is the schema of a look-up by exactly one of a numeric "id" and an
// exact "name" (numericIDAndNameKeys: kind and example are theirs), with its other
// attributes.
func idAndNameSchema(kind, example, description string, attributes map[string]schema.Attribute) schema.Schema {
	attributes["id"], attributes["name"] = numericIDAndNameKeys(kind, example)
	return schema.Schema{MarkdownDescription: description, Attributes: attributes}
}

// Metadata names the data source.
func (d *lookUp[M, X]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.spec.typeName
}

// Schema is the data source's schema; a model that does not match it is an error
// when Terraform loads the provider.
func (d *lookUp[M, X]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.spec.schema()
	var m M
	for _, p := range framework.ModelProblems(resp.Schema, m) {
		resp.Diagnostics.AddError("Data Source Model Does Not Match Its Schema",
			fmt.Sprintf("Data source %s: %s. This is a bug in the provider: please report it.", d.spec.typeName, p))
	}
}

// ConfigValidators requires exactly one of the keys.
func (d *lookUp[M, X]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	keys := make([]path.Expression, len(d.spec.keyNames()))
	for i, k := range d.spec.keyNames() {
		keys[i] = path.MatchRoot(k)
	}
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(keys...)}
}

// Read looks the object up and saves it.
func (d *lookUp[M, X]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg M
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !d.CheckClient(&resp.Diagnostics) {
		return
	}
	s := d.spec.find(ctx, d.Client, cfg, &resp.Diagnostics)
	if x := d.spec.only(s, &resp.Diagnostics); x != nil && !resp.Diagnostics.HasError() {
		d.spec.flatten(x, &cfg)
		resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
	}
}

// only returns the one object s found, or reports none, several, or the failure.
func (spec lookUpSpec[M, X]) only(s search[X], diags *diag.Diagnostics) *X {
	noun := strings.TrimSuffix(spec.nouns, "s")
	switch {
	case diags.HasError():
		return nil
	case cxone.IsNotFound(s.err) || (s.err == nil && len(s.found) == 0):
		diags.AddError(spec.kind+" Not Found", fmt.Sprintf("CXone has no %s %s%s.", noun, s.searched, s.note))
	case s.err != nil:
		addAPIError(diags, "Read", spec.kind, s.searched, s.err)
	case len(s.found) > 1:
		ids := make([]string, len(s.found))
		for i, x := range s.found {
			ids[i] = spec.id(x)
		}
		slices.Sort(ids)
		diags.AddError("More Than One "+spec.kind+" Found",
			fmt.Sprintf("CXone has %d %s %s (IDs %s). Look it up by %s instead.",
				len(ids), spec.nouns, s.searched, strings.Join(ids, ", "), spec.keyNames()[0]))
	default:
		return &s.found[0]
	}
	return nil
}

// lookUpKey is a string attribute to look up by, which is also set from the
// object found.
func lookUpKey(description string, v validator.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Optional: true, Computed: true, Validators: []validator.String{v}}
}

// computedString, computedInt64 and computedBool are the attributes a look-up
// sets from the object found.
func computedString(description string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Computed: true}
}

func computedInt64(description string) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: description, Computed: true}
}

func computedBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: description, Computed: true}
}

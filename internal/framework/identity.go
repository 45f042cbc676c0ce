package framework

import (
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// IdentifiedModel is implemented by the model of every resource. Identity returns
// the resource identity (Terraform 1.12+) of the object the model holds. The
// identity is a struct of types.Int64 and types.String fields with tfsdk and
// description tags: the identity schema is built from it, so the two never part.
type IdentifiedModel interface {
	Identity() Identity
}

// Identity is a resource identity: a struct of types.Int64 and types.String
// fields with tfsdk and description tags. An import by identity goes through the
// same parser as an import by ID, with the identity written as an import ID: its
// fields in order, joined by "/" ("1001/4000001"), or what its ImportID method
// says when it has one.
type Identity any

// IdentityAttribute is one attribute of an identity that a model declares as data
// (IdentityOf) rather than as a struct type of its own.
type IdentityAttribute struct {
	Name, Description string
	Value             attr.Value // types.Int64 or types.String
}

// IdentityOf is the identity made of attrs, in order: a struct with a types.Int64 or
// types.String field for each, tagged with its name and description, which the rest
// of the framework reads as it reads an identity struct written by hand. Every model
// of a type gives the same attributes (names, descriptions and value types), so the
// struct type is the same for all of them, the zero model's included.
func IdentityOf(attrs ...IdentityAttribute) Identity {
	fields := make([]reflect.StructField, len(attrs))
	for i, a := range attrs {
		fields[i] = reflect.StructField{
			Name: fmt.Sprintf("A%d", i),
			Type: reflect.TypeOf(a.Value),
			Tag:  reflect.StructTag(fmt.Sprintf("tfsdk:%q description:%q", a.Name, a.Description)),
		}
	}
	v := reflect.New(reflect.StructOf(fields)).Elem()
	for i, a := range attrs {
		v.Field(i).Set(reflect.ValueOf(a.Value))
	}
	return v.Interface()
}

// IdentityValue is the identity attribute name, described as description, holding v
// (a types.Int64 or types.String, never nil).
func IdentityValue(name, description string, v attr.Value) IdentityAttribute {
	return IdentityAttribute{Name: name, Description: description, Value: v}
}

// NumericID is an identity attribute holding, as a number, the whole number a model
// keeps as a string (CXone's numeric IDs are strings in the schema); an ID not known
// yet, or not a number, is null.
func NumericID(name, description string, id types.String) IdentityAttribute {
	n, err := strconv.ParseInt(id.ValueString(), 10, 64)
	v := types.Int64Value(n)
	if id.IsNull() || id.IsUnknown() || err != nil {
		v = types.Int64Null()
	}
	return IdentityAttribute{Name: name, Description: description, Value: v}
}

// importIDOf writes an identity as an import ID; a null or unknown field is "",
// which the parsers reject with the form they expect.
func importIDOf(id Identity) string {
	if w, ok := id.(interface{ ImportID() string }); ok {
		return w.ImportID()
	}
	v := reflect.ValueOf(id)
	parts := make([]string, v.NumField())
	for i := range parts {
		switch f := v.Field(i).Interface().(type) {
		case types.String:
			parts[i] = f.ValueString()
		case types.Int64:
			if !f.IsNull() && !f.IsUnknown() {
				parts[i] = strconv.FormatInt(f.ValueInt64(), 10)
			}
		}
	}
	return strings.Join(parts, "/")
}

// IdentitySchemaOf builds the identity schema of the resource whose model is T.
func IdentitySchemaOf[T any]() (identityschema.Schema, error) {
	var zero T
	m, ok := any(zero).(IdentifiedModel)
	if !ok {
		return identityschema.Schema{}, fmt.Errorf("model %T has no Identity method (see framework.IdentifiedModel)", zero)
	}
	t := reflect.TypeOf(m.Identity())
	if t.Kind() != reflect.Struct {
		return identityschema.Schema{}, fmt.Errorf("the identity of model %T is a %s, not a struct", zero, t)
	}
	attrs := map[string]identityschema.Attribute{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, desc := f.Tag.Get("tfsdk"), f.Tag.Get("description")
		if name == "" || desc == "" {
			return identityschema.Schema{}, fmt.Errorf("field %s of identity %s needs tfsdk and description tags", f.Name, t)
		}
		switch f.Type {
		case reflect.TypeFor[types.Int64]():
			attrs[name] = identityschema.Int64Attribute{RequiredForImport: true, Description: desc}
		case reflect.TypeFor[types.String]():
			attrs[name] = identityschema.StringAttribute{RequiredForImport: true, Description: desc}
		default:
			return identityschema.Schema{}, fmt.Errorf("field %s of identity %s is a %s; identities hold types.Int64 and types.String", f.Name, t, f.Type)
		}
	}
	return identityschema.Schema{Attributes: attrs}, nil
}

// setState saves m as the resource's state and its identity, as every Create,
// Read and Update ends.
func setState[T IdentifiedModel](ctx context.Context, state *tfsdk.State, identity *tfsdk.ResourceIdentity, m T, diags *diag.Diagnostics) {
	diags.Append(state.Set(ctx, m)...)
	setIdentity(ctx, identity, m, diags)
}

// setIdentity sets the identity of the object m holds. A Read that finds the object
// gone calls it with the prior state before removing it: the framework wants an
// identity from every Read, and a state written before identities existed has none.
func setIdentity[T IdentifiedModel](ctx context.Context, identity *tfsdk.ResourceIdentity, m T, diags *diag.Diagnostics) {
	if identity != nil {
		diags.Append(identity.Set(ctx, m.Identity())...)
	}
}

// importID returns the ID to import: the one given by `terraform import` or an
// import block's id, or else the import block's identity written as an ID, so that
// each resource parses one form only.
func importID[T IdentifiedModel](ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) (string, bool) {
	if req.ID != "" || req.Identity == nil {
		return req.ID, true
	}
	var zero T
	target := reflect.New(reflect.TypeOf(zero.Identity()))
	diags.Append(req.Identity.Get(ctx, target.Interface())...)
	if diags.HasError() {
		return "", false
	}
	return importIDOf(target.Elem().Interface()), true
}

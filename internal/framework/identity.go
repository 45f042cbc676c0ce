package framework

import (
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"

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

package framework

import (
	"context"
	"fmt"
	"reflect"

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

// Identity is a resource identity. ImportID writes it as the resource's import ID,
// so that an import by identity goes through the same parser as an import by ID.
type Identity interface {
	ImportID() string
}

// IdentitySchema is built from the struct that T's Identity returns. A model
// without one is reported here, which fails every use of the provider's schema,
// and TestEveryResourceHasIdentity names it first.
func (*ResourceWithModel[T]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	s, err := IdentitySchemaOf[T]()
	if err != nil {
		resp.Diagnostics.AddError("Resource Has No Identity", err.Error()+". This is a bug in the provider: please report it.")
		return
	}
	resp.IdentitySchema = s
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

// SetState saves m as the resource's state and its identity, as every Create,
// Read and Update ends.
func (r *ResourceWithModel[T]) SetState(ctx context.Context, state *tfsdk.State, identity *tfsdk.ResourceIdentity, m *T, diags *diag.Diagnostics) {
	diags.Append(state.Set(ctx, m)...)
	r.SetIdentity(ctx, identity, *m, diags)
}

// SetIdentity sets the identity of the object m holds. A Read that finds the object
// gone calls it with the prior state before removing it: the framework wants an
// identity from every Read, and a state written before identities existed has none.
func (*ResourceWithModel[T]) SetIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, m T, diags *diag.Diagnostics) {
	im, ok := any(m).(IdentifiedModel)
	if identity == nil || !ok {
		return
	}
	diags.Append(identity.Set(ctx, im.Identity())...)
}

// ImportID returns the ID to import: the one given by `terraform import` or an
// import block's id, or else the import block's identity written as an ID, so that
// each resource parses one form only.
func (*ResourceWithModel[T]) ImportID(ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) (string, bool) {
	if req.ID != "" || req.Identity == nil {
		return req.ID, true
	}
	var zero T
	im, ok := any(zero).(IdentifiedModel)
	if !ok {
		diags.AddError("Unable to Import by Identity", fmt.Sprintf("Model %T has no identity. This is a bug in the provider: please report it.", zero))
		return "", false
	}
	target := reflect.New(reflect.TypeOf(im.Identity()))
	diags.Append(req.Identity.Get(ctx, target.Interface())...)
	if diags.HasError() {
		return "", false
	}
	id, ok := target.Elem().Interface().(Identity)
	if !ok {
		diags.AddError("Unable to Import by Identity", fmt.Sprintf("%s is not an identity. This is a bug in the provider: please report it.", target.Elem().Type()))
		return "", false
	}
	return id.ImportID(), true
}

// SetImportedIdentity sets the identity from what ImportState put in the state
// (the object's IDs), so an import by ID answers with the identity too, and marks
// the state as imported for the Read that follows (ReadAfterImport).
func (r *ResourceWithModel[T]) SetImportedIdentity(ctx context.Context, resp *resource.ImportStateResponse) {
	if resp.Diagnostics.HasError() {
		return
	}
	var m T
	resp.Diagnostics.Append(resp.State.Get(ctx, &m)...)
	r.SetIdentity(ctx, resp.Identity, m, &resp.Diagnostics)
	markImported(ctx, resp)
}

// identitySchemaOwner is the part of resource.ResourceWithIdentity the base gives.
type identitySchemaOwner interface {
	IdentitySchema(context.Context, resource.IdentitySchemaRequest, *resource.IdentitySchemaResponse)
}

var _ identitySchemaOwner = (*ResourceWithModel[struct{}])(nil)

package provider

import (
	"context"
	"fmt"
	"reflect"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// modelCodec converts between a resource's model struct and the Terraform value of
// its state or plan, the job of tfsdk.State.Get and Set. Those find the model's
// fields by reflection on every call: they parse the struct tags, compile a
// regular expression per field and look every attribute up in the schema by path.
// A refresh of a thousand resources made that a fifth of the provider's CPU time
// and allocations. The codec does that work once per model type, the first time it
// sees the schema, and then only moves values.
//
// It covers models whose fields are all attr.Value types with a `tfsdk` tag, which
// match the schema's attributes and blocks one to one and need no validation of
// their own. Null and unknown attributes are values like any other. For any other
// model, or a value it cannot take (a null or unknown object, a field holding a
// value of another type, a value its type's own check rejects), it uses the
// framework's reflection, so the result and the diagnostics are always the
// framework's. Tests compare both ways for every model.
type modelCodec[T any] struct {
	once   sync.Once
	fields []codecField
	// objType is the Terraform type of the whole object.
	objType tftypes.Type
	// fast is false when the model cannot be handled without reflection.
	fast bool
	// why says why fast is false, for tests.
	why string
}

// codecField is one field of the model: where it is, which attribute it holds and
// the types that convert it.
type codecField struct {
	index    int
	name     string
	path     path.Path
	attrType attr.Type
	tfType   tftypes.Type
	// validator is the attribute type's own check (Int64Type has one), which the
	// framework runs on every value it converts; so does the codec.
	//nolint:staticcheck // xattr.TypeWithValidate is deprecated, but the framework still honours it.
	validator xattr.TypeWithValidate
}

// valid runs the type's own check; any diagnostic, even a warning, sends the
// value to the framework, which reports it.
func (f *codecField) valid(ctx context.Context, v tftypes.Value) bool {
	return f.validator == nil || len(f.validator.Validate(ctx, v, f.path)) == 0
}

// codecSchema is what the codec needs of the framework's schema (the type of
// tfsdk.State.Schema is internal to the framework).
type codecSchema interface {
	Type() attr.Type
	TypeAtPath(context.Context, path.Path) (attr.Type, diag.Diagnostics)
}

// ready builds the field table from the schema the first time one is given, and
// tells whether the codec can be used.
func (c *modelCodec[T]) ready(ctx context.Context, schema codecSchema) bool {
	if schema == nil {
		return false
	}
	c.once.Do(func() {
		c.fast, c.why = c.build(ctx, schema)
	})
	return c.fast
}

func (c *modelCodec[T]) build(ctx context.Context, schema codecSchema) (bool, string) {
	schemaType, ok := schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		return false, "the schema is not an object"
	}
	var zero T
	typ := reflect.TypeOf(zero)
	if typ.Kind() != reflect.Struct {
		return false, fmt.Sprintf("%s is not a struct", typ)
	}
	attrValue := reflect.TypeFor[attr.Value]()
	seen := map[string]bool{}
	for i := range typ.NumField() {
		f := typ.Field(i)
		tag, ok := f.Tag.Lookup("tfsdk")
		if f.Anonymous || !f.IsExported() {
			return false, fmt.Sprintf("field %s is embedded or unexported", f.Name)
		}
		if !ok || tag == "-" {
			return false, fmt.Sprintf("field %s has no tfsdk tag", f.Name)
		}
		if !f.Type.Implements(attrValue) {
			return false, fmt.Sprintf("field %s is not an attr.Value", f.Name)
		}
		if reflect.PointerTo(f.Type).Implements(reflect.TypeFor[xattr.ValidateableAttribute]()) ||
			f.Type.Implements(reflect.TypeFor[xattr.ValidateableAttribute]()) {
			return false, fmt.Sprintf("field %s validates itself", f.Name)
		}
		at, diags := schema.TypeAtPath(ctx, path.Root(tag))
		if diags.HasError() {
			return false, fmt.Sprintf("attribute %q is not in the schema", tag)
		}
		//nolint:staticcheck // xattr.TypeWithValidate is deprecated, but the framework still honours it.
		validator, _ := at.(xattr.TypeWithValidate)
		if reflect.TypeOf(at.ValueType(ctx)) != f.Type {
			return false, fmt.Sprintf("field %s is a %s, attribute %q holds %T", f.Name, f.Type, tag, at.ValueType(ctx))
		}
		tfType := at.TerraformType(ctx)
		if st, ok := schemaType.AttributeTypes[tag]; !ok || !st.Equal(tfType) {
			return false, fmt.Sprintf("attribute %q has another type in the schema", tag)
		}
		seen[tag] = true
		c.fields = append(c.fields, codecField{index: i, name: tag, path: path.Root(tag), attrType: at, tfType: tfType, validator: validator})
	}
	for name := range schemaType.AttributeTypes {
		if !seen[name] {
			return false, fmt.Sprintf("attribute %q has no field", name)
		}
	}
	c.objType = schemaType
	return true, ""
}

// decode fills target from a known, non-null object value; ok is false when the
// value is not one the codec takes, and target is then untouched.
func (c *modelCodec[T]) decode(ctx context.Context, raw tftypes.Value, target *T) bool {
	if !raw.IsKnown() || raw.IsNull() || !raw.Type().Equal(c.objType) {
		return false
	}
	var attrs map[string]tftypes.Value
	if err := raw.As(&attrs); err != nil {
		return false
	}
	var out T
	dst := reflect.ValueOf(&out).Elem()
	for i := range c.fields {
		f := &c.fields[i]
		tv := attrs[f.name]
		v, err := f.attrType.ValueFromTerraform(ctx, tv)
		if err != nil || !f.valid(ctx, tv) {
			return false
		}
		rv := reflect.ValueOf(v)
		if rv.Type() != dst.Field(f.index).Type() {
			return false
		}
		dst.Field(f.index).Set(rv)
	}
	*target = out
	return true
}

// encode turns src into the object value; ok is false when a field holds a value
// of another type than its attribute's, which the framework reports better.
func (c *modelCodec[T]) encode(ctx context.Context, src *T) (tftypes.Value, bool) {
	attrs := make(map[string]tftypes.Value, len(c.fields))
	rv := reflect.ValueOf(src).Elem()
	for i := range c.fields {
		f := &c.fields[i]
		av, _ := rv.Field(f.index).Interface().(attr.Value)
		if av == nil {
			return tftypes.Value{}, false
		}
		tv, err := av.ToTerraformValue(ctx)
		if err != nil || !tv.Type().Equal(f.tfType) || !f.valid(ctx, tv) {
			return tftypes.Value{}, false
		}
		attrs[f.name] = tv
	}
	return tftypes.NewValue(c.objType, attrs), true
}

// getState is req.State.Get(ctx, target) through the codec.
func (c *modelCodec[T]) getState(ctx context.Context, s tfsdk.State, target *T) diag.Diagnostics {
	if c.ready(ctx, s.Schema) && c.decode(ctx, s.Raw, target) {
		return nil
	}
	return s.Get(ctx, target)
}

// getPlan is req.Plan.Get(ctx, target) through the codec.
func (c *modelCodec[T]) getPlan(ctx context.Context, p tfsdk.Plan, target *T) diag.Diagnostics {
	if c.ready(ctx, p.Schema) && c.decode(ctx, p.Raw, target) {
		return nil
	}
	return p.Get(ctx, target)
}

// setState is resp.State.Set(ctx, src) through the codec.
func (c *modelCodec[T]) setState(ctx context.Context, s *tfsdk.State, src *T) diag.Diagnostics {
	if !c.ready(ctx, s.Schema) {
		return s.Set(ctx, src)
	}
	if v, ok := c.encode(ctx, src); ok {
		s.Raw = v
		return nil
	}
	return s.Set(ctx, src)
}

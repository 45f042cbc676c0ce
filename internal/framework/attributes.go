package framework

import (
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// StringAttribute is the value of the top-level String attribute name of model m (the
// field tagged `tfsdk:"name"`), so that code shared by several resources can read the
// `id` or `name` every model of theirs has. It is null when m has no such field.
func StringAttribute(m any, name string) types.String {
	if f, ok := modelField(reflect.ValueOf(m), name); ok {
		if s, ok := f.Interface().(types.String); ok {
			return s
		}
	}
	return types.StringNull()
}

// WithAttribute returns m with its top-level attribute name set to v; m is returned as
// it was when it has no such field of v's type.
func WithAttribute[M any](m M, name string, v attr.Value) M {
	p := reflect.ValueOf(&m).Elem()
	if f, ok := modelField(p, name); ok && f.CanSet() && reflect.TypeOf(v) == f.Type() {
		f.Set(reflect.ValueOf(v))
	}
	return m
}

// modelField is the field of struct v tagged `tfsdk:"name"`, or of a struct v embeds
// without a tag (the framework promotes its fields).
func modelField(v reflect.Value, name string) (reflect.Value, bool) {
	if v.Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	for i := range v.NumField() {
		f := v.Type().Field(i)
		tag := f.Tag.Get("tfsdk")
		if tag == name {
			return v.Field(i), true
		}
		if tag == "" && f.Anonymous {
			if field, ok := modelField(v.Field(i), name); ok {
				return field, true
			}
		}
	}
	return reflect.Value{}, false
}

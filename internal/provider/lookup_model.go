package provider

import (
	"reflect"
	"strings"
)

// fromResource is the flatten function of a look-up whose model M shares attributes
// with the model R of the resource of the same kind: the object is flattened as the
// resource flattens it, every field of R whose attribute M has too is copied (a
// field of M is matched by its tfsdk tag, and copied only when its Go type is the
// same), and more, if any, sets the attributes only the look-up has, or that it
// reads otherwise. So a look-up states what differs from its resource, not each
// attribute again.
func fromResource[X any, R any, M any](flatten func(*X, *R), more func(*X, *M)) func(*X, *M) {
	return func(x *X, m *M) {
		var r R
		flatten(x, &r)
		var out M
		copyAttributes(reflect.ValueOf(&out).Elem(), reflect.ValueOf(r))
		if more != nil {
			more(x, &out)
		}
		*m = out
	}
}

// copyAttributes sets each field of the struct dst from the field of the struct src
// with the same tfsdk tag and Go type; dst's other fields are left as they are.
func copyAttributes(dst, src reflect.Value) {
	from := map[string]reflect.Value{}
	for i := range src.NumField() {
		if tag := tfsdkTag(src.Type().Field(i)); tag != "" {
			from[tag] = src.Field(i)
		}
	}
	for i := range dst.NumField() {
		if v, ok := from[tfsdkTag(dst.Type().Field(i))]; ok && v.Type() == dst.Field(i).Type() {
			dst.Field(i).Set(v)
		}
	}
}

// tfsdkTag is the attribute name a model field maps, or "" for a field that maps none.
func tfsdkTag(f reflect.StructField) string {
	tag, _, _ := strings.Cut(f.Tag.Get("tfsdk"), ",")
	if !f.IsExported() || tag == "-" {
		return ""
	}
	return tag
}

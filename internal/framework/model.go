package framework

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"

	actionschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	datasourceschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	ephemeralschema "github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	resourceschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// ModelProblems lists the differences between schema s and model: every
// attribute and block of s needs a field with the same tfsdk tag in model, and every
// tfsdk field of model an attribute in s. Where a field's type is a framework value
// type (types.String and the like), it must be the value type of the schema's
// attribute, so that a types.Int64 field for a String attribute is caught here
// rather than as a runtime diagnostic. Nested blocks and nested attributes whose
// model field is a struct (or a slice of, or pointer to, a struct) are checked the
// same way, recursively.
//
// s is a resource, data source, ephemeral resource or action schema.Schema (a value or a
// pointer); model is the model struct or a pointer to it.
func ModelProblems(s any, model any) []string {
	switch s.(type) {
	case resourceschema.Schema, *resourceschema.Schema, datasourceschema.Schema, *datasourceschema.Schema,
		ephemeralschema.Schema, *ephemeralschema.Schema, actionschema.Schema, *actionschema.Schema:
	default:
		return []string{fmt.Sprintf("want a resource or data source schema.Schema, got %T", s)}
	}
	mt := reflect.TypeOf(model)
	for mt != nil && mt.Kind() == reflect.Pointer {
		mt = mt.Elem()
	}
	if mt == nil || mt.Kind() != reflect.Struct {
		return []string{fmt.Sprintf("want a model struct, got %T", model)}
	}
	return schemaModelProblems("", schemaNodeOf(reflect.ValueOf(s)), mt)
}

// schemaNode is what the parity check needs to know about one level of a schema.
type schemaNode struct {
	types  map[string]attr.Type     // attribute or block name -> its type
	nested map[string]reflect.Value // name -> nested object, for nested attributes and blocks
}

// attrValueType is implemented by every framework value type (types.String, timeouts.Value...).
var attrValueType = reflect.TypeOf((*attr.Value)(nil)).Elem()

// schemaNodeOf reads a schema, or a nested attribute or block object, through the
// GetAttributes and GetBlocks methods that resource and data source schemas and
// their nested objects share. Their result types live in an internal framework
// package, so they are reached by reflection.
func schemaNodeOf(v reflect.Value) schemaNode {
	n := schemaNode{types: map[string]attr.Type{}, nested: map[string]reflect.Value{}}
	for _, method := range []string{"GetAttributes", "GetBlocks"} {
		m := v.MethodByName(method)
		if !m.IsValid() {
			continue
		}
		elems := m.Call(nil)[0]
		iter := elems.MapRange()
		for iter.Next() {
			name, elem := iter.Key().String(), iter.Value()
			switch e := elem.Interface().(type) {
			case interface{ GetType() attr.Type }: // attribute
				n.types[name] = e.GetType()
			case interface{ Type() attr.Type }: // block
				n.types[name] = e.Type()
			default:
				n.types[name] = nil
			}
			if get := elem.MethodByName("GetNestedObject"); get.IsValid() {
				n.nested[name] = get.Call(nil)[0]
			}
		}
	}
	return n
}

// schemaModelProblems compares one schema level with one model struct; prefix is
// the path of that level, for messages.
func schemaModelProblems(prefix string, n schemaNode, mt reflect.Type) []string {
	fields := map[string]reflect.StructField{}
	problems := modelFields(prefix, mt, fields)

	for _, name := range sortedKeys(n.types) {
		f, ok := fields[name]
		if !ok {
			problems = append(problems, "schema attribute "+prefix+name+" has no model field in "+mt.Name())
			continue
		}
		problems = append(problems, fieldTypeProblems(prefix+name, n, name, f)...)
	}
	for _, name := range sortedKeys(fields) {
		if _, ok := n.types[name]; !ok {
			problems = append(problems, "model "+mt.Name()+" field "+fields[name].Name+
				" (tfsdk "+prefix+name+") has no schema attribute")
		}
	}
	return problems
}

// modelFields adds the tfsdk fields of the model struct mt to fields, by tag, with
// those of the structs it embeds without a tag (the framework promotes their fields),
// and lists the fields that have no tag.
func modelFields(prefix string, mt reflect.Type, fields map[string]reflect.StructField) []string {
	var problems []string
	for i := range mt.NumField() {
		f := mt.Field(i)
		tag := strings.Split(f.Tag.Get("tfsdk"), ",")[0]
		switch {
		case tag == "" && f.Anonymous && f.Type.Kind() == reflect.Struct:
			problems = append(problems, modelFields(prefix, f.Type, fields)...)
		case !f.IsExported() || tag == "-":
		case tag == "":
			problems = append(problems, "model "+mt.Name()+" field "+f.Name+" has no tfsdk tag (at "+orRoot(prefix)+")")
		default:
			fields[tag] = f
		}
	}
	return problems
}

// fieldTypeProblems checks the Go type of one model field against its schema entry.
func fieldTypeProblems(at string, n schemaNode, name string, f reflect.StructField) []string {
	ft := f.Type
	if ft.Implements(attrValueType) {
		if typ := n.types[name]; typ != nil {
			if want := reflect.TypeOf(typ.ValueType(context.Background())); want != ft {
				return []string{"model field " + f.Name + " for " + at + " is " + ft.String() + ", schema wants " + want.String()}
			}
		}
		return nil
	}
	// A nested object modelled as a Go struct: compare that struct with the nested schema.
	elem := ft
	for elem.Kind() == reflect.Pointer || elem.Kind() == reflect.Slice {
		elem = elem.Elem()
	}
	if obj, ok := n.nested[name]; ok && elem.Kind() == reflect.Struct {
		return schemaModelProblems(at+".", schemaNodeOf(obj), elem)
	}
	return nil
}

func orRoot(prefix string) string {
	if prefix == "" {
		return "the top level"
	}
	return strings.TrimSuffix(prefix, ".")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

package framework

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type (
	noIdentityModel  struct{}
	scalarIdentity   struct{}
	untaggedIdentity struct{ ID types.String }
	boolIdentity     struct {
		On types.Bool `tfsdk:"on" description:"On."`
	}
)

func (scalarIdentity) Identity() Identity   { return "42" }
func (untaggedIdentity) Identity() Identity { return untaggedIdentity{} }
func (boolIdentity) Identity() Identity     { return boolIdentity{} }

// TestIdentitySchemaOf: the identity schema is built from the identity struct,
// every attribute required for import; a model whose identity cannot be one says why.
func TestIdentitySchemaOf(t *testing.T) {
	s, err := IdentitySchemaOf[model]()
	id, ok := s.Attributes["id"].(identityschema.StringAttribute)
	if err != nil || len(s.Attributes) != 1 || !ok || !id.RequiredForImport || id.Description != "The ID." {
		t.Fatalf("schema of model: %+v, %v", s, err)
	}
	s, err = IdentitySchemaOf[pairIdentityModel]()
	if _, ok := s.Attributes["agent_id"].(identityschema.Int64Attribute); err != nil || !ok || len(s.Attributes) != 2 {
		t.Fatalf("schema of a pair: %+v, %v", s, err)
	}
	for name, got := range map[string]error{
		"has no Identity method":          second(IdentitySchemaOf[noIdentityModel]()),
		"not a struct":                    second(IdentitySchemaOf[scalarIdentity]()),
		"needs tfsdk and description":     second(IdentitySchemaOf[untaggedIdentity]()),
		"identities hold types.Int64 and": second(IdentitySchemaOf[boolIdentity]()),
	} {
		if got == nil || !strings.Contains(got.Error(), name) {
			t.Errorf("want an error saying %q, got %v", name, got)
		}
	}
}

type pairIdentityModel struct{}

func (pairIdentityModel) Identity() Identity { return pairIdentity{} }

func second[A, B any](_ A, b B) B { return b }

type declaredIdentityModel struct {
	ID      types.String
	Channel types.String
}

func (m declaredIdentityModel) Identity() Identity {
	return IdentityOf(NumericID("list_id", "The list ID.", m.ID),
		IdentityValue("channel_id", "The channel ID.", m.Channel))
}

// TestIdentityOf: an identity declared as data gives the same schema, import ID and
// struct type as one written as a struct, whatever the model holds.
func TestIdentityOf(t *testing.T) {
	s, err := IdentitySchemaOf[declaredIdentityModel]()
	list, ok := s.Attributes["list_id"].(identityschema.Int64Attribute)
	if _, ok2 := s.Attributes["channel_id"].(identityschema.StringAttribute); err != nil || !ok || !ok2 ||
		!list.RequiredForImport || list.Description != "The list ID." {
		t.Fatalf("schema: %+v, %v", s, err)
	}
	m := declaredIdentityModel{ID: types.StringValue("65001"), Channel: types.StringValue("c-1")}
	if got := importIDOf(m.Identity()); got != "65001/c-1" {
		t.Errorf("import ID %q, want 65001/c-1", got)
	}
	if reflect.TypeOf(m.Identity()) != reflect.TypeOf(declaredIdentityModel{}.Identity()) {
		t.Error("the identity's type depends on the model's values")
	}
	for _, id := range []types.String{types.StringNull(), types.StringUnknown(), types.StringValue("x")} {
		if v := NumericID("id", "ID.", id).Value; !v.IsNull() {
			t.Errorf("NumericID of %v is %v, want null", id, v)
		}
	}
}

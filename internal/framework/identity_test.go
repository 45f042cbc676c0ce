package framework

import (
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

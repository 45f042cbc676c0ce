package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// TestAddCreateError: a create that CXone did not refuse (a 500, a lost answer) may have
// made the object, and the diagnostic says so and how to check; a refusal does not.
func TestAddCreateError(t *testing.T) {
	for _, tc := range []struct {
		err       error
		mayExists bool
	}{
		{&cxone.APIError{Status: 500, Message: "boom"}, true},
		{fmt.Errorf("creating: %w", cxone.ErrAnswerLost), true},
		{&cxone.APIError{Status: 422, Message: "bad"}, false},
		{&cxone.APIError{Status: 409, Message: "taken"}, false},
	} {
		var diags diag.Diagnostics
		addCreateError(&diags, "Digital Skill", `"Den"`, `the cxone_digital_skill data source (name = "Den")`, tc.err)
		if len(diags) != 1 || diags[0].Summary() != "Unable to Create Digital Skill" {
			t.Fatalf("%v: diagnostics %v", tc.err, diags)
		}
		d := diags[0].Detail()
		if got := strings.Contains(d, "CXone may have made the digital skill") && strings.Contains(d, "cxone_digital_skill data source"); got != tc.mayExists {
			t.Errorf("%v: says the skill may exist = %t, want %t:\n%s", tc.err, got, tc.mayExists, d)
		}
	}
}

// TestImportHint: skills and integrations give the import in the same words, with the
// type, the ID and one placeholder for the name, in the command and in the block.
func TestImportHint(t *testing.T) {
	for _, typ := range []string{"cxone_digital_skill", "cxone_byoc_integration"} {
		h := importHint(typ, "4000001")
		for _, want := range []string{
			"terraform import " + typ + ".<name> 4000001",
			"to = " + typ + ".<name>",
			`id = "4000001"`,
			`"with" line`,
		} {
			if !strings.Contains(h, want) {
				t.Errorf("importHint(%s) lacks %q:\n%s", typ, want, h)
			}
		}
	}
}

// TestAPIAnswerSettingHint: a settings error leads with the setting to check.
func TestAPIAnswerSettingHint(t *testing.T) {
	err := fmt.Errorf("reading: %w", &cxone.ConfigError{Kind: cxone.ConfigUnknownTenant, Hint: "check tenant_id (CXONE_TENANT_ID).",
		Err: &cxone.APIError{Status: 404}})
	if got := apiAnswer("", err); !strings.HasPrefix(got, "check tenant_id (CXONE_TENANT_ID).") {
		t.Fatalf("apiAnswer = %q", got)
	}
}

// TestByocIntegrationImportID: a name or any other non-UUID gets a hint, before any call.
func TestByocIntegrationImportID(t *testing.T) {
	r, ok := NewByocIntegrationResource().(*byocIntegrationResource)
	if !ok {
		t.Fatal("NewByocIntegrationResource does not build a *byocIntegrationResource")
	}
	resp := importState(t, r, byocIntegrationSchema(context.Background()), "The Watering Hole")
	if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "not by its name") {
		t.Fatalf("import by name: %v", resp.Diagnostics)
	}
	if resp := importState(t, r, byocIntegrationSchema(context.Background()), "35a44781-7be7-40ac-942e-dda22d52c99d"); resp.Diagnostics.HasError() {
		t.Fatalf("import by UUID: %v", resp.Diagnostics)
	}
}

// TestUserDataSourceDigitalEngagementDeprecated: the look-up's digital_engagement_enabled
// changes after this provider's own grant, so it is deprecated in favour of the resource.
func TestUserDataSourceDigitalEngagementDeprecated(t *testing.T) {
	a := userDataSourceSchema().Attributes["digital_engagement_enabled"]
	if msg := a.GetDeprecationMessage(); !strings.Contains(msg, "cxone_digital_user_permissions") {
		t.Fatalf("deprecation message = %q", msg)
	}
}

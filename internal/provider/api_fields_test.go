package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// TestAddAPIError_attributeNames: an error CXone words with its own field names reads with
// the attribute names, quotes CXone's answer once, and a refused create or update points
// at the attribute named first; a read only translates.
func TestAddAPIError_attributeNames(t *testing.T) {
	refused := &cxone.APIError{Status: 422, Code: "UNKNOWN_REFERENCE", Method: "POST", Path: "/dfo/3.0/channels",
		Message: "channelIntegrationId: channel integration x does not exist; idOnExternalPlatform: too long"}
	cases := []struct {
		name, operation, objectType string
		err                         error
		want, notWant               []string
		path                        path.Path
	}{
		{"create refused", "Create", channelObject, refused,
			[]string{"integration_id: channel integration x", "external_id: too long", "CXone answered 422"},
			[]string{"channelIntegrationId", "idOnExternalPlatform", "CXone answered: CXone answered"}, path.Root("integration_id")},
		{"read", "Read", channelObject, refused, []string{"integration_id"}, []string{"channelIntegrationId"}, path.Empty()},
		{"update of a skill", "Update", digitalSkillType,
			&cxone.APIError{Status: 400, Method: "PUT", Path: "/skills/5", Message: "maxPriority must be at least initialPriority"},
			[]string{"max_priority must be at least initial_priority"}, []string{"maxPriority"}, path.Root("max_priority")},
		{"integration type in text", "Delete", byocIntegrationType, refused,
			[]string{"delete BYOC integration"}, []string{"byoc integration"}, path.Empty()},
		{"item error", "Create", userPermissionsType, &cxone.ItemError{Index: 0, Message: "digitalThreshold is too high"},
			[]string{"CXone answered: item 0 failed: digital_threshold is too high."}, []string{"digitalThreshold"}, path.Empty()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.Diagnostics
			addAPIError(&diags, tc.operation, tc.objectType, "x", tc.err)
			if len(diags) != 1 {
				t.Fatalf("%d diagnostics, want 1: %v", len(diags), diags)
			}
			d := diags[0]
			if want := "Unable to " + tc.operation + " " + tc.objectType; d.Summary() != want {
				t.Errorf("summary %q, want %q", d.Summary(), want)
			}
			for _, w := range tc.want {
				if !strings.Contains(d.Detail(), w) {
					t.Errorf("detail does not say %q:\n%s", w, d.Detail())
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(d.Detail(), w) {
					t.Errorf("detail says %q:\n%s", w, d.Detail())
				}
			}
			var got path.Path
			if wp, ok := d.(diag.DiagnosticWithPath); ok {
				got = wp.Path()
			}
			if got.String() != tc.path.String() {
				t.Errorf("path %v, want %v", got, tc.path)
			}
		})
	}
}

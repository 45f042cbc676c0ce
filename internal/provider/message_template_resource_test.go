package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

const testAccTemplateAddr = "cxone_message_template.test"

// testAccTemplate is the configuration of one cxone_message_template.test; empty
// optional fields are left out.
type testAccTemplate struct {
	name, typ, subject, body, fromName, fromAddress, replyTo, cc, bcc string
	isHTML                                                            bool
}

func (tt testAccTemplate) config(m *mockcxone.Server) string {
	var b strings.Builder
	fmt.Fprintf(&b, "resource \"cxone_message_template\" \"test\" {\n  name = %q\n  type = %q\n  body = %q\n", tt.name, tt.typ, tt.body)
	for _, kv := range [][2]string{{"subject", tt.subject}, {"from_name", tt.fromName}, {"from_address", tt.fromAddress},
		{"reply_to_address", tt.replyTo}, {"cc_address", tt.cc}, {"bcc_address", tt.bcc}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "  %s = %q\n", kv[0], kv[1])
		}
	}
	if tt.isHTML {
		b.WriteString("  is_html = true\n")
	}
	b.WriteString("}\n")
	return testAccProviderConfig(m) + b.String()
}

var testAccLaunchTemplate = testAccTemplate{
	name: "The Watering Hole launch", typ: "email", subject: "The Watering Hole is open",
	body: "<p>Hello {FirstName}</p>", isHTML: true, fromName: "King Louie", fromAddress: "louie@jungle.example",
	replyTo: "help@jungle.example", cc: "baloo@jungle.example; bagheera@jungle.example",
}

// TestAccMessageTemplate_lifecycle: create, an empty re-plan, update in place, import,
// drift both ways, destroy deactivates, re-create adopts, a change of type replaces,
// and a template deleted outside Terraform is planned for creation.
func TestAccMessageTemplate_lifecycle(t *testing.T) {
	m := testAccStart(t)
	sameID := sameValue(testAccTemplateAddr, "id")
	otherID := differentValue(testAccTemplateAddr, "id")
	updated := testAccLaunchTemplate
	updated.subject, updated.body, updated.cc, updated.bcc = "Now open", "Hello {FirstName}!", "", "audit@jungle.example"
	sms := updated
	sms.typ = "sms"
	var firstID int64
	steps := append([]resource.TestStep{
		{
			Config: testAccLaunchTemplate.config(m),
			ConfigStateChecks: expectValues(testAccTemplateAddr, map[string]knownvalue.Check{
				"id":          knownvalue.StringRegexp(numericRE),
				"type":        knownvalue.StringExact("email"),
				"subject":     knownvalue.StringExact("The Watering Hole is open"),
				"is_html":     knownvalue.Bool(true),
				"is_rtl":      knownvalue.Bool(false),
				"cc_address":  knownvalue.StringExact("baloo@jungle.example; bagheera@jungle.example"),
				"bcc_address": knownvalue.Null(),
			}, sameID(), otherID()),
			Check: func(s *terraform.State) error {
				id, err := parseNumericID(s.RootModule().Resources[testAccTemplateAddr].Primary.ID, "id")
				firstID = id
				return err
			},
			ConfigPlanChecks: emptyReplan,
		},
		{
			Config:           updated.config(m),
			ConfigPlanChecks: planOnlyChanges(testAccTemplateAddr, "bcc_address", "body", "cc_address", "subject"),
			ConfigStateChecks: expectValues(testAccTemplateAddr, map[string]knownvalue.Check{
				"cc_address":  knownvalue.Null(),
				"bcc_address": knownvalue.StringExact("audit@jungle.example"),
			}, sameID()),
		},
	}, testAccImportSteps(testAccTemplateAddr, "launch", "Expected a message template ID, a whole number such as 61001", "69999")...)
	steps = append(steps,
		resource.TestStep{
			// Changed outside Terraform: the plan puts the configuration back.
			PreConfig: func() {
				testAccChangeTemplate(t, m, firstID, func(in *cxone.MessageTemplateInput) { in.Body = "changed by hand" })
			},
			Config:           updated.config(m),
			ConfigPlanChecks: planOnlyChanges(testAccTemplateAddr, "body"),
		},
		// Deactivated outside Terraform: gone, so planned for creation, which
		// reactivates the same template.
		testAccReactivateStep(t, testAccTemplateAddr, updated.config(m), sameID, func() error {
			testAccChangeTemplate(t, m, firstID, func(in *cxone.MessageTemplateInput) { in.IsActive = new(false) })
			return nil
		}))
	// Destroy deactivates: the template stays in CXone, inactive; created again, the
	// inactive template of the same name is adopted.
	steps = append(steps, testAccRecreateSteps(updated.config(m), sameID,
		func(active bool) error { return testAccTemplateInMock(m, firstID, "The Watering Hole launch", active) })...)
	testAccSteps(t, testAccCheckMessageTemplateDestroy(t, m), append(steps,
		resource.TestStep{
			// A change of type replaces: the old template is deactivated and renamed to
			// free the name.
			Config:           sms.config(m),
			ConfigPlanChecks: planAction(testAccTemplateAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				otherID(),
				stateIs(testAccTemplateAddr, "type", knownvalue.StringExact("sms")),
			},
			Check: func(*terraform.State) error {
				return testAccTemplateInMock(m, firstID, fmt.Sprintf("The Watering Hole launch (retired %d)", firstID), false)
			},
		},
		// Gone from CXone altogether (404): planned for creation.
		testAccGoneStep(testAccTemplateAddr, sms.config(m), m.Reset),
	))
}

// TestAccMessageTemplate_errors: every plan-time check names its attribute and makes no
// API request; a create over an active template of the same name fails and gives the
// import to run.
func TestAccMessageTemplate_errors(t *testing.T) {
	m := testAccStart(t)
	bad := func(attr, value, want string) resource.TestStep {
		tt := testAccTemplate{name: "x", typ: "email", body: "b"}
		cfg := strings.Replace(tt.config(m), "  body = \"b\"\n", fmt.Sprintf("  body = \"b\"\n  %s = %s\n", attr, value), 1)
		if attr == "name" || attr == "type" {
			cfg = strings.Replace(tt.config(m), fmt.Sprintf("  %s = %q\n", attr, map[string]string{"name": "x", "type": "email"}[attr]),
				fmt.Sprintf("  %s = %s\n", attr, value), 1)
		}
		return planError(cfg, want)
	}
	testAccSteps(t, testAccCheckMessageTemplateDestroy(t, m), []resource.TestStep{
		bad("name", `"  "`, `Attribute name must not be empty or blank`),
		bad("type", `"digital"`, `Attribute type value must be one of: ["email" "sms"], got: "digital"`),
		bad("from_name", `""`, `Attribute from_name must not be empty or blank`),
		bad("from_address", `"King Louie <louie@jungle.example>"`, `Attribute from_address must be an e-mail address`),
		bad("reply_to_address", `"help"`, `Attribute reply_to_address must be an e-mail address`),
		bad("cc_address", `"baloo@jungle.example, nobody"`, `Attribute cc_address must be one or more e-mail addresses`),
		bad("bcc_address", `" ; "`, `Attribute bcc_address must be one or more e-mail addresses`),
		{
			PreConfig: func() {
				checkNoRequests(t, m)
				if _, err := m.AddMessageTemplateForTest(mockcxone.MessageTemplate{TemplateID: 61500, TemplateName: "Taken",
					TemplateTypeID: 1, TemplateTypeDesc: "Email", IsActive: true, Body: "hand-made"}); err != nil {
					t.Fatal(err)
				}
			},
			Config: testAccTemplate{name: "Taken", typ: "email", body: "mine"}.config(m),
			ExpectError: expectErrorText(`already has an active message template named "Taken" (ID 61500)`,
				`terraform import cxone_message_template.<name> 61500`),
		},
	})
}

func TestAccMessageTemplate_identity(t *testing.T) {
	m := testAccStart(t)
	sms := testAccTemplate{name: "Launch SMS", typ: "sms", body: "Hello"}
	updated := sms
	updated.body = "Hello again"
	testAccIdentity(t, identityCase{
		addr:     testAccTemplateAddr,
		create:   sms.config(m),
		update:   updated.config(m),
		identity: map[string]identityFrom{"template_id": {stateAttr: "id", number: true}},
		remove: func(v map[string]any) error {
			id, err := parseNumericID(stateString(v, "id"), "id")
			if err == nil {
				testAccChangeTemplate(t, m, id, func(in *cxone.MessageTemplateInput) { in.IsActive = new(false) })
			}
			return err
		},
	})
}

// TestMessageTemplate_adoptWarns: a create over an inactive template of the same name
// reactivates it with a warning; over one of the other type it renames that one and
// creates a new template, with a warning.
func TestMessageTemplate_adoptWarns(t *testing.T) {
	m := testAccMock(t)
	for _, tmpl := range []mockcxone.MessageTemplate{
		{TemplateID: 61100, TemplateName: "Retired", TemplateTypeID: 1, TemplateTypeDesc: "Email", Body: "old"},
		{TemplateID: 61101, TemplateName: "Retired SMS", TemplateTypeID: 2, TemplateTypeDesc: "SMS", Body: "old"},
	} {
		if _, err := m.AddMessageTemplateForTest(tmpl); err != nil {
			t.Fatal(err)
		}
	}
	r, ok := NewMessageTemplateResource().(*messageTemplateResource)
	if !ok {
		t.Fatal("NewMessageTemplateResource is not a *messageTemplateResource")
	}
	r.Client = readcache.New(testAccClient(t, m))
	for _, tc := range []struct{ name, warning, want string }{
		{"Retired", "Reactivated Existing Message Template", "61100"},
		{"Retired SMS", "Renamed Inactive Message Template", `renamed "Retired SMS (retired 61101)"`},
	} {
		var diags diag.Diagnostics
		plan := messageTemplateModel{Name: types.StringValue(tc.name), Type: types.StringValue("email"),
			Subject: types.StringValue(""), Body: types.StringValue("new"), IsHTML: types.BoolValue(false), IsRTL: types.BoolValue(false)}
		got, err := r.CreateObject(t.Context(), &framework.Write[messageTemplateModel]{Plan: plan, Diags: &diags})
		if err != nil || diags.HasError() {
			t.Fatalf("%s: %v %v", tc.name, err, diags)
		}
		if len(diags) != 1 || diags[0].Summary() != tc.warning || !strings.Contains(diags[0].Detail(), tc.want) {
			t.Errorf("%s: diagnostics %v, want the warning %q saying %q", tc.name, diags, tc.warning, tc.want)
		}
		if got.Body.ValueString() != "new" || got.Type.ValueString() != "email" {
			t.Errorf("%s: created %+v", tc.name, got)
		}
	}
}

func TestMessageTemplateValues(t *testing.T) {
	var m messageTemplateModel
	if d := flattenMessageTemplate(&cxone.MessageTemplate{TemplateID: 1, TemplateName: "x", TemplateTypeID: 3, TemplateTypeDesc: "Fax"}, &m); !d.HasError() ||
		!strings.Contains(d[0].Detail(), "template type Fax (3)") {
		t.Errorf("an unknown template type: %v", d)
	}
	in := cxone.MessageTemplate{TemplateID: 61001, TemplateName: "x", TemplateTypeID: 2, TemplateTypeDesc: "SMS", Body: "b", FromName: "f"}
	if d := flattenMessageTemplate(&in, &m); d.HasError() || m.Type.ValueString() != "sms" || !m.FromAddress.IsNull() || m.FromName.ValueString() != "f" {
		t.Errorf("flatten: %+v %v", m, d)
	}
	if got := expandMessageTemplate(m); got.TemplateTypeID != 2 || got.FromName != "f" || got.Body != "b" || got.IsActive != nil {
		t.Errorf("expand: %+v", got)
	}

	// CXone's field names read as the attributes, and a refused write points at one.
	var diags diag.Diagnostics
	addAPIError(&diags, "Update", messageTemplateType, `"x" (ID 61001)`, &cxone.APIError{Status: 400, Method: "PUT",
		Path: "/message-templates/61001", Message: "replyToAddress is not an address; templateTypeId cannot be changed"})
	if len(diags) != 1 || !strings.Contains(diags[0].Detail(), "reply_to_address is not an address; type cannot be changed") {
		t.Fatalf("API error: %v", diags)
	}
	if wp, ok := diags[0].(diag.DiagnosticWithPath); !ok || wp.Path().String() != "reply_to_address" {
		t.Errorf("API error points at %v, want reply_to_address", diags[0])
	}
}

// testAccChangeTemplate changes a template outside Terraform: change edits its current
// values.
func testAccChangeTemplate(t *testing.T, m *mockcxone.Server, id int64, change func(*cxone.MessageTemplateInput)) {
	t.Helper()
	c := testAccClient(t, m)
	cur, err := c.GetMessageTemplate(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	in := cxone.MessageTemplateInput{TemplateName: cur.TemplateName, Subject: cur.Subject, Body: cur.Body, IsHTML: cur.IsHTML,
		IsRTL: cur.IsRTL, CCAddress: cur.CCAddress, BCCAddress: cur.BCCAddress, ReplyToAddress: cur.ReplyToAddress,
		FromName: cur.FromName, FromAddress: cur.FromAddress}
	change(&in)
	if _, err := c.UpdateMessageTemplate(context.Background(), id, in); err != nil {
		t.Fatal(err)
	}
}

// testAccTemplateInMock checks the mock's own state (what /_mock/state shows) for
// template id: its name and whether it is active.
func testAccTemplateInMock(m *mockcxone.Server, id int64, name string, active bool) error {
	return checkOneInMock(fmt.Sprintf("template %d named %q", id, name), m.State().MessageTemplates,
		func(tmpl mockcxone.MessageTemplate) (bool, bool) {
			return tmpl.TemplateID == id && tmpl.TemplateName == name, tmpl.IsActive
		}, active)
}

// testAccCheckMessageTemplateDestroy checks that every template the test managed is
// inactive: destroy deactivates, since CXone cannot delete templates.
func testAccCheckMessageTemplateDestroy(t *testing.T, m *mockcxone.Server) resource.TestCheckFunc {
	return testAccCheckDeactivated(t, m, "cxone_message_template", "message template", (*cxone.Client).GetMessageTemplate,
		func(tmpl *cxone.MessageTemplate) (string, bool) { return tmpl.TemplateName, tmpl.IsActive })
}

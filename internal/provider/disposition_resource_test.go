package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

const dispositionAddr = "cxone_disposition.test"

// TestAccDisposition_lifecycle: create, an empty re-plan, update in place, import by ID,
// drift both ways (a change outside Terraform is an update, a deactivation a create that
// reactivates the same disposition), a create over an active name that names the
// import, and destroy deactivating.
func TestAccDisposition_lifecycle(t *testing.T) {
	m := testAccStart(t)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	id := func() int64 { return testAccDispositionID(t, m, "Replied (launch)") }
	testAccSteps(t, testAccCheckDispositionDestroy(t, m), append([]resource.TestStep{
		{
			Config: testAccDispositionConfig(m, "Replied", "classification_id = 1\n  notes = \"first\""),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(dispositionAddr, tfjsonpath.New("id")),
				statecheck.ExpectKnownValue(dispositionAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(numericRE)),
				statecheck.ExpectKnownValue(dispositionAddr, tfjsonpath.New("classification_id"), knownvalue.Int64Exact(1)),
				statecheck.ExpectKnownValue(dispositionAddr, tfjsonpath.New("classification_name"), knownvalue.StringExact("Success")),
				statecheck.ExpectKnownValue(dispositionAddr, tfjsonpath.New("is_preview"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(dispositionAddr, tfjsonpath.New("notes"), knownvalue.StringExact("first")),
			},
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(dispositionAddr, plancheck.ResourceActionCreate)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
		},
		{
			// Everything changes in place; the ID stays.
			Config: testAccDispositionConfig(m, "Replied (launch)", "classification_id = 3\n  is_preview = true\n  notes = \"second\""),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(dispositionAddr, plancheck.ResourceActionUpdate)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(dispositionAddr, tfjsonpath.New("id")),
				statecheck.ExpectKnownValue(dispositionAddr, tfjsonpath.New("name"), knownvalue.StringExact("Replied (launch)")),
				statecheck.ExpectKnownValue(dispositionAddr, tfjsonpath.New("classification_name"), knownvalue.StringExact("No Contact")),
				statecheck.ExpectKnownValue(dispositionAddr, tfjsonpath.New("is_preview"), knownvalue.Bool(true)),
			},
		},
		{
			// Left out, the classification stays as CXone holds it; notes go back to "".
			Config: testAccDispositionConfig(m, "Replied (launch)", "is_preview = true"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(dispositionAddr, tfjsonpath.New("classification_id"), knownvalue.Int64Exact(3)),
				statecheck.ExpectKnownValue(dispositionAddr, tfjsonpath.New("notes"), knownvalue.StringExact("")),
			},
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
	}, append(testAccImportSteps(dispositionAddr, "replied", "Expected a disposition ID, a whole number such as 7001", "63999"),
		resource.TestStep{
			// Changed outside Terraform: the plan puts it back.
			PreConfig: func() {
				if _, err := testAccClient(t, m).UpdateDisposition(context.Background(), id(),
					cxone.DispositionInput{DispositionName: "Replied (launch)", ClassificationID: 2, Notes: "changed outside"}); err != nil {
					t.Fatal(err)
				}
			},
			Config: testAccDispositionConfig(m, "Replied (launch)", "classification_id = 3\n  is_preview = true"),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(dispositionAddr, plancheck.ResourceActionUpdate)},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(dispositionAddr, tfjsonpath.New("id")),
				statecheck.ExpectKnownValue(dispositionAddr, tfjsonpath.New("classification_id"), knownvalue.Int64Exact(3)),
				statecheck.ExpectKnownValue(dispositionAddr, tfjsonpath.New("notes"), knownvalue.StringExact("")),
			},
		},
		resource.TestStep{
			// Deactivated outside Terraform: gone for Terraform, so planned for creation,
			// which reactivates and adopts the same disposition.
			PreConfig: func() {
				if err := testAccClient(t, m).SetDispositionActive(context.Background(), id(), false); err != nil {
					t.Fatal(err)
				}
			},
			Config: testAccDispositionConfig(m, "Replied (launch)", "classification_id = 3\n  is_preview = true"),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(dispositionAddr, plancheck.ResourceActionCreate)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(dispositionAddr, tfjsonpath.New("id")),
				checkMock(func() error { return testAccCheckDispositionCount(m, "Replied (launch)", true) }),
			},
		},
		resource.TestStep{
			// A second resource over the active name: an error that gives the import.
			Config: testAccDispositionConfig(m, "Replied (launch)", "classification_id = 3\n  is_preview = true") + `
resource "cxone_disposition" "again" {
  name = "Replied (launch)"
}
`,
			ExpectError: expectErrorText("Unable to Create Disposition", `already has an active disposition named "Replied (launch)"`,
				"terraform import cxone_disposition.<name>"),
		},
	)...))
}

// TestAccDisposition_recreateAdopts: destroy deactivates (the mock's state shows it),
// and a create of the same name reactivates that disposition.
func TestAccDisposition_recreateAdopts(t *testing.T) {
	m := testAccStart(t)
	config := testAccDispositionConfig(m, "Opted out", "classification_id = 5")
	var firstID string
	testAccSteps(t, testAccCheckDispositionDestroy(t, m), []resource.TestStep{
		{Config: config, Check: resource.TestCheckResourceAttrWith(dispositionAddr, "id", func(v string) error { firstID = v; return nil })},
		{Config: config, Destroy: true, Check: func(*terraform.State) error { return testAccCheckDispositionCount(m, "Opted out", false) }},
		{
			Config: config,
			Check: resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttrWith(dispositionAddr, "id", func(v string) error {
					if v != firstID {
						return fmt.Errorf("re-create made disposition %s, want the deactivated %s back", v, firstID)
					}
					return nil
				}),
				func(*terraform.State) error { return testAccCheckDispositionCount(m, "Opted out", true) },
			),
		},
	})
}

func TestAccDisposition_identity(t *testing.T) {
	m := testAccStart(t)
	testAccIdentity(t, identityCase{
		addr:     dispositionAddr,
		create:   testAccDispositionConfig(m, "Replied", ""),
		update:   testAccDispositionConfig(m, "Replied", `notes = "updated"`),
		identity: map[string]identityFrom{"disposition_id": {stateAttr: "id", number: true}},
		remove: func(map[string]any) {
			if err := testAccClient(t, m).SetDispositionActive(t.Context(), testAccDispositionID(t, m, "Replied"), false); err != nil {
				t.Fatal(err)
			}
		},
	})
}

// testAccCheckDispositionDestroy checks that every disposition the test managed is
// inactive: destroy deactivates, since CXone cannot delete dispositions.
func testAccCheckDispositionDestroy(t *testing.T, m *mockcxone.Server) resource.TestCheckFunc {
	return testAccCheckDestroyed(t, m, "cxone_disposition", func(ctx context.Context, c *cxone.Client, rs *terraform.ResourceState) (string, error) {
		id, err := parseNumericID(rs.Primary.ID, "disposition ID")
		if err != nil {
			return "", err
		}
		d, err := c.GetDisposition(ctx, id)
		if err != nil || !d.IsActive {
			return "", err
		}
		return fmt.Sprintf("disposition %d (%q) is still active after destroy", id, d.DispositionName), nil
	})
}

// testAccCheckDispositionCount checks in the mock's state that exactly one disposition
// has this name, active or not as given.
func testAccCheckDispositionCount(m *mockcxone.Server, name string, active bool) error {
	var found []mockcxone.Disposition
	for _, d := range m.State().Dispositions {
		if d.DispositionName == name {
			found = append(found, d)
		}
	}
	if len(found) != 1 || found[0].IsActive != active {
		return fmt.Errorf("dispositions named %q: %+v, want one with isActive %t", name, found, active)
	}
	return nil
}

func testAccDispositionID(t *testing.T, m *mockcxone.Server, name string) int64 {
	t.Helper()
	d, err := testAccClient(t, m).FindDispositionByName(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return d.DispositionID
}

// testAccDispositionConfig is cxone_disposition.test with a name and more lines.
func testAccDispositionConfig(m *mockcxone.Server, name, more string) string {
	return testAccProviderConfig(m) + fmt.Sprintf(`
resource "cxone_disposition" "test" {
  name = %[1]q
  %[2]s
}
`, name, more)
}

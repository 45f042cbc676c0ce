package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

const dispositionAddr = "cxone_disposition.test"

// TestAccDisposition_lifecycle: create, an empty re-plan, update in place, import by ID,
// drift both ways (a change outside Terraform is an update, a deactivation a create that
// reactivates the same disposition), a create over an active name that names the
// import, destroy deactivating (the mock's state shows it), and a create of the same
// name that reactivates that disposition.
func TestAccDisposition_lifecycle(t *testing.T) {
	m := testAccStart(t)
	sameID := sameValue(dispositionAddr, "id")
	id := func() int64 { return testAccDispositionID(t, m, "Replied (launch)") }
	final := testAccDispositionConfig(m, "Replied (launch)", "classification_id = 3\n  is_preview = true")
	steps := append([]resource.TestStep{
		{
			Config: testAccDispositionConfig(m, "Replied", "classification_id = 1\n  notes = \"first\""),
			ConfigStateChecks: expectValues(dispositionAddr, map[string]knownvalue.Check{
				"id":                  knownvalue.StringRegexp(numericRE),
				"classification_id":   knownvalue.Int64Exact(1),
				"classification_name": knownvalue.StringExact("Success"),
				"is_preview":          knownvalue.Bool(false),
				"notes":               knownvalue.StringExact("first"),
			}, sameID()),
			ConfigPlanChecks: planAction(dispositionAddr, plancheck.ResourceActionCreate),
		},
		{
			// Everything changes in place; the ID stays.
			Config:           testAccDispositionConfig(m, "Replied (launch)", "classification_id = 3\n  is_preview = true\n  notes = \"second\""),
			ConfigPlanChecks: planAction(dispositionAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: expectValues(dispositionAddr, map[string]knownvalue.Check{
				"name":                knownvalue.StringExact("Replied (launch)"),
				"classification_name": knownvalue.StringExact("No Contact"),
				"is_preview":          knownvalue.Bool(true),
			}, sameID()),
		},
		{
			// Left out, the classification stays as CXone holds it; notes go back to "".
			Config: testAccDispositionConfig(m, "Replied (launch)", "is_preview = true"),
			ConfigStateChecks: expectValues(dispositionAddr, map[string]knownvalue.Check{
				"classification_id": knownvalue.Int64Exact(3),
				"notes":             knownvalue.StringExact(""),
			}),
			ConfigPlanChecks: emptyReplan,
		},
	}, testAccImportSteps(dispositionAddr, "replied", "Expected a disposition ID, a whole number such as 7001", "63999")...)
	steps = append(steps,
		// Changed outside Terraform: the plan puts it back.
		testAccDriftStep(t, dispositionAddr, final, func() error {
			_, err := testAccClient(t, m).UpdateDisposition(context.Background(), id(),
				cxone.DispositionInput{DispositionName: "Replied (launch)", ClassificationID: 2, Notes: "changed outside"})
			return err
		}, expectValues(dispositionAddr, map[string]knownvalue.Check{
			"classification_id": knownvalue.Int64Exact(3),
			"notes":             knownvalue.StringExact(""),
		}, sameID())...),
		// Deactivated outside Terraform: gone for Terraform, so planned for creation,
		// which reactivates and adopts the same disposition.
		testAccReactivateStep(t, dispositionAddr, final, sameID,
			func() error { return testAccClient(t, m).SetDispositionActive(context.Background(), id(), false) },
			checkMock(func() error { return testAccCheckDispositionCount(m, "Replied (launch)", true) })),
		testAccNameTakenStep(final, "cxone_disposition", "Disposition", "disposition", "Replied (launch)"),
	)
	steps = append(steps, testAccRecreateSteps(final, sameID,
		func(active bool) error { return testAccCheckDispositionCount(m, "Replied (launch)", active) })...)
	testAccSteps(t, testAccCheckDispositionDestroy(t, m), steps)
}

func TestAccDisposition_identity(t *testing.T) {
	m := testAccStart(t)
	testAccIdentity(t, identityCase{
		addr:     dispositionAddr,
		create:   testAccDispositionConfig(m, "Replied", ""),
		update:   testAccDispositionConfig(m, "Replied", `notes = "updated"`),
		identity: map[string]identityFrom{"disposition_id": {stateAttr: "id", number: true}},
		remove: func(map[string]any) error {
			return testAccClient(t, m).SetDispositionActive(t.Context(), testAccDispositionID(t, m, "Replied"), false)
		},
	})
}

// testAccCheckDispositionDestroy checks that every disposition the test managed is
// inactive: destroy deactivates, since CXone cannot delete dispositions.
func testAccCheckDispositionDestroy(t *testing.T, m *mockcxone.Server) resource.TestCheckFunc {
	return testAccCheckDeactivated(t, m, "cxone_disposition", "disposition", (*cxone.Client).GetDisposition,
		func(d *cxone.Disposition) (string, bool) { return d.DispositionName, d.IsActive })
}

// testAccCheckDispositionCount checks in the mock's state that exactly one disposition
// has this name, active or not as given.
func testAccCheckDispositionCount(m *mockcxone.Server, name string, active bool) error {
	return checkOneInMock(fmt.Sprintf("dispositions named %q", name), m.State().Dispositions,
		func(d mockcxone.Disposition) (bool, bool) { return d.DispositionName == name, d.IsActive }, active)
}

func testAccDispositionID(t *testing.T, m *mockcxone.Server, name string) int64 {
	t.Helper()
	return testAccFind(t, m, (*cxone.Client).FindDispositionByName, name).DispositionID
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

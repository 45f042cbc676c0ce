package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Helpers of the outbound resources, whose IDs are numbers kept as strings.

// numericIDOf parses the numeric ID kept in a state's id; one that is not a number (a
// state edited by hand) is an error that names the operation and the kind.
func numericIDOf(id types.String, kind, operation string, diags *diag.Diagnostics) (int64, bool) {
	n, err := parseNumericID(id.ValueString(), "the "+typeInText(kind)+" ID")
	if err != nil {
		diags.AddError("Unable to "+operation+" "+kind, err.Error())
		return 0, false
	}
	return n, true
}

// namedObject names an object in messages: by name and ID, or by ID alone while
// importing, before the name is known.
func namedObject(name types.String, id int64) string {
	if name.IsNull() || name.IsUnknown() || name.ValueString() == "" {
		return fmt.Sprintf("with ID %d", id)
	}
	return fmt.Sprintf("%q (ID %d)", name.ValueString(), id)
}

package provider

import (
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// int64FromString reads a numeric ID kept as a string (a skill's id) for an
// identity; one not known yet or not a number is null.
func int64FromString(v types.String) types.Int64 {
	n, err := strconv.ParseInt(v.ValueString(), 10, 64)
	if v.IsNull() || v.IsUnknown() || err != nil {
		return types.Int64Null()
	}
	return types.Int64Value(n)
}

package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
)

func TestAttributeBuilders(t *testing.T) {
	ctx := context.Background()
	if a := IDAttribute("The ID."); !a.Computed || a.Optional || len(a.PlanModifiers) != 1 || a.MarkdownDescription != "The ID." {
		t.Errorf("IDAttribute: %+v", a)
	}
	if a := RequiredString("The name."); !a.Required || a.Validators != nil {
		t.Errorf("RequiredString: %+v", a)
	}
	a := OptionalEmptyString("Notes.")
	if !a.Optional || !a.Computed || a.MarkdownDescription != "Notes. Defaults to `\"\"`." {
		t.Errorf("OptionalEmptyString: %+v", a)
	}
	var got defaults.StringResponse
	if a.Default.DefaultString(ctx, defaults.StringRequest{}, &got); got.PlanValue.ValueString() != "" || got.PlanValue.IsNull() {
		t.Errorf("OptionalEmptyString defaults to %v", got.PlanValue)
	}
	b := OptionalBool("Whether it is on.", true)
	if !b.Optional || !b.Computed || b.Default == nil || b.MarkdownDescription != "Whether it is on. Defaults to `true`." {
		t.Errorf("OptionalBool: %+v", b)
	}
}

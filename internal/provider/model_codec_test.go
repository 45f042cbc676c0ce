package provider

import (
	"context"
	"fmt"
	"math/big"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	resourceschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestModelCodec_matchesFramework checks, for every resource, that the codec the
// resource uses takes its model without reflection, and reads and writes exactly
// what tfsdk.State.Get and Set do, for random states and plans (known, null and
// unknown attributes, set and unset timeouts).
func TestModelCodec_matchesFramework(t *testing.T) {
	ctx := context.Background()
	t.Run("byoc_integration", func(t *testing.T) {
		testCodecMatchesFramework(t, byocIntegrationSchema(), &integrationCodec)
	})
	t.Run("digital_channel", func(t *testing.T) {
		testCodecMatchesFramework(t, digitalChannelSchema(), &channelCodec)
	})
	t.Run("digital_skill", func(t *testing.T) {
		testCodecMatchesFramework(t, digitalSkillSchema(ctx), &skillCodec)
	})
	t.Run("digital_user_permissions", func(t *testing.T) {
		testCodecMatchesFramework(t, digitalUserPermissionsSchema(), &userPermissionsCodec)
	})
	t.Run("routing_queue_binding", func(t *testing.T) {
		testCodecMatchesFramework(t, routingQueueBindingSchema(), &bindingCodec)
	})
	t.Run("skill_assignment", func(t *testing.T) {
		testCodecMatchesFramework(t, skillAssignmentSchema(), &assignmentCodec)
	})
}

func testCodecMatchesFramework[T any](t *testing.T, s resourceschema.Schema, c *modelCodec[T]) {
	t.Helper()
	ctx := context.Background()
	if !c.ready(ctx, s) {
		t.Fatalf("the codec cannot serve this model without reflection: %s", c.why)
	}
	objType := s.Type().TerraformType(ctx)
	rng := rand.New(rand.NewPCG(1, uint64(len(s.Attributes))))
	for i := range 300 {
		raw := randomValue(rng, objType, false)
		if i%3 == 0 {
			// Plans hold unknown values; states do not.
			raw = randomValue(rng, objType, true)
		}

		var want, got T
		wantDiags := tfsdk.State{Schema: s, Raw: raw}.Get(ctx, &want)
		gotDiags := c.getState(ctx, tfsdk.State{Schema: s, Raw: raw}, &got)
		if !reflect.DeepEqual(wantDiags, gotDiags) {
			t.Fatalf("value %d %s: diagnostics differ:\nframework: %v\ncodec:     %v", i, raw, wantDiags, gotDiags)
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("value %d %s: decoded models differ:\nframework: %+v\ncodec:     %+v", i, raw, want, got)
		}
		var wantPlan, gotPlan T
		wantDiags = tfsdk.Plan{Schema: s, Raw: raw}.Get(ctx, &wantPlan)
		gotDiags = c.getPlan(ctx, tfsdk.Plan{Schema: s, Raw: raw}, &gotPlan)
		if !reflect.DeepEqual(wantDiags, gotDiags) || !reflect.DeepEqual(wantPlan, gotPlan) {
			t.Fatalf("value %d %s: the plan decodes differently:\nframework: %v %+v\ncodec:     %v %+v", i, raw, wantDiags, wantPlan, gotDiags, gotPlan)
		}
		if wantDiags.HasError() {
			continue
		}
		if _, ok := c.encode(ctx, &got); !ok {
			t.Fatalf("value %d %s: the codec cannot encode the model it decoded", i, raw)
		}

		wantState := tfsdk.State{Schema: s}
		gotState := tfsdk.State{Schema: s}
		wantDiags = wantState.Set(ctx, &want)
		gotDiags = c.setState(ctx, &gotState, &got)
		if !reflect.DeepEqual(wantDiags, gotDiags) {
			t.Fatalf("value %d %s: Set diagnostics differ:\nframework: %v\ncodec:     %v", i, raw, wantDiags, gotDiags)
		}
		if !wantState.Raw.Equal(gotState.Raw) {
			t.Fatalf("value %d: encoded values differ:\nframework: %s\ncodec:     %s", i, wantState.Raw, gotState.Raw)
		}
		if !gotState.Raw.Equal(raw) {
			t.Fatalf("value %d: the round trip changed the value:\nin:  %s\nout: %s", i, raw, gotState.Raw)
		}
	}
}

// randomValue makes a value of type typ: null about one time in five, unknown about
// one time in five when unknowns are allowed, otherwise a random known value.
// Numbers are whole, as every number attribute of this provider is an Int64.
func randomValue(rng *rand.Rand, typ tftypes.Type, unknowns bool) tftypes.Value {
	obj, isObject := typ.(tftypes.Object)
	if !isObject || rng.IntN(2) == 0 {
		switch r := rng.IntN(10); {
		case r < 2:
			return tftypes.NewValue(typ, nil)
		case r < 4 && unknowns:
			return tftypes.NewValue(typ, tftypes.UnknownValue)
		}
	}
	switch {
	case typ.Is(tftypes.String):
		return tftypes.NewValue(typ, fmt.Sprintf("s-%d", rng.IntN(1000)))
	case typ.Is(tftypes.Number):
		return tftypes.NewValue(typ, new(big.Float).SetInt64(rng.Int64N(1<<40)-1<<39))
	case typ.Is(tftypes.Bool):
		return tftypes.NewValue(typ, rng.IntN(2) == 0)
	case isObject:
		attrs := make(map[string]tftypes.Value, len(obj.AttributeTypes))
		for name, at := range obj.AttributeTypes {
			attrs[name] = randomValue(rng, at, unknowns)
		}
		return tftypes.NewValue(typ, attrs)
	}
	panic(fmt.Sprintf("randomValue: no generator for %s", typ))
}

// TestModelCodec_fallsBack checks that what the codec does not take goes to the
// framework, with the framework's diagnostics, instead of failing or panicking.
func TestModelCodec_fallsBack(t *testing.T) {
	ctx := context.Background()
	s := digitalSkillSchema(ctx)

	t.Run("model with a plain Go field", func(t *testing.T) {
		type plainModel struct {
			ID   string       `tfsdk:"id"`
			Name types.String `tfsdk:"name"`
		}
		testCodecRefuses[plainModel](t, s, "field ID is not an attr.Value")
	})

	t.Run("model missing an attribute", func(t *testing.T) {
		type shortModel struct {
			ID types.String `tfsdk:"id"`
		}
		testCodecRefuses[shortModel](t, s, "has no field")
	})

	t.Run("field of another type than its attribute", func(t *testing.T) {
		type wrongModel struct {
			ID types.Int64 `tfsdk:"id"`
		}
		testCodecRefuses[wrongModel](t, s, "field ID is a basetypes.Int64Value")
	})

	t.Run("null state", func(t *testing.T) {
		var c modelCodec[digitalSkillModel]
		null := tftypes.NewValue(s.Type().TerraformType(ctx), nil)
		var want, got digitalSkillModel
		wantDiags := tfsdk.State{Schema: s, Raw: null}.Get(ctx, &want)
		gotDiags := c.getState(ctx, tfsdk.State{Schema: s, Raw: null}, &got)
		if !wantDiags.HasError() || !reflect.DeepEqual(wantDiags, gotDiags) {
			t.Errorf("diagnostics differ:\nframework: %v\ncodec:     %v", wantDiags, gotDiags)
		}
	})

	t.Run("value of the wrong shape in a field", func(t *testing.T) {
		// A zero timeouts.Value has no attribute types: the framework refuses it
		// with a diagnostic, and so must the codec, rather than build a bad value.
		var c modelCodec[digitalSkillModel]
		m := digitalSkillModel{ID: types.StringValue("1"), Timeouts: timeouts.Value{}}
		want, got := tfsdk.State{Schema: s}, tfsdk.State{Schema: s}
		wantDiags := want.Set(ctx, &m)
		gotDiags := c.setState(ctx, &got, &m)
		if !wantDiags.HasError() || !reflect.DeepEqual(wantDiags, gotDiags) {
			t.Errorf("diagnostics differ:\nframework: %v\ncodec:     %v", wantDiags, gotDiags)
		}
	})

	t.Run("no schema", func(t *testing.T) {
		var c modelCodec[digitalSkillModel]
		if c.ready(ctx, nil) || c.fast {
			t.Error("the codec was built without a schema")
		}
		// A later call with the schema still builds it.
		if !c.ready(ctx, s) {
			t.Errorf("not built with the schema: %s", c.why)
		}
	})
}

// testCodecRefuses fails t unless the codec for T declines schema s, saying why.
func testCodecRefuses[T any](t *testing.T, s resourceschema.Schema, why string) {
	t.Helper()
	var c modelCodec[T]
	if c.ready(context.Background(), s) {
		t.Fatal("the codec took the model")
	}
	if !strings.Contains(c.why, why) {
		t.Errorf("why = %q, want it to contain %q", c.why, why)
	}
}

// BenchmarkModelCodec compares a Read's Get and Set of a channel through the codec
// and through the framework's reflection.
func BenchmarkModelCodec(b *testing.B) {
	ctx := context.Background()
	s := digitalChannelSchema()
	rng := rand.New(rand.NewPCG(2, 3))
	raw := randomValue(rng, s.Type().TerraformType(ctx), false)
	for raw.IsNull() {
		raw = randomValue(rng, s.Type().TerraformType(ctx), false)
	}
	b.Run("framework", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var m digitalChannelModel
			_ = tfsdk.State{Schema: s, Raw: raw}.Get(ctx, &m)
			out := tfsdk.State{Schema: s}
			_ = out.Set(ctx, &m)
		}
	})
	b.Run("codec", func(b *testing.B) {
		var c modelCodec[digitalChannelModel]
		b.ReportAllocs()
		for b.Loop() {
			var m digitalChannelModel
			_ = c.getState(ctx, tfsdk.State{Schema: s, Raw: raw}, &m)
			out := tfsdk.State{Schema: s}
			_ = c.setState(ctx, &out, &m)
		}
	})
}

package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// tftypesUpgrade is the framework's passthrough upgrade of a stored state:
// decode with tftypes, ignoring undefined attributes, and encode as msgpack.
func tftypesUpgrade(raw []byte, typ tftypes.Object) ([]byte, error) {
	v, err := (&tfprotov6.RawState{JSON: raw}).UnmarshalWithOpts(typ, tfprotov6.UnmarshalOpts{
		ValueFromJSONOpts: tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true},
	})
	if err != nil {
		return nil, err
	}
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	return dv.MsgPack, err
}

// randomStateJSON writes a state of type typ as Terraform might have stored it,
// in the forms JSON allows: escapes, numbers in any notation, attributes missing
// or unknown to the schema, keys in any order.
func randomStateJSON(r *rand.Rand, typ tftypes.Object) []byte {
	var names []string
	for name := range typ.AttributeTypes {
		if r.IntN(10) > 0 { // sometimes missing
			names = append(names, name)
		}
	}
	if r.IntN(3) == 0 {
		names = append(names, "no_longer_in_schema")
	}
	sort.Strings(names)
	r.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	var b strings.Builder
	b.WriteString("{")
	for i, name := range names {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "%q:", name)
		at, ok := typ.AttributeTypes[name]
		if !ok {
			b.WriteString(`{"old":[1,"two",null]}`)
			continue
		}
		b.WriteString(randomJSONValue(r, at))
	}
	b.WriteString("}")
	return []byte(b.String())
}

var (
	jsonStrings = []string{"", "plain", "Jungle: The Watering Hole", `quote " and backslash \`, "tab\tnew\nline", "unicode ü ✓ 🦁", "\u2028", "<html>&amp;"}
	jsonNumbers = []string{"0", "-0", "1", "-1", "20", "4000001", "9223372036854775807", "-9223372036854775808",
		"9223372036854775808", "123456789012345678901234567890", "0.5", "-2.25", "0.1", "1e3", "1E-2", "2.5e+10",
		"1.000", "100000000000000000000000", "3.141592653589793238462643383279"}
)

func randomJSONValue(r *rand.Rand, typ tftypes.Type) string {
	if r.IntN(6) == 0 {
		return "null"
	}
	switch t := typ.(type) {
	case tftypes.Object:
		return string(randomStateJSON(r, t))
	}
	switch {
	case typ.Is(tftypes.String):
		s := jsonStrings[r.IntN(len(jsonStrings))]
		out, _ := json.Marshal(s)
		if r.IntN(2) == 0 { // escape every non-ASCII character, as some writers do
			var e strings.Builder
			for _, c := range string(out) {
				if c > 127 {
					fmt.Fprintf(&e, `\u%04x`, c)
					continue
				}
				e.WriteRune(c)
			}
			return e.String()
		}
		return string(out)
	case typ.Is(tftypes.Number):
		return jsonNumbers[r.IntN(len(jsonNumbers))]
	case typ.Is(tftypes.Bool):
		return []string{"true", "false"}[r.IntN(2)]
	}
	panic(fmt.Sprintf("no random JSON for %s", typ))
}

// TestTranscodeState_matchesTftypes requires transcodeState to give the
// framework's bytes for random states of every lean resource and of a type with
// a nested object, and to decline what it leaves to the framework.
func TestTranscodeState_matchesTftypes(t *testing.T) {
	ctx := context.Background()
	l := newLeanReads(ctx, &cxoneProvider{}, func(string) string { return "" })
	types := map[string]tftypes.Object{
		"nested": {AttributeTypes: map[string]tftypes.Type{
			"s": tftypes.String, "n": tftypes.Number, "b": tftypes.Bool,
			"o": tftypes.Object{AttributeTypes: map[string]tftypes.Type{"create": tftypes.String, "n": tftypes.Number}},
		}},
	}
	for name, r := range l.resources {
		types[name] = r.typ
	}
	r := rand.New(rand.NewPCG(6, 1000))
	for name, typ := range types {
		for i := range 500 {
			raw := randomStateJSON(r, typ)
			want, err := tftypesUpgrade(raw, typ)
			if err != nil {
				t.Fatalf("%s #%d: tftypes: %v\n%s", name, i, err, raw)
			}
			got, ok := transcodeState(raw, typ)
			if !ok {
				t.Fatalf("%s #%d: declined\n%s", name, i, raw)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("%s #%d: msgpack differs\n%s\ngot  %x\nwant %x", name, i, raw, got, want)
			}
		}
	}

	// What tftypes takes in other forms, or refuses, is left to the framework.
	typ := types["nested"]
	for _, raw := range []string{
		`{"n":"12"}`, `{"b":"true"}`, `{"b":1}`, `{"s":12}`, `{"s":true}`, `{"o":"x"}`, `{"o":[]}`,
		`null`, `[]`, `"x"`, `{"s":"unterminated}`, `{"s":"a"`, ``,
	} {
		if out, ok := transcodeState([]byte(raw), typ); ok {
			t.Errorf("%s: transcoded to %x, want it declined", raw, out)
		}
	}
}

// TestLeanUpgrade_matchesFramework upgrades random stored states of every lean
// resource through the lean path and the framework, and requires the same
// answer; states of another version, in flatmap or not transcodable are declined.
func TestLeanUpgrade_matchesFramework(t *testing.T) {
	ctx := context.Background()
	server := leanTestServer(t)
	r := rand.New(rand.NewPCG(6, 2000))
	for name, res := range server.lean.resources {
		for i := range 100 {
			req := &tfprotov6.UpgradeResourceStateRequest{TypeName: name, Version: res.schema.Version, RawState: &tfprotov6.RawState{JSON: randomStateJSON(r, res.typ)}}
			want, err := server.ProviderServer.UpgradeResourceState(ctx, req)
			if err != nil || len(want.Diagnostics) > 0 {
				t.Fatalf("%s #%d: framework: %v %v", name, i, err, want.Diagnostics)
			}
			got, ok := server.lean.upgradeResourceState(ctx, req)
			if !ok {
				t.Fatalf("%s #%d: declined\n%s", name, i, req.RawState.JSON)
			}
			if len(got.Diagnostics) > 0 || !bytes.Equal(got.UpgradedState.MsgPack, want.UpgradedState.MsgPack) || len(got.UpgradedState.JSON) > 0 {
				t.Fatalf("%s #%d: lean %+v, framework %+v", name, i, got, want)
			}
		}
		for desc, req := range map[string]*tfprotov6.UpgradeResourceStateRequest{
			"older version": {TypeName: name, Version: res.schema.Version - 1, RawState: &tfprotov6.RawState{JSON: []byte(`{}`)}},
			"flatmap":       {TypeName: name, Version: res.schema.Version, RawState: &tfprotov6.RawState{Flatmap: map[string]string{"id": "1"}}},
			"no state":      {TypeName: name, Version: res.schema.Version},
			"string number": {TypeName: name, Version: res.schema.Version, RawState: &tfprotov6.RawState{JSON: []byte(`{"id":7}`)}},
		} {
			if _, ok := server.lean.upgradeResourceState(ctx, req); ok {
				t.Errorf("%s, %s: took the lean path", name, desc)
			}
		}
	}
	if _, ok := server.lean.upgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{
		TypeName: "cxone_byoc_integration", RawState: &tfprotov6.RawState{JSON: []byte(`{}`)},
	}); ok {
		t.Error("the integration's upgrade took the lean path")
	}
}

// BenchmarkUpgradeResourceState compares the upgrade of a stored channel state
// through the framework with the lean path: go test ./internal/provider -run XXX
// -bench UpgradeResourceState -benchmem.
func BenchmarkUpgradeResourceState(b *testing.B) {
	ctx := context.Background()
	server := leanTestServer(b)
	req := &tfprotov6.UpgradeResourceStateRequest{TypeName: "cxone_digital_channel", RawState: &tfprotov6.RawState{JSON: []byte(
		`{"can_reply_to_any_message":false,"can_send_files":true,"content_format":"text","external_id":"ext-1",` +
			`"external_platform":"custom","has_multiple_threads_per_end_user":false,"has_outbound_flow":false,"has_reply":true,` +
			`"has_tree_structure":false,"id":"5f0c0a4e-2a61-4b3e-9f49-8d1f3c3b2a10","integration_id":"b0e8c2d4-1f7a-4c55-a0a1-2c9e3d4f5a6b",` +
			`"is_live_chat":false,"is_private":false,"name":"The Watering Hole","studio_script":null,"translation_group":null}`)}}
	b.Run("framework", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if resp, err := server.ProviderServer.UpgradeResourceState(ctx, req); err != nil || len(resp.Diagnostics) > 0 {
				b.Fatal(err, resp.Diagnostics)
			}
		}
	})
	b.Run("lean", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := server.lean.upgradeResourceState(ctx, req); !ok {
				b.Fatal("declined")
			}
		}
	})
}

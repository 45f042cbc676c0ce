package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// leanFixture is a tenant holding one object of every resource kind, and the
// provider's server, configured for it.
type leanFixture struct {
	m       *mockcxone.Server
	c       *cxone.Client
	server  releasingServer
	imports map[string]string // import ID by resource type
	channel cxone.Channel
	skill   *cxone.Skill
	agentID int64
}

func newLeanFixture(t testing.TB) *leanFixture {
	t.Helper()
	ctx := context.Background()
	m := mockcxone.NewTestServer(t, mockcxone.Options{SyncDelay: -1, TokenTTL: time.Hour})
	c := testAccClient(t, m)
	f := &leanFixture{m: m, c: c}

	integ, err := c.CreateIntegration(ctx, cxone.IntegrationInput{
		Name: "Lean", IntegrationBoxURL: "https://mw.example/box", AuthorizationURL: "https://mw.example/token",
		ClientID: "lean", ClientSecret: "lean-secret",
	})
	if err != nil {
		t.Fatal(err)
	}
	f.channel = cxone.Channel{
		ID: uuid.NewString(), IDOnExternalPlatform: "ext-1", ChannelIntegrationID: integ.ID,
		RealExternalPlatformID: "custom", Name: "Lean channel",
	}
	if _, err := c.UpsertChannel(ctx, f.channel); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateSkill(ctx, cxone.SkillInput{SkillName: "Lean skill", Notes: "lean", ServiceLevelThreshold: 30, ServiceLevelGoal: 80}); err != nil {
		t.Fatal(err)
	}
	if f.skill, err = c.FindSkillByName(ctx, "Lean skill"); err != nil || f.skill.RoutingQueueID == "" {
		t.Fatalf("skill %+v, %v", f.skill, err)
	}
	agents, err := c.ListAgents(ctx, cxone.AgentListOptions{})
	if err != nil || len(agents) == 0 {
		t.Fatalf("agents: %v", err)
	}
	f.agentID = agents[0].AgentID
	if err := c.UpdateAgentDigitalSettings(ctx, cxone.AgentDigitalSettings{AgentID: f.agentID, DigitalEngagementEnabled: new(true)}); err != nil {
		t.Fatal(err)
	}
	if err := c.AssignSkills(ctx, f.agentID, []cxone.SkillAssignmentInput{{SkillID: f.skill.SkillID, Proficiency: 3, IsActive: true}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.BindChannel(ctx, f.skill.RoutingQueueID, f.channel.ID); err != nil {
		t.Fatal(err)
	}
	f.imports = map[string]string{
		"cxone_digital_channel":          f.channel.ID,
		"cxone_digital_skill":            fmt.Sprint(f.skill.SkillID),
		"cxone_digital_user_permissions": fmt.Sprint(f.agentID),
		"cxone_skill_assignment":         fmt.Sprintf("%d/%d", f.agentID, f.skill.SkillID),
		"cxone_routing_queue_binding":    f.skill.RoutingQueueID + "/" + f.channel.ID,
	}

	f.server = leanTestServer(t)
	return f
}

// leanTestServer is the provider's server with its schemas loaded, as Terraform
// leaves it before any other call; it fails the test if there is no lean path.
func leanTestServer(t testing.TB) releasingServer {
	t.Helper()
	server, ok := NewProtocol6Server("test")().(releasingServer)
	if !ok || server.lean == nil {
		t.Fatal("the server has no lean path")
	}
	if _, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		t.Fatal(err)
	}
	return server
}

// configure configures the provider as a new Terraform operation would, so that
// reads see the tenant as it is now rather than an earlier snapshot.
func (f *leanFixture) configure(t testing.TB) {
	f.configureTenant(t, tftypes.NewValue(tftypes.String, "mock-tenant"))
}

// configureTenant configures the provider with tenant_id set to tenant.
func (f *leanFixture) configureTenant(t testing.TB, tenant tftypes.Value) {
	t.Helper()
	ctx := context.Background()
	var sresp fwprovider.SchemaResponse
	(&cxoneProvider{}).Schema(ctx, fwprovider.SchemaRequest{}, &sresp)
	typ, ok := sresp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatal("the provider's schema is not an object")
	}
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
	}
	vals["tenant_id"] = tenant
	vals["auth_url"] = tftypes.NewValue(tftypes.String, f.m.URL)
	vals["access_key_id"] = tftypes.NewValue(tftypes.String, "mock-access-key")
	vals["access_key_secret"] = tftypes.NewValue(tftypes.String, "mock-access-secret")
	vals["max_retries"] = tftypes.NewValue(tftypes.Number, 0)
	config, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, vals))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := f.server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &config})
	if err != nil || len(resp.Diagnostics) > 0 {
		t.Fatalf("ConfigureProvider: %v %v", err, resp.Diagnostics)
	}
}

// importState imports the fixture's object of typeName, as terraform import
// would, and returns the state the import gives.
func (f *leanFixture) importState(t testing.TB, typeName string) *tfprotov6.DynamicValue {
	t.Helper()
	id := f.imports[typeName]
	imp, err := f.server.ImportResourceState(context.Background(), &tfprotov6.ImportResourceStateRequest{TypeName: typeName, ID: id})
	if err != nil || len(imp.Diagnostics) > 0 || len(imp.ImportedResources) != 1 {
		t.Fatalf("import %s %s: %v %v", typeName, id, err, imp.Diagnostics)
	}
	return imp.ImportedResources[0].State
}

// read reads through both paths, requires the same answer, and returns it.
func (f *leanFixture) read(t *testing.T, typeName string, state *tfprotov6.DynamicValue) *tfprotov6.ReadResourceResponse {
	t.Helper()
	ctx := context.Background()
	req := &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: state}
	want, err := f.server.ProviderServer.ReadResource(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := f.server.lean.readResource(ctx, req)
	if !ok {
		t.Fatalf("%s: the lean path declined the read", typeName)
	}
	typ := f.server.lean.resources[typeName].typ
	if d := diffReadResponses(typ, got, want); d != "" {
		t.Fatalf("%s: lean and framework reads differ: %s", typeName, d)
	}
	return want
}

// diffReadResponses describes how two read responses differ, "" when they do not.
func diffReadResponses(typ tftypes.Type, got, want *tfprotov6.ReadResourceResponse) string {
	if len(got.Diagnostics) != len(want.Diagnostics) {
		return fmt.Sprintf("diagnostics %v, want %v", got.Diagnostics, want.Diagnostics)
	}
	for i, g := range got.Diagnostics {
		w := want.Diagnostics[i]
		if g.Severity != w.Severity || g.Summary != w.Summary || withoutUID(g.Detail) != withoutUID(w.Detail) ||
			(g.Attribute == nil) != (w.Attribute == nil) || (g.Attribute != nil && !g.Attribute.Equal(w.Attribute)) {
			return fmt.Sprintf("diagnostic %d: %+v, want %+v", i, g, w)
		}
	}
	if (got.NewState == nil) != (want.NewState == nil) {
		return fmt.Sprintf("new state %v, want %v", got.NewState, want.NewState)
	}
	if got.NewState != nil {
		gv, err := got.NewState.Unmarshal(typ)
		if err != nil {
			return err.Error()
		}
		wv, err := want.NewState.Unmarshal(typ)
		if err != nil {
			return err.Error()
		}
		if !gv.Equal(wv) {
			return fmt.Sprintf("new state %s, want %s", gv, wv)
		}
	}
	if string(got.Private) != string(want.Private) {
		return fmt.Sprintf("private %q, want %q", got.Private, want.Private)
	}
	if (got.Deferred == nil) != (want.Deferred == nil) || (got.Deferred != nil && *got.Deferred != *want.Deferred) {
		return fmt.Sprintf("deferred %v, want %v", got.Deferred, want.Deferred)
	}
	return ""
}

// TestLeanReads_matchFramework reads one object of every lean resource through
// the lean path and through the framework, and requires the same answer each
// time: for a state just imported, for the full state, after changes made
// outside Terraform, after the objects are gone, and when CXone fails.
func TestLeanReads_matchFramework(t *testing.T) {
	ctx := context.Background()
	f := newLeanFixture(t)

	var lean []string
	for name := range f.server.lean.resources {
		lean = append(lean, name)
	}
	if len(lean) != len(f.imports) {
		t.Fatalf("lean resources %v, want the %d of the test", lean, len(f.imports))
	}

	f.configure(t)
	full := map[string]*tfprotov6.DynamicValue{}
	for typeName := range f.imports {
		resp := f.read(t, typeName, f.importState(t, typeName))
		if len(resp.Diagnostics) > 0 {
			t.Fatalf("%s: %v", typeName, resp.Diagnostics)
		}
		full[typeName] = resp.NewState
		f.read(t, typeName, resp.NewState)
	}

	t.Run("drift", func(t *testing.T) {
		ch := f.channel
		ch.Name = "Renamed outside Terraform"
		if _, err := f.c.UpsertChannel(ctx, ch); err != nil {
			t.Fatal(err)
		}
		if _, err := f.c.UpdateSkill(ctx, f.skill.SkillID, cxone.SkillInput{SkillName: "Lean skill", Notes: "changed", ServiceLevelThreshold: 30, ServiceLevelGoal: 80}); err != nil {
			t.Fatal(err)
		}
		if err := f.c.UpdateSkillAssignments(ctx, f.agentID, []cxone.SkillAssignmentInput{{SkillID: f.skill.SkillID, Proficiency: 9, IsActive: true}}); err != nil {
			t.Fatal(err)
		}
		f.configure(t)
		for typeName, state := range full {
			f.read(t, typeName, state)
		}
		const channel = "cxone_digital_channel"
		typ := f.server.lean.resources[channel].typ
		resp := f.read(t, channel, full[channel])
		if mustUnmarshal(t, resp.NewState, typ).Equal(mustUnmarshal(t, full[channel], typ)) {
			t.Fatal("the channel's rename was not detected")
		}
	})

	t.Run("API error", func(t *testing.T) {
		testAccSetFaults(t, f.m, mockcxone.FaultRule{Method: "GET", Status: 500})
		defer testAccSetFaults(t, f.m)
		f.configure(t)
		for typeName, state := range full {
			resp := f.read(t, typeName, state)
			if len(resp.Diagnostics) == 0 || resp.Diagnostics[0].Severity != tfprotov6.DiagnosticSeverityError {
				t.Fatalf("%s: diagnostics %v, want an error", typeName, resp.Diagnostics)
			}
		}
	})

	t.Run("gone", func(t *testing.T) {
		if err := f.c.UnbindChannel(ctx, f.skill.RoutingQueueID, f.channel.ID); err != nil {
			t.Fatal(err)
		}
		if err := f.c.UnassignSkill(ctx, f.agentID, f.skill.SkillID); err != nil {
			t.Fatal(err)
		}
		if err := f.c.DeleteChannel(ctx, f.channel.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.c.UpdateSkill(ctx, f.skill.SkillID, cxone.SkillInput{SkillName: "Lean skill", IsActive: new(false)}); err != nil {
			t.Fatal(err)
		}
		if err := f.c.UpdateAgentDigitalSettings(ctx, cxone.AgentDigitalSettings{AgentID: f.agentID, DigitalEngagementEnabled: new(false)}); err != nil {
			t.Fatal(err)
		}
		f.configure(t)
		for typeName, state := range full {
			resp := f.read(t, typeName, state)
			if typeName == "cxone_digital_user_permissions" {
				continue // a user with digital engagement off is drift, not gone
			}
			typ := f.server.lean.resources[typeName].typ
			if v := mustUnmarshal(t, resp.NewState, typ); !v.IsNull() {
				t.Fatalf("%s: new state %s, want it removed", typeName, v)
			}
		}
	})
}

// uidPattern matches the request ID the mock puts in each error answer.
var uidPattern = regexp.MustCompile(`\(uid [0-9a-f-]+\)`)

// withoutUID drops the request IDs from an error text, as two reads that fail
// alike still make two requests.
func withoutUID(s string) string { return uidPattern.ReplaceAllString(s, "(uid)") }

func mustUnmarshal(t *testing.T, v *tfprotov6.DynamicValue, typ tftypes.Type) tftypes.Value {
	t.Helper()
	out, err := v.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLeanReads_declines checks the reads the lean path leaves to the framework.
func TestLeanReads_declines(t *testing.T) {
	ctx := context.Background()
	f := newLeanFixture(t)
	typ := f.server.lean.resources["cxone_digital_channel"].typ
	state, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, nil))
	if err != nil {
		t.Fatal(err)
	}
	base := tfprotov6.ReadResourceRequest{TypeName: "cxone_digital_channel", CurrentState: &state}

	// Before Configure there is no provider data to read with.
	if _, ok := f.server.lean.readResource(ctx, &base); ok {
		t.Error("read before Configure took the lean path")
	}
	f.configure(t)
	for name, req := range map[string]tfprotov6.ReadResourceRequest{
		"integration (write-only attribute)": {TypeName: "cxone_byoc_integration", CurrentState: &state},
		"private state":                      {TypeName: base.TypeName, CurrentState: &state, Private: []byte(`{"k":"dg=="}`)},
		"identity":                           {TypeName: base.TypeName, CurrentState: &state, CurrentIdentity: &tfprotov6.ResourceIdentityData{}},
		"no state":                           {TypeName: base.TypeName},
		"undecodable state":                  {TypeName: base.TypeName, CurrentState: &tfprotov6.DynamicValue{MsgPack: []byte{0xc1}}},
	} {
		if _, ok := f.server.lean.readResource(ctx, &req); ok {
			t.Errorf("%s: took the lean path", name)
		}
	}
	if _, ok := f.server.lean.readResource(ctx, &base); !ok {
		t.Error("a plain read declined the lean path")
	}
	// A provider configured again with a setting not yet known has no client.
	f.configureTenant(t, tftypes.NewValue(tftypes.String, tftypes.UnknownValue))
	if _, ok := f.server.lean.readResource(ctx, &base); ok {
		t.Error("read with settings unknown took the lean path")
	}

	// While the framework's trace lines can reach a log, the server has no lean path at all.
	for _, env := range []map[string]string{
		{"TF_LOG": "trace"}, {"TF_LOG": "debug"}, {"TF_LOG_PROVIDER": "TRACE"}, {"TF_ACC_LOG_PATH": "/tmp/x.log"},
		{"TF_LOG": "json", "TF_LOG_SDK": "trace"}, {"TF_LOG": "trace", "TF_LOG_SDK": "OFF", "TF_LOG_SDK_FRAMEWORK": "trace"},
	} {
		if newLeanReads(ctx, &cxoneProvider{}, func(k string) string { return env[k] }) != nil {
			t.Errorf("%v: lean reads on", env)
		}
	}
	for _, env := range []map[string]string{
		{}, {"TF_LOG_SDK": "trace"},
		{"TF_LOG": "trace", "TF_LOG_SDK_FRAMEWORK": "off"}, {"TF_LOG": "trace", "TF_LOG_SDK": "info"},
		// What main leaves when Terraform keeps no provider logs.
		{"TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "OFF", "TF_LOG_SDK_FRAMEWORK": "OFF", "TF_LOG_PROVIDER_CXONE": "OFF"},
	} {
		if newLeanReads(ctx, &cxoneProvider{}, func(k string) string { return env[k] }) == nil {
			t.Errorf("%v: lean reads off", env)
		}
	}
}

// TestLeanReads_stopProvider checks that StopProvider, which Terraform sends
// when a run is interrupted, cancels a lean read waiting on CXone, as the
// framework cancels the calls it serves.
func TestLeanReads_stopProvider(t *testing.T) {
	ctx := context.Background()
	f := newLeanFixture(t)
	f.configure(t)
	const typeName = "cxone_digital_channel"
	imported := f.importState(t, typeName)
	testAccSetFaults(t, f.m, mockcxone.FaultRule{Method: "GET", LatencyMS: 10000})
	defer testAccSetFaults(t, f.m)

	answered := make(chan *tfprotov6.ReadResourceResponse, 1)
	go func() {
		resp, _ := f.server.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: imported})
		answered <- resp
	}()
	// Wait until the read is waiting on CXone.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		f.server.lean.mu.Lock()
		n := len(f.server.lean.inFlight)
		f.server.lean.mu.Unlock()
		if n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the read did not start on the lean path")
		}
	}
	start := time.Now()
	if _, err := f.server.StopProvider(ctx, &tfprotov6.StopProviderRequest{}); err != nil {
		t.Fatal(err)
	}
	select {
	case resp := <-answered:
		if len(resp.Diagnostics) == 0 || resp.Diagnostics[0].Severity != tfprotov6.DiagnosticSeverityError {
			t.Fatalf("diagnostics %v, want the read's error", resp.Diagnostics)
		}
		t.Logf("read answered %v after StopProvider: %s", time.Since(start), resp.Diagnostics[0].Detail)
	case <-time.After(5 * time.Second):
		t.Fatal("the read was still waiting 5 s after StopProvider")
	}
	f.server.lean.mu.Lock()
	defer f.server.lean.mu.Unlock()
	if len(f.server.lean.inFlight) != 0 {
		t.Fatalf("%d reads still tracked", len(f.server.lean.inFlight))
	}
}

// TestLeanSchema checks which schemas qualify for the lean path.
func TestLeanSchema(t *testing.T) {
	ctx := context.Background()
	plain := map[string]schema.Attribute{
		"s": schema.StringAttribute{Optional: true},
		"n": schema.Int64Attribute{Optional: true},
		"l": schema.ListAttribute{ElementType: types.StringType, Optional: true},
		"o": schema.ObjectAttribute{AttributeTypes: map[string]attr.Type{"b": types.BoolType}, Optional: true},
	}
	with := func(name string, a schema.Attribute) map[string]schema.Attribute {
		out := map[string]schema.Attribute{}
		for k, v := range plain {
			out[k] = v
		}
		out[name] = a
		return out
	}
	for name, tc := range map[string]struct {
		s    schema.Schema
		want bool
	}{
		"plain":             {schema.Schema{Attributes: plain}, true},
		"timeouts block":    {schema.Schema{Attributes: plain, Blocks: map[string]schema.Block{"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true})}}, true},
		"write-only":        {schema.Schema{Attributes: with("w", schema.StringAttribute{Optional: true, WriteOnly: true})}, false},
		"custom type":       {schema.Schema{Attributes: with("c", schema.StringAttribute{Optional: true, CustomType: testStringType{}})}, false},
		"custom elements":   {schema.Schema{Attributes: with("c", schema.ListAttribute{Optional: true, ElementType: testStringType{}})}, false},
		"nested attributes": {schema.Schema{Attributes: with("n", schema.SingleNestedAttribute{Optional: true, Attributes: plain})}, false},
		"list block":        {schema.Schema{Attributes: plain, Blocks: map[string]schema.Block{"b": schema.ListNestedBlock{NestedObject: schema.NestedBlockObject{Attributes: plain}}}}, false},
		"dynamic":           {schema.Schema{Attributes: with("d", schema.DynamicAttribute{Optional: true})}, false},
	} {
		if got := leanSchema(tc.s); got != tc.want {
			t.Errorf("%s: leanSchema = %v, want %v", name, got, tc.want)
		}
	}
}

// testStringType is a custom string type, which might have semantic equality.
type testStringType struct{ basetypes.StringType }

func (testStringType) Equal(o attr.Type) bool { _, ok := o.(testStringType); return ok }

// TestProtoDiagnostics checks the conversion of diagnostics with and without paths.
func TestProtoDiagnostics(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	diags.AddError("E", "error detail")
	diags.AddWarning("W", "warning detail")
	diags.AddAttributeError(path.Root("a").AtListIndex(2).AtMapKey("k").AtName("b"), "P", "path detail")
	diags.AddAttributeWarning(path.Root("s").AtSetValue(types.StringValue("v")), "S", "set detail")
	got := protoDiagnostics(ctx, diags)
	want := []*tfprotov6.Diagnostic{
		{Severity: tfprotov6.DiagnosticSeverityError, Summary: "E", Detail: "error detail"},
		{Severity: tfprotov6.DiagnosticSeverityWarning, Summary: "W", Detail: "warning detail"},
		{Severity: tfprotov6.DiagnosticSeverityError, Summary: "P", Detail: "path detail",
			Attribute: tftypes.NewAttributePath().WithAttributeName("a").WithElementKeyInt(2).WithElementKeyString("k").WithAttributeName("b")},
		{Severity: tfprotov6.DiagnosticSeverityWarning, Summary: "S", Detail: "set detail",
			Attribute: tftypes.NewAttributePath().WithAttributeName("s").WithElementKeyValue(tftypes.NewValue(tftypes.String, "v"))},
	}
	if d := diffReadResponses(tftypes.String, &tfprotov6.ReadResourceResponse{Diagnostics: got}, &tfprotov6.ReadResourceResponse{Diagnostics: want}); d != "" {
		t.Fatal(d)
	}
}

// BenchmarkReadResource compares a read of a channel through the framework with
// the same read through the lean path: go test ./internal/provider -run XXX
// -bench ReadResource -benchmem. Both read from the operation's snapshot, as all
// but the first read of a refresh do.
func BenchmarkReadResource(b *testing.B) {
	ctx := context.Background()
	f := newLeanFixture(b)
	f.configure(b)
	const typeName = "cxone_digital_channel"
	first, err := f.server.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: f.importState(b, typeName)})
	if err != nil || len(first.Diagnostics) > 0 {
		b.Fatal(err, first.Diagnostics)
	}
	req := &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: first.NewState}
	b.Run("framework", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := f.server.ProviderServer.ReadResource(ctx, req); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("lean", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := f.server.lean.readResource(ctx, req); !ok {
				b.Fatal("declined")
			}
		}
	})
}

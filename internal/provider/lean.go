package provider

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// stateOnlyReader is implemented by the resources whose Read uses nothing of
// its request and response but the state and the diagnostics: no private
// state, no identity, no deferral. Only their reads may take the lean path
// (see leanReads); a resource whose Read starts to use any of those must drop
// the method.
type stateOnlyReader interface {
	resource.ResourceWithConfigure
	readsStateOnly()
}

// leanReads serves the two calls a refresh makes for every resource,
// UpgradeResourceState and ReadResource, without the framework's generic steps
// that do nothing for these resources. Upgrades of the schema's own version are
// re-encoded directly (see transcodeState; BenchmarkUpgradeResourceState: about
// 7x faster than the framework, with 104 allocations instead of 964); an
// upgrade from another version, of a flatmap state or of values transcodeState
// does not take goes to the framework. Reads are as follows.
//
// For every read, terraform-plugin-framework (v1.19) walks the whole state three
// times besides decoding and encoding it: to null out collection blocks, to apply
// semantic equality, and to null out write-only attributes. Each walk looks every
// attribute up by path, and each lookup copies the schema's attribute map. A
// channel read from the operation's snapshot is about 7x faster on the lean
// path, with 614 allocations instead of 2,388 (BenchmarkReadResource). In a
// refresh of 1000 resources the framework's part was the largest share of the
// provider's time.
//
// The lean path does what the framework does for a resource that qualifies, and
// no more: it decodes the state, configures a new resource instance with the
// provider's data, calls its Read with the state, and encodes the new state and
// the diagnostics as the framework would; StopProvider cancels it while it runs,
// as the framework cancels the calls it serves. A resource qualifies when
//   - it is a stateOnlyReader, and
//   - its schema has only attributes of the framework's own types (strings,
//     numbers, booleans, and lists, sets, maps and objects of them), none of them
//     write-only, and no blocks but single nested ones of such attributes (the
//     timeouts block), so that there are no collection blocks to null out, no
//     semantic equality to apply and no write-only value to drop.
//
// Every other read goes to the framework: those of other resources, a read with
// private state or an identity, a read before the provider is configured, any
// state that does not decode, and every read while the framework's trace lines
// can reach a log (see frameworkTracing), so that a trace shows the framework's
// steps for all of them.
//
// TestLeanReads_matchFramework and TestLeanUpgrade_matchesFramework check that
// both paths answer alike.
type leanReads struct {
	provider  *cxoneProvider
	resources map[string]leanResource

	// The cancel functions of the reads in flight, for StopProvider: Terraform
	// sends it when a run is interrupted, and the framework then cancels the
	// calls it is serving; stop does the same for the lean reads.
	mu       sync.Mutex
	nextRead uint64
	inFlight map[uint64]context.CancelFunc
}

// track gives a read a context that stop cancels; done must be called when the
// read returns.
func (l *leanReads) track(ctx context.Context) (_ context.Context, done func()) {
	ctx, cancel := context.WithCancel(ctx)
	l.mu.Lock()
	id := l.nextRead
	l.nextRead++
	l.inFlight[id] = cancel
	l.mu.Unlock()
	return ctx, func() {
		l.mu.Lock()
		delete(l.inFlight, id)
		l.mu.Unlock()
		cancel()
	}
}

// stop cancels the reads in flight.
func (l *leanReads) stop() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for id, cancel := range l.inFlight {
		cancel()
		delete(l.inFlight, id)
	}
}

type leanResource struct {
	factory func() resource.Resource
	schema  schema.Schema
	typ     tftypes.Object
}

// newLeanReads finds the qualifying resources of p. It returns nil when there
// are none, or when the framework's trace lines can reach a log.
func newLeanReads(ctx context.Context, p *cxoneProvider, getenv func(string) string) *leanReads {
	if frameworkTracing(getenv) {
		return nil
	}
	var pmd provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &pmd)
	l := &leanReads{provider: p, resources: map[string]leanResource{}, inFlight: map[uint64]context.CancelFunc{}}
	for _, factory := range p.Resources(ctx) {
		r := factory()
		if _, ok := r.(stateOnlyReader); !ok {
			continue
		}
		var mresp resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: pmd.TypeName}, &mresp)
		var sresp resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sresp)
		if sresp.Diagnostics.HasError() || !leanSchema(sresp.Schema) {
			continue
		}
		typ, isObject := sresp.Schema.Type().TerraformType(ctx).(tftypes.Object)
		if !isObject {
			continue
		}
		l.resources[mresp.TypeName] = leanResource{factory: factory, schema: sresp.Schema, typ: typ}
	}
	if len(l.resources) == 0 {
		return nil
	}
	return l
}

// frameworkTracing reports whether the framework's trace lines can reach a log:
// the framework's level is TRACE (TF_LOG_SDK_FRAMEWORK, else TF_LOG_SDK, else
// TRACE, the plugin libraries' default) and Terraform keeps provider logs (see
// TerraformKeepsProviderLogs). main turns the library levels off when Terraform
// keeps no logs, so a plain run has lean reads and a traced one has the
// framework's lines for every read.
func frameworkTracing(getenv func(string) string) bool {
	level := "TRACE"
	for _, name := range []string{"TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK"} {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			level = v
			break
		}
	}
	if !strings.EqualFold(level, "TRACE") {
		return false
	}
	return TerraformKeepsProviderLogs(getenv)
}

// leanSchema reports whether every attribute of s qualifies (see leanReads).
func leanSchema(s schema.Schema) bool {
	for _, a := range s.Attributes {
		if !leanAttribute(a) {
			return false
		}
	}
	for _, b := range s.Blocks {
		nb, ok := b.(schema.SingleNestedBlock)
		if !ok || len(nb.Blocks) > 0 || !leanType(nb.Type()) {
			return false
		}
		for _, a := range nb.Attributes {
			if !leanAttribute(a) {
				return false
			}
		}
	}
	return true
}

func leanAttribute(a schema.Attribute) bool {
	if a.IsWriteOnly() {
		return false
	}
	switch a.(type) {
	case schema.StringAttribute, schema.BoolAttribute, schema.Int64Attribute, schema.Int32Attribute,
		schema.Float64Attribute, schema.Float32Attribute, schema.NumberAttribute,
		schema.ListAttribute, schema.SetAttribute, schema.MapAttribute, schema.ObjectAttribute:
		return leanType(a.GetType())
	default:
		// Nested attributes and dynamic ones are left to the framework.
		return false
	}
}

// leanType reports whether t is one of the framework's own types (or the
// timeouts block's), none of which has semantic equality.
func leanType(t attr.Type) bool {
	switch t := t.(type) {
	case basetypes.StringType, basetypes.BoolType, basetypes.Int64Type, basetypes.Int32Type,
		basetypes.Float64Type, basetypes.Float32Type, basetypes.NumberType:
		return true
	case basetypes.ListType:
		return leanType(t.ElemType)
	case basetypes.SetType:
		return leanType(t.ElemType)
	case basetypes.MapType:
		return leanType(t.ElemType)
	case basetypes.ObjectType:
		for _, at := range t.AttrTypes {
			if !leanType(at) {
				return false
			}
		}
		return true
	case timeouts.Type:
		return leanType(t.ObjectType)
	default:
		return false
	}
}

// upgradeResourceState serves req if it may take the lean path; ok is false when
// it may not, and the framework must serve it. Terraform calls it for every
// resource before reading it, with the state as stored. For a state of the
// schema's own version the framework only decodes the stored JSON and encodes it
// again; transcodeState does that directly.
func (l *leanReads) upgradeResourceState(_ context.Context, req *tfprotov6.UpgradeResourceStateRequest) (resp *tfprotov6.UpgradeResourceStateResponse, ok bool) {
	r, found := l.resources[req.TypeName]
	if !found || req.RawState == nil || len(req.RawState.JSON) == 0 || req.RawState.Flatmap != nil || req.Version != r.schema.Version {
		return nil, false
	}
	state, ok := transcodeState(req.RawState.JSON, r.typ)
	if !ok {
		return nil, false
	}
	return &tfprotov6.UpgradeResourceStateResponse{UpgradedState: &tfprotov6.DynamicValue{MsgPack: state}}, true
}

// readResource serves req if it may take the lean path; ok is false when it may
// not, and the framework must serve it.
func (l *leanReads) readResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (resp *tfprotov6.ReadResourceResponse, ok bool) {
	r, found := l.resources[req.TypeName]
	if !found || req.CurrentState == nil || len(req.Private) > 0 || req.CurrentIdentity != nil {
		return nil, false
	}
	data := l.provider.resourceData.Load()
	if data == nil {
		return nil, false
	}
	raw, err := req.CurrentState.Unmarshal(r.typ)
	if err != nil {
		return nil, false
	}

	res, isReader := r.factory().(stateOnlyReader)
	if !isReader {
		return nil, false
	}
	ctx, done := l.track(ctx)
	defer done()
	var cresp resource.ConfigureResponse
	res.Configure(ctx, resource.ConfigureRequest{ProviderData: data}, &cresp)
	if cresp.Diagnostics.HasError() {
		return nil, false
	}

	readReq := resource.ReadRequest{
		State:              tfsdk.State{Schema: r.schema, Raw: raw.Copy()},
		ClientCapabilities: resource.ReadClientCapabilities{DeferralAllowed: req.ClientCapabilities != nil && req.ClientCapabilities.DeferralAllowed},
	}
	readResp := resource.ReadResponse{State: tfsdk.State{Schema: r.schema, Raw: raw}}
	res.Read(ctx, readReq, &readResp)

	resp = &tfprotov6.ReadResourceResponse{Diagnostics: protoDiagnostics(ctx, readResp.Diagnostics)}
	if readResp.Deferred != nil {
		resp.Deferred = &tfprotov6.Deferred{Reason: tfprotov6.DeferredReason(readResp.Deferred.Reason)}
	}
	newState, err := tfprotov6.NewDynamicValue(r.typ, readResp.State.Raw)
	if err != nil {
		// As the framework words it.
		resp.Diagnostics = append(resp.Diagnostics, &tfprotov6.Diagnostic{
			Severity: tfprotov6.DiagnosticSeverityError,
			Summary:  "Unable to Convert State",
			Detail: "An unexpected error was encountered when converting the state to the protocol type. " +
				"This is always an issue in terraform-plugin-framework used to implement the provider and should be reported to the provider developers.\n\n" +
				"Please report this to the provider developer:\n\n" + err.Error(),
		})
		return resp, true
	}
	resp.NewState = &newState
	return resp, true
}

// protoDiagnostics converts diagnostics as the framework does (its internal
// toproto6.Diagnostics).
func protoDiagnostics(ctx context.Context, diags diag.Diagnostics) []*tfprotov6.Diagnostic {
	var out []*tfprotov6.Diagnostic
	for _, d := range diags {
		pd := &tfprotov6.Diagnostic{
			Severity: protoSeverity(d.Severity()),
			Summary:  d.Summary(),
			Detail:   d.Detail(),
		}
		if dp, ok := d.(diag.DiagnosticWithPath); ok {
			p, err := protoAttributePath(ctx, dp.Path())
			if err != nil {
				out = append(out, &tfprotov6.Diagnostic{
					Severity: tfprotov6.DiagnosticSeverityError,
					Summary:  "Unable to Convert Attribute Path",
					Detail: "An unexpected error occurred while trying to convert an attribute path. " +
						"This is either an error in terraform-plugin-framework or a custom attribute type used by the provider. " +
						"Please report the following to the provider developers.\n\n" +
						fmt.Sprintf("Attribute Path: %s\n", dp.Path().String()) +
						fmt.Sprintf("Original Error: %s", err),
				})
			}
			pd.Attribute = p
		}
		out = append(out, pd)
	}
	return out
}

func protoSeverity(s diag.Severity) tfprotov6.DiagnosticSeverity {
	switch s {
	case diag.SeverityError:
		return tfprotov6.DiagnosticSeverityError
	case diag.SeverityWarning:
		return tfprotov6.DiagnosticSeverityWarning
	default:
		return tfprotov6.DiagnosticSeverityInvalid
	}
}

func protoAttributePath(ctx context.Context, p path.Path) (*tftypes.AttributePath, error) {
	var steps []tftypes.AttributePathStep
	for _, step := range p.Steps() {
		switch s := step.(type) {
		case path.PathStepAttributeName:
			steps = append(steps, tftypes.AttributeName(string(s)))
		case path.PathStepElementKeyInt:
			steps = append(steps, tftypes.ElementKeyInt(int64(s)))
		case path.PathStepElementKeyString:
			steps = append(steps, tftypes.ElementKeyString(string(s)))
		case path.PathStepElementKeyValue:
			v, err := s.ToTerraformValue(ctx)
			if err != nil {
				return nil, fmt.Errorf("unable to convert attr.Value (%s) to tftypes.Value: %w", s.Value.String(), err)
			}
			steps = append(steps, tftypes.ElementKeyValue(v))
		default:
			return nil, fmt.Errorf("unknown path.PathStep: %#v", step)
		}
	}
	return tftypes.NewAttributePathWithSteps(steps), nil
}

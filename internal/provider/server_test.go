package provider

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestReleasingServer_releasesCallContexts checks that the provider's server lets
// go of each call's context once the call has returned. Every call's context
// carries a value with a finalizer; after the calls, the values must be
// collected. The framework's own server keeps them all until StopProvider,
// which the test shows for comparison.
func TestReleasingServer_releasesCallContexts(t *testing.T) {
	const calls = 300
	ctx := context.Background()
	s := skillAssignmentSchema()
	typ := s.Type().TerraformType(ctx)
	config, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, map[string]tftypes.Value{
		"id":          tftypes.NewValue(tftypes.String, nil),
		"agent_id":    tftypes.NewValue(tftypes.Number, 1001),
		"skill_id":    tftypes.NewValue(tftypes.Number, 5),
		"proficiency": tftypes.NewValue(tftypes.Number, 1),
		"is_active":   tftypes.NewValue(tftypes.Bool, nil),
		"skill_name":  tftypes.NewValue(tftypes.String, nil),
	}))
	if err != nil {
		t.Fatal(err)
	}

	// freedAfter makes the calls on server and returns how many of their
	// contexts' values were collected.
	freedAfter := func(t *testing.T, server tfprotov6.ProviderServer, wait time.Duration) int64 {
		t.Helper()
		if _, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{}); err != nil {
			t.Fatal(err)
		}
		var freed atomic.Int64
		for range calls {
			v := &callMarker{}
			runtime.SetFinalizer(v, func(*callMarker) { freed.Add(1) })
			callCtx, cancel := context.WithCancel(context.WithValue(ctx, callMarkerKey{}, v))
			resp, err := server.ValidateResourceConfig(callCtx, &tfprotov6.ValidateResourceConfigRequest{
				TypeName: "cxone_skill_assignment",
				Config:   &config,
			})
			cancel() // as gRPC does when a call ends
			if err != nil || len(resp.Diagnostics) > 0 {
				t.Fatalf("ValidateResourceConfig: %v %v", err, resp.Diagnostics)
			}
		}
		// Finalizers run after a collection, on their own goroutine.
		for deadline := time.Now().Add(wait); freed.Load() < calls && time.Now().Before(deadline); {
			runtime.GC()
			time.Sleep(10 * time.Millisecond)
		}
		runtime.KeepAlive(server)
		return freed.Load()
	}

	framework := providerserver.NewProtocol6(New("test")())()
	t.Logf("the framework's server alone: %d of %d call contexts collected", freedAfter(t, framework, 300*time.Millisecond), calls)

	if got := freedAfter(t, NewProtocol6Server("test")(), 10*time.Second); got < calls {
		t.Errorf("the provider's server kept %d of %d call contexts after the calls returned", calls-got, calls)
	}
}

type (
	callMarker    struct{ _ [64]byte }
	callMarkerKey struct{}
)

// TestReleasingContext checks what the framework sees through a releasing
// context: the call's own context while the call runs, and a cancelled empty
// one afterwards; contexts derived from it during the call are cancelled with
// the call's.
func TestReleasingContext(t *testing.T) {
	deadline := time.Now().Add(time.Hour)
	parent, cancel := context.WithDeadline(context.WithValue(context.Background(), callMarkerKey{}, "v"), deadline)
	rc := newReleasingContext(parent)

	if got := rc.Value(callMarkerKey{}); got != "v" {
		t.Errorf("Value during the call = %v", got)
	}
	if d, ok := rc.Deadline(); !ok || !d.Equal(deadline) {
		t.Errorf("Deadline during the call = %v %v", d, ok)
	}
	if rc.Err() != nil {
		t.Errorf("Err during the call = %v", rc.Err())
	}
	child, stop := context.WithCancel(rc)
	defer stop()
	cancel()
	select {
	case <-child.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("a context derived during the call was not cancelled with the call's context")
	}
	if !errors.Is(child.Err(), context.Canceled) {
		t.Errorf("child Err = %v", child.Err())
	}

	rc.release()
	if got := rc.Value(callMarkerKey{}); got != nil {
		t.Errorf("Value after release = %v", got)
	}
	if !errors.Is(rc.Err(), context.Canceled) {
		t.Errorf("Err after release = %v", rc.Err())
	}
	if _, ok := rc.Deadline(); ok {
		t.Error("a deadline after release")
	}
	select {
	case <-rc.Done():
	default:
		t.Error("Done is open after release")
	}
}

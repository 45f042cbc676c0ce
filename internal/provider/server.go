package provider

import (
	"context"
	"os"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// NewProtocol6Server returns the provider's protocol 6 server: the framework's,
// with every call's context released when the call returns (see
// releasingServer), and with the reads of most resources served without the
// framework's generic steps (see leanReads). main serves it and the acceptance
// tests run it in-process.
func NewProtocol6Server(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer {
		p := newProvider(version)
		return releasingServer{
			ProviderServer: providerserver.NewProtocol6(p)(),
			lean:           newLeanReads(context.Background(), p, os.Getenv),
		}
	}
}

// releasingServer stops the framework's server from keeping every call's
// context for the life of the provider process.
//
// The framework (terraform-plugin-framework v1.19) derives a cancellable context
// for each call and keeps its cancel function until StopProvider, which Terraform
// sends only when a run is interrupted. The cancel function holds the call's
// context, and with it everything the call's context carries: the gRPC stream,
// the request's loggers and fields, about 12 KB per call. A refresh of a thousand
// resources makes two thousand calls, so the provider's live heap grew by some
// 25 MB and every garbage collection had to walk it.
//
// releasingServer hands the framework a context that forwards to the call's own
// context while the call runs, and to an empty, cancelled context once it has
// returned. What the framework keeps is then a few small objects per call.
// Cancellation is unchanged: while the call runs, its context is the call's.
//
// StopProvider is passed on with the call's own context, so that it still
// reaches the contexts it cancels. The server offers only
// tfprotov6.ProviderServer: the optional interfaces of list resources, actions
// and state stores, which tf6server finds by type assertion, are not passed on,
// as this provider has none of them.
type releasingServer struct {
	tfprotov6.ProviderServer
	// lean serves the reads of the resources that qualify, nil for none.
	lean *leanReads
}

// released is what a call's context becomes after the call: cancelled and empty.
var released = func() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}()

// releasingContext forwards to the context of a running call until release.
type releasingContext struct {
	ctx atomic.Pointer[ctxBox]
}

// ctxBox lets an interface value be stored in an atomic.Pointer.
type ctxBox struct{ context.Context }

var releasedBox = &ctxBox{released}

func newReleasingContext(ctx context.Context) *releasingContext {
	c := &releasingContext{}
	c.ctx.Store(&ctxBox{ctx})
	return c
}

func (c *releasingContext) release()                                { c.ctx.Store(releasedBox) }
func (c *releasingContext) Deadline() (deadline time.Time, ok bool) { return c.ctx.Load().Deadline() }
func (c *releasingContext) Done() <-chan struct{}                   { return c.ctx.Load().Done() }
func (c *releasingContext) Err() error                              { return c.ctx.Load().Err() }
func (c *releasingContext) Value(key any) any                       { return c.ctx.Load().Value(key) }

// call runs one call of the framework's server with a releasing context.
func call[Req, Resp any](ctx context.Context, req Req, f func(context.Context, Req) (Resp, error)) (Resp, error) {
	rc := newReleasingContext(ctx)
	defer rc.release()
	return f(rc, req)
}

func (s releasingServer) GetMetadata(ctx context.Context, req *tfprotov6.GetMetadataRequest) (*tfprotov6.GetMetadataResponse, error) {
	return call(ctx, req, s.ProviderServer.GetMetadata)
}

func (s releasingServer) GetProviderSchema(ctx context.Context, req *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	return call(ctx, req, s.ProviderServer.GetProviderSchema)
}

func (s releasingServer) GetResourceIdentitySchemas(ctx context.Context, req *tfprotov6.GetResourceIdentitySchemasRequest) (*tfprotov6.GetResourceIdentitySchemasResponse, error) {
	return call(ctx, req, s.ProviderServer.GetResourceIdentitySchemas)
}

func (s releasingServer) ValidateProviderConfig(ctx context.Context, req *tfprotov6.ValidateProviderConfigRequest) (*tfprotov6.ValidateProviderConfigResponse, error) {
	return call(ctx, req, s.ProviderServer.ValidateProviderConfig)
}

func (s releasingServer) ConfigureProvider(ctx context.Context, req *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	return call(ctx, req, s.ProviderServer.ConfigureProvider)
}

func (s releasingServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return call(ctx, req, s.ProviderServer.ValidateResourceConfig)
}

func (s releasingServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	if s.lean != nil {
		if resp, ok := s.lean.upgradeResourceState(ctx, req); ok {
			return resp, nil
		}
	}
	return call(ctx, req, s.ProviderServer.UpgradeResourceState)
}

// StopProvider cancels the lean reads in flight, and passes the call on to the
// framework, which cancels the calls it serves.
func (s releasingServer) StopProvider(ctx context.Context, req *tfprotov6.StopProviderRequest) (*tfprotov6.StopProviderResponse, error) {
	if s.lean != nil {
		s.lean.stop()
	}
	return s.ProviderServer.StopProvider(ctx, req)
}

func (s releasingServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	if s.lean != nil {
		if resp, ok := s.lean.readResource(ctx, req); ok {
			return resp, nil
		}
	}
	return call(ctx, req, s.ProviderServer.ReadResource)
}

func (s releasingServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return call(ctx, req, s.ProviderServer.PlanResourceChange)
}

func (s releasingServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return call(ctx, req, s.ProviderServer.ApplyResourceChange)
}

func (s releasingServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return call(ctx, req, s.ProviderServer.ImportResourceState)
}

func (s releasingServer) MoveResourceState(ctx context.Context, req *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return call(ctx, req, s.ProviderServer.MoveResourceState)
}

func (s releasingServer) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return call(ctx, req, s.ProviderServer.UpgradeResourceIdentity)
}

func (s releasingServer) GenerateResourceConfig(ctx context.Context, req *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	return call(ctx, req, s.ProviderServer.GenerateResourceConfig)
}

func (s releasingServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return call(ctx, req, s.ProviderServer.ValidateDataResourceConfig)
}

func (s releasingServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return call(ctx, req, s.ProviderServer.ReadDataSource)
}

func (s releasingServer) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	return call(ctx, req, s.ProviderServer.CallFunction)
}

func (s releasingServer) GetFunctions(ctx context.Context, req *tfprotov6.GetFunctionsRequest) (*tfprotov6.GetFunctionsResponse, error) {
	return call(ctx, req, s.ProviderServer.GetFunctions)
}

func (s releasingServer) ValidateEphemeralResourceConfig(ctx context.Context, req *tfprotov6.ValidateEphemeralResourceConfigRequest) (*tfprotov6.ValidateEphemeralResourceConfigResponse, error) {
	return call(ctx, req, s.ProviderServer.ValidateEphemeralResourceConfig)
}

func (s releasingServer) OpenEphemeralResource(ctx context.Context, req *tfprotov6.OpenEphemeralResourceRequest) (*tfprotov6.OpenEphemeralResourceResponse, error) {
	return call(ctx, req, s.ProviderServer.OpenEphemeralResource)
}

func (s releasingServer) RenewEphemeralResource(ctx context.Context, req *tfprotov6.RenewEphemeralResourceRequest) (*tfprotov6.RenewEphemeralResourceResponse, error) {
	return call(ctx, req, s.ProviderServer.RenewEphemeralResource)
}

func (s releasingServer) CloseEphemeralResource(ctx context.Context, req *tfprotov6.CloseEphemeralResourceRequest) (*tfprotov6.CloseEphemeralResourceResponse, error) {
	return call(ctx, req, s.ProviderServer.CloseEphemeralResource)
}

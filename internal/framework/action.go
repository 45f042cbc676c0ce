package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// Invoker is what an action built on ActionWithModel does: InvokeAction runs it with
// its configuration m, read for it, once the provider has a client.
type Invoker[T any] interface {
	InvokeAction(ctx context.Context, m T, resp *action.InvokeResponse)
}

// ActionWithModel is embedded by every action, with T its model struct (the action's
// configuration). Actions hold the same readcache.API as resources: what they do to
// CXone is declared in readcache.Writes, so a read later in the same operation does
// not come from a list taken before the action ran. An action never writes state.
//
// Once NewAction has tied it to its action, it implements Metadata, Schema (checked
// against T, as a resource's is), ValidateConfig and Invoke, which reads the
// configuration, checks the client and calls the action's InvokeAction.
type ActionWithModel[T any] struct {
	holder[T, readcache.API]
	typed[T, schema.Schema]
	invoker  Invoker[T]
	validate func(context.Context, tfsdk.Config, *diag.Diagnostics)
}

// actionOf is an action type built on ActionWithModel[T].
type actionOf[T any] interface {
	Invoker[T]
	actionBase() *ActionWithModel[T]
}

func (a *ActionWithModel[T]) actionBase() *ActionWithModel[T] { return a }

// NewAction ties a, whose type embeds ActionWithModel[T], to its base and returns it:
// the action is named <provider>_<typeName>, its schema is what schemaOf returns, and
// validate (nil for none) checks its configuration at plan time. Every action's New
// function is this one call.
func NewAction[T any, A actionOf[T]](a A, typeName string, schemaOf func(context.Context) schema.Schema,
	validate func(context.Context, tfsdk.Config, *diag.Diagnostics)) A {
	b := a.actionBase()
	b.invoker, b.typeName, b.schema, b.validate = a, typeName, schemaOf, validate
	return a
}

// Configure stores the provider's client.
func (a *ActionWithModel[T]) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.configure(req.ProviderData, &resp.Diagnostics)
}

// Metadata names the action.
func (a *ActionWithModel[T]) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = a.fullName(req.ProviderTypeName)
}

// Schema is the action's schema; a model that does not match it is an error.
func (a *ActionWithModel[T]) Schema(ctx context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	if !a.initialised(&resp.Diagnostics) {
		return
	}
	resp.Schema = a.checkedSchema(ctx, "Action", &resp.Diagnostics)
}

// ValidateConfig runs the action's own check, if it has one.
func (a *ActionWithModel[T]) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	if a.validate != nil {
		a.validate(ctx, req.Config, &resp.Diagnostics)
	}
}

// Invoke reads the configuration and runs the action.
func (a *ActionWithModel[T]) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m T
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || !a.initialised(&resp.Diagnostics) || !a.CheckClient(&resp.Diagnostics) {
		return
	}
	a.invoker.InvokeAction(ctx, m, resp)
}

// initialised reports an action built without NewAction.
func (a *ActionWithModel[T]) initialised(diags *diag.Diagnostics) bool {
	return a.initialisedAs("Action", a.invoker != nil, diags)
}

// ActionWithModel gives its embedder all of action.Action and the configure and
// validation interfaces.
var _ interface {
	action.ActionWithConfigure
	action.ActionWithValidateConfig
} = (*ActionWithModel[struct{}])(nil)

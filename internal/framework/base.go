// Package framework holds what every resource and data source of the provider
// shares on top of terraform-plugin-framework: the bases they embed, which take
// the client from the provider's Configure and name the model type, in the manner
// of the AWS provider's internal/framework. Resource also owns the life cycle:
// a resource says how to read, create, update and delete one object (Object), and
// Resource does the state, identity, import and "gone" handling around it.
package framework

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// WithModel is implemented by every resource and data source that embeds a base of
// this package. Model returns a zero value of the model struct that the resource
// reads and writes its state with; tests compare it with the resource's schema.
type WithModel interface {
	Model() any
}

// holder is what every base of this package holds: the client of type C that the
// provider's Configure hands over, for a resource type of model M.
type holder[M any, C comparable] struct {
	// Client is nil until the provider is configured; see CheckClient.
	Client C
}

// Model returns a zero M.
func (*holder[M, C]) Model() any {
	var m M
	return m
}

// CheckClient reports a clear error when the provider could not build a client,
// for example because a provider setting depends on a value not known yet.
func (h *holder[M, C]) CheckClient(diags *diag.Diagnostics) bool {
	var none C
	return checkClient(h.Client != none, diags)
}

// configure stores the provider's client.
func (h *holder[M, C]) configure(data any, diags *diag.Diagnostics) {
	h.Client = providerData[C](data, diags)
}

// typed is what the bases of resources, actions and ephemeral resources hold to name
// their type and give its schema S, checked against the model M: the type's name
// after the provider's ("digital_skill") and the function that builds the schema.
type typed[M any, S any] struct {
	typeName string
	schema   func(context.Context) S
}

// fullName is the type's name in the provider named providerTypeName.
func (t *typed[M, S]) fullName(providerTypeName string) string {
	return providerTypeName + "_" + t.typeName
}

// initialisedAs reports a type whose base was not built by its New function: its
// schema is not set, or built (what the base says of its other fields) is false.
// what names the kind of type, "Ephemeral Resource", and so the New function,
// framework.NewEphemeralResource.
func (t *typed[M, S]) initialisedAs(what string, built bool, diags *diag.Diagnostics) bool {
	if t.schema != nil && built {
		return true
	}
	var m M
	diags.AddError(what+" Not Initialised", fmt.Sprintf("The %s of model %T was built without framework.New%s. This "+
		"is a bug in the provider: please report it.", strings.ToLower(what), m, strings.ReplaceAll(what, " ", "")))
	return false
}

// checkedSchema builds the schema and adds a diagnostic for each difference between
// it and the model M (what names the kind of type in it: "Resource").
func (t *typed[M, S]) checkedSchema(ctx context.Context, what string, diags *diag.Diagnostics) S {
	s := t.schema(ctx)
	var m M
	for _, p := range ModelProblems(s, m) {
		diags.AddError(what+" Model Does Not Match Its Schema",
			fmt.Sprintf("%s %s: %s. This is a bug in the provider: please report it.", what, t.typeName, p))
	}
	return s
}

// DataSourceWithModel is embedded by every data source, with T its model struct.
// It holds the same readcache.API as resources: look-ups join the operation's
// request budget, and a look-up of a kind after the provider wrote that kind in the
// same operation always asks CXone.
type DataSourceWithModel[T any] struct {
	holder[T, readcache.API]
}

// Configure stores the provider's client.
func (d *DataSourceWithModel[T]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

// providerData takes the value the provider's Configure handed over; nil before
// the provider is configured (validation, or settings still unknown).
func providerData[C any](data any, diags *diag.Diagnostics) C {
	var zero C
	if data == nil {
		return zero
	}
	c, ok := data.(C)
	if !ok {
		diags.AddError("Unexpected Provider Data",
			fmt.Sprintf("Expected %T, got %T. This is a bug in the provider: please report it.", zero, data))
		return zero
	}
	return c
}

func checkClient(configured bool, diags *diag.Diagnostics) bool {
	if configured {
		return true
	}
	diags.AddError("Provider Not Configured",
		"The CXone provider has no API client: one of its settings is not known until apply. "+
			"Set the provider's settings from values known at plan time.")
	return false
}

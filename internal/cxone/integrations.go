package cxone

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Integration is a BYOC channel integration: how CXone reaches the customer's middleware.
// CXone never returns the client secret; HasClientSecret says one is stored.
//
// CXone's public API reference does not document integrations (the CXone UI manages them);
// the /channel-integrations paths in this file are project-defined in the style of DFO 3.0,
// kept here so they can be re-pointed in one place.
type Integration struct {
	ID                 string `json:"id"`
	Name               string `json:"name"`
	IntegrationBoxURL  string `json:"integrationBoxUrl"`
	AuthorizationURL   string `json:"authorizationUrl"`
	ClientID           string `json:"clientId"`
	HasClientSecret    bool   `json:"hasClientSecret"`
	UseDfo3OutboundAPI bool   `json:"useDfo3OutboundApi"`
	AddActionURL       string `json:"addActionUrl"`
	ReconnectActionURL string `json:"reconnectActionUrl"`
	RemoveActionURL    string `json:"removeActionUrl"`
	Color              string `json:"color"`
}

// UnmarshalJSON reads an integration, accepting its id as a string or a number.
func (in *Integration) UnmarshalJSON(b []byte) error {
	type plain Integration
	return decodeFlex(b, (*plain)(in), flexStringAt("id", &in.ID))
}

// IntegrationInput is every field of an integration; PUT replaces all of them, so the secret
// is sent on every update.
type IntegrationInput struct {
	Name               string `json:"name"`
	IntegrationBoxURL  string `json:"integrationBoxUrl"`
	AuthorizationURL   string `json:"authorizationUrl"`
	ClientID           string `json:"clientId"`
	ClientSecret       string `json:"clientSecret"`
	UseDfo3OutboundAPI bool   `json:"useDfo3OutboundApi"`
	AddActionURL       string `json:"addActionUrl"`
	ReconnectActionURL string `json:"reconnectActionUrl"`
	RemoveActionURL    string `json:"removeActionUrl"`
	Color              string `json:"color"`
}

// String leaves the secret out, so an input printed by mistake cannot leak it.
func (in IntegrationInput) String() string {
	return fmt.Sprintf("IntegrationInput{Name:%q IntegrationBoxURL:%q ClientID:%q ClientSecret:<redacted>}",
		in.Name, in.IntegrationBoxURL, in.ClientID)
}

// GoString keeps %#v from printing the secret too.
func (in IntegrationInput) GoString() string { return in.String() }

// differences compares a create's request with the integration found under its name after
// the answer was lost. The secret cannot be compared. A colour left out may get one from
// CXone, and colours are compared without regard to case.
func (in IntegrationInput) differences(found *Integration) []string {
	var d []string
	noteDiff(&d, "name", in.Name, found.Name)
	noteDiff(&d, "integrationBoxUrl", in.IntegrationBoxURL, found.IntegrationBoxURL)
	noteDiff(&d, "authorizationUrl", in.AuthorizationURL, found.AuthorizationURL)
	noteDiff(&d, "clientId", in.ClientID, found.ClientID)
	noteDiff(&d, "useDfo3OutboundApi", in.UseDfo3OutboundAPI, found.UseDfo3OutboundAPI)
	noteDiff(&d, "addActionUrl", in.AddActionURL, found.AddActionURL)
	noteDiff(&d, "reconnectActionUrl", in.ReconnectActionURL, found.ReconnectActionURL)
	noteDiff(&d, "removeActionUrl", in.RemoveActionURL, found.RemoveActionURL)
	if in.Color != "" && !strings.EqualFold(in.Color, found.Color) {
		noteDiff(&d, "color", in.Color, found.Color)
	}
	return d
}

// CreateIntegration creates an integration (POST /channel-integrations). If the answer is
// lost, the request is not sent again: the integration is looked up by name and returned if
// every field sent but the secret (which CXone never returns) is what CXone holds. One of
// that name with other settings is someone else's, in the way of the create: a
// *MismatchError. A duplicate name, either way, is an error for which IsConflict is true.
func (c *Client) CreateIntegration(ctx context.Context, in IntegrationInput) (*Integration, error) {
	var out Integration
	lc := lostCreate[Integration]{kind: "integration", name: in.Name, differences: in.differences, find: c.FindIntegrationByName,
		id: func(i *Integration) string { return i.ID }}
	found, err := lc.create(ctx, c, func() error {
		return dfoCall(ctx, c, http.MethodPost, "/channel-integrations", in, false, &out)
	})
	if err != nil || found != nil { // failed, or settled by name after a lost answer
		return found, err
	}
	if out.ID == "" {
		return nil, fmt.Errorf("creating integration %q: CXone's answer has no id", in.Name)
	}
	return &out, nil
}

// GetIntegration reads one integration; an unknown id is an error for which IsNotFound is true.
func (c *Client) GetIntegration(ctx context.Context, id string) (*Integration, error) {
	var out Integration
	path := "/channel-integrations/" + url.PathEscape(id)
	if err := dfoCall(ctx, c, http.MethodGet, path, nil, true, &out); err != nil {
		return nil, fmt.Errorf("reading integration %q: %w", id, err)
	}
	// Only CXone's 404 says the integration is gone; an answer without it is not believed.
	if err := checkOne(&out); err != nil {
		return nil, fmt.Errorf("reading integration %q: %w", id, &ShapeError{Method: http.MethodGet, Path: path, Err: err})
	}
	return &out, nil
}

// ListIntegrations returns every integration, following every page.
func (c *Client) ListIntegrations(ctx context.Context) ([]Integration, error) {
	return integrationsListing().collectNamed(ctx, c, "listing integrations")
}

// FindIntegrationByName returns the integration with exactly this name; none is an error for
// which IsNotFound is true.
func (c *Client) FindIntegrationByName(ctx context.Context, name string) (*Integration, error) {
	list, err := c.ListIntegrations(ctx)
	return findNamed(list, err, "integration", name, func(i *Integration) string { return i.Name })
}

// UpdateIntegration replaces every field of an integration (PUT /channel-integrations/{id}).
func (c *Client) UpdateIntegration(ctx context.Context, id string, in IntegrationInput) (*Integration, error) {
	var out Integration
	path := "/channel-integrations/" + url.PathEscape(id)
	if err := dfoCall(ctx, c, http.MethodPut, path, in, true, &out); err != nil {
		return nil, fmt.Errorf("updating integration %q: %w", id, err)
	}
	if out.ID == "" {
		return c.GetIntegration(ctx, id)
	}
	return &out, nil
}

// DeleteIntegration deletes an integration. CXone refuses (409, IsConflict) while channels
// still use it; an unknown id is an error for which IsNotFound is true.
func (c *Client) DeleteIntegration(ctx context.Context, id string) error {
	path := "/channel-integrations/" + url.PathEscape(id)
	return failed(dfoCall(ctx, c, http.MethodDelete, path, nil, true, nil), "deleting integration %q", id)
}

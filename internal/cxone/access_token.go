package cxone

import (
	"context"
	"fmt"
	"time"
)

// AccessToken is a CXone bearer token as the client holds it, for callers that
// make their own API calls with the client's credentials (the provider's
// ephemeral cxone_access_token).
type AccessToken struct {
	// Value is the bearer token. It is a secret: never log it.
	Value string
	// Type is the token type, always "Bearer".
	Type string
	// ExpiresAt is when CXone stops accepting the token, estimated from the
	// expires_in of its answer, counted from before the request was sent.
	ExpiresAt time.Time
	// APIEndpoint is the base URL of the tenant's API host (discovered or set),
	// for example https://api-na1.niceincontact.com, without a trailing slash.
	APIEndpoint string
}

// GetAccessToken returns the token the client signs its own calls with, fetching
// one (and running discovery) if it holds none that is fresh. Callers share the
// client's token: asking for it costs no request while the token is fresh.
func (c *Client) GetAccessToken(ctx context.Context) (AccessToken, error) {
	eps, err := c.endpoints(ctx)
	if err != nil {
		return AccessToken{}, err
	}
	t, err := c.tokens.getToken(ctx)
	if err != nil {
		return AccessToken{}, fmt.Errorf("getting an access token: %w", err)
	}
	return AccessToken{Value: t.value, Type: "Bearer", ExpiresAt: t.expiresAt, APIEndpoint: eps.api}, nil
}

package cxone

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// endpointSet is where a tenant's APIs and tokens live.
type endpointSet struct {
	api  string // base of the Admin and DFO APIs
	auth string // base of the token endpoints
}

// discoveryCache keeps a successful discovery for the Client's lifetime. Failures are not
// kept, so a transient error during one call does not break every later call.
type discoveryCache struct {
	mu  sync.Mutex
	eps *endpointSet
}

func (d *discoveryCache) load() (endpointSet, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.eps == nil {
		return endpointSet{}, false
	}
	return *d.eps, true
}

// discoveryAnswer is the part of /.well-known/cxone-configuration the client uses.
type discoveryAnswer struct {
	APIEndpoint  string `json:"api_endpoint"`
	AuthEndpoint string `json:"auth_endpoint"`
	TenantID     string `json:"tenantId"`
}

// endpoints returns the tenant's endpoints, discovering them on first use. Concurrent first
// callers share one discovery request.
func (c *Client) endpoints(ctx context.Context) (endpointSet, error) {
	if c.cfg.APIEndpoint != "" {
		return endpointSet{api: c.cfg.APIEndpoint, auth: c.cfg.AuthURL}, nil
	}
	if eps, ok := c.disc.load(); ok {
		return eps, nil
	}
	ch := c.flight.DoChan("discovery", func() (any, error) {
		if eps, ok := c.disc.load(); ok {
			return eps, nil
		}
		eps, err := c.discover(context.WithoutCancel(ctx))
		if err != nil {
			return endpointSet{}, err
		}
		c.disc.mu.Lock()
		c.disc.eps = &eps
		c.disc.mu.Unlock()
		return eps, nil
	})
	select {
	case <-ctx.Done():
		return endpointSet{}, ctx.Err()
	case res := <-ch:
		if res.Err != nil {
			return endpointSet{}, res.Err
		}
		eps, _ := res.Val.(endpointSet) // the flight function only returns endpointSet
		return eps, nil
	}
}

// discover asks CXone's auth host where the tenant lives.
func (c *Client) discover(ctx context.Context) (endpointSet, error) {
	var ans discoveryAnswer
	err := c.do(ctx, &request{
		method:     http.MethodGet,
		api:        absoluteURL,
		path:       c.cfg.AuthURL + "/.well-known/cxone-configuration",
		query:      url.Values{"tenantId": {c.cfg.TenantID}},
		idempotent: true,
		noAuth:     true,
		purpose:    purposeDiscovery,
	}, &ans)
	if err != nil {
		return endpointSet{}, fmt.Errorf("discovering the CXone endpoints of tenant %q: %w", c.cfg.TenantID, err)
	}
	eps := endpointSet{
		api:  strings.TrimRight(ans.APIEndpoint, "/"),
		auth: strings.TrimRight(ans.AuthEndpoint, "/"),
	}
	if eps.auth == "" {
		eps.auth = c.cfg.AuthURL
	}
	for name, u := range map[string]string{"api_endpoint": eps.api, "auth_endpoint": eps.auth} {
		if err := checkBaseURL(u); err != nil {
			return endpointSet{}, fmt.Errorf("discovering the CXone endpoints of tenant %q: %s %q: %w", c.cfg.TenantID, name, u, err)
		}
	}
	c.log.Debug(ctx, "discovered CXone endpoints", map[string]any{"api_endpoint": eps.api, "auth_endpoint": eps.auth})
	return eps, nil
}

// checkBaseURL accepts absolute https URLs, and http only on loopback hosts (the mock):
// credentials and tokens must never cross a network in clear text.
func checkBaseURL(raw string) error {
	if raw == "" {
		return errors.New("is empty")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("is not a URL: %w", err)
	}
	if u.Host == "" {
		return errors.New("must be an absolute URL with a host")
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		if isLoopback(u.Hostname()) {
			return nil
		}
		return errors.New("must use https (plain http is accepted only for loopback hosts)")
	default:
		return fmt.Errorf("has unsupported scheme %q", u.Scheme)
	}
}

// isLoopback reports whether host names this machine.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

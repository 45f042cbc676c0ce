// Package cxone is a client for the parts of the NICE CXone APIs that the provider manages:
// users (their creation, fields and digital settings), teams and security profiles, digital
// skills and their assignments (Admin API), and routing queues, channels, BYOC integrations
// and queue bindings (Digital Engagement API, DFO 3.0).
// It is plain Go and knows nothing of Terraform. README.md in this folder is the contract
// it follows: every call, field and quirk, and which 404 means "not found".
package cxone

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
	"golang.org/x/sync/singleflight"
)

// Defaults applied by New to zero-valued Config fields.
const (
	DefaultAuthURL         = "https://cxone.niceincontact.com"
	DefaultAdminAPIVersion = "v34.0"
	DefaultMaxRetries      = 4
	DefaultRetryWaitMin    = time.Second
	DefaultRetryWaitMax    = 30 * time.Second
	DefaultMaxRetryAfter   = 60 * time.Second
	DefaultRequestTimeout  = 60 * time.Second
	DefaultRetryTimeout    = 2 * time.Minute
	DefaultUserAgent       = "terraform-provider-cxone"
)

// Config holds everything New needs. Zero values take the defaults above.
type Config struct {
	// TenantID is used for discovery; not needed when APIEndpoint is set.
	TenantID string
	// AuthURL is CXone's global auth host, where discovery runs (and, with APIEndpoint set,
	// where tokens come from).
	AuthURL string
	// APIEndpoint skips discovery when set.
	APIEndpoint string
	// AccessKeyID and AccessKeySecret are the credentials for both grants.
	AccessKeyID, AccessKeySecret string
	// ClientID and ClientSecret select the password grant at /auth/token; without them the
	// access-key grant is used.
	ClientID, ClientSecret string
	// AdminAPIVersion is the Admin API version path segment (default "v34.0").
	AdminAPIVersion string
	// MaxRetries bounds retries of a failed attempt: 0 means none, negative the default 4.
	MaxRetries int
	// MaxRequestsPerSecond limits all requests of this Client, retries included; 0 = unlimited.
	// Below it, the client paces itself after CXone answers 429 (pacer.go).
	MaxRequestsPerSecond float64
	// RetryWaitMin and RetryWaitMax bound the exponential backoff between retries.
	RetryWaitMin, RetryWaitMax time.Duration
	// MaxRetryAfter caps how long a Retry-After header can make the client wait.
	MaxRetryAfter time.Duration
	// RequestTimeout bounds each attempt, reading its answer included.
	RequestTimeout time.Duration
	// RetryTimeout bounds each call as a whole: its token fetch, attempts, reads, waits and
	// retries (budget.go). A Retry-After longer than what is left of it fails the call at once.
	RetryTimeout time.Duration
	// HTTPClient optionally supplies the base transport, redirect policy and cookie jar; its
	// Timeout is ignored in favour of RequestTimeout, which applies per attempt.
	HTTPClient *http.Client
	// UserAgent is sent on every request.
	UserAgent string
	// Logger receives log lines; nil means no logging.
	Logger Logger
}

// Client talks to one CXone tenant. It is safe for concurrent use; discovery and the access
// token are fetched lazily on first use and shared by all callers.
type Client struct {
	cfg    Config
	log    Logger
	http   *retryablehttp.Client
	flight singleflight.Group
	tokens *tokenSource
	disc   discoveryCache
	trips  budgetTrip
}

// New validates cfg, applies defaults and returns a Client. It makes no request.
func New(cfg Config) (*Client, error) {
	cfg, err := normalizeConfig(cfg)
	if err != nil {
		return nil, err
	}
	c := &Client{cfg: cfg, log: cfg.Logger}
	if c.log == nil {
		c.log = nopLogger{}
	}

	base := http.RoundTripper(cleanhttp.DefaultPooledTransport())
	hc := &http.Client{}
	if cfg.HTTPClient != nil {
		if cfg.HTTPClient.Transport != nil {
			base = cfg.HTTPClient.Transport
		}
		hc.Jar = cfg.HTTPClient.Jar
	}
	var userRedirect func(*http.Request, []*http.Request) error
	if cfg.HTTPClient != nil {
		userRedirect = cfg.HTTPClient.CheckRedirect
	}
	hc.CheckRedirect = checkRedirect(userRedirect)
	// One pacer for every call and retry: a 429 met by one slows them all (pacer.go), and
	// MaxRequestsPerSecond spaces requests evenly, a burst of one, which is what an
	// unpublished rate limit on CXone's side is most likely to tolerate.
	pace := newPacer(cfg.MaxRequestsPerSecond, cfg.MaxRetryAfter)
	hc.Transport = &attemptTransport{base: base, pacer: pace, timeout: cfg.RequestTimeout, log: c.log}

	c.http = &retryablehttp.Client{
		HTTPClient:   hc,
		Logger:       nil, // attemptTransport logs, without URLs' queries or headers
		RetryWaitMin: cfg.RetryWaitMin,
		RetryWaitMax: cfg.RetryWaitMax,
		RetryMax:     cfg.MaxRetries,
		CheckRetry:   c.checkRetry,
		Backoff:      c.backoff,
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
		PrepareRetry: c.prepareRetry,
	}
	c.tokens = newTokenSource(c.fetchToken, &c.flight)
	return c, nil
}

// normalizeConfig applies defaults and rejects settings that cannot work, naming the field.
func normalizeConfig(cfg Config) (Config, error) {
	var errs []error
	cfg.AuthURL = strings.TrimRight(cmp.Or(cfg.AuthURL, DefaultAuthURL), "/")
	cfg.APIEndpoint = strings.TrimRight(cfg.APIEndpoint, "/")
	if err := checkBaseURL(cfg.AuthURL); err != nil {
		errs = append(errs, fmt.Errorf("AuthURL: %w", err))
	}
	if cfg.APIEndpoint != "" {
		if err := checkBaseURL(cfg.APIEndpoint); err != nil {
			errs = append(errs, fmt.Errorf("APIEndpoint: %w", err))
		}
	} else if cfg.TenantID == "" {
		errs = append(errs, errors.New("TenantID is required unless APIEndpoint is set"))
	}
	if cfg.AccessKeyID == "" || cfg.AccessKeySecret == "" {
		errs = append(errs, errors.New("AccessKeyID and AccessKeySecret are both required"))
	}
	if (cfg.ClientID == "") != (cfg.ClientSecret == "") {
		errs = append(errs, errors.New("ClientID and ClientSecret must be set together"))
	}
	if cfg.MaxRequestsPerSecond < 0 {
		errs = append(errs, errors.New("MaxRequestsPerSecond must not be negative"))
	}
	if cfg.RetryWaitMin < 0 || cfg.RetryWaitMax < 0 || cfg.MaxRetryAfter < 0 || cfg.RequestTimeout < 0 || cfg.RetryTimeout < 0 {
		errs = append(errs, errors.New("durations must not be negative"))
	}
	if err := errors.Join(errs...); err != nil {
		return cfg, fmt.Errorf("invalid CXone client configuration: %w", err)
	}
	cfg.AdminAPIVersion = cmp.Or(cfg.AdminAPIVersion, DefaultAdminAPIVersion)
	if cfg.MaxRetries < 0 {
		cfg.MaxRetries = DefaultMaxRetries
	}
	cfg.RetryWaitMin = cmp.Or(cfg.RetryWaitMin, DefaultRetryWaitMin)
	cfg.RetryWaitMax = max(cmp.Or(cfg.RetryWaitMax, DefaultRetryWaitMax), cfg.RetryWaitMin)
	cfg.MaxRetryAfter = cmp.Or(cfg.MaxRetryAfter, DefaultMaxRetryAfter)
	cfg.RequestTimeout = cmp.Or(cfg.RequestTimeout, DefaultRequestTimeout)
	cfg.RetryTimeout = cmp.Or(cfg.RetryTimeout, DefaultRetryTimeout)
	cfg.UserAgent = cmp.Or(cfg.UserAgent, DefaultUserAgent)
	return cfg, nil
}

// apiFamily selects the base URL a request path is relative to.
type apiFamily int

const (
	absoluteURL apiFamily = iota // path is a complete URL (discovery, tokens)
	adminAPI                     // {api_endpoint}/inContactAPI/services/{version}
	dfoAPI                       // {api_endpoint}/dfo/3.0
)

// request describes one API call; do turns it into attempts.
type request struct {
	method     string
	api        apiFamily
	path       string
	query      url.Values
	body       any        // JSON-encoded when non-nil
	form       url.Values // form-encoded when non-nil (password grant)
	basicUser  string     // HTTP Basic credentials (password grant)
	basicPass  string
	idempotent bool // safe to send again after a lost answer
	noAuth     bool // discovery and token requests carry no bearer token
	purpose    requestPurpose
}

// do is the one path every call takes: within the call's retry budget (budget.go), resolve
// the URL, get the shared token, send with retries (rate-limited per attempt), repeat once
// with a fresh token after a 401, and turn the answer into out or a typed error.
func (c *Client) do(ctx context.Context, r *request, out any) error {
	return c.withBudget(ctx, r, func(ctx context.Context, info *requestInfo) error {
		return c.doWithin(ctx, r, info, out)
	})
}

// doWithin is do inside the budget; info counts the attempts of every try.
func (c *Client) doWithin(ctx context.Context, r *request, info *requestInfo, out any) error {
	u, err := c.resolveURL(ctx, r)
	if err != nil {
		return err
	}
	for try := 0; ; try++ {
		var token string
		if !r.noAuth {
			if token, err = c.tokens.get(ctx); err != nil {
				return fmt.Errorf("authenticating to CXone: %w", err)
			}
		}
		resp, payload, err := c.send(ctx, r, u, token, info)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusUnauthorized && token != "" && try == 0 {
			// The token expired early or was revoked: one fresh token (shared with every
			// caller that hit the same 401), then one more try. A 401 means CXone did not
			// serve the request, so this is safe even for a create.
			c.log.Debug(ctx, "CXone refused the access token; fetching a new one", map[string]any{
				"method": r.method, "path": u.Path,
			})
			c.tokens.invalidate(token)
			continue
		}
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return c.classify(r, cleanAPIError(newAPIError(resp.StatusCode, r.method, u.Path, payload)))
		}
		if out == nil || len(bytes.TrimSpace(payload)) == 0 {
			return nil
		}
		if err := json.Unmarshal(payload, out); err != nil {
			return fmt.Errorf("decoding CXone's answer to %s %s: %w", r.method, u.Path, err)
		}
		return nil
	}
}

// resolveURL builds the request URL, running discovery first when the path is relative.
func (c *Client) resolveURL(ctx context.Context, r *request) (*url.URL, error) {
	raw := r.path
	if r.api != absoluteURL {
		ep, err := c.endpoints(ctx)
		if err != nil {
			return nil, err
		}
		switch r.api {
		case adminAPI:
			raw = ep.api + "/inContactAPI/services/" + c.cfg.AdminAPIVersion + r.path
		case dfoAPI:
			raw = ep.api + "/dfo/3.0" + r.path
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("building the URL for %s %s: %w", r.method, r.path, err)
	}
	if len(r.query) > 0 {
		u.RawQuery = r.query.Encode()
	}
	return u, nil
}

// send makes the attempts of one request through retryablehttp and returns the final answer
// with its body read.
func (c *Client) send(ctx context.Context, r *request, u *url.URL, token string, info *requestInfo) (*http.Response, []byte, error) {
	if err := checkCredentialURL(r, u, token); err != nil {
		return nil, nil, err
	}
	var body []byte
	contentType := ""
	switch {
	case r.form != nil:
		body, contentType = []byte(r.form.Encode()), "application/x-www-form-urlencoded"
	case r.body != nil:
		b, err := json.Marshal(r.body)
		if err != nil {
			return nil, nil, fmt.Errorf("encoding the body of %s %s: %w", r.method, u.Path, err)
		}
		body, contentType = b, "application/json"
	}
	info.authed = token != ""
	var rawBody any
	if body != nil {
		rawBody = body
	}
	req, err := retryablehttp.NewRequestWithContext(withRequestInfo(ctx, info), r.method, u.String(), rawBody)
	if err != nil {
		return nil, nil, fmt.Errorf("preparing %s %s: %w", r.method, u.Path, err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if r.basicUser != "" {
		req.SetBasicAuth(r.basicUser, r.basicPass)
	}

	// Reading the body inside retryablehttp lets a connection dropped mid-answer count as a
	// failed attempt that the retry policy judges like any other.
	var payload []byte
	read := false
	req.SetResponseHandler(func(resp *http.Response) error {
		b, err := readAnswer(resp, r.method, u.Path)
		if err != nil {
			var tooLarge *AnswerTooLargeError
			if errors.As(err, &tooLarge) {
				return err // not retried: the same request gets the same answer
			}
			return &sentError{err: fmt.Errorf("reading CXone's answer: %w", err)}
		}
		payload, read = b, true
		return nil
	})

	resp, err := c.http.Do(req)
	if err != nil {
		if resp != nil {
			_ = resp.Body.Close() // already drained or failed; nothing left to report
		}
		var (
			sent     *sentError
			redirect *RedirectError
			tooLarge *AnswerTooLargeError
			budget   *RetryBudgetError
			held     *heldError
		)
		switch {
		case errors.As(err, &held):
			return nil, nil, &RetryBudgetError{Method: r.method, Path: u.Path, Budget: c.cfg.RetryTimeout, RetryAfter: held.asked, Held: true}
		case errors.As(err, &redirect):
			return nil, nil, redirect
		case errors.As(err, &tooLarge):
			return nil, nil, tooLarge
		case errors.As(err, &budget):
			return nil, nil, budget
		}
		if errors.As(err, &sent) && !r.idempotent {
			return nil, nil, &lostAnswerError{method: r.method, path: u.Path, err: err}
		}
		return nil, nil, fmt.Errorf("%s %s failed after %d attempt(s): %w", r.method, u.Path, info.attempts.Load(), err)
	}
	if !read {
		// Retries ran out on a retryable status: the handler never ran.
		if payload, err = readAnswer(resp, r.method, u.Path); err != nil {
			var tooLarge *AnswerTooLargeError
			if errors.As(err, &tooLarge) {
				return nil, nil, tooLarge
			}
			return nil, nil, fmt.Errorf("reading CXone's answer to %s %s: %w", r.method, u.Path, err)
		}
	}
	if !r.idempotent && isLostAnswerStatus(resp.StatusCode) {
		// The gateway says nothing about whether the service behind it created the object.
		return nil, nil, &lostAnswerError{method: r.method, path: u.Path, err: cleanAPIError(newAPIError(resp.StatusCode, r.method, u.Path, payload))}
	}
	return resp, payload, nil
}

// prepareRetry refreshes the bearer token before a retry: a long Retry-After may outlast it.
func (c *Client) prepareRetry(req *http.Request) error {
	if !requestInfoFrom(req.Context()).authed {
		return nil
	}
	token, err := c.tokens.get(req.Context())
	if err != nil {
		return fmt.Errorf("authenticating to CXone before a retry: %w", err)
	}
	// The header map is shared with the previous attempt's request: copy before changing.
	req.Header = req.Header.Clone()
	req.Header.Set("Authorization", "Bearer "+token)
	return nil
}

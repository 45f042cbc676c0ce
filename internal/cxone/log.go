package cxone

import (
	"context"
	"time"
)

// Logger receives the client's structured log lines. The provider adapts it to tflog; tests
// capture it. Fields never carry secrets, tokens, Authorization headers or request bodies.
type Logger interface {
	// Debug records routine events: every HTTP attempt, token and discovery fetches.
	Debug(ctx context.Context, msg string, fields map[string]any)
	// Warn records events a user may want to know about: retries, transport failures.
	Warn(ctx context.Context, msg string, fields map[string]any)
}

// nopLogger is used when Config.Logger is nil so call sites need no nil checks.
type nopLogger struct{}

func (nopLogger) Debug(context.Context, string, map[string]any) {}
func (nopLogger) Warn(context.Context, string, map[string]any)  {}

// logAttempt records one HTTP attempt. Only the method, the URL path (never the query, the
// headers or the body), the status, the attempt number and the duration are logged, which is
// what keeps credentials out of logs by construction.
func logAttempt(ctx context.Context, l Logger, method, path string, attempt, status int, d time.Duration, err error) {
	fields := map[string]any{
		"method":      method,
		"path":        path,
		"attempt":     attempt,
		"duration_ms": d.Milliseconds(),
	}
	switch {
	case err != nil:
		fields["error"] = err.Error()
		l.Warn(ctx, "CXone request failed without an answer", fields)
	case isRetryableStatus(status, true):
		// Throttling or a gateway status; only idempotent requests retry the gateway ones.
		fields["status"] = status
		l.Warn(ctx, "CXone answered a throttling or gateway status", fields)
	default:
		fields["status"] = status
		l.Debug(ctx, "CXone request", fields)
	}
}

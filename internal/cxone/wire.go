package cxone

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The client distrusts what comes over the wire: a proxy may redirect, a gateway may answer
// with megabytes of HTML or a gzip bomb, and any answer may carry terminal escape sequences.
// This file holds the rules that keep credentials at their origin, memory bounded and error
// text printable.

// maxAnswerBytes bounds how much of an answer is read, after decompression, error bodies
// included. The largest real answers (a page of 100 agents, every binding of a large tenant)
// are well under 1 MiB; ten parallel reads at the limit stay far below the provider's memory
// budget of 200 MB (the bench's hostile-answer row).
const maxAnswerBytes = 4 << 20

// maxMessageBytes bounds the CXone text (message, code, uid) that reaches a diagnostic or a log.
const maxMessageBytes = 1 << 10

// checkRedirect is the http.Client redirect policy: a token request follows no redirect, and
// no request follows one to another origin, where the bearer token, the Basic credentials or
// the access key secret in the body would go. net/http keeps the Authorization header for a
// redirect to the same host on another port, so the port must be part of the rule. The user's
// own policy, if Config.HTTPClient had one, runs after this one.
func checkRedirect(user func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		first := via[0]
		info := requestInfoFrom(first.Context())
		status := http.StatusFound
		if req.Response != nil {
			status = req.Response.StatusCode
		}
		if info.token || origin(req) != origin(first) || checkBaseURL(origin(req)) != nil {
			return &RedirectError{Method: first.Method, Path: first.URL.Path, Status: status, Target: origin(req), Token: info.token}
		}
		if user != nil {
			return user(req, via)
		}
		if len(via) >= 10 {
			return fmt.Errorf("stopped after %d redirects", len(via))
		}
		return nil
	}
}

// checkCredentialURL applies the https rule (plain http only on loopback) to every URL a
// credential goes to, whatever it came from: settings, discovery, or a path CXone returned.
func checkCredentialURL(r *request, u *url.URL, token string) error {
	if token == "" && r.purpose != purposeToken {
		return nil
	}
	if err := checkBaseURL(u.Scheme + "://" + u.Host); err != nil {
		return fmt.Errorf("not sending credentials to %s://%s for %s %s: the URL %w", u.Scheme, u.Host, r.method, u.Path, err)
	}
	return nil
}

// origin is a request's scheme, host and port, the port spelt out even when it is the default.
func origin(req *http.Request) string {
	u := req.URL
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[strings.ToLower(u.Scheme)]
	}
	return strings.ToLower(u.Scheme) + "://" + strings.ToLower(u.Hostname()) + ":" + port
}

// readAnswer reads and closes a response body, at most maxAnswerBytes of it. An answer whose
// declared length is over the limit is not read at all; one that turns out longer (chunked, or
// compressed and expanding) is an *AnswerTooLargeError as soon as it passes the limit. The
// buffer grows by doubling but never past the limit, so that a hostile answer costs at most
// the limit and half of it while it is copied, not twice the limit.
func readAnswer(resp *http.Response, method, path string) ([]byte, error) {
	defer func() { _ = resp.Body.Close() }() // an error closing a body already read changes nothing
	const limit = maxAnswerBytes + 1         // one byte more tells "too large" from "just fits"
	if resp.ContentLength > maxAnswerBytes {
		return nil, &AnswerTooLargeError{Method: method, Path: path, Status: resp.StatusCode, Limit: maxAnswerBytes}
	}
	size := 4 << 10
	if resp.ContentLength >= 0 {
		size = int(resp.ContentLength) + 1 // one read more finds the end
	}
	buf := make([]byte, 0, min(size, limit))
	for {
		if len(buf) == cap(buf) {
			if len(buf) == limit {
				return nil, &AnswerTooLargeError{Method: method, Path: path, Status: resp.StatusCode, Limit: maxAnswerBytes}
			}
			grown := make([]byte, len(buf), min(2*cap(buf), limit))
			copy(grown, buf)
			buf = grown
		}
		n, err := resp.Body.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// cleanText makes text from CXone safe to print: escape sequences and other control
// characters removed (a newline or tab becomes a space), invalid UTF-8 replaced, and the result
// cut to maxMessageBytes with a note of how much was cut.
func cleanText(s string) string {
	if s == "" {
		return s
	}
	var b strings.Builder
	b.Grow(min(len(s), maxMessageBytes+64))
	cut := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == 0x1b || r == 0x9b { // ESC or CSI: drop the whole sequence, not only its first byte
			i += escapeLen(s[i:], size)
			continue
		}
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			r = unicode.ReplacementChar
		case r == '\n' || r == '\r' || r == '\t':
			r = ' '
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) && r != 0x200d:
			continue // format characters (bidi overrides) can make text read other than it is
		}
		if b.Len()+utf8.RuneLen(r) > maxMessageBytes {
			cut = len(s) - i + size
			break
		}
		b.WriteRune(r)
	}
	if cut > 0 {
		fmt.Fprintf(&b, "... (%d more bytes cut)", cut)
	}
	return b.String()
}

// escapeLen is the length of the escape sequence at the start of s (ESC or CSI, whose own
// length is size): CSI sequences end at a byte from 0x40 to 0x7e, OSC sequences at BEL or ST,
// and other ESC sequences after one more byte.
func escapeLen(s string, size int) int {
	i := size
	csi := s[0] != 0x1b
	if !csi && i < len(s) {
		switch s[i] {
		case '[':
			csi = true
			i++
		case ']', 'P', '_', '^': // OSC, DCS, APC, PM: up to BEL or ESC \
			for i++; i < len(s); i++ {
				if s[i] == 0x07 {
					return i + 1
				}
				if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
					return i + 2
				}
			}
			return len(s)
		default:
			return i + 1
		}
	}
	if csi {
		for ; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
	}
	return min(i, len(s))
}

// cleanAPIError makes the CXone text of e safe for diagnostics and logs.
func cleanAPIError(e *APIError) *APIError {
	e.Code, e.Message, e.UID = cleanText(e.Code), cleanText(e.Message), cleanText(e.UID)
	return e
}

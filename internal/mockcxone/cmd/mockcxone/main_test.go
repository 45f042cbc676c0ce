package main

import (
	"net"
	"strings"
	"testing"
)

func TestReachableAddr(t *testing.T) {
	for in, want := range map[string]string{
		"127.0.0.1:8765": "127.0.0.1:8765",
		"0.0.0.0:8765":   "127.0.0.1:8765",
		"[::]:9000":      "127.0.0.1:9000",
		"[::1]:9000":     "[::1]:9000",
	} {
		addr, err := net.ResolveTCPAddr("tcp", in)
		if err != nil {
			t.Fatal(err)
		}
		if got := reachableAddr(addr); got != want {
			t.Errorf("reachableAddr(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestSettingsNameTheMock(t *testing.T) {
	s := settings("http://127.0.0.1:4321")
	for _, want := range []string{
		`auth_url          = "http://127.0.0.1:4321"`, `tenant_id         = "mock-tenant"`,
		"CXONE_AUTH_URL=http://127.0.0.1:4321", "CXONE_ACCESS_KEY_ID=mock-access-key",
		"CXONE_ACCESS_KEY_SECRET=mock-access-secret", "CXONE_TENANT_ID=mock-tenant",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("settings lack %q:\n%s", want, s)
		}
	}
}

func TestRunRejectsBadFlags(t *testing.T) {
	var out, errOut strings.Builder
	if err := run([]string{"-extra-users", "-1"}, &out, &errOut); err == nil {
		t.Error("negative -extra-users accepted")
	}
	if err := run([]string{"-addr", "256.0.0.1:1"}, &out, &errOut); err == nil {
		t.Error("unusable -addr accepted")
	}
	if out.Len() != 0 {
		t.Errorf("printed before listening: %q", out.String())
	}
}

package main

import "testing"

func TestQuietUnlessTerraformLogs(t *testing.T) {
	run := func(env map[string]string) map[string]string {
		quietUnlessTerraformLogs(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
		return env
	}
	got := run(map[string]string{"TF_LOG_SDK_PROTO": "WARN"})
	for _, v := range []string{"TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_CXONE"} {
		if got[v] != "OFF" {
			t.Errorf("without TF_LOG, %s = %q, want OFF", v, got[v])
		}
	}
	if got["TF_LOG_SDK_PROTO"] != "WARN" {
		t.Errorf("an explicit level was overridden: %q", got["TF_LOG_SDK_PROTO"])
	}
	for _, v := range terraformLogVars {
		got := run(map[string]string{v: "TRACE"})
		if len(got) != 1 {
			t.Errorf("with %s set, levels changed: %v", v, got)
		}
	}
}

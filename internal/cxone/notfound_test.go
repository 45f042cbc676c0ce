package cxone_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// wantSettingsError asserts that err is about the settings, of this kind and naming these
// settings (with their environment variables) in its hint, and that nothing reads it as a
// missing object.
func wantSettingsError(t *testing.T, err error, kind cxone.ConfigErrorKind, settings ...cxone.Setting) {
	t.Helper()
	var ce *cxone.ConfigError
	if !errors.As(err, &ce) || ce.Kind != kind {
		t.Fatalf("want a *ConfigError of kind %d, got %T: %v", kind, err, err)
	}
	if fmt.Sprint(ce.Settings) != fmt.Sprint(settings) {
		t.Errorf("settings %v, want %v", ce.Settings, settings)
	}
	hint := cxone.SettingHint(err)
	for _, s := range settings {
		if !strings.Contains(hint, s.String()) {
			t.Errorf("hint %q does not name %s", hint, s)
		}
	}
	if !strings.Contains(err.Error(), hint) {
		t.Errorf("the message %q lacks the hint", err)
	}
	if cxone.IsNotFound(err) {
		t.Errorf("a settings error reads as not found: %v", err)
	}
	if !cxone.Refused(err) {
		t.Errorf("CXone refused the call, but Refused is false: %v", err)
	}
}

// wantObjectNotFound asserts that err is CXone's not-found about the object, and nothing else.
func wantObjectNotFound(t *testing.T, err error) {
	t.Helper()
	var ce *cxone.ConfigError
	if !cxone.IsNotFound(err) || errors.As(err, &ce) || cxone.SettingHint(err) != "" {
		t.Fatalf("want CXone's not-found about the object, got %T: %v", err, err)
	}
}

// TestNotFound_unknownTenant: discovery's 404 names tenant_id and auth_url, for every call.
func TestNotFound_unknownTenant(t *testing.T) {
	e := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) { c.TenantID = "mock-tenantt" })
	_, err := e.c.GetAgent(e.ctx, e.agentIDs()[0])
	wantSettingsError(t, err, cxone.ConfigUnknownTenant, cxone.SettingTenantID, cxone.SettingAuthURL)
	_, err = e.c.GetChannel(e.ctx, "ch-1")
	wantSettingsError(t, err, cxone.ConfigUnknownTenant, cxone.SettingTenantID, cxone.SettingAuthURL)
	if !strings.Contains(err.Error(), `"mock-tenantt"`) {
		t.Errorf("the message does not show the tenant: %v", err)
	}
}

// TestNotFound_wrongEndpoint: an api_endpoint under which no API is served makes every
// Admin and DFO call a settings error, the object reads included.
func TestNotFound_wrongEndpoint(t *testing.T) {
	e := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) { c.APIEndpoint = c.AuthURL + "/api" })
	agent := e.agentIDs()[0]
	admin := map[string]func() error{
		"GetAgent":        func() error { _, err := e.c.GetAgent(e.ctx, agent); return err },
		"GetSkill":        func() error { _, err := e.c.GetSkill(e.ctx, 4000001); return err },
		"ListAgentSkills": func() error { _, err := e.c.ListAgentSkills(e.ctx, agent); return err },
		"UnassignSkill":   func() error { return e.c.UnassignSkill(e.ctx, agent, 4000001) },
	}
	for name, call := range admin {
		t.Run(name, func(t *testing.T) {
			wantSettingsError(t, call(), cxone.ConfigUnservedPath, cxone.SettingAdminAPIVersion, cxone.SettingAPIEndpoint)
		})
	}
	dfo := map[string]func() error{
		"GetChannel":      func() error { _, err := e.c.GetChannel(e.ctx, "ch-1"); return err },
		"GetRoutingQueue": func() error { _, err := e.c.GetRoutingQueue(e.ctx, "40000000001"); return err },
		"GetIntegration":  func() error { _, err := e.c.GetIntegration(e.ctx, "i-1"); return err },
		"GetBinding":      func() error { _, err := e.c.GetBinding(e.ctx, "40000000001", "ch-1"); return err },
		"DeleteChannel":   func() error { return e.c.DeleteChannel(e.ctx, "ch-1") },
	}
	for name, call := range dfo {
		t.Run(name, func(t *testing.T) {
			wantSettingsError(t, call(), cxone.ConfigUnservedPath, cxone.SettingAPIEndpoint)
		})
	}
}

// TestNotFound_wrongAdminVersion: a version the API does not serve is a settings error that
// names admin_api_version first; DFO calls, which have no version, still work.
func TestNotFound_wrongAdminVersion(t *testing.T) {
	e := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) { c.AdminAPIVersion = "v99.0" })
	_, err := e.c.GetAgent(e.ctx, e.agentIDs()[0])
	wantSettingsError(t, err, cxone.ConfigUnservedPath, cxone.SettingAdminAPIVersion, cxone.SettingAPIEndpoint)
	if !strings.Contains(err.Error(), `now "v99.0"`) {
		t.Errorf("the message does not show the version: %v", err)
	}
	_, err = e.c.ListSkills(e.ctx, cxone.SkillListOptions{})
	wantSettingsError(t, err, cxone.ConfigUnservedPath, cxone.SettingAdminAPIVersion, cxone.SettingAPIEndpoint)
	if _, err := e.c.ListChannels(e.ctx); err != nil {
		t.Fatalf("a DFO call with a wrong Admin version: %v", err)
	}
}

// TestNotFound_badCredentials: a refused access key (either grant) names the credentials.
func TestNotFound_badCredentials(t *testing.T) {
	e := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) { c.AccessKeySecret = "wrong" })
	_, err := e.c.GetAgent(e.ctx, 1001)
	wantSettingsError(t, err, cxone.ConfigBadCredentials, cxone.SettingAccessKeyID, cxone.SettingAccessKeySecret)

	pw := newEnv(t, mockcxone.Options{}, func(c *cxone.Config) {
		c.ClientID, c.ClientSecret = mockcxone.ClientID, "wrong"
	})
	_, err = pw.c.GetChannel(pw.ctx, "ch-1")
	wantSettingsError(t, err, cxone.ConfigBadCredentials,
		cxone.SettingAccessKeyID, cxone.SettingAccessKeySecret, cxone.SettingClientID, cxone.SettingClientSecret)

	// A token the API keeps refusing, even a fresh one, is a settings error too.
	api := newEnv(t, mockcxone.Options{})
	api.faults(mockcxone.FaultRule{Path: dfoPath + "/channels", Status: 401})
	_, err = api.c.GetChannel(api.ctx, "ch-1")
	wantSettingsError(t, err, cxone.ConfigBadCredentials, cxone.SettingAccessKeyID, cxone.SettingAccessKeySecret)
	if n := api.count(tokenKey); n != 2 {
		t.Errorf("%d token requests, want 2: one fresh token after the first 401", n)
	}
}

// TestNotFound_forbidden: a 403 says the access key's user lacks a permission.
func TestNotFound_forbidden(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	e.faults(mockcxone.FaultRule{Path: adminPath + "/agents", Status: 403})
	_, err := e.c.GetAgent(e.ctx, 1001)
	wantSettingsError(t, err, cxone.ConfigForbidden, cxone.SettingAccessKeyID)
	if !strings.Contains(cxone.SettingHint(err), "security profile") {
		t.Errorf("the hint does not speak of permissions: %v", err)
	}
}

// TestNotFound_objects: CXone's own 404 on an object's URL, in either family's shape, and an
// object absent from a successful list of its kind are not-found, and nothing else.
func TestNotFound_objects(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	agent := e.agentIDs()[0]
	integ := e.integration("Not found fixture")
	e.channel("nf-ch", integ.ID)
	calls := map[string]func() error{
		// On the object's own URL, Admin shape.
		"GetAgent":      func() error { _, err := e.c.GetAgent(e.ctx, 999999); return err },
		"GetSkill":      func() error { _, err := e.c.GetSkill(e.ctx, 1); return err },
		"UnassignSkill": func() error { return e.c.UnassignSkill(e.ctx, agent, 1) },
		// On the object's own URL, DFO shape.
		"GetIntegration": func() error { _, err := e.c.GetIntegration(e.ctx, "00000000-0000-0000-0000-000000000000"); return err },
		"DeleteChannel":  func() error { return e.c.DeleteChannel(e.ctx, "no-such-channel") },
		"UnbindChannel":  func() error { return e.c.UnbindChannel(e.ctx, "40000000001", "nf-ch") },
		// Absent from a successful list.
		"GetChannel":         func() error { _, err := e.c.GetChannel(e.ctx, "no-such-channel"); return err },
		"GetRoutingQueue":    func() error { _, err := e.c.GetRoutingQueue(e.ctx, "1"); return err },
		"GetSkillAssignment": func() error { _, err := e.c.GetSkillAssignment(e.ctx, agent, 1); return err },
		"FindSkillByName":    func() error { _, err := e.c.FindSkillByName(e.ctx, "No such skill"); return err },
		"FindIntegration":    func() error { _, err := e.c.FindIntegrationByName(e.ctx, "No such integration"); return err },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) { wantObjectNotFound(t, call()) })
	}
	// The list reads themselves succeeded: the absence is CXone's answer, not a failure.
	var nf *cxone.NotFoundError
	if _, err := e.c.GetChannel(e.ctx, "no-such-channel"); !errors.As(err, &nf) {
		t.Errorf("a channel absent from the list: %T %v, want *NotFoundError", err, err)
	}
}

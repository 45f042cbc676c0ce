package provider

import (
	"errors"
	"slices"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

func TestMatchAgent(t *testing.T) {
	all := []cxone.Agent{
		{AgentID: 1001, UserName: "mowgli", EmailAddress: "mowgli@thejungle.example"},
		{AgentID: 1010, UserName: "mowgli.twin", EmailAddress: "Mowgli@TheJungle.example"},
		{AgentID: 1002, UserName: "baloo", EmailAddress: "baloo@thejungle.example"},
	}
	byName := func(a cxone.Agent) string { return a.UserName }
	byEmail := func(a cxone.Agent) string { return a.EmailAddress }

	// The search also returns partial matches; only the exact one (ignoring case) counts.
	if a, err := matchAgent(all, "MOWGLI", byName); err != nil || a.AgentID != 1001 {
		t.Fatalf("by name: %+v, %v", a, err)
	}
	if _, err := matchAgent(all, "mowg", byName); !cxone.IsNotFound(err) {
		t.Fatalf("partial name: want not found, got %v", err)
	}
	_, err := matchAgent(all, "mowgli@thejungle.example", byEmail)
	var amb *ambiguousMatchError
	if !errors.As(err, &amb) || !slices.Equal(amb.ids, []string{"1001", "1010"}) {
		t.Fatalf("shared e-mail: want ambiguous 1001, 1010, got %v", err)
	}
}

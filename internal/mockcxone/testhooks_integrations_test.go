package mockcxone

import "testing"

func TestAddDuplicateIntegrationForTest(t *testing.T) {
	s := New(Options{SyncDelay: -1})
	if got := s.AddDuplicateIntegrationForTest("nope"); got != "" {
		t.Fatalf("unknown id: got %q, want \"\"", got)
	}
	s.store.mu.Lock()
	s.store.integrations["orig"] = &integrationRec{Integration: Integration{ID: "orig", Name: "Twin"}, secret: "s", seq: s.store.nextSeq()}
	s.store.mu.Unlock()
	dup := s.AddDuplicateIntegrationForTest("orig")
	if dup == "" || dup == "orig" {
		t.Fatalf("want a new id, got %q", dup)
	}
	var names []string
	for _, in := range s.State().Integrations {
		names = append(names, in.Name+"/"+in.ID)
	}
	if len(names) != 2 {
		t.Fatalf("want both integrations, got %v", names)
	}
	if secret, ok := s.IntegrationSecret(dup); !ok || secret != "s" {
		t.Errorf("the copy keeps the secret: got %q, %v", secret, ok)
	}
}

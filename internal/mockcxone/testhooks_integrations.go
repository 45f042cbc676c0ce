package mockcxone

import "github.com/google/uuid"

// AddDuplicateIntegrationForTest stores a copy of integration id under a new id, with the
// same name, bypassing the API's unique-name check. CXone keeps integration names
// unique, so this stands for data the API would never produce; tests use it to
// check that lookups by name report ambiguity instead of picking one. It returns
// the new id, or "" when id is unknown.
func (s *Server) AddDuplicateIntegrationForTest(id string) string {
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	orig := st.integrations[id]
	if orig == nil {
		return ""
	}
	dup := &integrationRec{Integration: orig.Integration, secret: orig.secret, seq: st.nextSeq()}
	dup.ID = uuid.NewString()
	st.integrations[dup.ID] = dup
	return dup.ID
}

// AddDuplicateIntegration is the former name of AddDuplicateIntegrationForTest, kept until
// the provider's tests use the name every test hook shares (<Verb><Noun>ForTest).
func (s *Server) AddDuplicateIntegration(id string) string {
	return s.AddDuplicateIntegrationForTest(id)
}

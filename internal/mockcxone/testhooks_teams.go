package mockcxone

import (
	"errors"
	"fmt"
)

// AddTeamForTest adds a team to the tenant, for tests that need more teams than the seed
// (paging, look-ups by name, an inactive team); the API offers no call to create one. A
// zero TeamID takes the next free ID. The team lasts until Reset.
func (s *Server) AddTeamForTest(t Team) (Team, error) {
	if t.TeamName == "" {
		return Team{}, errors.New("AddTeamForTest: TeamName is required")
	}
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	out, err := addForTest(s.store.teams, t, func(t *Team) *int64 { return &t.TeamID })
	if err != nil {
		return Team{}, fmt.Errorf("AddTeamForTest: %w", err)
	}
	return out, nil
}

// addForTest stores a copy of v in m under the id that id points to in v, taking the next
// free id when it is 0, and returns v with its id. Caller holds the store's lock.
func addForTest[T any](m map[int64]*T, v T, id func(*T) *int64) (T, error) {
	p := id(&v)
	if *p == 0 {
		*p = nextFreeID(m, 1)
	}
	if *p < 0 || m[*p] != nil {
		return v, fmt.Errorf("ID %d is negative or taken", *p)
	}
	stored := v
	m[*p] = &stored
	return v, nil
}

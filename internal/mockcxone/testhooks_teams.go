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
	return addForTest(s, "AddTeamForTest", teamsOf, 1, t, func(t *Team) *int64 { return &t.TeamID })
}

// addForTest is the body of the Add...ForTest hooks: under the store's write lock it stores
// a copy of v in the map objects gives, under the id that id points to in v, taking a new
// id (nextIDLocked, from first) when it is 0, and returns v with its id. Its errors are named
// after hook.
func addForTest[T any](s *Server, hook string, objects outMap[T], first int64, v T, id func(*T) *int64) (T, error) {
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	m := objects(st)
	p := id(&v)
	if *p == 0 {
		*p = nextIDLocked[T](st, first)
	}
	if *p < 0 || m[*p] != nil {
		var zero T
		return zero, fmt.Errorf("%s: ID %d is negative or taken", hook, *p)
	}
	stored := v
	putLocked(st, m, *p, &stored)
	return v, nil
}

package cxone_test

import (
	"fmt"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestPaging_requestCounts: the one paging loop costs one request per page whichever
// way a list is read: collected, streamed (and stopped early), or gone on with after
// its first page, which is not read again.
func TestPaging_requestCounts(t *testing.T) {
	e := newEnv(t, mockcxone.Options{ExtraUsers: 250})
	const route = "GET " + adminKey + "/agents"
	n := len(e.s.State().Agents)
	pages := (n + 99) / 100
	if pages < 3 {
		t.Fatalf("%d agents make %d pages; the test wants at least 3", n, pages)
	}
	counted := func(what string, want int, read func() int) {
		t.Helper()
		before := e.count(route)
		if got := read(); got != n && want == pages {
			t.Errorf("%s: %d agents, want %d", what, got, n)
		}
		if got := e.count(route) - before; got != want {
			t.Errorf("%s: %d requests, want %d", what, got, want)
		}
	}
	counted("ListAgents", pages, func() int {
		all, err := e.c.ListAgents(e.ctx, cxone.AgentListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return len(all)
	})
	counted("ListAgentPages read to the end", pages, func() int {
		got := 0
		for page, err := range e.c.ListAgentPages(e.ctx, cxone.AgentListOptions{}) {
			if err != nil {
				t.Fatal(err)
			}
			got += len(page)
		}
		return got
	})
	counted("ListAgentPages stopped after one page", 1, func() int {
		for page, err := range e.c.ListAgentPages(e.ctx, cxone.AgentListOptions{}) {
			if err != nil || len(page) != 100 {
				t.Fatalf("first page: %d agents, %v", len(page), err)
			}
			break
		}
		return 0
	})
	counted("ListAgentsFirstPage then All", pages, func() int {
		first, err := e.c.ListAgentsFirstPage(e.ctx)
		if err != nil {
			t.Fatal(err)
		}
		if first.Complete || first.Total != n || first.Pages() != pages {
			t.Fatalf("first page: complete %v, total %d, pages %d; want false, %d, %d", first.Complete, first.Total, first.Pages(), n, pages)
		}
		all, err := first.All(e.ctx)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int64]bool{}
		for _, a := range all {
			seen[a.AgentID] = true
		}
		return len(seen)
	})
}

// TestPaging_idListStopsAtExpected: a list asked for by id ends when it holds every id
// asked for, without the request a full bare-array page would otherwise cost.
func TestPaging_idListStopsAtExpected(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	integ := e.integration("Paging fixture")
	ids := make([]string, 100) // a full page
	for i := range ids {
		ids[i] = e.channel(fmt.Sprintf("paging-%03d", i), integ.ID).ID
	}
	const route = "GET " + dfoPath + "/channels"
	before := e.count(route)
	chans, err := e.c.GetChannels(e.ctx, ids)
	if err != nil || len(chans) != len(ids) {
		t.Fatalf("GetChannels: %d channels, %v", len(chans), err)
	}
	if got := e.count(route) - before; got != 1 {
		t.Errorf("%d requests, want 1", got)
	}
}

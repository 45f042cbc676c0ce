package readcache

import (
	"context"
	"errors"
	"testing"

	"github.com/google/uuid"
	"golang.org/x/sync/errgroup"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// An apply of many channels checks each new channel's ID against one list of the
// channels, not with a request per channel; a channel that exists is found, and one
// the provider has written since is asked of CXone.
func TestChannelBeforeCreate_oneListForManyCreates(t *testing.T) {
	m, c, ids := readCacheFixture(t, 20)
	ctx := context.Background()
	before := channelReads(m)
	r := New(c)
	var g errgroup.Group
	g.SetLimit(10) // Terraform's default parallelism
	for range 200 {
		g.Go(func() error {
			id := uuid.NewString()
			if ch, err := r.ChannelBeforeCreate(ctx, id); !cxone.IsNotFound(err) {
				return errors.Join(errors.New("a free ID "+id+" read as taken"), err, errors.New(ch.ID))
			}
			return nil
		})
	}
	for _, id := range ids {
		g.Go(func() error {
			ch, err := r.ChannelBeforeCreate(ctx, id)
			if err == nil && ch.ID != id {
				err = errors.New("read " + id + ", got " + ch.ID)
			}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	// Five checks one by one, then the one page of the list.
	if got := channelReads(m) - before; got > freeChannelChecks+1 {
		t.Errorf("220 ID checks among 20 channels took %d requests, want at most %d", got, freeChannelChecks+1)
	}

	// Written through the provider since the list: asked of CXone, and found.
	taken, err := c.GetChannel(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	fresh := *taken
	fresh.ID, fresh.IDOnExternalPlatform = uuid.NewString(), "fresh"
	if _, err := r.UpsertChannel(ctx, fresh); err != nil {
		t.Fatal(err)
	}
	if ch, err := r.ChannelBeforeCreate(ctx, fresh.ID); err != nil || ch.IDOnExternalPlatform != "fresh" {
		t.Errorf("a channel the provider wrote after the list read as %+v, %v", ch, err)
	}
}

// A list taken while the provider deletes a channel may have skipped another (pages by
// offset shift): it no longer proves an ID free, and every ID it lacks is asked of CXone.
func TestChannelBeforeCreate_deleteDuringListAsksCXone(t *testing.T) {
	m, c, ids := readCacheFixture(t, 150) // two pages: the list is taken, not the first page alone
	ctx := context.Background()
	checks := func(r *Client) int {
		before := channelReads(m)
		for range 8 {
			if _, err := r.ChannelBeforeCreate(ctx, uuid.NewString()); !cxone.IsNotFound(err) {
				t.Fatalf("a free ID: %v", err)
			}
		}
		return channelReads(m) - before
	}
	// Five checks by themselves, the list's two pages, then nothing.
	if got := checks(New(c)); got != 7 {
		t.Errorf("8 checks with a list to trust took %d requests, want 7", got)
	}
	r := New(c)
	done := r.channels.deleting(ids[0])
	got := checks(r)
	done()
	// The same 7, and one more for each of the 3 checks answered after the list.
	if got != 10 {
		t.Errorf("8 checks with a delete in flight while listing took %d requests, want 10", got)
	}
}

// A delete that starts while the list is being taken also makes the list unable to
// prove an object absent; without one, absence is taken from the list.
func TestSnapshot_deleteStartedWhileListing(t *testing.T) {
	ctx := context.Background()
	for _, deleteWhileListing := range []bool{false, true} {
		var s snapshot[string, int]
		s.mu.Lock()
		s.startList(ctx, func(context.Context) (map[string]int, error) {
			if deleteWhileListing {
				s.deleting("gone")()
			}
			return map[string]int{"kept": 1}, nil
		})
		asked := 0
		one := func(context.Context) (*int, error) {
			asked++
			return nil, &cxone.NotFoundError{Kind: "thing", ID: "new"}
		}
		absent := func() error { return &cxone.NotFoundError{Kind: "thing", ID: "new"} }
		if _, err := s.fromList(ctx, "new", one, absent); !cxone.IsNotFound(err) {
			t.Fatalf("deleteWhileListing=%v: %v", deleteWhileListing, err)
		}
		if want := map[bool]int{false: 0, true: 1}[deleteWhileListing]; asked != want {
			t.Errorf("deleteWhileListing=%v: asked CXone %d times, want %d", deleteWhileListing, asked, want)
		}
		if v, err := s.fromList(ctx, "kept", one, absent); err != nil || *v != 1 {
			t.Errorf("deleteWhileListing=%v: a listed object read as %v, %v", deleteWhileListing, v, err)
		}
	}
}

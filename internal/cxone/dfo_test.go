package cxone_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func TestRoutingQueues_getListFilter(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	s := e.skill("Savanna")
	q, err := e.c.GetRoutingQueue(e.ctx, s.RoutingQueueID)
	if err != nil || q.ID != s.RoutingQueueID || q.Name != "Savanna" || q.IsDeleted {
		t.Fatalf("GetRoutingQueue: %+v %v", q, err)
	}
	if _, err := e.c.UpdateSkill(e.ctx, s.SkillID, cxone.SkillInput{SkillName: "Savanna", IsActive: new(false)}); err != nil {
		t.Fatal(err)
	}
	// Deleted queues are hidden from plain lists but GetRoutingQueue still finds them.
	if q, err := e.c.GetRoutingQueue(e.ctx, s.RoutingQueueID); err != nil || !q.IsDeleted {
		t.Fatalf("deleted queue: %+v %v", q, err)
	}
	visible, err := e.c.ListRoutingQueues(e.ctx, cxone.RoutingQueueListOptions{NameContains: "savan"})
	if err != nil || len(visible) != 0 {
		t.Fatalf("deleted queue listed without WithDeleted: %+v %v", visible, err)
	}
	all, err := e.c.ListRoutingQueues(e.ctx, cxone.RoutingQueueListOptions{NameContains: "savan", WithDeleted: true})
	if err != nil || len(all) != 1 {
		t.Fatalf("WithDeleted: %+v %v", all, err)
	}
	if _, err := e.c.GetRoutingQueue(e.ctx, "no-such-queue"); !cxone.IsNotFound(err) {
		t.Fatalf("unknown queue: %v", err)
	}
}

// The rest of a DFO list after its first page keeps the first page's filters (here
// withDeleted), and does not read the first page again.
func TestRoutingQueues_allAfterFirstPage(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	const n = 230
	parallel(t, n, func(i int) error {
		_, err := e.c.CreateSkill(e.ctx, cxone.SkillInput{SkillName: fmt.Sprintf("queue-%03d", i), MaxPriority: 10})
		return err
	})
	gone := e.skill("Gone")
	if _, err := e.c.UpdateSkill(e.ctx, gone.SkillID, cxone.SkillInput{SkillName: "Gone", IsActive: new(false)}); err != nil {
		t.Fatal(err)
	}
	first, err := e.c.ListRoutingQueuesFirstPage(e.ctx)
	if err != nil || first.Complete || first.Total != n+1 {
		t.Fatalf("first page: %d of %d, complete %v, %v", len(first.Items), first.Total, first.Complete, err)
	}
	before := e.count("GET " + dfoPath + "/routing-queues")
	all, err := first.All(e.ctx)
	if err != nil || len(all) != n+1 {
		t.Fatalf("All listed %d queues (%v), want %d", len(all), err, n+1)
	}
	if pages := e.count("GET "+dfoPath+"/routing-queues") - before; pages != 2 {
		t.Errorf("%d page requests after the first, want 2", pages)
	}
	found := false
	for _, q := range all {
		found = found || (q.ID == gone.RoutingQueueID && q.IsDeleted)
	}
	if !found {
		t.Error("the deleted queue is missing: the pages after the first lost withDeleted")
	}
}

func TestChannels_lifecycle(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	in := e.integration("Watering Hole")
	ch := e.channel("ch-1", in.ID)
	if ch.ID != "ch-1" || ch.ChannelIntegrationID != in.ID || ch.HasReply == nil || !*ch.HasReply || ch.IsLiveChat != nil {
		t.Fatalf("created %+v", ch)
	}
	upd := channelInput("ch-1", in.ID)
	upd.Name, upd.IsLiveChat = "Renamed", new(false)
	got, err := e.c.UpsertChannel(e.ctx, upd)
	if err != nil || got.Name != "Renamed" || got.IsLiveChat == nil || *got.IsLiveChat {
		t.Fatalf("upsert as update: %+v %v", got, err)
	}
	if read, err := e.c.GetChannel(e.ctx, "ch-1"); err != nil || read.Name != "Renamed" {
		t.Fatalf("GetChannel: %+v %v", read, err)
	}
	if err := e.c.DeleteChannel(e.ctx, "ch-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.GetChannel(e.ctx, "ch-1"); !cxone.IsNotFound(err) {
		t.Fatalf("after delete: %v", err)
	}
	err = e.c.DeleteChannel(e.ctx, "ch-1")
	if !cxone.IsNotFound(err) {
		t.Fatalf("second delete: %v", err)
	}
	wantAPIError(t, err, 404, "ch-1")
}

func TestChannels_validation(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	_, err := e.c.UpsertChannel(e.ctx, channelInput("ch-x", "no-such-integration"))
	wantAPIError(t, err, 422, "channelIntegrationId")
	var ae *cxone.APIError
	if !errors.As(err, &ae) || ae.Code == "" || ae.UID == "" {
		t.Fatalf("DFO error code and uid not read: %+v", ae)
	}
	in := e.integration("Watering Hole")
	bad := channelInput("ch-y", in.ID)
	bad.ContentFormat = "rtf"
	wantAPIError(t, func() error { _, err := e.c.UpsertChannel(e.ctx, bad); return err }(), 400, "contentFormat must be html or plain")
}

func TestChannels_listAndBatchesAcrossPages(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	in := e.integration("Watering Hole")
	const n = 230
	ids := make([]string, n)
	parallel(t, n, func(i int) error {
		ids[i] = fmt.Sprintf("ch-%03d", i)
		_, err := e.c.UpsertChannel(e.ctx, channelInput(ids[i], in.ID))
		return err
	})
	all, err := e.c.ListChannels(e.ctx)
	if err != nil || len(all) != n {
		t.Fatalf("listed %d channels (%v), want %d", len(all), err, n)
	}
	if pages := e.count("GET " + dfoPath + "/channels"); pages != 3 {
		t.Fatalf("%d page requests for a bare-array list of %d, want 3", pages, n)
	}
	some, err := e.c.GetChannels(e.ctx, append(ids[:150:150], "missing"))
	if err != nil || len(some) != 150 {
		t.Fatalf("GetChannels of 151 ids: %d %v", len(some), err)
	}
	if pages := e.count("GET "+dfoPath+"/channels") - 3; pages != 2 {
		t.Fatalf("%d requests for 151 ids, want 2 batches", pages)
	}
}

func TestIntegrations_lifecycle(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	in := e.integration("Watering Hole")
	if in.ID == "" || !in.HasClientSecret || in.Color != "#33AA55" || !in.UseDfo3OutboundAPI {
		t.Fatalf("created %+v", in)
	}
	if secret, _ := e.s.IntegrationSecret(in.ID); secret != "integration-SECRET-value" {
		t.Fatalf("secret did not reach CXone: %q", secret)
	}
	got, err := e.c.GetIntegration(e.ctx, in.ID)
	if err != nil || *got != *in {
		t.Fatalf("GetIntegration: %+v %v", got, err)
	}
	upd := integrationInput("Watering Hole")
	upd.Color, upd.ClientSecret = "#000000", "rotated-SECRET"
	if got, err = e.c.UpdateIntegration(e.ctx, in.ID, upd); err != nil || got.Color != "#000000" {
		t.Fatalf("UpdateIntegration: %+v %v", got, err)
	}
	if secret, _ := e.s.IntegrationSecret(in.ID); secret != "rotated-SECRET" {
		t.Fatalf("rotated secret did not reach CXone: %q", secret)
	}
	if found, err := e.c.FindIntegrationByName(e.ctx, "Watering Hole"); err != nil || found.ID != in.ID {
		t.Fatalf("FindIntegrationByName: %+v %v", found, err)
	}
	e.channel("ch-1", in.ID)
	if err := e.c.DeleteIntegration(e.ctx, in.ID); !cxone.IsConflict(err) {
		t.Fatalf("delete while a channel uses it: %v", err)
	}
	if err := e.c.DeleteChannel(e.ctx, "ch-1"); err != nil {
		t.Fatal(err)
	}
	if err := e.c.DeleteIntegration(e.ctx, in.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.GetIntegration(e.ctx, in.ID); !cxone.IsNotFound(err) {
		t.Fatalf("after delete: %v", err)
	}
	if err := e.c.DeleteIntegration(e.ctx, in.ID); !cxone.IsNotFound(err) {
		t.Fatalf("second delete: %v", err)
	}
	if _, err := e.c.FindIntegrationByName(e.ctx, "Watering Hole"); !cxone.IsNotFound(err) {
		t.Fatalf("find after delete: %v", err)
	}
}

func TestIntegrations_validationAndConflict(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	bad := integrationInput("Insecure")
	bad.AuthorizationURL = "http://middleware.thejungle.example/token"
	_, err := e.c.CreateIntegration(e.ctx, bad)
	wantAPIError(t, err, 400, "https")
	e.integration("Taken")
	_, err = e.c.CreateIntegration(e.ctx, integrationInput("Taken"))
	if !cxone.IsConflict(err) {
		t.Fatalf("duplicate name: %v", err)
	}
	wantAPIError(t, err, 409, "Taken")
	if _, err := e.c.UpdateIntegration(e.ctx, "no-such-id", integrationInput("x")); !cxone.IsNotFound(err) {
		t.Fatalf("update unknown: %v", err)
	}
}

func TestChannels_lostUpsertAnswerIsRetried(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	in := e.integration("Watering Hole")
	e.faults(mockcxone.FaultRule{Method: "POST", Path: dfoPath + "/channels", DropResponse: true, Count: 1})
	ch := e.channel("ch-1", in.ID)
	if n := e.count("POST " + dfoPath + "/channels"); n != 2 || ch.ID != "ch-1" || len(e.s.State().Channels) != 1 {
		t.Fatalf("%d POSTs, %d channels; want 2 (keyed upsert is safe to repeat) and 1", n, len(e.s.State().Channels))
	}
}

func TestBindings_lifecycle(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	s := e.skill("Savanna")
	in := e.integration("Watering Hole")
	e.channel("ch-1", in.ID)
	b, err := e.c.BindChannel(e.ctx, s.RoutingQueueID, "ch-1")
	if err != nil || b.RoutingQueueID != s.RoutingQueueID || b.ChannelID != "ch-1" {
		t.Fatalf("BindChannel: %+v %v", b, err)
	}
	if _, err := e.c.BindChannel(e.ctx, s.RoutingQueueID, "ch-1"); err != nil {
		t.Fatalf("binding twice must be harmless: %v", err)
	}
	if got, err := e.c.GetBinding(e.ctx, s.RoutingQueueID, "ch-1"); err != nil || *got != *b {
		t.Fatalf("GetBinding: %+v %v", got, err)
	}
	if err := e.c.UnbindChannel(e.ctx, s.RoutingQueueID, "ch-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.GetBinding(e.ctx, s.RoutingQueueID, "ch-1"); !cxone.IsNotFound(err) {
		t.Fatalf("after unbind: %v", err)
	}
	if err := e.c.UnbindChannel(e.ctx, s.RoutingQueueID, "ch-1"); !cxone.IsNotFound(err) {
		t.Fatalf("second unbind: %v", err)
	}
}

func TestBindings_errors(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	s := e.skill("Savanna")
	in := e.integration("Watering Hole")
	e.channel("ch-1", in.ID)
	_, err := e.c.BindChannel(e.ctx, "no-such-queue", "ch-1")
	wantAPIError(t, err, 404, "no-such-queue")
	_, err = e.c.BindChannel(e.ctx, s.RoutingQueueID, "no-such-channel")
	wantAPIError(t, err, 404, "no-such-channel")
	if _, err := e.c.ListQueueBindings(e.ctx, "no-such-queue"); !cxone.IsNotFound(err) {
		t.Fatalf("bindings of an unknown queue: %v", err)
	}
	if _, err := e.c.UpdateSkill(e.ctx, s.SkillID, cxone.SkillInput{SkillName: "Savanna", IsActive: new(false)}); err != nil {
		t.Fatal(err)
	}
	_, err = e.c.BindChannel(e.ctx, s.RoutingQueueID, "ch-1")
	if !cxone.IsConflict(err) {
		t.Fatalf("binding to a deleted queue: %v", err)
	}
	wantAPIError(t, err, 409, "deleted")
}

func TestChannels_deleteRetriedAfterLostAnswer(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	in := e.integration("Watering Hole")
	e.channel("ch-1", in.ID)
	e.faults(mockcxone.FaultRule{Method: "DELETE", Path: dfoPath + "/channels/", DropResponse: true, Count: 1})
	// The first DELETE took effect but its answer was lost; the retry finds nothing to delete.
	err := e.c.DeleteChannel(e.ctx, "ch-1")
	if !cxone.IsNotFound(err) {
		t.Fatalf("want not found (which callers treat as done), got %v", err)
	}
	if n := e.count("DELETE " + dfoPath + "/channels/{channelId}"); n != 2 || len(e.s.State().Channels) != 0 {
		t.Fatalf("%d DELETEs, %d channels left", n, len(e.s.State().Channels))
	}
}

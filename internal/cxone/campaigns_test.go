package cxone_test

import (
	"fmt"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func TestCampaigns_lifecycle(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	cp, err := e.c.CreateCampaign(e.ctx, cxone.CampaignInput{Name: "Launch", Description: "The Watering Hole opens", Notes: "step 9"})
	if err != nil || cp.ID == 0 || !cp.IsActive || cp.Description != "The Watering Hole opens" {
		t.Fatalf("created %+v %v", cp, err)
	}
	upd, err := e.c.UpdateCampaign(e.ctx, cp.ID, cxone.CampaignInput{Name: "Launch day", Notes: "moved"})
	if err != nil || upd.Name != "Launch day" || upd.Notes != "moved" || upd.Description != "" {
		t.Fatalf("updated %+v %v", upd, err)
	}
	wantRetired(t, func() error { return e.c.SetCampaignActive(e.ctx, cp.ID, false) },
		func() (*cxone.Campaign, error) { return e.c.FindCampaignByName(e.ctx, "Launch day") },
		func(got *cxone.Campaign) bool { return got.ID == cp.ID && !got.IsActive })
	if _, err := e.c.CreateCampaign(e.ctx, cxone.CampaignInput{Name: "Launch day"}); !cxone.IsConflict(err) {
		t.Errorf("duplicate: %v", err)
	}
	if _, err := e.c.CreateCampaign(e.ctx, cxone.CampaignInput{}); err == nil {
		t.Error("a campaign without a name was created")
	}
	if _, err := e.c.GetCampaign(e.ctx, 1); !cxone.IsNotFound(err) {
		t.Errorf("unknown: %v", err)
	}
	if err := e.c.SetCampaignActive(e.ctx, 1, false); !cxone.IsNotFound(err) {
		t.Errorf("status of unknown: %v", err)
	}
}

func TestCampaigns_listPages(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	const n = 130
	parallel(t, n, func(i int) error {
		_, err := e.c.CreateCampaign(e.ctx, cxone.CampaignInput{Name: fmt.Sprintf("campaign-%03d", i)})
		return err
	})
	list, err := e.c.ListCampaigns(e.ctx, cxone.CampaignListOptions{})
	if err != nil || len(list) != n {
		t.Fatalf("listed %d (%v)", len(list), err)
	}
	if got := e.count("GET " + adminKey + "/campaigns"); got != 2 {
		t.Errorf("%d page requests, want 2", got)
	}
}

func TestCampaigns_unreadableAnswers(t *testing.T) {
	wantUnreadable(t, "GET", adminPath+"/campaigns", []string{`{"totalRecords":1}`, `{"campaigns":[{"name":"x"}]}`},
		func(e *env) (any, error) { return e.c.ListCampaigns(e.ctx, cxone.CampaignListOptions{}) })
	wantUnreadable(t, "GET", adminPath+"/campaigns/5", []string{`{}`, `{"campaigns":[{"id":5}]}`},
		func(e *env) (any, error) { return e.c.GetCampaign(e.ctx, 5) })
	wantUnreadable(t, "POST", adminPath+"/campaigns", []string{`{}`, `{"campaignId":5}`},
		func(e *env) (any, error) { return e.c.CreateCampaign(e.ctx, cxone.CampaignInput{Name: "x"}) })
}

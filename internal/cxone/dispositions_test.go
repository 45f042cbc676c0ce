package cxone_test

import (
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func TestDispositions_lifecycle(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	classes, err := e.c.ListDispositionClassifications(e.ctx)
	if err != nil || len(classes) == 0 {
		t.Fatalf("classifications %+v %v", classes, err)
	}
	d, err := e.c.CreateDisposition(e.ctx, cxone.DispositionInput{DispositionName: "Joined", ClassificationID: classes[0].ClassificationID, Notes: "came to the launch"})
	if err != nil || d.DispositionID == 0 || d.Notes != "came to the launch" || d.ClassificationName != classes[0].ClassificationName || !d.IsActive {
		t.Fatalf("created %+v %v", d, err)
	}
	upd, err := e.c.UpdateDisposition(e.ctx, d.DispositionID, cxone.DispositionInput{DispositionName: "Joined the hole", IsPreviewDisposition: true})
	if err != nil || upd.DispositionName != "Joined the hole" || !upd.IsPreviewDisposition || upd.Notes != "" {
		t.Fatalf("updated %+v %v", upd, err)
	}
	wantRetired(t, func() error { return e.c.SetDispositionActive(e.ctx, d.DispositionID, false) },
		func() (*cxone.Disposition, error) { return e.c.FindDispositionByName(e.ctx, "Joined the hole") },
		func(found *cxone.Disposition) bool { return !found.IsActive })
	if _, err := e.c.GetDisposition(e.ctx, 1); !cxone.IsNotFound(err) {
		t.Errorf("unknown: %v", err)
	}
}

func TestDispositions_batchItemErrors(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	ids, err := e.c.CreateDispositions(e.ctx, []cxone.DispositionInput{{DispositionName: "A"}, {DispositionName: "B"}})
	if err != nil || len(ids) != 2 || ids[0] == ids[1] {
		t.Fatalf("ids %v %v", ids, err)
	}
	_, err = e.c.CreateDispositions(e.ctx, []cxone.DispositionInput{{DispositionName: "C"}, {DispositionName: "A"}})
	wantItemError(t, err, 1, "already exists")
	if !cxone.IsConflict(err) {
		t.Errorf("duplicate is not a conflict: %v", err)
	}
	_, err = e.c.CreateDisposition(e.ctx, cxone.DispositionInput{DispositionName: "D", ClassificationID: 999})
	wantItemError(t, err, 0, "classificationId 999")
	if cxone.IsConflict(err) {
		t.Errorf("unknown classification taken for a conflict: %v", err)
	}
}

func TestDispositions_unreadableAnswers(t *testing.T) {
	wantUnreadable(t, "POST", adminPath+"/dispositions", []string{
		`{"errorCount":0,"dispositionResults":[{"success":true}]}`,
		`{"errorCount":0,"dispositionResults":[]}`,
		`{"errorCount":1,"dispositionResults":[{"dispositionId":5,"success":true}]}`,
	}, func(e *env) (any, error) {
		return e.c.CreateDispositions(e.ctx, []cxone.DispositionInput{{DispositionName: "x"}})
	})
	wantUnreadable(t, "GET", adminPath+"/dispositions", []string{`{"totalRecords":0}`, `{"dispositions":[{}]}`},
		func(e *env) (any, error) { return e.c.ListDispositions(e.ctx, cxone.DispositionListOptions{}) })
	wantUnreadable(t, "GET", adminPath+"/dispositions/classifications", []string{`{"classifications":[]}`},
		func(e *env) (any, error) { return e.c.ListDispositionClassifications(e.ctx) })
	wantUnreadable(t, "GET", adminPath+"/dispositions/7", []string{`{"dispositions":[{"dispositionId":7}]}`},
		func(e *env) (any, error) { return e.c.GetDisposition(e.ctx, 7) })
}

package cxone_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func listInput(name string) cxone.CallingListInput {
	return cxone.CallingListInput{
		ListName: name, ExternalIDColumn: "member", Columns: cxone.CallingListColumns{FirstNameColumn: "first"},
		DestinationMappings: []cxone.DestinationMapping{{FieldName: "PhoneNumber", FieldValue: "handle"}},
	}
}

const jungleCSV = "member,first,handle\nm1,Mowgli,@mowgli\nm2,Baloo,@baloo\n,Nobody,@nobody\n"

func TestCallingLists_lifecycle(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	l, err := e.c.CreateCallingList(e.ctx, listInput("Jungle mailing list"))
	if err != nil {
		t.Fatal(err)
	}
	if l.ListID == 0 || l.ExternalIDColumn != "member" || l.FirstNameColumn != "first" || len(l.DestinationMappings) != 1 || l.Status != "Active" {
		t.Fatalf("created %+v", l)
	}
	if _, err := e.c.CreateCallingList(e.ctx, listInput("Jungle mailing list")); !cxone.IsConflict(err) {
		t.Errorf("duplicate: %v", err)
	}
	noMapping := listInput("x")
	noMapping.DestinationMappings = nil
	if _, err := e.c.CreateCallingList(e.ctx, noMapping); err == nil {
		t.Error("a list without destination mappings was sent")
	}
	all, err := e.c.ListCallingLists(e.ctx)
	if err != nil || len(all) != 1 || all[0].ListName != "Jungle mailing list" {
		t.Fatalf("list %+v %v", all, err)
	}
	if err := e.c.DeleteCallingList(e.ctx, l.ListID, cxone.CallingListDeleteOptions{ForceInactive: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.GetCallingList(e.ctx, l.ListID); !cxone.IsNotFound(err) {
		t.Errorf("deleted list: %v", err)
	}
	if err := e.c.DeleteCallingList(e.ctx, l.ListID, cxone.CallingListDeleteOptions{}); !cxone.IsNotFound(err) {
		t.Errorf("deleting again: %v", err)
	}
}

func TestCallingLists_uploadCompletesLaterAndStartsTheSkill(t *testing.T) {
	e := newEnv(t, mockcxone.Options{SyncDelay: time.Hour})
	f := e.outboundFixture()
	s := e.outboundSkill(f, "Launch")
	l, err := e.c.CreateCallingList(e.ctx, listInput("Jungle"))
	if err != nil {
		t.Fatal(err)
	}
	job, err := e.c.UploadCallingList(e.ctx, l.ListID, cxone.CallingListUpload{
		Content: []byte(jungleCSV), SkillID: s.SkillID, ExpirationDate: "2027-01-01", StartSkill: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	j, err := e.c.GetUploadJob(e.ctx, job)
	if err != nil || j.IsComplete || j.ListID != l.ListID {
		t.Fatalf("job before completion %+v %v", j, err)
	}
	e.s.CompleteUploadsForTest()
	j, err = e.c.GetUploadJob(e.ctx, job)
	if err != nil || !j.IsComplete || j.TotalRecords != 3 || j.ValidRecords != 2 || j.InvalidRecords != 1 {
		t.Fatalf("job after completion %+v %v", j, err)
	}
	if got, err := e.c.GetOutboundSkill(e.ctx, s.SkillID); err != nil || !got.IsRunning {
		t.Fatalf("startSkill did not start the skill: %+v %v", got, err)
	}
	if got, err := e.c.GetCallingList(e.ctx, l.ListID); err != nil || got.ValidRecords != 2 || got.UploadDate == "" {
		t.Fatalf("list after the upload %+v %v", got, err)
	}
	for _, tc := range []struct {
		name   string
		listID int64
		up     cxone.CallingListUpload
		check  func(error) bool
	}{
		{"unknown list", 1, cxone.CallingListUpload{Content: []byte(jungleCSV)}, cxone.IsNotFound},
		{"unknown skill", l.ListID, cxone.CallingListUpload{Content: []byte(jungleCSV), SkillID: 1}, func(err error) bool {
			return err != nil && strings.Contains(err.Error(), "skillId 1") && !cxone.IsNotFound(err)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := e.c.UploadCallingList(e.ctx, tc.listID, tc.up); !tc.check(err) {
				t.Errorf("got %v", err)
			}
		})
	}
	if _, err := e.c.GetUploadJob(e.ctx, 1); !cxone.IsNotFound(err) {
		t.Errorf("unknown job: %v", err)
	}
}

func TestCallingLists_unreadableAnswers(t *testing.T) {
	wantUnreadable(t, "GET", adminPath+"/lists/call-lists/7", []string{`{"listName":"x"}`, `{"resultSet":{"status":"Active"}}`, `{"resultSet":{"listId":8,"listName":"x"}}`},
		func(e *env) (any, error) { return e.c.GetCallingList(e.ctx, 7) })
	wantUnreadable(t, "GET", adminPath+"/lists/call-lists", []string{`{"lists":[]}`, `{"callingLists":[{"listName":"x"}]}`},
		func(e *env) (any, error) { return e.c.ListCallingLists(e.ctx) })
	wantUnreadable(t, "POST", adminPath+"/lists/call-lists/7/upload", []string{`{}`, `{"id":4}`},
		func(e *env) (any, error) {
			return e.c.UploadCallingList(e.ctx, 7, cxone.CallingListUpload{Content: []byte("a")})
		})
	wantUnreadable(t, "GET", adminPath+"/lists/call-lists/jobs/4", []string{`{"jobId":4}`, `{"uploadJobs":[]}`, `{"uploadJobs":[{"listId":1}]}`},
		func(e *env) (any, error) { return e.c.GetUploadJob(e.ctx, 4) })
}

// A create whose answer is lost takes the list of its name only when every mapping is
// the one sent; another list of that name is a *MismatchError naming the differences.
func TestCallingLists_lostCreateAnswerComparesEveryMapping(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	other := listInput("Launch")
	other.Columns.CityColumn = "town"
	other.DestinationMappings = []cxone.DestinationMapping{{FieldName: "PhoneNumber", FieldValue: "mobile"}}
	if _, err := e.c.CreateCallingList(e.ctx, other); err != nil {
		t.Fatal(err)
	}
	e.faults(mockcxone.FaultRule{Method: "POST", Path: adminPath + "/lists/call-lists", DropResponse: true, Count: 1})
	_, err := e.c.CreateCallingList(e.ctx, listInput("Launch"))
	var mismatch *cxone.MismatchError
	if !errors.As(err, &mismatch) || !cxone.IsConflict(err) {
		t.Fatalf("want a *MismatchError, got %v", err)
	}
	diffs := strings.Join(mismatch.Differences, "; ")
	for _, want := range []string{"destinationMappings", "cityColumn: sent \"\", CXone has \"town\""} {
		if !strings.Contains(diffs, want) {
			t.Errorf("the error does not name %q: %v", want, err)
		}
	}
	if strings.Contains(diffs, "externalIdColumn") || strings.Contains(diffs, "firstNameColumn") {
		t.Errorf("the error names a mapping that matches: %v", err)
	}
}

package cxone_test

import (
	"fmt"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func TestDNCRecords_addListExpire(t *testing.T) {
	e := newEnv(t, mockcxone.Options{})
	g, err := e.c.CreateDNCGroup(e.ctx, cxone.DNCGroupInput{DNCGroupName: "Stop list"})
	if err != nil {
		t.Fatal(err)
	}
	in := make([]cxone.DNCRecordInput, 130)
	for i := range in {
		in[i] = cxone.DNCRecordInput{PhoneNumber: fmt.Sprintf("+91987654%04d", i)}
	}
	res, err := e.c.AddDNCRecords(e.ctx, g.DNCGroupID, in)
	if err != nil || len(res) != len(in) || res[0].FormattedPhone != "919876540000" {
		t.Fatalf("added %v %v", len(res), err)
	}
	recs, err := e.c.ListDNCRecords(e.ctx, g.DNCGroupID)
	if err != nil || len(recs) != len(in) || recs[129].PhoneNumber != "919876540129" {
		t.Fatalf("listed %d %v", len(recs), err)
	}
	if got := e.count("GET " + adminKey + "/dnc-groups/{groupId}/records"); got != 2 {
		t.Errorf("%d pages, want 2", got)
	}
	if _, err := e.c.ExpireDNCRecords(e.ctx, g.DNCGroupID, in[:1]); err != nil {
		t.Fatal(err)
	}
	res, err = e.c.ExpireDNCRecords(e.ctx, g.DNCGroupID, []cxone.DNCRecordInput{in[1], in[0]})
	wantItemError(t, err, 1, "not in DNC group")
	if len(res) != 2 || res[0].Error != "" || res[1].Error == "" {
		t.Errorf("results %+v", res)
	}
	if got, err := e.c.GetDNCGroup(e.ctx, g.DNCGroupID); err != nil || got.ValidRecords != 128 {
		t.Errorf("group after expiring %+v %v", got, err)
	}
	if _, err := e.c.AddDNCRecords(e.ctx, g.DNCGroupID, []cxone.DNCRecordInput{{PhoneNumber: "call me"}}); err == nil {
		t.Error("a number that is not digits was sent")
	}
	if _, err := e.c.AddDNCRecords(e.ctx, 1, in[:1]); !cxone.IsNotFound(err) {
		t.Errorf("unknown group: %v", err)
	}
}

func TestDNCRecords_phoneNumberEitherType(t *testing.T) {
	e := cannedEnv(t, "GET", adminPath+"/dnc-groups/9/records",
		`{"resultSet":{"totalRecords":2,"dncRecords":[{"phoneNumber":919876540000},{"phoneNumber":"919876540001"}]}}`)
	recs, err := e.c.ListDNCRecords(e.ctx, 9)
	if err != nil || len(recs) != 2 || recs[0].PhoneNumber != "919876540000" || recs[1].PhoneNumber != "919876540001" {
		t.Fatalf("records %+v %v", recs, err)
	}
	wantUnreadable(t, "GET", adminPath+"/dnc-groups/9/records", []string{`{"dncRecords":[]}`, `{"resultSet":{"dncRecords":[{}]}}`},
		func(e *env) (any, error) { return e.c.ListDNCRecords(e.ctx, 9) })
	wantUnreadable(t, "POST", adminPath+"/dnc-groups/9/records", []string{`{}`, `{"resultSet":{"errorCount":0,"recordResults":[]}}`},
		func(e *env) (any, error) {
			return e.c.AddDNCRecords(e.ctx, 9, []cxone.DNCRecordInput{{PhoneNumber: "919876540000"}})
		})
}

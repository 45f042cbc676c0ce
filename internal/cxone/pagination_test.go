package cxone

import (
	"strings"
	"testing"
)

// pageCase is an answer and the page it must read as: its items, whether more follow, the
// total, or part of the error it must be.
type pageCase struct {
	name, body string
	before     int
	items      int
	more       bool
	total      int
	err        string // part of the error, "" for none
}

// TestDecodeAdminPage maps Admin answers to pages: what it holds, whether more
// follow, the total, and which answers are not a page at all.
func TestDecodeAdminPage(t *testing.T) {
	fullPage := `{"things":[` + repeatJSON(`{"id":1}`, adminPageSize) + `]}`
	cases := []pageCase{
		{name: "next link null", body: `{"totalRecords":500,"_links":{"self":"s","next":null},"things":[{"id":1}]}`, items: 1, total: 500},
		{name: "next link", body: `{"_links":{"next":"https://x?skip=100"},"things":[{"id":1}]}`, items: 1, more: true, total: -1},
		{name: "totalRecords not reached", body: `{"totalRecords":3,"things":[{"id":1},{"id":2}]}`, items: 2, more: true, total: 3},
		{name: "totalRecords reached", body: `{"totalRecords":3,"things":[{"id":3}]}`, before: 2, items: 1, total: 3},
		{name: "full page, nothing else", body: fullPage, items: adminPageSize, more: true, total: -1},
		{name: "short page, nothing else", body: `{"things":[{"id":1}]}`, items: 1, total: -1},
		{name: "empty body (204)", body: "", total: -1},
		{name: "empty list", body: `{"totalRecords":0,"things":[]}`, total: 0},
		{name: "field in another case", body: `{"Things":[{"id":9}]}`, items: 1, total: -1},
		{name: "{}", body: `{}`, err: `no "things" list`},
		{name: "list null", body: `{"things":null,"totalRecords":0}`, err: "null, not a list"},
		{name: "list an object", body: `{"things":{}}`, err: "not a list"},
		{name: "item of the wrong type", body: `{"things":[{"id":"one"}]}`, err: "reading"},
		{name: "not JSON", body: `<html>`, err: "not a JSON object"},
		{name: "a bare array", body: `[{"id":1}]`, err: "not a JSON object"},
	}
	type item struct {
		ID int `json:"id"`
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := decodeAdminPage[item]([]byte(tc.body), "things", tc.before)
			checkPage(t, len(p.items), p.more, p.total, err, tc.items, tc.more, tc.total, tc.err)
		})
	}
}

// TestDecodeDFOPage maps DFO answers (the {hits, data} envelope and the bare array
// of GET /channels) to pages.
func TestDecodeDFOPage(t *testing.T) {
	fullArray := "[" + repeatJSON(`{"id":"x"}`, dfoPageSize) + "]"
	cases := []pageCase{
		{name: "hits not reached", body: `{"hits":3,"data":[{"id":"a"},{"id":"b"}]}`, items: 2, more: true, total: 3},
		{name: "hits reached", body: `{"hits":3,"data":[{"id":"c"}]}`, before: 2, items: 1, total: 3},
		{name: "short bare array", body: `[{"id":"a"}]`, items: 1, total: -1},
		{name: "full bare array", body: fullArray, items: dfoPageSize, more: true, total: -1},
		{name: "empty bare array", body: `[]`, total: -1},
		{name: "empty envelope", body: `{"hits":0,"data":[]}`, total: 0},
		{name: "full envelope without hits", body: `{"data":` + fullArray + `}`, items: dfoPageSize, more: true, total: -1},
		{name: "{}", body: `{}`, err: `no "data" list`},
		{name: "data null", body: `{"hits":0,"data":null}`, err: "null, not a list"},
		{name: "null", body: `null`, err: `no "data" list`},
		{name: "empty body", body: ``, err: "neither"},
		{name: "not JSON", body: `<html>`, err: "neither"},
	}
	type item struct {
		ID string `json:"id"`
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := decodeDFOPage[item]([]byte(tc.body), tc.before)
			checkPage(t, len(p.items), p.more, p.total, err, tc.items, tc.more, tc.total, tc.err)
		})
	}
}

func checkPage(t *testing.T, items int, more bool, total int, err error, wantItems int, wantMore bool, wantTotal int, wantErr string) {
	t.Helper()
	if wantErr != "" {
		if err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Fatalf("error %v, want one saying %q", err, wantErr)
		}
		return
	}
	if err != nil || items != wantItems || more != wantMore || total != wantTotal {
		t.Fatalf("%d items, more %v, total %d, error %v; want %d, %v, %d", items, more, total, err, wantItems, wantMore, wantTotal)
	}
}

// TestCheckItems: an object without the fields it is keyed on, or of a type that
// does not say which those are, fails the page; what the path says is filled in
// first.
func TestCheckItems(t *testing.T) {
	if err := checkItems([]Skill{{SkillID: 1, SkillName: "a"}, {SkillID: 2}}, nil); err == nil ||
		!strings.Contains(err.Error(), "object 2") || !strings.Contains(err.Error(), "skillName") {
		t.Errorf("a skill without a name: %v", err)
	}
	fill := func(a *SkillAssignment) { a.SkillID = 7 }
	if err := checkItems([]SkillAssignment{{AgentID: 1}}, fill); err != nil {
		t.Errorf("an assignment whose skill the path gives: %v", err)
	}
	if err := checkItems([]SkillAssignment{{SkillID: 7}}, fill); err == nil || !strings.Contains(err.Error(), "agentId") {
		t.Errorf("an assignment without its agent: %v", err)
	}
	// A user or skill read as inactive is taken for gone: an answer must say which.
	for _, body := range []string{`{"skills":[{"skillId":1,"skillName":"a"}]}`, `{"skills":[{"skillId":1,"skillName":"a","isActive":null}]}`} {
		p, err := decodeAdminPage[Skill]([]byte(body), "skills", 0)
		if err == nil {
			err = checkItems(p.items, nil)
		}
		if err == nil || !strings.Contains(err.Error(), "isActive") {
			t.Errorf("%s: %v, want an error naming isActive", body, err)
		}
	}
	for _, body := range []string{`{"agents":[{"agentId":1,"userName":"a"}]}`, `{"agents":[{"agentId":1,"userName":"a","isActive":false}]}`} {
		p, err := decodeAdminPage[Agent]([]byte(body), "agents", 0)
		if err == nil {
			err = checkItems(p.items, nil)
		}
		if inactive := strings.Contains(body, "false"); (err == nil) != inactive {
			t.Errorf("%s: %v", body, err)
		}
	}
	if err := checkItems([]struct{ ID int }{{ID: 1}}, nil); err == nil {
		t.Error("an object of a type that does not say its keys was believed")
	}
}

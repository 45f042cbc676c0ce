package mockcxone

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// DNC records (outbound-api.md section 6): the numbers of a DNC group. The spec types
// phoneNumber as a number when adding and as a string when expiring: the mock takes either
// on both.

// DNCRecord is a number in a DNC group, as GET /dnc-groups/{id}/records lists it.
type DNCRecord struct {
	PhoneNumber    string `json:"phoneNumber"`
	FormattedPhone string `json:"formattedPhone"`
	ExpiredDate    string `json:"expiredDate,omitempty"`
	DateCollected  string `json:"dateCollected"`
}

// dncRecordIn is one record of a records write; phoneNumber is a JSON number or string.
type dncRecordIn struct {
	PhoneNumber json.RawMessage `json:"phoneNumber"`
	ExpiredDate string          `json:"expiredDate"`
}

// phone reads phoneNumber as digits (a leading + and separators dropped), or says why not.
func (in dncRecordIn) phone() (string, string) {
	raw := strings.TrimSpace(string(in.PhoneNumber))
	var s string
	if strings.HasPrefix(raw, `"`) {
		if json.Unmarshal(in.PhoneNumber, &s) != nil {
			return "", "phoneNumber is not a string or a number"
		}
	} else {
		s = raw
	}
	digits := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r
		case r == '+' || r == ' ' || r == '-' || r == '(' || r == ')' || r == '.':
			return -1
		}
		return 'x'
	}, s)
	if len(digits) < 7 || len(digits) > 15 || strings.Contains(digits, "x") {
		return "", fmt.Sprintf("phoneNumber %s is not a phone number of 7 to 15 digits", raw)
	}
	return digits, ""
}

// readDNCRecords reads the dncGroupRecords of a records write.
func readDNCRecords(r *http.Request) ([]dncRecordIn, error) {
	var body struct {
		Records []dncRecordIn `json:"dncGroupRecords"`
	}
	if err := decodeBody(r, &body); err != nil {
		return nil, err
	}
	if len(body.Records) == 0 {
		return nil, fmt.Errorf("dncGroupRecords must hold at least one record")
	}
	return body.Records, nil
}

// dncRecordWrite serves POST (add) and DELETE (expire) of records: one result per record,
// 200 even when records fail.
func (s *Server) dncRecordWrite(add bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := pathID(w, r, "groupId")
		if !ok {
			return
		}
		records, err := readDNCRecords(r)
		if err != nil {
			badRequest(w, err)
			return
		}
		st := s.store
		writeByID(w, st, id, "DNC group", dncGroupsOf, func(g *DNCGroup) {
			st.writeDNCRecordsLocked(w, g, records, add)
		})
	}
}

// writeDNCRecordsLocked applies a records write to group g and answers it: one result per
// record, 200 even when records fail. Caller holds mu for writing.
func (st *store) writeDNCRecordsLocked(w http.ResponseWriter, g *DNCGroup, records []dncRecordIn, add bool) {
	results, failed := itemResults(records, func(rec dncRecordIn) (map[string]any, string) {
		phone, msg := rec.phone()
		if msg == "" {
			msg = st.writeDNCRecordLocked(g.DNCGroupID, phone, rec.ExpiredDate, add)
		}
		return map[string]any{"formattedPhone": phone}, msg
	})
	g.ValidRecords = len(st.out.dncRecords[g.DNCGroupID])
	answer := map[string]any{"errorCount": failed, "recordResults": results}
	if add {
		answer = map[string]any{"resultSet": answer}
	}
	writeJSON(w, http.StatusOK, answer)
}

// writeDNCRecordLocked adds (or renews) or removes one number of a group, or says why not.
// Caller holds mu for writing.
func (st *store) writeDNCRecordLocked(groupID int64, phone, expired string, add bool) string {
	recs := st.out.dncRecords[groupID]
	i := slices.IndexFunc(recs, func(r DNCRecord) bool { return r.PhoneNumber == phone })
	switch {
	case add && i >= 0:
		recs[i].ExpiredDate = expired
	case add:
		st.out.dncRecords[groupID] = append(recs, DNCRecord{PhoneNumber: phone, FormattedPhone: phone, ExpiredDate: expired, DateCollected: now()})
	case i < 0:
		return fmt.Sprintf("%s is not in DNC group %d", phone, groupID)
	default:
		st.out.dncRecords[groupID] = slices.Delete(slices.Clone(recs), i, i+1)
	}
	return ""
}

// listDNCRecords lists a group's numbers, paged inside {resultSet}.
func (s *Server) listDNCRecords(w http.ResponseWriter, r *http.Request) {
	st := s.store
	recs, q, ok := pageByID(w, r, st, "groupId", "DNC group", dncGroupsOf, func(g *DNCGroup) []DNCRecord {
		return slices.Clone(st.out.dncRecords[g.DNCGroupID])
	})
	if ok {
		writeJSON(w, http.StatusOK, map[string]any{"resultSet": map[string]any{
			"totalRecords": len(recs), "dncRecords": window(recs, q.skip, q.top),
		}})
	}
}

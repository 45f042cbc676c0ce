package mockcxone

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Calling lists (outbound-api.md section 7): a list is a column mapping, created with query
// parameters plus a JSON body of destination mappings and deleted for real; records come
// through uploads, which CXone processes asynchronously as jobs.

// listColumnParams are the optional column mappings of POST /lists/call-lists.
var listColumnParams = []string{
	"scoreColumn", "customer1Column", "customer2Column", "callerIdColumn", "priorityColumn", "complianceReqColumn",
	"firstNameColumn", "lastNameColumn", "addressColumn", "cityColumn", "stateColumn", "zipColumn", "timeZoneColumn",
	"confirmReqColumn", "overrideFinalizationColumn", "agentIdColumn", "callRequestTimeColumn", "callRequestStaleColumn",
	"notesColumn", "expirationDateColumn",
}

// MarshalJSON writes the list with its column mappings as fields of their own, named as
// the create call's parameters (inferred: the spec's read does not show them).
func (l CallingList) MarshalJSON() ([]byte, error) {
	type plain CallingList
	b, err := json.Marshal(plain(l))
	if err != nil || len(l.Columns) == 0 {
		return b, err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	delete(m, "columns")
	for k, v := range l.Columns {
		m[k] = v
	}
	return json.Marshal(m)
}

func (s *Server) createCallingList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for _, name := range []string{"listName", "externalIdColumn"} {
		if strings.TrimSpace(q.Get(name)) == "" {
			badRequest(w, fmt.Errorf("the query parameter %s is required", name))
			return
		}
	}
	body, ok := readBody[struct {
		DestinationMappings []struct {
			FieldName  *string `json:"fieldName"`
			FieldValue *string `json:"fieldValue"`
		} `json:"destinationMappings"`
	}](w, r)
	if !ok {
		return
	}
	if len(body.DestinationMappings) == 0 {
		badRequest(w, errors.New("destinationMappings must hold at least one mapping"))
		return
	}
	l := &CallingList{ListName: q.Get("listName"), ExternalIDColumn: q.Get("externalIdColumn"), Status: "Active",
		ListExpirationDate: q.Get("listExpirationDate"), CreateDate: now(), Skills: []int64{}, Columns: map[string]string{}}
	for i, m := range body.DestinationMappings {
		if m.FieldName == nil || m.FieldValue == nil || *m.FieldName == "" || *m.FieldValue == "" {
			badRequest(w, fmt.Errorf("destinationMappings[%d]: fieldName and fieldValue are required", i))
			return
		}
		l.DestinationMappings = append(l.DestinationMappings, DestinationMapping{FieldName: *m.FieldName, FieldValue: *m.FieldValue})
	}
	for _, p := range listColumnParams {
		if v := q.Get(p); v != "" {
			l.Columns[p] = v
		}
	}
	callingListKind.create(w, s.store, l, callingListKind.idAnswer)
}

func (s *Server) listCallingLists(w http.ResponseWriter, r *http.Request) {
	serveAdminList(w, r, s.store, "callingLists", func(st *store) []CallingList {
		var out []CallingList
		for _, l := range sortedByID(st.out.lists, func(l *CallingList) int64 { return l.ListID }) {
			out = append(out, l.clone())
		}
		return out
	}, func(q adminQuery, l *CallingList) bool { return q.finds(l.ListName) })
}

// getCallingList answers {resultSet: {...}} with no contact records (the mock keeps counts,
// not records).
func (s *Server) getCallingList(w http.ResponseWriter, r *http.Request) {
	out, ok := readByID(w, r, s.store, "listId", "calling list", callingListsOf, (*CallingList).clone)
	if !ok {
		return
	}
	b, err := json.Marshal(out)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	var rs map[string]any
	_ = json.Unmarshal(b, &rs) // just encoded
	rs["contactRecords"] = []any{}
	writeJSON(w, http.StatusOK, map[string]any{"resultSet": rs})
}

// deleteCallingList deletes a list; forceInactive and forceDelete are read and change
// nothing in the mock.
func (s *Server) deleteCallingList(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "listId")
	if !ok {
		return
	}
	for _, p := range []string{"forceInactive", "forceDelete"} {
		if _, err := parseBoolParam(r, p); err != nil {
			badRequest(w, err)
			return
		}
	}
	writeByID(w, s.store, id, "calling list", callingListsOf, func(*CallingList) {
		delete(s.store.out.lists, id)
		w.WriteHeader(http.StatusNoContent)
	})
}

// uploadIn is the body of POST /lists/call-lists/{listId}/upload.
type uploadIn struct {
	ListFile        *string `json:"listFile"`
	FileName        string  `json:"fileName"`
	SkillID         *int64  `json:"skillId"`
	DefaultTimeZone string  `json:"defaultTimeZone"`
	ForceOverwrite  *bool   `json:"forceOverwrite"`
	ExpirationDate  *string `json:"expirationDate"`
	StartSkill      *bool   `json:"startSkill"`
	SendEmail       *bool   `json:"sendEmail"`
}

// countRecords counts the rows of a CSV file after its header: a row is invalid when it
// has no value in the external-ID column.
func countRecords(file []byte, externalIDColumn string) (valid, invalid int, err error) {
	rd := csv.NewReader(bytes.NewReader(file))
	rd.FieldsPerRecord = -1
	rows, err := rd.ReadAll()
	if err != nil {
		return 0, 0, fmt.Errorf("listFile is not a CSV file: %w", err)
	}
	if len(rows) == 0 {
		return 0, 0, errors.New("listFile is empty: it needs a header row")
	}
	col := slices.Index(rows[0], externalIDColumn)
	for _, row := range rows[1:] {
		if col >= 0 && col < len(row) && strings.TrimSpace(row[col]) != "" {
			valid++
		} else {
			invalid++
		}
	}
	return valid, invalid, nil
}

func (s *Server) uploadCallingList(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "listId")
	if !ok {
		return
	}
	in, ok := readBody[uploadIn](w, r)
	if !ok {
		return
	}
	if in.ListFile == nil || in.ForceOverwrite == nil || in.ExpirationDate == nil || in.StartSkill == nil || in.SendEmail == nil {
		badRequest(w, errors.New("listFile, forceOverwrite, expirationDate, startSkill and sendEmail are required"))
		return
	}
	file, err := base64.StdEncoding.DecodeString(*in.ListFile)
	if err != nil {
		badRequest(w, fmt.Errorf("listFile is not valid base64: %w", err))
		return
	}
	writeByID(w, s.store, id, "calling list", callingListsOf, func(l *CallingList) { s.startUploadLocked(w, l, in, file) })
}

// startUploadLocked starts the job of an upload of file to list l, finished at once or
// after SyncDelay, and answers its id. Caller holds mu for writing.
func (s *Server) startUploadLocked(w http.ResponseWriter, l *CallingList, in uploadIn, file []byte) {
	st := s.store
	job := &UploadJob{ListID: l.ListID, ListName: l.ListName, FileName: in.FileName, StartDate: now()}
	job.SubmitDate = job.StartDate
	if in.SkillID != nil {
		sk := st.skills[*in.SkillID]
		if sk == nil {
			badRequest(w, fmt.Errorf("skillId %d is not a known skill", *in.SkillID))
			return
		}
		job.SkillID = sk.SkillID
	}
	if *in.StartSkill && (job.SkillID == 0 || !st.skills[job.SkillID].IsActive || !isPC(st.skills[job.SkillID])) {
		badRequest(w, errors.New("startSkill needs the skillId of an active outbound Personal Connection skill"))
		return
	}
	valid, invalid, err := countRecords(file, l.ExternalIDColumn)
	if err != nil {
		badRequest(w, err)
		return
	}
	job.JobID = nextIDLocked[UploadJob](st, firstJobID)
	putLocked(st, st.out.jobs, job.JobID, job)
	overwrite, start := *in.ForceOverwrite, *in.StartSkill
	st.out.pending[job.JobID] = func() { st.completeUploadLocked(job.JobID, valid, invalid, overwrite, start) }
	if s.opts.SyncDelay < 0 {
		st.finishUploadLocked(job.JobID)
	} else {
		gen, jobID := st.gen, job.JobID
		time.AfterFunc(s.opts.SyncDelay, func() {
			st.mu.Lock()
			defer st.mu.Unlock()
			if st.gen == gen {
				st.finishUploadLocked(jobID)
			}
		})
	}
	writeJSON(w, http.StatusOK, map[string]any{"jobId": job.JobID})
}

// finishUploadLocked completes a pending upload job once. Caller holds mu for writing.
func (st *store) finishUploadLocked(jobID int64) {
	if done := st.out.pending[jobID]; done != nil {
		delete(st.out.pending, jobID)
		done()
	}
}

// completeUploadLocked finishes an upload job: the list gets the counts (added to its own
// unless overwritten) and the skill, and startSkill starts the skill. Caller holds mu for
// writing.
func (st *store) completeUploadLocked(jobID int64, valid, invalid int, overwrite, start bool) {
	job := st.out.jobs[jobID]
	if job == nil || job.IsComplete {
		return
	}
	job.IsComplete, job.CompletedDate = true, now()
	job.TotalRecords, job.ValidRecords, job.InvalidRecords = valid+invalid, valid, invalid
	if l := st.out.lists[job.ListID]; l != nil {
		if overwrite {
			l.TotalRecords, l.ValidRecords, l.InvalidRecords = 0, 0, 0
		}
		l.TotalRecords += valid + invalid
		l.ValidRecords += valid
		l.InvalidRecords += invalid
		l.UploadDate = job.CompletedDate
		if job.SkillID != 0 && !slices.Contains(l.Skills, job.SkillID) {
			l.Skills = append(slices.Clone(l.Skills), job.SkillID)
		}
	}
	if sk := st.skills[job.SkillID]; start && sk != nil {
		st.startSkillLocked(sk) // checked at upload; a skill deactivated since simply stays stopped
	}
}

func (s *Server) getUploadJob(w http.ResponseWriter, r *http.Request) {
	answerByID(w, r, s.store, "jobId", "upload job", uploadJobsOf, func(j *UploadJob) any {
		return map[string]any{"uploadJobs": []UploadJob{*j}}
	})
}

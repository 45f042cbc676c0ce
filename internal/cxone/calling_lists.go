package cxone

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
)

// CallingListColumns are the optional column mappings of a calling list: each names the CSV
// column that holds that value ("" for none). The json names are the create call's query
// parameters, which reads of the list are taken to use too (inferred).
type CallingListColumns struct {
	ScoreColumn                string `json:"scoreColumn,omitempty"`
	Customer1Column            string `json:"customer1Column,omitempty"`
	Customer2Column            string `json:"customer2Column,omitempty"`
	CallerIDColumn             string `json:"callerIdColumn,omitempty"`
	PriorityColumn             string `json:"priorityColumn,omitempty"`
	ComplianceReqColumn        string `json:"complianceReqColumn,omitempty"`
	FirstNameColumn            string `json:"firstNameColumn,omitempty"`
	LastNameColumn             string `json:"lastNameColumn,omitempty"`
	AddressColumn              string `json:"addressColumn,omitempty"`
	CityColumn                 string `json:"cityColumn,omitempty"`
	StateColumn                string `json:"stateColumn,omitempty"`
	ZipColumn                  string `json:"zipColumn,omitempty"`
	TimeZoneColumn             string `json:"timeZoneColumn,omitempty"`
	ConfirmReqColumn           string `json:"confirmReqColumn,omitempty"`
	OverrideFinalizationColumn string `json:"overrideFinalizationColumn,omitempty"`
	AgentIDColumn              string `json:"agentIdColumn,omitempty"`
	CallRequestTimeColumn      string `json:"callRequestTimeColumn,omitempty"`
	CallRequestStaleColumn     string `json:"callRequestStaleColumn,omitempty"`
	NotesColumn                string `json:"notesColumn,omitempty"`
	ExpirationDateColumn       string `json:"expirationDateColumn,omitempty"`
}

// query sets the mappings that name a column as query parameters, by their json names.
func (c CallingListColumns) query(q url.Values) error {
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	for k, v := range m {
		q.Set(k, v)
	}
	return nil
}

// DestinationMapping maps a CXone destination type (FieldName, such as "PhoneNumber") to
// the CSV column that holds it (FieldValue). The field name for a digital address is not
// documented.
type DestinationMapping struct {
	FieldName  string `json:"fieldName"`
	FieldValue string `json:"fieldValue"`
}

// CallingList is a calling list: its column mapping and the counts of its records.
type CallingList struct {
	ListID              int64                `json:"listId"`
	ListName            string               `json:"listName"`
	Status              string               `json:"status"`
	ExternalIDColumn    string               `json:"externalIdColumn"`
	ListExpirationDate  string               `json:"listExpirationDate"`
	DestinationMappings []DestinationMapping `json:"destinationMappings"`
	CallingListColumns
	TotalRecords   int64  `json:"totalRecords"`
	ValidRecords   int64  `json:"validRecords"`
	InvalidRecords int64  `json:"invalidRecords"`
	CreateDate     string `json:"createDate"`
	UploadDate     string `json:"uploadDate"`
}

// CallingListInput is a calling list to create. CXone has no update of a list: a change
// means a new list.
type CallingListInput struct {
	ListName           string
	ExternalIDColumn   string
	ListExpirationDate string // "" for none
	Columns            CallingListColumns
	// DestinationMappings must hold at least one mapping.
	DestinationMappings []DestinationMapping
}

// CallingListDeleteOptions are the query of DELETE /lists/call-lists/{id}.
type CallingListDeleteOptions struct {
	ForceInactive bool
	ForceDelete   bool
}

func validCallingList(l *CallingList) string { return needID("listId", l.ListID) }

// ListCallingLists returns every calling list, following every page.
func (c *Client) ListCallingLists(ctx context.Context) ([]CallingList, error) {
	list, err := strictAdminList(ctx, c, "/lists/call-lists", nil, "callingLists", validCallingList)
	return result(list, err, "listing calling lists")
}

// FindCallingListByName returns the list with exactly this name; none is an error for
// which IsNotFound is true. The list call has no search, so every page is read.
func (c *Client) FindCallingListByName(ctx context.Context, name string) (*CallingList, error) {
	list, err := c.ListCallingLists(ctx)
	return findNamed(list, err, "calling list", name, func(l *CallingList) string { return l.ListName })
}

// GetCallingList reads one list ({resultSet: {...}}, without its records); an unknown id
// is an error for which IsNotFound is true.
func (c *Client) GetCallingList(ctx context.Context, listID int64) (*CallingList, error) {
	decode := func(raw []byte) (CallingList, error) {
		l, err := fieldAs[CallingList]("resultSet")(raw)
		if l.ListID == 0 { // the spec's read does not carry the id
			l.ListID = listID
		}
		return l, err
	}
	named := func(l *CallingList) string {
		if l.ListName == "" {
			return "has no listName"
		}
		return ""
	}
	return getDecoded(ctx, c, idPath("/lists/call-lists", listID), url.Values{"includeRecords": {"false"}},
		oneOf(checked(decode, named), listID, func(l *CallingList) int64 { return l.ListID }), "reading calling list %d", listID)
}

// CreateCallingList creates a list (POST /lists/call-lists: the mapping as query
// parameters, the destination mappings as a JSON body) and returns it as CXone stored it.
// If the answer is lost, the request is not sent again: the list is looked up by name, read
// by its ID, and taken if every mapping is the one sent (it is this create's list: names are
// unique), else a *MismatchError that lists the differences.
func (c *Client) CreateCallingList(ctx context.Context, in CallingListInput) (*CallingList, error) {
	if len(in.DestinationMappings) == 0 {
		return nil, fmt.Errorf("creating calling list %q: at least one destination mapping is required", in.ListName)
	}
	q := url.Values{"listName": {in.ListName}, "externalIdColumn": {in.ExternalIDColumn}}
	if in.ListExpirationDate != "" {
		q.Set("listExpirationDate", in.ListExpirationDate)
	}
	if err := in.Columns.query(q); err != nil {
		return nil, fmt.Errorf("creating calling list %q: %w", in.ListName, err)
	}
	body := map[string][]DestinationMapping{"destinationMappings": in.DestinationMappings}
	var ans struct {
		ListID *int64 `json:"listId"`
	}
	lc := lostCreate[CallingList]{kind: "calling list", name: in.ListName, differences: in.differences,
		find: func(ctx context.Context, name string) (*CallingList, error) {
			l, err := c.FindCallingListByName(ctx, name)
			if err != nil {
				return nil, err
			}
			// The list call is not known to carry the mappings; the read by ID is.
			return c.GetCallingList(ctx, l.ListID)
		},
		id: func(l *CallingList) string { return strconv.FormatInt(l.ListID, 10) }}
	found, err := lc.create(ctx, c, func() error {
		return adminCall(ctx, c, http.MethodPost, "/lists/call-lists", q, body, false, &ans)
	})
	return readCreated(ctx, found, err, ans.ListID, "calling list", in.ListName, "listId", c.GetCallingList)
}

// differences lists each mapping where list l differs from what in asks for.
func (in CallingListInput) differences(l *CallingList) []string {
	var d []string
	noteDiff(&d, "externalIdColumn", in.ExternalIDColumn, l.ExternalIDColumn)
	if in.ListExpirationDate != "" { // unsent, CXone may set one of its own
		noteDiff(&d, "listExpirationDate", in.ListExpirationDate, l.ListExpirationDate)
	}
	noteDiff(&d, "destinationMappings", fmt.Sprint(in.DestinationMappings), fmt.Sprint(l.DestinationMappings))
	sent, found := reflect.ValueOf(in.Columns), reflect.ValueOf(l.CallingListColumns)
	for i := range sent.NumField() {
		name, _, _ := strings.Cut(sent.Type().Field(i).Tag.Get("json"), ",")
		noteDiff(&d, name, sent.Field(i).String(), found.Field(i).String())
	}
	return d
}

// DeleteCallingList deletes a list (CXone removes it for good 10 days later). An unknown id
// is an error for which IsNotFound is true; callers deleting treat it as done.
func (c *Client) DeleteCallingList(ctx context.Context, listID int64, opts CallingListDeleteOptions) error {
	q := url.Values{"forceInactive": {boolQuery(opts.ForceInactive)}, "forceDelete": {boolQuery(opts.ForceDelete)}}
	return failed(adminCall(ctx, c, http.MethodDelete, idPath("/lists/call-lists", listID), q, nil, true, nil), "deleting calling list %d", listID)
}

// CallingListUpload is an upload of records to a list.
type CallingListUpload struct {
	// Content is the CSV file, header row first; it is sent base64-encoded.
	Content         []byte
	FileName        string
	SkillID         int64 // 0: none
	DefaultTimeZone string
	ForceOverwrite  bool
	ExpirationDate  string
	// StartSkill starts the skill once the records are in. Records uploaded to a running
	// skill are attempted at once.
	StartSkill bool
	SendEmail  bool
}

// uploadBody is the JSON of POST /lists/call-lists/{id}/upload.
type uploadBody struct {
	ListFile        string `json:"listFile"`
	FileName        string `json:"fileName,omitempty"`
	SkillID         *int64 `json:"skillId,omitempty"`
	DefaultTimeZone string `json:"defaultTimeZone,omitempty"`
	ForceOverwrite  bool   `json:"forceOverwrite"`
	ExpirationDate  string `json:"expirationDate"`
	StartSkill      bool   `json:"startSkill"`
	SendEmail       bool   `json:"sendEmail"`
}

// UploadCallingList sends records to a list and returns the id of the upload job, which
// CXone completes later (GetUploadJob). An upload is not sent again after a lost answer:
// it may have started a job.
func (c *Client) UploadCallingList(ctx context.Context, listID int64, up CallingListUpload) (int64, error) {
	body := uploadBody{ListFile: base64.StdEncoding.EncodeToString(up.Content), FileName: up.FileName,
		DefaultTimeZone: up.DefaultTimeZone, ForceOverwrite: up.ForceOverwrite, ExpirationDate: up.ExpirationDate,
		StartSkill: up.StartSkill, SendEmail: up.SendEmail}
	if up.SkillID != 0 {
		body.SkillID = &up.SkillID
	}
	var ans struct {
		JobID *int64 `json:"jobId"`
	}
	if err := adminCall(ctx, c, http.MethodPost, idPath("/lists/call-lists", listID)+"/upload", nil, body, false, &ans); err != nil {
		return 0, fmt.Errorf("uploading records to calling list %d: %w", listID, err)
	}
	if ans.JobID == nil || *ans.JobID <= 0 {
		return 0, fmt.Errorf("uploading records to calling list %d: CXone's answer has no jobId", listID)
	}
	return *ans.JobID, nil
}

// UploadJob is the progress of an upload. The record counts are filled in when the job
// completes (inferred: the spec's job shows no counts).
type UploadJob struct {
	JobID          int64  `json:"jobId"`
	ListID         int64  `json:"listId"`
	ListName       string `json:"listName"`
	StartDate      string `json:"startDate"`
	SubmitDate     string `json:"submitDate"`
	IsComplete     bool   `json:"isComplete"`
	IsCancelled    bool   `json:"isCancelled"`
	CompletedDate  string `json:"completedDate"`
	TotalRecords   int64  `json:"totalRecords"`
	ValidRecords   int64  `json:"validRecords"`
	InvalidRecords int64  `json:"invalidRecords"`
}

// GetUploadJob reads an upload job ({uploadJobs: [...]}); an unknown id is an error for
// which IsNotFound is true.
func (c *Client) GetUploadJob(ctx context.Context, jobID int64) (*UploadJob, error) {
	jobs := listOf("uploadJobs", func(j *UploadJob) string { return needID("jobId", j.JobID) })
	return getDecoded(ctx, c, idPath("/lists/call-lists/jobs", jobID), nil,
		oneOf(jobs, jobID, func(j *UploadJob) int64 { return j.JobID }), "reading upload job %d", jobID)
}

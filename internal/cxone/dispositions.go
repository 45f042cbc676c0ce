package cxone

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// Disposition is an outcome code of a record attempt (GET /dispositions/{id}). A skill
// links dispositions through its own dispositions field (outbound_skills.go).
type Disposition struct {
	DispositionID        int64  `json:"dispositionId"`
	DispositionName      string `json:"dispositionName"`
	ClassificationID     int64  `json:"classificationId"`
	ClassificationName   string `json:"classificationName"`
	IsActive             bool   `json:"isActive"`
	Notes                string `json:"notes"`
	LastUpdated          string `json:"lastUpdated"`
	SystemOutcome        string `json:"systemOutcome"`
	IsPreviewDisposition bool   `json:"isPreviewDisposition"`

	activeness
}

// DispositionInput is what the provider sets on a disposition. The create call takes the
// name, the classification and the preview flag; Notes and IsActive need a PUT after it,
// which CreateDisposition makes.
type DispositionInput struct {
	DispositionName      string
	ClassificationID     int64 // 0: none
	IsPreviewDisposition bool
	Notes                string
	// IsActive nil leaves the disposition as it is (new dispositions are active).
	IsActive *bool
}

// DispositionListOptions filters ListDispositions. Zero values do not filter.
type DispositionListOptions struct {
	SearchString string
	IsActive     *bool
}

// DispositionClassification is one of CXone's fixed disposition classifications.
type DispositionClassification struct {
	ClassificationID   int64  `json:"classificationId"`
	ClassificationName string `json:"classificationName"`
}

// dispositionCreate is one item of POST /dispositions.
type dispositionCreate struct {
	DispositionName      string `json:"dispositionName"`
	IsPreviewDisposition bool   `json:"isPreviewDisposition"`
	ClassificationID     *int64 `json:"classificationId,omitempty"`
}

// dispositionUpdate is the body of PUT /dispositions/{id}.
type dispositionUpdate struct {
	DispositionName      string `json:"dispositionName"`
	ClassificationID     *int64 `json:"classificationId,omitempty"`
	IsPreviewDisposition bool   `json:"isPreviewDisposition"`
	IsActive             *bool  `json:"isActive,omitempty"`
	Notes                string `json:"notes"`
}

func (in DispositionInput) create() dispositionCreate {
	out := dispositionCreate{DispositionName: in.DispositionName, IsPreviewDisposition: in.IsPreviewDisposition}
	if in.ClassificationID != 0 {
		out.ClassificationID = &in.ClassificationID
	}
	return out
}

func (in DispositionInput) update() dispositionUpdate {
	out := dispositionUpdate{DispositionName: in.DispositionName, IsPreviewDisposition: in.IsPreviewDisposition,
		IsActive: in.IsActive, Notes: in.Notes}
	if in.ClassificationID != 0 {
		out.ClassificationID = &in.ClassificationID
	}
	return out
}

// differences compares a create's input with the disposition found under its name after
// the answer was lost (a new disposition is active and has no notes yet).
func (in DispositionInput) differences(found *Disposition) []string {
	var d []string
	noteDiff(&d, "classificationId", in.ClassificationID, found.ClassificationID)
	noteDiff(&d, "isPreviewDisposition", in.IsPreviewDisposition, found.IsPreviewDisposition)
	return d
}

// dispositionResult is one result of POST /dispositions; unlike POST /skills it names the
// new disposition.
type dispositionResult struct {
	itemResult
	DispositionID flexInt64 `json:"dispositionId"`
}

// dispositionKind is how dispositions are listed, found by name and read.
var dispositionKind = searchedKind[Disposition]{path: "/dispositions", field: "dispositions", kind: "disposition",
	id: func(d *Disposition) int64 { return d.DispositionID }, name: func(d *Disposition) string { return d.DispositionName },
	valid: func(d *Disposition) string { return needIDActive("dispositionId", d.DispositionID, d.activeness) }}

// UnmarshalJSON reads a disposition and whether the answer said if it is active.
func (d *Disposition) UnmarshalJSON(b []byte) error {
	type plain Disposition
	return decodeActive(b, (*plain)(d), &d.activeness)
}

// CreateDispositions creates dispositions in one call (POST /dispositions) and returns
// their ids in the order of in. CXone answers 200 even when items fail: every failed item
// becomes an *ItemError (a duplicate name one for which IsConflict is true), and the call
// is an error. The create call has no notes and no isActive: see CreateDisposition.
func (c *Client) CreateDispositions(ctx context.Context, in []DispositionInput) ([]int64, error) {
	items := make([]dispositionCreate, len(in))
	for i := range in {
		items[i] = in[i].create()
	}
	var ans struct {
		ErrorCount         flexInt64           `json:"errorCount"`
		DispositionResults []dispositionResult `json:"dispositionResults"`
	}
	err := adminCall(ctx, c, http.MethodPost, "/dispositions", nil, map[string][]dispositionCreate{"dispositions": items}, false, &ans)
	if err != nil {
		return nil, fmt.Errorf("creating %d disposition(s): %w", len(in), err)
	}
	results := make([]itemResult, len(ans.DispositionResults))
	for i, r := range ans.DispositionResults {
		results[i] = r.itemResult
	}
	if err := bulkError("creating dispositions", int64(ans.ErrorCount), results, func(i int, _ itemResult) string {
		if i < len(in) {
			return strconv.Quote(in[i].DispositionName)
		}
		return ""
	}); err != nil {
		return nil, err
	}
	if len(ans.DispositionResults) != len(in) {
		return nil, fmt.Errorf("creating %d disposition(s): CXone answered %d result(s)", len(in), len(ans.DispositionResults))
	}
	ids := make([]int64, len(in))
	for i, r := range ans.DispositionResults {
		if r.DispositionID <= 0 {
			return nil, fmt.Errorf("creating disposition %q: CXone's result has no dispositionId", in[i].DispositionName)
		}
		ids[i] = int64(r.DispositionID)
	}
	return ids, nil
}

// CreateDisposition creates one disposition, sets its notes and state when the input asks
// for them (the create call has neither), and returns it as CXone stored it. If the
// create's answer is lost, it is not sent again: the disposition is looked up by name and
// taken if it is what was sent, else a *MismatchError.
func (c *Client) CreateDisposition(ctx context.Context, in DispositionInput) (*Disposition, error) {
	lc := lostCreate[Disposition]{kind: "disposition", name: in.DispositionName, differences: in.differences,
		find: c.FindDispositionByName, id: dispositionKind.idText}
	var ids []int64
	found, err := lc.create(ctx, c, func() (err error) { ids, err = c.CreateDispositions(ctx, []DispositionInput{in}); return err })
	if err != nil {
		return nil, err
	}
	var id int64
	if found != nil { // settled by name after a lost answer
		id = found.DispositionID
	} else {
		id = ids[0]
	}
	if in.Notes != "" || (in.IsActive != nil && !*in.IsActive) {
		return c.UpdateDisposition(ctx, id, in)
	}
	return c.GetDisposition(ctx, id)
}

// ListDispositions returns every disposition matching opts, following every page.
func (c *Client) ListDispositions(ctx context.Context, opts DispositionListOptions) ([]Disposition, error) {
	return dispositionKind.list(ctx, c, opts.SearchString, opts.IsActive)
}

// FindDispositionByName returns the disposition with exactly this name, active or not;
// none is an error for which IsNotFound is true.
func (c *Client) FindDispositionByName(ctx context.Context, name string) (*Disposition, error) {
	return dispositionKind.findByName(ctx, c, name)
}

// GetDisposition reads one disposition; an unknown id is an error for which IsNotFound is
// true.
func (c *Client) GetDisposition(ctx context.Context, dispositionID int64) (*Disposition, error) {
	return dispositionKind.get(ctx, c, dispositionID)
}

// UpdateDisposition changes a disposition (PUT /dispositions/{id}) and returns it as CXone
// now stores it.
func (c *Client) UpdateDisposition(ctx context.Context, dispositionID int64, in DispositionInput) (*Disposition, error) {
	return putThenRead(ctx, c, idPath("/dispositions", dispositionID), nil, in.update(), "disposition", dispositionID, c.GetDisposition)
}

// SetDispositionActive activates or deactivates a disposition (PATCH
// /dispositions/{id}/status): CXone has no delete.
func (c *Client) SetDispositionActive(ctx context.Context, dispositionID int64, active bool) error {
	q := url.Values{"isActive": {boolQuery(active)}}
	return failed(adminCall(ctx, c, http.MethodPatch, idPath("/dispositions", dispositionID)+"/status", q, nil, true, nil), "setting disposition %d active=%t", dispositionID, active)
}

// ListDispositionClassifications returns CXone's disposition classifications.
func (c *Client) ListDispositionClassifications(ctx context.Context) ([]DispositionClassification, error) {
	list, err := strictAdminList(ctx, c, "/dispositions/classifications", nil, "classificationResults",
		func(dc *DispositionClassification) string { return needID("classificationId", dc.ClassificationID) })
	if err != nil {
		return nil, fmt.Errorf("listing disposition classifications: %w", err)
	}
	return list, nil
}

package mockcxone

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Dispositions (outbound-api.md section 5): created in bulk (each result carries the new
// id), changed with PUT, retired through PATCH /status; never deleted.

// bulkDispositionsShape is POST /dispositions.
var bulkDispositionsShape = bulkShape{in: "dispositions", results: "dispositionResults", idField: "dispositionId"}

// dispositionIn is one disposition of POST /dispositions, or the body of PUT.
type dispositionIn struct {
	DispositionName      *string `json:"dispositionName"`
	ClassificationID     *int64  `json:"classificationId"`
	IsPreviewDisposition *bool   `json:"isPreviewDisposition"`
	IsActive             *bool   `json:"isActive"`
	Notes                *string `json:"notes"`
}

// applyLocked checks the fields given and copies them onto d, or says why not. Caller
// holds mu.
func (st *store) applyDispositionLocked(in dispositionIn, d *Disposition) string {
	if in.DispositionName != nil {
		if strings.TrimSpace(*in.DispositionName) == "" {
			return "dispositionName must not be empty"
		}
		named := Disposition{DispositionID: d.DispositionID, DispositionName: *in.DispositionName}
		if msg := dispositionKind.takenLocked(st, &named); msg != "" {
			return msg
		}
		d.DispositionName = *in.DispositionName
	}
	if in.ClassificationID != nil {
		name := st.classificationNameLocked(*in.ClassificationID)
		if name == "" {
			return fmt.Sprintf("classificationId %d is not a known classification", *in.ClassificationID)
		}
		d.ClassificationID, d.ClassificationName = *in.ClassificationID, name
	}
	setIf(&d.IsPreviewDisposition, in.IsPreviewDisposition)
	setIf(&d.IsActive, in.IsActive)
	setIf(&d.Notes, in.Notes)
	d.LastUpdated = now()
	return ""
}

// classificationNameLocked is the name of a classification, "" when unknown. Caller holds mu.
func (st *store) classificationNameLocked(id int64) string {
	for _, c := range st.out.classifications {
		if c.ClassificationID == id {
			return c.ClassificationName
		}
	}
	return ""
}

func (s *Server) listDispositions(w http.ResponseWriter, r *http.Request) {
	preview, err := parseBoolParam(r, "isPreviewDispositions")
	if err != nil {
		badRequest(w, err)
		return
	}
	serveAdminList(w, r, s.store, "dispositions", func(st *store) []dispositionRow {
		var rows []dispositionRow
		for _, d := range sortedByID(st.out.dispositions, func(d *Disposition) int64 { return d.DispositionID }) {
			rows = append(rows, dispositionRow{d.DispositionID, d.DispositionName, d.Notes, d.LastUpdated,
				d.ClassificationID, d.SystemOutcome, d.IsActive, d.IsPreviewDisposition})
		}
		return rows
	}, func(q adminQuery, d *dispositionRow) bool {
		return q.keeps(d.IsActive, d.DispositionName) && (preview == nil || *preview == d.IsPreviewDisposition)
	})
}

// dispositionRow is a disposition as GET /dispositions lists it: without the
// classification's name and the other fields only the read by ID gives.
type dispositionRow struct {
	DispositionID        int64  `json:"dispositionId"`
	DispositionName      string `json:"dispositionName"`
	Notes                string `json:"notes"`
	LastUpdated          string `json:"lastUpdated"`
	ClassificationID     int64  `json:"classificationId"`
	SystemOutcome        string `json:"systemOutcome"`
	IsActive             bool   `json:"isActive"`
	IsPreviewDisposition bool   `json:"isPreviewDisposition"`
}

// createDispositions creates dispositions in bulk: dispositionName and isPreviewDisposition
// are required, classificationId must be known, names unique.
func (s *Server) createDispositions(w http.ResponseWriter, r *http.Request) {
	st := s.store
	serveBulk(w, r, st, bulkDispositionsShape, func(in dispositionIn) (int64, string) {
		if in.DispositionName == nil {
			return 0, "dispositionName is required"
		}
		if in.IsPreviewDisposition == nil {
			return 0, "isPreviewDisposition is required"
		}
		in.IsActive, in.Notes = nil, nil // not part of the create call
		d := &Disposition{IsActive: true, SystemOutcome: "None"}
		if msg := st.applyDispositionLocked(in, d); msg != "" {
			return 0, msg
		}
		dispositionKind.storeLocked(st, d)
		return d.DispositionID, ""
	})
}

// getDisposition answers the flat object.
func (s *Server) getDisposition(w http.ResponseWriter, r *http.Request) {
	answerByID(w, r, s.store, "dispositionId", "disposition", dispositionsOf, flat[Disposition])
}

// updateDisposition changes the fields given.
func (s *Server) updateDisposition(w http.ResponseWriter, r *http.Request) {
	st := s.store
	writeBodyByID(w, r, st, "dispositionId", "disposition", dispositionsOf, func(d *Disposition, in dispositionIn) {
		next := *d
		if msg := st.applyDispositionLocked(in, &next); msg != "" {
			if strings.Contains(msg, "already exists") {
				conflict(w, "%s", msg)
				return
			}
			badRequest(w, errors.New(msg))
			return
		}
		*d = next
		w.WriteHeader(http.StatusNoContent)
	})
}

// setDispositionStatus activates or deactivates a disposition.
func (s *Server) setDispositionStatus(w http.ResponseWriter, r *http.Request) {
	setActiveByID(w, r, s.store, "dispositionId", "disposition", dispositionsOf, func(d *Disposition, active bool) {
		d.IsActive, d.LastUpdated = active, now()
	})
}

// listClassifications lists the seeded classifications.
func (s *Server) listClassifications(w http.ResponseWriter, r *http.Request) {
	serveAdminList(w, r, s.store, "classificationResults", func(st *store) []DispositionClassification {
		return append([]DispositionClassification(nil), st.out.classifications...)
	}, func(q adminQuery, c *DispositionClassification) bool { return q.finds(c.ClassificationName) })
}

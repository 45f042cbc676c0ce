package mockcxone

import (
	"net/http"
	"testing"
)

type dispositionsAnswer struct {
	ErrorCount         int `json:"errorCount"`
	DispositionResults []struct {
		DispositionID int64   `json:"dispositionId"`
		Success       bool    `json:"success"`
		Error         *string `json:"error"`
	} `json:"dispositionResults"`
}

func TestDispositions_createRules(t *testing.T) {
	c := newClient(t, Options{})
	a := decode[dispositionsAnswer](t, c.admin("POST", "/dispositions", `{"dispositions":[
		{"dispositionName":"Joined","isPreviewDisposition":false,"classificationId":1},
		{"dispositionName":"Joined","isPreviewDisposition":false},
		{"dispositionName":"NoPreview"},
		{"isPreviewDisposition":true},
		{"dispositionName":"Bad class","isPreviewDisposition":true,"classificationId":99},
		{"dispositionName":"Preview","isPreviewDisposition":true}]}`).want(t, http.StatusOK))
	wantOK := []bool{true, false, false, false, false, true}
	if a.ErrorCount != 4 || len(a.DispositionResults) != len(wantOK) {
		t.Fatalf("answer %+v", a)
	}
	for i, r := range a.DispositionResults {
		if r.Success != wantOK[i] || (r.Success && r.DispositionID == 0) || (!r.Success && (r.Error == nil || r.DispositionID != 0)) {
			t.Errorf("result %d: %+v", i, r)
		}
	}
	st := c.s.State()
	if len(st.Dispositions) != 2 || st.Dispositions[0].ClassificationName != "Success" || !st.Dispositions[1].IsPreviewDisposition {
		t.Fatalf("state %+v", st.Dispositions)
	}
	c.admin("POST", "/dispositions", `{"dispositions":[]}`).want(t, 400)
}

func TestDispositions_updateStatusAndClassifications(t *testing.T) {
	c := newClient(t, Options{})
	c.admin("POST", "/dispositions", `{"dispositions":[{"dispositionName":"A","isPreviewDisposition":false},{"dispositionName":"B","isPreviewDisposition":false}]}`).want(t, 200)
	for _, tc := range []struct {
		name, method, path, body string
		status                   int
	}{
		{"rename to taken", "PUT", "/dispositions/63001", `{"dispositionName":"B"}`, 409},
		{"unknown classification", "PUT", "/dispositions/63001", `{"classificationId":77}`, 400},
		{"unknown", "PUT", "/dispositions/1", `{"notes":"x"}`, 404},
		{"update", "PUT", "/dispositions/63001", `{"notes":"n","classificationId":3}`, 204},
		{"status without isActive", "PATCH", "/dispositions/63001/status", ``, 400},
		{"deactivate", "PATCH", "/dispositions/63001/status?isActive=false", ``, 204},
		{"status unknown", "PATCH", "/dispositions/1/status?isActive=false", ``, 404},
	} {
		t.Run(tc.name, func(t *testing.T) { c.admin(tc.method, tc.path, tc.body).want(t, tc.status) })
	}
	d := decode[Disposition](t, c.admin("GET", "/dispositions/63001", nil).want(t, 200))
	if d.Notes != "n" || d.ClassificationName != "No Contact" || d.IsActive || d.DispositionName != "A" {
		t.Fatalf("flat read %+v", d)
	}
	page := decode[struct {
		TotalRecords int           `json:"totalRecords"`
		Dispositions []Disposition `json:"dispositions"`
	}](t, c.admin("GET", "/dispositions?isActive=true", nil).want(t, 200))
	if page.TotalRecords != 1 || page.Dispositions[0].DispositionName != "B" {
		t.Fatalf("active %+v", page)
	}
	cl := decode[struct {
		TotalRecords          int                         `json:"totalRecords"`
		ClassificationResults []DispositionClassification `json:"classificationResults"`
	}](t, c.admin("GET", "/dispositions/classifications", nil).want(t, 200))
	if cl.TotalRecords != len(seedClassifications) || cl.ClassificationResults[0].ClassificationName != "Success" {
		t.Fatalf("classifications %+v", cl)
	}
}

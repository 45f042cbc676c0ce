package mockcxone

import (
	"net/http"
	"testing"
)

type recordResults struct {
	ErrorCount    int `json:"errorCount"`
	RecordResults []struct {
		Success        bool    `json:"success"`
		Error          *string `json:"error"`
		FormattedPhone string  `json:"formattedPhone"`
	} `json:"recordResults"`
}

func TestDNCRecords_phoneNumberTypesAndRules(t *testing.T) {
	c := newClient(t, Options{})
	c.admin("POST", "/dnc-groups", `{"dncGroupName":"Stop"}`).want(t, 200)
	add := decode[struct {
		ResultSet recordResults `json:"resultSet"`
	}](t, c.admin("POST", "/dnc-groups/64001/records",
		`{"dncGroupRecords":[{"phoneNumber":919876540000},{"phoneNumber":"+91 98765-40001"},{"phoneNumber":"call me"},{"phoneNumber":123}]}`).want(t, 200)).ResultSet
	if add.ErrorCount != 2 || !add.RecordResults[0].Success || !add.RecordResults[1].Success || add.RecordResults[1].FormattedPhone != "919876540001" ||
		add.RecordResults[2].Success || add.RecordResults[3].Success {
		t.Fatalf("add %+v", add)
	}
	// Expiring takes the number as a string or a number too; an unknown number fails its item.
	exp := decode[recordResults](t, c.admin("DELETE", "/dnc-groups/64001/records",
		`{"dncGroupRecords":[{"phoneNumber":"919876540000"},{"phoneNumber":919876540001},{"phoneNumber":"919876549999"}]}`).want(t, 200))
	if exp.ErrorCount != 1 || !exp.RecordResults[0].Success || !exp.RecordResults[1].Success || exp.RecordResults[2].Success {
		t.Fatalf("expire %+v", exp)
	}
	for _, tc := range []struct {
		name, method, path, body string
		status                   int
	}{
		{"unknown group", "POST", "/dnc-groups/1/records", `{"dncGroupRecords":[{"phoneNumber":919876540000}]}`, 404},
		{"no records", "POST", "/dnc-groups/64001/records", `{"dncGroupRecords":[]}`, 400},
		{"list unknown group", "GET", "/dnc-groups/1/records", ``, 404},
	} {
		t.Run(tc.name, func(t *testing.T) { c.admin(tc.method, tc.path, tc.body).want(t, tc.status) })
	}
	list := decode[struct {
		ResultSet struct {
			TotalRecords int         `json:"totalRecords"`
			DNCRecords   []DNCRecord `json:"dncRecords"`
		} `json:"resultSet"`
	}](t, c.admin("GET", "/dnc-groups/64001/records", nil).want(t, http.StatusOK))
	if list.ResultSet.TotalRecords != 0 || c.s.State().DNCGroups[0].ValidRecords != 0 {
		t.Fatalf("records after expiring %+v", list)
	}
}

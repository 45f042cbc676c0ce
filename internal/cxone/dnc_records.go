package cxone

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// DNC records: the numbers of a DNC group. CXone's spec types phoneNumber as a number when
// adding records and as a string when expiring them; the client sends each as its call
// wants and reads either.

// DNCRecord is a number in a DNC group.
type DNCRecord struct {
	PhoneNumber    string
	FormattedPhone string
	ExpiredDate    string
	DateCollected  string
}

// UnmarshalJSON reads a record, accepting phoneNumber as a number or a string.
func (r *DNCRecord) UnmarshalJSON(b []byte) error {
	type plain DNCRecord
	return decodeFlex(b, (*plain)(r), flexStringAt("phoneNumber", &r.PhoneNumber), flexStringAt("formattedPhone", &r.FormattedPhone))
}

// DNCRecordInput is a number to add to or expire from a group: digits, optionally with a
// leading + (dropped). ExpiredDate, when set, is when the number stops being blocked.
type DNCRecordInput struct {
	PhoneNumber string
	ExpiredDate string
}

// digits is the number as digits alone, or an error naming it.
func (in DNCRecordInput) digits() (string, error) {
	d := strings.TrimPrefix(strings.TrimSpace(in.PhoneNumber), "+")
	if d == "" || strings.Trim(d, "0123456789") != "" {
		return "", fmt.Errorf("phone number %q must be digits, optionally after a +", in.PhoneNumber)
	}
	return d, nil
}

// DNCRecordResult is CXone's result for one record of a records write.
type DNCRecordResult struct {
	// FormattedPhone is the number as CXone normalised it.
	FormattedPhone string
	// Error is CXone's reason when it refused the record, "" when it took it.
	Error string
}

// dncRecordResult is one result as CXone sends it.
type dncRecordResult struct {
	itemResult
	FormattedPhone flexString `json:"formattedPhone"`
}

// dncRecordsWrite sends one records write; number picks the phoneNumber's JSON type.
func (c *Client) dncRecordsWrite(ctx context.Context, method string, groupID int64, in []DNCRecordInput, number bool) ([]DNCRecordResult, error) {
	type item struct {
		PhoneNumber any    `json:"phoneNumber"`
		ExpiredDate string `json:"expiredDate,omitempty"`
	}
	items := make([]item, len(in))
	for i, r := range in {
		d, err := r.digits()
		if err != nil {
			return nil, err
		}
		items[i] = item{PhoneNumber: d, ExpiredDate: r.ExpiredDate}
		if number {
			items[i].PhoneNumber = json.Number(d)
		}
	}
	var raw json.RawMessage
	path := idPath("/dnc-groups", groupID) + "/records"
	// Adding a number twice is harmless; expiring it twice is refused the second time, so an
	// expiry is not sent again after a lost answer.
	idempotent := method == http.MethodPost
	if err := adminCall(ctx, c, method, path, nil, map[string][]item{"dncGroupRecords": items}, idempotent, &raw); err != nil {
		return nil, err
	}
	// Adding answers under resultSet; expiring answers at the top level.
	if rs, err := fieldOf(raw, "resultSet"); err == nil {
		raw = rs
	}
	var ans struct {
		ErrorCount    *flexInt64        `json:"errorCount"`
		RecordResults []dncRecordResult `json:"recordResults"`
	}
	if err := json.Unmarshal(raw, &ans); err != nil || ans.ErrorCount == nil || len(ans.RecordResults) != len(in) {
		return nil, fmt.Errorf("CXone's answer to %s %s is not {errorCount, recordResults} with a result per record", method, path)
	}
	results := make([]itemResult, len(ans.RecordResults))
	out := make([]DNCRecordResult, len(ans.RecordResults))
	for i, r := range ans.RecordResults {
		results[i] = r.itemResult
		out[i].FormattedPhone = string(r.FormattedPhone)
		if bad, msg := r.failed(); bad {
			out[i].Error = msg
		}
	}
	if err := bulkError("writing DNC records", int64(*ans.ErrorCount), results, func(i int, _ itemResult) string {
		return in[i].PhoneNumber
	}); err != nil {
		return out, err
	}
	return out, nil
}

// AddDNCRecords adds numbers to a group (or renews their expiry); adding a number twice is
// safe. A refused number is an *ItemError; the results say what CXone made of each number.
func (c *Client) AddDNCRecords(ctx context.Context, groupID int64, in []DNCRecordInput) ([]DNCRecordResult, error) {
	res, err := c.dncRecordsWrite(ctx, http.MethodPost, groupID, in, true)
	if err != nil {
		return res, fmt.Errorf("adding %d number(s) to DNC group %d: %w", len(in), groupID, err)
	}
	return res, nil
}

// ExpireDNCRecords takes numbers out of a group (DELETE with a body). A number the group
// does not hold is an *ItemError.
func (c *Client) ExpireDNCRecords(ctx context.Context, groupID int64, in []DNCRecordInput) ([]DNCRecordResult, error) {
	res, err := c.dncRecordsWrite(ctx, http.MethodDelete, groupID, in, false)
	if err != nil {
		return res, fmt.Errorf("expiring %d number(s) of DNC group %d: %w", len(in), groupID, err)
	}
	return res, nil
}

// ListDNCRecords returns every number of a group, following every page ({resultSet:
// {totalRecords, dncRecords}}).
func (c *Client) ListDNCRecords(ctx context.Context, groupID int64) ([]DNCRecord, error) {
	path := idPath("/dnc-groups", groupID) + "/records"
	l := adminListing[DNCRecord](path, nil, "dncRecords")
	l.envelope = "resultSet"
	l.valid = func(r *DNCRecord) string {
		if r.PhoneNumber == "" {
			return "has no phoneNumber"
		}
		return ""
	}
	return l.collectNamed(ctx, c, "listing the numbers of DNC group %d", groupID)
}

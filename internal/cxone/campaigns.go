package cxone

import (
	"context"
	"net/http"
	"net/url"
)

// Campaign is a reporting group of skills (GET /campaigns/{id}, the flat v33.0 shape). It
// does not send anything; a skill names it by CampaignID.
type Campaign struct {
	ID             int64  `json:"id"`
	Name           string `json:"name"`
	DivisionID     int64  `json:"divisionId"`
	Notes          string `json:"notes"`
	Description    string `json:"description"`
	IsActive       bool   `json:"isActive"`
	LastUpdateTime string `json:"lastUpdateTime"`

	activeness
}

// CampaignInput is the JSON body of POST and PUT /campaigns; Name is required.
type CampaignInput struct {
	Name        string `json:"name"`
	DivisionID  *int64 `json:"divisionId,omitempty"`
	Notes       string `json:"notes"`
	Description string `json:"description"`
	// IsActive nil leaves the campaign as it is (new campaigns are active).
	IsActive *bool `json:"isActive,omitempty"`
}

// CampaignListOptions filters ListCampaigns. Zero values do not filter.
type CampaignListOptions struct {
	SearchString string
	IsActive     *bool
}

// campaignKind is how campaigns are listed, found by name and read.
var campaignKind = searchedKind[Campaign]{path: "/campaigns", field: "campaigns", kind: "campaign",
	id: func(c *Campaign) int64 { return c.ID }, name: func(c *Campaign) string { return c.Name },
	valid: func(c *Campaign) string { return needIDActive("id", c.ID, c.activeness) }}

// UnmarshalJSON reads a campaign and whether the answer said if it is active.
func (c *Campaign) UnmarshalJSON(b []byte) error {
	type plain Campaign
	return decodeActive(b, (*plain)(c), &c.activeness)
}

// differences compares a create's input with the campaign found under its name after the
// answer was lost.
func (in CampaignInput) differences(found *Campaign) []string {
	var d []string
	noteDiff(&d, "notes", in.Notes, found.Notes)
	noteDiff(&d, "description", in.Description, found.Description)
	return d
}

// ListCampaigns returns every campaign matching opts, following every page.
func (c *Client) ListCampaigns(ctx context.Context, opts CampaignListOptions) ([]Campaign, error) {
	return campaignKind.list(ctx, c, opts.SearchString, opts.IsActive)
}

// FindCampaignByName returns the campaign with exactly this name, active or not; none is
// an error for which IsNotFound is true. CXone's searchString matches substrings, so the
// answer is filtered here.
func (c *Client) FindCampaignByName(ctx context.Context, name string) (*Campaign, error) {
	return campaignKind.findByName(ctx, c, name)
}

// GetCampaign reads one campaign; an unknown id is an error for which IsNotFound is true.
func (c *Client) GetCampaign(ctx context.Context, campaignID int64) (*Campaign, error) {
	return campaignKind.get(ctx, c, campaignID)
}

// CreateCampaign creates a campaign (POST /campaigns) and returns it as CXone stored it. If
// the answer is lost, the request is not sent again: the campaign is looked up by name and
// returned if it is what was sent, else a *MismatchError. A duplicate name is an error for
// which IsConflict is true.
func (c *Client) CreateCampaign(ctx context.Context, in CampaignInput) (*Campaign, error) {
	var ans struct {
		ID *int64 `json:"id"`
	}
	lc := lostCreate[Campaign]{kind: "campaign", name: in.Name, differences: in.differences, find: c.FindCampaignByName,
		id: campaignKind.idText}
	found, err := lc.create(ctx, c, func() error { return adminCall(ctx, c, http.MethodPost, "/campaigns", nil, in, false, &ans) })
	return readCreated(ctx, found, err, ans.ID, "campaign", in.Name, "id", c.GetCampaign)
}

// UpdateCampaign replaces a campaign's fields (PUT /campaigns/{id}) and returns it as CXone
// now stores it.
func (c *Client) UpdateCampaign(ctx context.Context, campaignID int64, in CampaignInput) (*Campaign, error) {
	return putThenRead(ctx, c, idPath("/campaigns", campaignID), nil, in, "campaign", campaignID, c.GetCampaign)
}

// SetCampaignActive activates or deactivates a campaign (PATCH /campaigns/{id}/status):
// CXone has no delete.
func (c *Client) SetCampaignActive(ctx context.Context, campaignID int64, active bool) error {
	q := url.Values{"isActive": {boolQuery(active)}}
	return failed(adminCall(ctx, c, http.MethodPatch, idPath("/campaigns", campaignID)+"/status", q, nil, true, nil), "setting campaign %d active=%t", campaignID, active)
}

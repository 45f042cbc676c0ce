package cxone

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Agent is a CXone user as the Admin API's /agents calls describe it.
type Agent struct {
	AgentID      int64  `json:"agentId"`
	UserID       string `json:"userId"`
	UserName     string `json:"userName"`
	FirstName    string `json:"firstName"`
	MiddleName   string `json:"middleName"`
	LastName     string `json:"lastName"`
	EmailAddress string `json:"emailAddress"`
	IsActive     bool   `json:"isActive"`
	TeamID       int64  `json:"teamId"`
	TeamName     string `json:"teamName"`
	// ProfileID is the user's security profile.
	ProfileID   int64  `json:"profileId"`
	ProfileName string `json:"profileName"`
	TimeZone    string `json:"timeZone"`
	Country     string `json:"country"`
	State       string `json:"state"`
	City        string `json:"city"`
	Notes       string `json:"notes"`
	FederatedID string `json:"federatedId"`
	// CreateDate and InactiveDate are as CXone writes them; InactiveDate is "" for an
	// active user.
	CreateDate   string `json:"createDate"`
	InactiveDate string `json:"inactiveDate"`
	// DigitalEngagementEnabled has a capital D in CXone's answers; encoding/json matches
	// field names case-insensitively, so the lower-case spelling is read as well.
	DigitalEngagementEnabled bool `json:"DigitalEngagementEnabled"`
	DigitalThreshold         int  `json:"digitalThreshold"`
	UseTeamDigitalThreshold  bool `json:"useTeamDigitalThreshold"`
	DigitalRefusalTimeout    int  `json:"digitalRefusalTimeout"`

	// An inactive user is read as gone, so an answer that does not say whether it is
	// active is not believed (shape.go).
	activeness
}

// UnmarshalJSON reads an agent, accepting teamId and profileId as numbers or strings, and
// dates that are null.
func (a *Agent) UnmarshalJSON(b []byte) error {
	type plain Agent
	aux := struct {
		*plain
		TeamID       flexInt64  `json:"teamId"`
		ProfileID    flexInt64  `json:"profileId"`
		CreateDate   flexString `json:"createDate"`
		InactiveDate flexString `json:"inactiveDate"`
		IsActive     *bool      `json:"isActive"`
	}{plain: (*plain)(a)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	a.TeamID, a.ProfileID = int64(aux.TeamID), int64(aux.ProfileID)
	a.CreateDate, a.InactiveDate = string(aux.CreateDate), string(aux.InactiveDate)
	a.IsActive = a.said(aux.IsActive)
	return nil
}

// AgentListOptions filters ListAgents. Zero values do not filter.
type AgentListOptions struct {
	// SearchString matches user name, first name, last name and e-mail, case-insensitively.
	SearchString string
	// IsActive, when set, keeps only active (true) or inactive (false) users.
	IsActive *bool
}

// AgentDigitalSettings is a change to one agent's digital settings; nil fields are left out
// of the request, and CXone leaves them unchanged.
type AgentDigitalSettings struct {
	AgentID                  int64 `json:"agentId"`
	DigitalEngagementEnabled *bool `json:"digitalEngagementEnabled,omitempty"`
	DigitalThreshold         *int  `json:"digitalThreshold,omitempty"`
	UseTeamDigitalThreshold  *bool `json:"useTeamDigitalThreshold,omitempty"`
	DigitalRefusalTimeout    *int  `json:"digitalRefusalTimeout,omitempty"`
}

// AgentInput is a new user, for CreateAgent (POST /agents). CXone requires every field but
// MiddleName, State, Notes and FederatedID. A new user is active.
type AgentInput struct {
	UserName     string `json:"userName"`
	FirstName    string `json:"firstName"`
	MiddleName   string `json:"middleName,omitempty"`
	LastName     string `json:"lastName"`
	EmailAddress string `json:"emailAddress"`
	TeamID       int64  `json:"teamId"`
	ProfileID    int64  `json:"profileId"`
	TimeZone     string `json:"timeZone"`
	Country      string `json:"country"`
	State        string `json:"state,omitempty"`
	City         string `json:"city"`
	Notes        string `json:"notes,omitempty"`
	FederatedID  string `json:"federatedId,omitempty"`
}

// differences compares a create's request with the user found under its user name after
// the answer was lost. A user just created is active.
func (in AgentInput) differences(found *Agent) []string {
	var d []string
	noteDiff(&d, "isActive", true, found.IsActive)
	noteDiff(&d, "firstName", in.FirstName, found.FirstName)
	noteDiff(&d, "middleName", in.MiddleName, found.MiddleName)
	noteDiff(&d, "lastName", in.LastName, found.LastName)
	noteDiff(&d, "emailAddress", in.EmailAddress, found.EmailAddress)
	noteDiff(&d, "teamId", in.TeamID, found.TeamID)
	noteDiff(&d, "profileId", in.ProfileID, found.ProfileID)
	noteDiff(&d, "timeZone", in.TimeZone, found.TimeZone)
	noteDiff(&d, "country", in.Country, found.Country)
	noteDiff(&d, "state", in.State, found.State)
	noteDiff(&d, "city", in.City, found.City)
	noteDiff(&d, "notes", in.Notes, found.Notes)
	noteDiff(&d, "federatedId", in.FederatedID, found.FederatedID)
	return d
}

// AgentChanges is a change to one user, for UpdateAgent (PUT /agents). Nil fields are left
// out of the request, and CXone leaves them unchanged; an empty string clears an optional
// field.
type AgentChanges struct {
	UserName     *string `json:"userName,omitempty"`
	FirstName    *string `json:"firstName,omitempty"`
	MiddleName   *string `json:"middleName,omitempty"`
	LastName     *string `json:"lastName,omitempty"`
	EmailAddress *string `json:"emailAddress,omitempty"`
	TeamID       *int64  `json:"teamId,omitempty"`
	ProfileID    *int64  `json:"profileId,omitempty"`
	TimeZone     *string `json:"timeZone,omitempty"`
	Country      *string `json:"country,omitempty"`
	State        *string `json:"state,omitempty"`
	City         *string `json:"city,omitempty"`
	Notes        *string `json:"notes,omitempty"`
	FederatedID  *string `json:"federatedId,omitempty"`
	// IsActive false deactivates the user, which is all CXone offers instead of a delete;
	// true reactivates it.
	IsActive *bool `json:"isActive,omitempty"`
}

// agentsWriteAnswer is the answer of POST and PUT /agents.
type agentsWriteAnswer struct {
	ErrorCount   flexInt64    `json:"errorCount"`
	AgentResults []itemResult `json:"agentResults"`
}

// ListAgents returns every agent matching opts, following every page.
func (c *Client) ListAgents(ctx context.Context, opts AgentListOptions) ([]Agent, error) {
	return agentsListing(adminFilters(opts.SearchString, opts.IsActive)).collectNamed(ctx, c, "listing agents")
}

// GetAgent reads one agent; an unknown id is an error for which IsNotFound is true.
func (c *Client) GetAgent(ctx context.Context, agentID int64) (*Agent, error) {
	return getAdminByID(ctx, c, "/agents", "agents", "agent", agentID, func(a *Agent) int64 { return a.AgentID })
}

// FindAgentByUserName returns the user with this user name, active or not. User names are
// unique in a tenant without regard to case, so the match ignores case; CXone's
// searchString matches parts of names, so the answer is filtered here. None is an error
// for which IsNotFound is true.
func (c *Client) FindAgentByUserName(ctx context.Context, userName string) (*Agent, error) {
	agents, err := c.ListAgents(ctx, AgentListOptions{SearchString: userName})
	if err != nil {
		return nil, fmt.Errorf("finding user %q: %w", userName, err)
	}
	a, err := findOne(agents, "user named", userName, func(a *Agent) bool { return strings.EqualFold(a.UserName, userName) })
	return result(a, err, "finding user %q", userName)
}

// CreateAgent creates a user (POST /agents) and returns it as CXone stored it. CXone reports a
// refused user (a missing field, an unknown team, a user name taken, active or not) inside
// its 200 answer: an *ItemError, for which IsConflict is true when the name is taken. If the
// answer is lost, the request is not sent again: the user is looked up by user name and
// returned if it is what was sent; one with other values is someone else's, in the way of
// the create: a *MismatchError.
func (c *Client) CreateAgent(ctx context.Context, in AgentInput) (*Agent, error) {
	var ans agentsWriteAnswer
	lc := lostCreate[Agent]{kind: "user", name: in.UserName, differences: in.differences, find: c.FindAgentByUserName,
		id: func(a *Agent) string { return strconv.FormatInt(a.AgentID, 10) }}
	found, err := lc.create(ctx, c, func() error {
		return adminCall(ctx, c, http.MethodPost, "/agents", nil, map[string][]AgentInput{"agents": {in}}, false, &ans)
	})
	if err != nil || found != nil { // failed, or settled by name after a lost answer
		return found, err
	}
	if err := bulkError("creating a user", int64(ans.ErrorCount), ans.AgentResults, func(int, itemResult) string {
		return strconv.Quote(in.UserName)
	}); err != nil {
		return nil, fmt.Errorf("creating user %q: %w", in.UserName, err)
	}
	var a *Agent
	if id, perr := strconv.ParseInt(resultAgentID(ans.AgentResults), 10, 64); perr == nil && id > 0 {
		a, err = c.GetAgent(ctx, id)
	} else {
		// The answer should carry the id (unconfirmed); without it the name finds the user.
		a, err = c.FindAgentByUserName(ctx, in.UserName)
	}
	if err != nil {
		return nil, fmt.Errorf("creating user %q: CXone accepted it but it cannot be read back: %w", in.UserName, err)
	}
	return a, nil
}

// resultAgentID is the agentId of the first result of a one-item answer, or "".
func resultAgentID(results []itemResult) string {
	if len(results) == 0 {
		return ""
	}
	return string(results[0].AgentID)
}

// UpdateAgent changes a user (PUT /agents) and returns it as CXone now stores it. A refusal
// that CXone reports inside its 200 answer (an unknown agent included) is an *ItemError.
func (c *Client) UpdateAgent(ctx context.Context, agentID int64, ch AgentChanges) (*Agent, error) {
	item := struct {
		AgentID int64 `json:"agentId"`
		AgentChanges
	}{agentID, ch}
	if err := c.putAgent(ctx, agentID, "updating a user", item); err != nil {
		return nil, fmt.Errorf("updating agent %d: %w", agentID, err)
	}
	return c.GetAgent(ctx, agentID)
}

// UpdateAgentDigitalSettings changes one agent's digital settings (PUT /agents). A refusal
// that CXone reports inside its 200 answer is returned as an *ItemError.
func (c *Client) UpdateAgentDigitalSettings(ctx context.Context, s AgentDigitalSettings) error {
	return failed(c.putAgent(ctx, s.AgentID, "updating digital settings", s), "updating the digital settings of agent %d", s.AgentID)
}

// putAgent sends one item of PUT /agents and checks its result; what names the change in
// an item's error.
func (c *Client) putAgent(ctx context.Context, agentID int64, what string, item any) error {
	var ans agentsWriteAnswer
	if err := adminCall(ctx, c, http.MethodPut, "/agents", nil, map[string][]any{"agents": {item}}, true, &ans); err != nil {
		return err
	}
	return bulkError(what, int64(ans.ErrorCount), ans.AgentResults, func(int, itemResult) string {
		return "agent " + strconv.FormatInt(agentID, 10)
	})
}

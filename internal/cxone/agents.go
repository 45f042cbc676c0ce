package cxone

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// Agent is a CXone user as the Admin API's /agents calls describe it. The provider reads
// agents and changes their digital settings; it never creates or deletes them.
type Agent struct {
	AgentID      int64  `json:"agentId"`
	UserID       string `json:"userId"`
	UserName     string `json:"userName"`
	FirstName    string `json:"firstName"`
	LastName     string `json:"lastName"`
	EmailAddress string `json:"emailAddress"`
	IsActive     bool   `json:"isActive"`
	TeamID       int64  `json:"teamId"`
	ProfileID    int64  `json:"profileId"`
	// DigitalEngagementEnabled has a capital D in CXone's answers; encoding/json matches
	// field names case-insensitively, so the lower-case spelling is read as well.
	DigitalEngagementEnabled bool `json:"DigitalEngagementEnabled"`
	DigitalThreshold         int  `json:"digitalThreshold"`
	UseTeamDigitalThreshold  bool `json:"useTeamDigitalThreshold"`
	DigitalRefusalTimeout    int  `json:"digitalRefusalTimeout"`
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

// agentsUpdateAnswer is the answer of PUT /agents.
type agentsUpdateAnswer struct {
	ErrorCount   flexInt64    `json:"errorCount"`
	AgentResults []itemResult `json:"agentResults"`
}

// ListAgents returns every agent matching opts, following every page.
func (c *Client) ListAgents(ctx context.Context, opts AgentListOptions) ([]Agent, error) {
	q := url.Values{}
	if opts.SearchString != "" {
		q.Set("searchString", opts.SearchString)
	}
	if opts.IsActive != nil {
		q.Set("isActive", strconv.FormatBool(*opts.IsActive))
	}
	agents, err := adminList[Agent](ctx, c, "/agents", q, "agents")
	if err != nil {
		return nil, fmt.Errorf("listing agents: %w", err)
	}
	return agents, nil
}

// GetAgent reads one agent; an unknown id is an error for which IsNotFound is true.
func (c *Client) GetAgent(ctx context.Context, agentID int64) (*Agent, error) {
	id := strconv.FormatInt(agentID, 10)
	a, err := adminGetOne(ctx, c, "/agents/"+id, "agents", "agent", id, func(a *Agent) bool { return a.AgentID == agentID })
	if err != nil {
		return nil, fmt.Errorf("reading agent %d: %w", agentID, err)
	}
	return a, nil
}

// UpdateAgentDigitalSettings changes one agent's digital settings (PUT /agents). A refusal
// that CXone reports inside its 200 answer is returned as an *ItemError.
func (c *Client) UpdateAgentDigitalSettings(ctx context.Context, s AgentDigitalSettings) error {
	body := map[string][]AgentDigitalSettings{"agents": {s}}
	var ans agentsUpdateAnswer
	if err := c.do(ctx, &request{method: http.MethodPut, api: adminAPI, path: "/agents", body: body, idempotent: true}, &ans); err != nil {
		return fmt.Errorf("updating the digital settings of agent %d: %w", s.AgentID, err)
	}
	err := bulkError("updating digital settings", int64(ans.ErrorCount), ans.AgentResults, func(int, itemResult) string {
		return "agent " + strconv.FormatInt(s.AgentID, 10)
	})
	if err != nil {
		return fmt.Errorf("updating the digital settings of agent %d: %w", s.AgentID, err)
	}
	return nil
}

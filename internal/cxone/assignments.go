package cxone

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
)

// SkillAssignment links an agent to a skill with a proficiency. GET /skills/{id}/agents and
// GET /agents/{id}/skills each leave out the id in their path; the client fills it in.
type SkillAssignment struct {
	AgentID         int64  `json:"agentId"`
	SkillID         int64  `json:"skillId"`
	SkillName       string `json:"skillName"`
	Proficiency     int    `json:"agentProficiencyValue"`
	ProficiencyName string `json:"agentProficiencyName"`
	IsActive        bool   `json:"isActive"`
	MediaTypeID     int    `json:"mediaTypeId"`
}

// SkillAssignmentInput is one skill to assign to, or change for, an agent.
type SkillAssignmentInput struct {
	SkillID int64 `json:"skillId"`
	// Proficiency is 1 (highest) to 20 (lowest).
	Proficiency int  `json:"proficiency"`
	IsActive    bool `json:"isActive"`
}

// assignmentsAnswer is the answer of POST and PUT /agents/{id}/skills.
type assignmentsAnswer struct {
	ResultSet struct {
		ErrorCount   flexInt64    `json:"errorCount"`
		SkillResults []itemResult `json:"skillResults"`
	} `json:"resultSet"`
}

// ListSkillAgents returns every assignment of a skill, following every page.
func (c *Client) ListSkillAgents(ctx context.Context, skillID int64) ([]SkillAssignment, error) {
	return skillAgentsListing(skillID).collectNamed(ctx, c, "listing the agents of skill %d", skillID)
}

// ListAgentSkills returns every skill assignment of an agent, following every page.
func (c *Client) ListAgentSkills(ctx context.Context, agentID int64) ([]SkillAssignment, error) {
	return agentSkillsListing(agentID).collectNamed(ctx, c, "listing the skills of agent %d", agentID)
}

// GetSkillAssignment reads one assignment; an unknown agent or an unassigned skill is an
// error for which IsNotFound is true.
func (c *Client) GetSkillAssignment(ctx context.Context, agentID, skillID int64) (*SkillAssignment, error) {
	list, err := c.ListAgentSkills(ctx, agentID)
	return findIn(list, err, "skill assignment", assignmentID(agentID, skillID), func(a *SkillAssignment) bool { return a.SkillID == skillID })
}

// AssignSkills assigns skills to an agent (POST /agents/{id}/skills). If the answer is lost,
// the request is not sent again: the agent's skills are listed instead, and the call
// succeeds if every skill is now assigned with the proficiency and state sent. A skill
// assigned with others was assigned before, in the way of the request: a *MismatchError.
// An already-assigned skill, either way, is an error for which IsConflict is true.
func (c *Client) AssignSkills(ctx context.Context, agentID int64, in []SkillAssignmentInput) error {
	err := c.writeAssignments(ctx, http.MethodPost, agentID, in)
	if !errors.Is(err, ErrAnswerLost) {
		return err
	}
	have, lerr := c.ListAgentSkills(ctx, agentID)
	if lerr != nil {
		return fmt.Errorf("%w (and listing the agent's skills afterwards failed: %w)", err, lerr)
	}
	assigned := make(map[int64]SkillAssignment, len(have))
	for _, a := range have {
		assigned[a.SkillID] = a
	}
	var mismatch error
	for _, want := range in {
		got, ok := assigned[want.SkillID]
		if !ok {
			return fmt.Errorf("%w; skill %d is not assigned now, so the request did not take effect", err, want.SkillID)
		}
		var diffs []string
		noteDiff(&diffs, "proficiency", want.Proficiency, got.Proficiency)
		noteDiff(&diffs, "isActive", want.IsActive, got.IsActive)
		if len(diffs) > 0 && mismatch == nil {
			// Most likely the skill was assigned before, and this create failed as a duplicate.
			mismatch = &MismatchError{Kind: "skill assignment", Name: assignmentID(agentID, want.SkillID), Differences: diffs}
		}
	}
	if mismatch != nil {
		return fmt.Errorf("%w, so the skill was already assigned (looked up after: %s)", mismatch, err.Error())
	}
	c.log.Warn(ctx, "the answer to a skill assignment was lost; the skills are assigned", map[string]any{"agent_id": agentID})
	return nil
}

// UpdateSkillAssignments changes the proficiency or state of an agent's assigned skills
// (PUT /agents/{id}/skills).
func (c *Client) UpdateSkillAssignments(ctx context.Context, agentID int64, in []SkillAssignmentInput) error {
	return c.writeAssignments(ctx, http.MethodPut, agentID, in)
}

// writeAssignments sends POST or PUT /agents/{id}/skills and checks each item's result.
func (c *Client) writeAssignments(ctx context.Context, method string, agentID int64, in []SkillAssignmentInput) error {
	verb := "assigning skills to"
	if method == http.MethodPut {
		verb = "updating the skills of"
	}
	r := &request{
		method: method, api: adminAPI,
		path:       "/agents/" + strconv.FormatInt(agentID, 10) + "/skills",
		body:       map[string][]SkillAssignmentInput{"skills": in},
		idempotent: method == http.MethodPut, // a second POST would fail as already assigned
	}
	var ans assignmentsAnswer
	if err := c.do(ctx, r, &ans); err != nil {
		return fmt.Errorf("%s agent %d: %w", verb, agentID, err)
	}
	err := bulkError(verb+" an agent", int64(ans.ResultSet.ErrorCount), ans.ResultSet.SkillResults, func(i int, r itemResult) string {
		if r.SkillID != "" {
			return "skill " + string(r.SkillID)
		}
		if i < len(in) {
			return "skill " + strconv.FormatInt(in[i].SkillID, 10)
		}
		return ""
	})
	if err != nil {
		return fmt.Errorf("%s agent %d: %w", verb, agentID, err)
	}
	return nil
}

// UnassignSkill removes a skill from an agent (DELETE /skills/{skillId}/agents/{agentId}).
// A 404 (not assigned) is returned as an error for which IsNotFound is true; callers
// deleting treat it as done.
func (c *Client) UnassignSkill(ctx context.Context, agentID, skillID int64) error {
	path := "/skills/" + strconv.FormatInt(skillID, 10) + "/agents/" + strconv.FormatInt(agentID, 10)
	return failed(adminCall(ctx, c, http.MethodDelete, path, nil, nil, true, nil), "unassigning skill %d from agent %d", skillID, agentID)
}

// assignmentID is the "agent/skill" form the provider imports assignments by.
func assignmentID(agentID, skillID int64) string {
	return strconv.FormatInt(agentID, 10) + "/" + strconv.FormatInt(skillID, 10)
}

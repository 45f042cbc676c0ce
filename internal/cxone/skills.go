package cxone

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// MediaTypeDigital is the Admin API media type of digital skills.
const MediaTypeDigital = 9

// Skill is an ACD skill as the Admin API's /skills calls describe it.
type Skill struct {
	SkillID               int64  `json:"skillId"`
	SkillName             string `json:"skillName"`
	MediaTypeID           int    `json:"mediaTypeId"`
	MediaTypeName         string `json:"mediaTypeName"`
	IsActive              bool   `json:"isActive"`
	IsOutbound            bool   `json:"isOutbound"`
	Notes                 string `json:"notes"`
	InitialPriority       int    `json:"initialPriority"`
	Acceleration          int    `json:"acceleration"`
	MaxPriority           int    `json:"maxPriority"`
	ServiceLevelThreshold int    `json:"serviceLevelThreshold"`
	ServiceLevelGoal      int    `json:"serviceLevelGoal"`
	// RoutingQueueID is the Digital Experience routing queue that mirrors the skill, "" until
	// CXone has created it. CXone sends it as a number, a string or null.
	RoutingQueueID string `json:"routingQueueId"`

	// An inactive skill is read as gone, so an answer that does not say whether it is
	// active is not believed (shape.go).
	activeness
}

// UnmarshalJSON reads a skill, accepting routingQueueId as a number, a string or null.
func (s *Skill) UnmarshalJSON(b []byte) error {
	type plain Skill
	aux := struct {
		*plain
		// Shallower than the embedded field of the same name, so it wins.
		RoutingQueueID flexString `json:"routingQueueId"`
		IsActive       *bool      `json:"isActive"`
	}{plain: (*plain)(s)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	s.RoutingQueueID = string(aux.RoutingQueueID)
	s.IsActive = s.said(aux.IsActive)
	return nil
}

// SkillListOptions filters ListSkills. Zero values do not filter.
type SkillListOptions struct {
	MediaTypeID  int
	SearchString string
	IsActive     *bool
}

// query is the list's query for opts.
func (opts SkillListOptions) query() url.Values {
	q := adminFilters(opts.SearchString, opts.IsActive)
	if opts.MediaTypeID != 0 {
		q.Set("mediaTypeId", strconv.Itoa(opts.MediaTypeID))
	}
	return q
}

// SkillInput is what the provider sets on a digital skill.
type SkillInput struct {
	SkillName             string
	Notes                 string
	InitialPriority       int
	Acceleration          int
	MaxPriority           int
	ServiceLevelThreshold int
	ServiceLevelGoal      int
	// IsActive nil leaves the skill as it is (new skills are active).
	IsActive *bool
}

// skillWrite is the request shape of one skill in POST and PUT /skills.
type skillWrite struct {
	MediaTypeID           int    `json:"mediaTypeId,omitempty"`
	SkillName             string `json:"skillName"`
	IsOutbound            *bool  `json:"isOutbound,omitempty"`
	IsActive              *bool  `json:"isActive,omitempty"`
	Notes                 string `json:"notes"`
	InitialPriority       int    `json:"initialPriority"`
	Acceleration          int    `json:"acceleration"`
	MaxPriority           int    `json:"maxPriority"`
	ServiceLevelThreshold int    `json:"serviceLevelThreshold"`
	ServiceLevelGoal      int    `json:"serviceLevelGoal"`
}

func (in SkillInput) write() skillWrite {
	return skillWrite{
		SkillName: in.SkillName, IsActive: in.IsActive, Notes: in.Notes,
		InitialPriority: in.InitialPriority, Acceleration: in.Acceleration, MaxPriority: in.MaxPriority,
		ServiceLevelThreshold: in.ServiceLevelThreshold, ServiceLevelGoal: in.ServiceLevelGoal,
	}
}

// differences compares a create's request with the skill found under its name after the
// answer was lost. A skill just created is active, whatever the input asked for: the create
// call has no isActive.
func (w skillWrite) differences(found *Skill) []string {
	var d []string
	noteDiff(&d, "mediaTypeId", w.MediaTypeID, found.MediaTypeID)
	noteDiff(&d, "isOutbound", w.IsOutbound != nil && *w.IsOutbound, found.IsOutbound)
	noteDiff(&d, "isActive", true, found.IsActive)
	noteDiff(&d, "notes", w.Notes, found.Notes)
	noteDiff(&d, "initialPriority", w.InitialPriority, found.InitialPriority)
	noteDiff(&d, "acceleration", w.Acceleration, found.Acceleration)
	noteDiff(&d, "maxPriority", w.MaxPriority, found.MaxPriority)
	noteDiff(&d, "serviceLevelThreshold", w.ServiceLevelThreshold, found.ServiceLevelThreshold)
	noteDiff(&d, "serviceLevelGoal", w.ServiceLevelGoal, found.ServiceLevelGoal)
	return d
}

// skillsCreateAnswer is the answer of POST /skills; its results carry no skill id.
type skillsCreateAnswer struct {
	ErrorCount    flexInt64    `json:"errorCount"`
	SkillsResults []itemResult `json:"skillsResults"`
}

// check reports the skill CXone refused in the answer to the create of one skill, named
// name; what names the create ("creating a skill").
func (ans skillsCreateAnswer) check(what, name string) error {
	return bulkError(what, int64(ans.ErrorCount), ans.SkillsResults, func(int, itemResult) string { return strconv.Quote(name) })
}

// skillUpdateAnswer is the answer of PUT /skills/{id}.
type skillUpdateAnswer struct {
	Success *bool           `json:"success"`
	Error   json.RawMessage `json:"error"`
}

// ListSkills returns every skill matching opts, following every page.
func (c *Client) ListSkills(ctx context.Context, opts SkillListOptions) ([]Skill, error) {
	return skillsListing(opts.query()).collectNamed(ctx, c, "listing skills")
}

// GetSkill reads one skill; an unknown id is an error for which IsNotFound is true.
func (c *Client) GetSkill(ctx context.Context, skillID int64) (*Skill, error) {
	return getAdminByID(ctx, c, "/skills", "skills", "skill", skillID, func(s *Skill) int64 { return s.SkillID })
}

// FindSkillByName returns the skill with exactly this name (case-sensitive), active or not.
// CXone's searchString matches substrings, so the answer is filtered here.
func (c *Client) FindSkillByName(ctx context.Context, name string) (*Skill, error) {
	skills, err := c.ListSkills(ctx, SkillListOptions{SearchString: name})
	if err != nil {
		return nil, fmt.Errorf("finding skill %q: %w", name, err)
	}
	s, err := findOne(skills, "skill named", name, func(s *Skill) bool { return s.SkillName == name })
	return result(s, err, "finding skill %q", name)
}

// CreateSkill creates a digital, inbound skill and returns it as CXone stored it. CXone's
// answer carries no id, so the new skill is found by its exact name. If the answer is lost,
// the request is not sent again: the skill is looked up by name and returned if it is what
// was sent (digital, inbound, active, every field equal). A skill of that name with other
// settings is someone else's, in the way of the create: a *MismatchError. A duplicate name,
// either way, is an error for which IsConflict is true.
func (c *Client) CreateSkill(ctx context.Context, in SkillInput) (*Skill, error) {
	w := in.write()
	w.MediaTypeID = MediaTypeDigital
	w.IsOutbound = new(false)
	w.IsActive = nil // not part of the create call; applied below if inactive was asked for
	var ans skillsCreateAnswer
	lc := lostCreate[Skill]{kind: "skill", name: in.SkillName, differences: w.differences, find: c.FindSkillByName,
		id: func(s *Skill) string { return strconv.FormatInt(s.SkillID, 10) }}
	found, err := lc.create(ctx, c, func() error {
		return adminCall(ctx, c, http.MethodPost, "/skills", nil, map[string][]skillWrite{"skills": {w}}, false, &ans)
	})
	switch {
	case err != nil:
		return nil, err
	case found != nil: // settled by name after a lost answer
		return c.finishCreateSkill(ctx, found, in)
	}
	if err := ans.check("creating a skill", in.SkillName); err != nil {
		return nil, fmt.Errorf("creating skill %q: %w", in.SkillName, err)
	}
	skill, err := c.FindSkillByName(ctx, in.SkillName)
	if err != nil {
		return nil, fmt.Errorf("creating skill %q: CXone accepted it but it cannot be read back: %w", in.SkillName, err)
	}
	return c.finishCreateSkill(ctx, skill, in)
}

// finishCreateSkill deactivates a new skill when the input asked for an inactive one, since
// the create call has no isActive.
func (c *Client) finishCreateSkill(ctx context.Context, skill *Skill, in SkillInput) (*Skill, error) {
	if in.IsActive == nil || *in.IsActive == skill.IsActive {
		return skill, nil
	}
	return c.UpdateSkill(ctx, skill.SkillID, in)
}

// UpdateSkill changes a skill (PUT /skills/{id}) and returns it as CXone now stores it.
// There is no delete: setting IsActive false retires a skill.
func (c *Client) UpdateSkill(ctx context.Context, skillID int64, in SkillInput) (*Skill, error) {
	if err := c.putSkill(ctx, skillID, in.write()); err != nil {
		return nil, fmt.Errorf("updating skill %d: %w", skillID, err)
	}
	return c.GetSkill(ctx, skillID)
}

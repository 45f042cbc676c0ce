package cxone

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// The outbound strategies of an outbound skill.
const (
	StrategyPersonalConnection = "Personal Connection"
	StrategyManual             = "Manual"
)

// OutboundSkill is an outbound skill as GET /skills/{id} describes it: the fields of a
// Personal Connection or Manual skill besides those of Skill.
type OutboundSkill struct {
	SkillID            int64                  `json:"skillId"`
	SkillName          string                 `json:"skillName"`
	MediaTypeID        int                    `json:"mediaTypeId"`
	MediaTypeName      string                 `json:"mediaTypeName"`
	IsActive           bool                   `json:"isActive"`
	IsOutbound         bool                   `json:"isOutbound"`
	OutboundStrategy   string                 `json:"outboundStrategy"`
	IsRunning          bool                   `json:"isRunning"`
	CampaignID         int64                  `json:"campaignId"`
	CampaignName       string                 `json:"campaignName"`
	MessageTemplateID  int64                  `json:"messageTemplateId"`
	Notes              string                 `json:"notes"`
	RequireDisposition bool                   `json:"requireDisposition"`
	Dispositions       []SkillDispositionLink `json:"dispositions"`
	// RoutingQueueID is the routing queue that mirrors a digital skill, "" until CXone has
	// made it. CXone sends it as a number, a string or null.
	RoutingQueueID string `json:"routingQueueId"`

	activeness
}

// SkillDispositionLink is a disposition of a skill as the skill's own read lists it.
type SkillDispositionLink struct {
	DispositionID        int64  `json:"dispositionId"`
	DispositionName      string `json:"dispositionName"`
	Priority             int    `json:"priority"`
	IsPreviewDisposition bool   `json:"isPreviewDisposition"`
}

// UnmarshalJSON reads an outbound skill, accepting routingQueueId as a number, a string or
// null, and whether the answer said if it is active.
func (s *OutboundSkill) UnmarshalJSON(b []byte) error {
	type plain OutboundSkill
	aux := struct {
		*plain
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

// SkillDispositionInput links a disposition to a skill; both fields are required.
type SkillDispositionInput struct {
	DispositionID int64 `json:"dispositionId"`
	Priority      int   `json:"priority"`
}

// OutboundSkillInput is what the provider sets on an outbound skill. MediaTypeID and
// OutboundStrategy are sent on create only: the update call has neither.
type OutboundSkillInput struct {
	SkillName          string
	MediaTypeID        int    // default MediaTypeDigital
	OutboundStrategy   string // default StrategyPersonalConnection
	CampaignID         int64  // 0: CXone's default campaign
	MessageTemplateID  int64  // 0: none
	Notes              string
	RequireDisposition bool
	// Dispositions replaces the skill's set on every update (inferred).
	Dispositions []SkillDispositionInput
	// IsActive nil leaves the skill as it is (new skills are active).
	IsActive *bool
}

// outboundSkillWrite is one skill of POST /skills or the skill of PUT /skills/{id}.
type outboundSkillWrite struct {
	MediaTypeID        int                      `json:"mediaTypeId,omitempty"`
	SkillName          string                   `json:"skillName"`
	IsOutbound         *bool                    `json:"isOutbound,omitempty"`
	OutboundStrategy   string                   `json:"outboundStrategy,omitempty"`
	CampaignID         *int64                   `json:"campaignId,omitempty"`
	MessageTemplateID  *int64                   `json:"messageTemplateId,omitempty"`
	Notes              string                   `json:"notes"`
	RequireDisposition bool                     `json:"requireDisposition"`
	Dispositions       *[]SkillDispositionInput `json:"dispositions,omitempty"`
	IsActive           *bool                    `json:"isActive,omitempty"`
}

func (in OutboundSkillInput) write(create bool) outboundSkillWrite {
	w := outboundSkillWrite{SkillName: in.SkillName, Notes: in.Notes, RequireDisposition: in.RequireDisposition}
	if len(in.Dispositions) > 0 {
		w.Dispositions = &in.Dispositions
	}
	if in.CampaignID != 0 {
		w.CampaignID = &in.CampaignID
	}
	if in.MessageTemplateID != 0 {
		w.MessageTemplateID = &in.MessageTemplateID
	}
	if create {
		w.MediaTypeID, w.OutboundStrategy, w.IsOutbound = in.mediaType(), in.strategy(), new(true)
		return w
	}
	w.IsActive = in.IsActive
	if w.Dispositions == nil {
		w.Dispositions = &[]SkillDispositionInput{} // an update replaces the set: send it empty
	}
	return w
}

func (in OutboundSkillInput) mediaType() int { return cmp.Or(in.MediaTypeID, MediaTypeDigital) }

func (in OutboundSkillInput) strategy() string {
	return cmp.Or(in.OutboundStrategy, StrategyPersonalConnection)
}

// differences compares a create's input with the skill found under its name after the
// answer was lost.
func (in OutboundSkillInput) differences(found *OutboundSkill) []string {
	var d []string
	noteDiff(&d, "mediaTypeId", in.mediaType(), found.MediaTypeID)
	noteDiff(&d, "isOutbound", true, found.IsOutbound)
	noteDiff(&d, "outboundStrategy", in.strategy(), found.OutboundStrategy)
	if in.CampaignID != 0 {
		noteDiff(&d, "campaignId", in.CampaignID, found.CampaignID)
	}
	noteDiff(&d, "messageTemplateId", in.MessageTemplateID, found.MessageTemplateID)
	noteDiff(&d, "notes", in.Notes, found.Notes)
	return d
}

// OutboundSkillListOptions filters ListOutboundSkills. Zero values do not filter.
type OutboundSkillListOptions struct {
	SearchString     string
	OutboundStrategy string
	MediaTypeID      int
	IsActive         *bool
	// IncludeInbound keeps the inbound skills (IsOutbound false) in the answer.
	IncludeInbound bool
}

func validOutboundSkill(s *OutboundSkill) string {
	return needIDActive("skillId", s.SkillID, s.activeness)
}

// ListOutboundSkills returns the outbound skills matching opts, following every page
// (GET /skills answers inbound skills too; they are left out).
func (c *Client) ListOutboundSkills(ctx context.Context, opts OutboundSkillListOptions) ([]OutboundSkill, error) {
	q := adminFilters(opts.SearchString, opts.IsActive)
	if opts.OutboundStrategy != "" {
		q.Set("outboundStrategy", opts.OutboundStrategy)
	}
	if opts.MediaTypeID != 0 {
		q.Set("mediaTypeId", strconv.Itoa(opts.MediaTypeID))
	}
	all, err := strictAdminList(ctx, c, "/skills", q, "skills", validOutboundSkill)
	if err != nil {
		return nil, fmt.Errorf("listing outbound skills: %w", err)
	}
	if opts.IncludeInbound {
		return all, nil
	}
	out := all[:0]
	for _, s := range all {
		if s.IsOutbound {
			out = append(out, s)
		}
	}
	return out, nil
}

// ListOutboundSkillsFirstPage reads the first page of every skill, inbound ones too, with the
// fields of an outbound skill (one request). GET /skills answers the skill objects that
// GET /skills/{id} does (cxone-api.md, Skills; the outbound spec gives the list no schema,
// so that its rows carry the outbound fields is inferred). FirstPage.All lists the rest.
func (c *Client) ListOutboundSkillsFirstPage(ctx context.Context) (FirstPage[OutboundSkill], error) {
	return firstPage(ctx, c, outboundSkillsListing(), "listing skills")
}

// outboundSkillsListing is GET /skills, every skill, read with the fields of an outbound
// skill.
func outboundSkillsListing() listing[OutboundSkill] {
	l := adminListing[OutboundSkill]("/skills", url.Values{}, "skills")
	l.valid = validOutboundSkill
	return l
}

// FindOutboundSkillByName returns the skill with exactly this name, active or not, inbound
// or outbound (names are unique among all skills); none is an error for which IsNotFound
// is true.
func (c *Client) FindOutboundSkillByName(ctx context.Context, name string) (*OutboundSkill, error) {
	all, err := strictAdminList(ctx, c, "/skills", adminFilters(name, nil), "skills", validOutboundSkill)
	return findNamed(all, err, "skill", name, func(s *OutboundSkill) string { return s.SkillName })
}

// GetOutboundSkill reads one skill (GET /skills/{id}); an unknown id is an error for which
// IsNotFound is true, and an inbound skill comes back with IsOutbound false. The spec
// answers the flat object; the one-item {skills: [...]} envelope is read too.
func (c *Client) GetOutboundSkill(ctx context.Context, skillID int64) (*OutboundSkill, error) {
	either := func(raw []byte) ([]OutboundSkill, error) {
		if _, ferr := fieldOf(raw, "skills"); ferr == nil {
			return decodeList(raw, "skills", validOutboundSkill)
		}
		return checked(unmarshalAs[OutboundSkill], validOutboundSkill)(raw)
	}
	return getDecoded(ctx, c, idPath("/skills", skillID), nil,
		oneOf(either, skillID, func(s *OutboundSkill) int64 { return s.SkillID }), "reading skill %d", skillID)
}

// maxNameLookups bounds the look-ups by name after a create: CXone's list can lag a new
// skill by a few seconds (outbound-api.md §4.1).
const maxNameLookups = 5

// CreateOutboundSkill creates an outbound skill (POST /skills, a batch of one) and returns
// it as CXone stored it. CXone's answer names no skill (a skillId in it is used when there),
// so the new skill is found by its exact name, looking again while the list lags. If the
// answer is lost, the request is not sent again: the skill found by name is taken if it is
// what was sent, else a *MismatchError. A duplicate name is an error for which IsConflict
// is true; a refused item (unknown campaign, template or disposition) an *ItemError.
func (c *Client) CreateOutboundSkill(ctx context.Context, in OutboundSkillInput) (*OutboundSkill, error) {
	var ans skillsCreateAnswer
	body := map[string][]outboundSkillWrite{"skills": {in.write(true)}}
	lc := lostCreate[OutboundSkill]{kind: "skill", what: "outbound skill", name: in.SkillName, differences: in.differences,
		find: c.FindOutboundSkillByName, id: func(s *OutboundSkill) string { return strconv.FormatInt(s.SkillID, 10) }}
	found, err := lc.create(ctx, c, func() error { return adminCall(ctx, c, http.MethodPost, "/skills", nil, body, false, &ans) })
	switch {
	case err != nil:
		return nil, err
	case found != nil: // settled by name after a lost answer
		return c.finishCreateOutboundSkill(ctx, found, in)
	}
	if err := ans.check("creating an outbound skill", in.SkillName); err != nil {
		return nil, fmt.Errorf("creating outbound skill %q: %w", in.SkillName, err)
	}
	if len(ans.SkillsResults) != 1 {
		return nil, fmt.Errorf("creating outbound skill %q: CXone answered %d results for one skill", in.SkillName, len(ans.SkillsResults))
	}
	skill, err := c.findNewSkill(ctx, in.SkillName, string(ans.SkillsResults[0].SkillID))
	if err != nil {
		return nil, fmt.Errorf("creating outbound skill %q: CXone accepted it but it cannot be read back: %w", in.SkillName, err)
	}
	return c.finishCreateOutboundSkill(ctx, skill, in)
}

// findNewSkill reads a just-created skill: by the id CXone's answer gave, if any, else by
// exact name, looking again with a growing wait while CXone's list does not have it yet.
func (c *Client) findNewSkill(ctx context.Context, name, answeredID string) (*OutboundSkill, error) {
	if id, err := strconv.ParseInt(answeredID, 10, 64); err == nil && id > 0 {
		s, err := c.GetOutboundSkill(ctx, id)
		if err == nil && s.SkillName == name {
			return s, nil
		}
	}
	wait := c.cfg.RetryWaitMin
	for try := 1; ; try++ {
		s, err := c.FindOutboundSkillByName(ctx, name)
		if err == nil || !IsNotFound(err) || try == maxNameLookups {
			if err != nil && IsNotFound(err) {
				return nil, fmt.Errorf("%w (after %d look-ups by name)", err, try)
			}
			return s, err
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for skill %q to be listed: %w", name, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(2*wait, c.cfg.RetryWaitMax)
	}
}

// finishCreateOutboundSkill deactivates a new skill when the input asked for an inactive
// one, since the create call has no isActive.
func (c *Client) finishCreateOutboundSkill(ctx context.Context, skill *OutboundSkill, in OutboundSkillInput) (*OutboundSkill, error) {
	if in.IsActive == nil || *in.IsActive == skill.IsActive {
		return skill, nil
	}
	return c.UpdateOutboundSkill(ctx, skill.SkillID, in)
}

// UpdateOutboundSkill changes an outbound skill (PUT /skills/{id} with {skill: ...}) and
// returns it as CXone now stores it. CXone refuses (400, inferred) while the skill runs.
func (c *Client) UpdateOutboundSkill(ctx context.Context, skillID int64, in OutboundSkillInput) (*OutboundSkill, error) {
	if err := c.putSkill(ctx, skillID, in.write(false)); err != nil {
		return nil, fmt.Errorf("updating outbound skill %d: %w", skillID, err)
	}
	return c.GetOutboundSkill(ctx, skillID)
}

// SetOutboundSkillActive activates or deactivates a skill (PUT {skill: {isActive}}): CXone
// has no delete. CXone refuses (400, inferred) while the skill runs: stop it first.
func (c *Client) SetOutboundSkillActive(ctx context.Context, skillID int64, active bool) error {
	return failed(c.putSkill(ctx, skillID, map[string]bool{"isActive": active}), "setting skill %d active=%t", skillID, active)
}

// putSkill sends PUT /skills/{id} and reads its {success, skillId} answer.
func (c *Client) putSkill(ctx context.Context, skillID int64, skill any) error {
	id := strconv.FormatInt(skillID, 10)
	var ans skillUpdateAnswer
	if err := adminCall(ctx, c, http.MethodPut, "/skills/"+id, nil, map[string]any{"skill": skill}, true, &ans); err != nil {
		return err
	}
	return bulkError("updating a skill", 0, []itemResult{{Success: ans.Success, Error: ans.Error}}, func(int, itemResult) string {
		return "skill " + id
	})
}

// StartSkill starts a Personal Connection skill (POST /skills/{id}/start). Starting a
// running skill changes nothing; a skill that is not an active outbound Personal
// Connection skill is refused.
func (c *Client) StartSkill(ctx context.Context, skillID int64) error {
	return failed(adminCall(ctx, c, http.MethodPost, idPath("/skills", skillID)+"/start", nil, nil, true, nil), "starting skill %d", skillID)
}

// StopSkill stops a Personal Connection skill (POST /skills/{id}/stop). force ends the
// skill's active interactions at once, as the UI's Force Stop; without it agents finish
// theirs. Stopping a stopped skill changes nothing.
func (c *Client) StopSkill(ctx context.Context, skillID int64, force bool) error {
	q := url.Values{"force": {boolQuery(force)}}
	return failed(adminCall(ctx, c, http.MethodPost, idPath("/skills", skillID)+"/stop", q, nil, true, nil), "stopping skill %d", skillID)
}

// SkillDisposition is a disposition of a skill as GET /skills/{id}/dispositions lists it;
// DisplayOrder is the priority it was linked with (inferred).
type SkillDisposition struct {
	DispositionID        int64  `json:"dispositionId"`
	DispositionName      string `json:"dispositionName"`
	DisplayOrder         int    `json:"displayOrder"`
	Classification       string `json:"classification"`
	SystemOutcome        string `json:"systemOutcome"`
	IsPreviewDisposition bool   `json:"isPreviewDisposition"`
}

// ListSkillDispositions returns the dispositions linked to a skill, following every page.
func (c *Client) ListSkillDispositions(ctx context.Context, skillID int64) ([]SkillDisposition, error) {
	list, err := strictAdminList(ctx, c, idPath("/skills", skillID)+"/dispositions", nil, "dispositions",
		func(d *SkillDisposition) string { return needID("dispositionId", d.DispositionID) })
	if err != nil {
		return nil, fmt.Errorf("listing the dispositions of skill %d: %w", skillID, err)
	}
	return list, nil
}

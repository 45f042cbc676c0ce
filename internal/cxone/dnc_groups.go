package cxone

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// DNCGroup is a do-not-contact group (GET /dnc-groups/{id}).
type DNCGroup struct {
	DNCGroupID          int64  `json:"dncGroupId"`
	DNCGroupName        string `json:"dncGroupName"`
	DNCGroupDescription string `json:"dncGroupDescription"`
	ValidRecords        int64  `json:"validRecords"`
	IsActive            bool   `json:"isActive"`
	IsRemoved           bool   `json:"isRemoved"`
	CreateDate          string `json:"createDate"`
	LastUpdateTime      string `json:"lastUpdateTime"`

	activeness
}

// DNCGroupInput is what the provider sets on a DNC group.
type DNCGroupInput struct {
	DNCGroupName        string
	DNCGroupDescription string
	// IsActive nil leaves the group as it is (new groups are active); sent on update only.
	IsActive *bool
}

// differences compares a create's input with the group found under its name after the
// answer was lost.
func (in DNCGroupInput) differences(found *DNCGroup) []string {
	var d []string
	noteDiff(&d, "dncGroupDescription", in.DNCGroupDescription, found.DNCGroupDescription)
	return d
}

// DNCRelation says how a skill is linked to a DNC group.
type DNCRelation string

// The relations of a skill to a DNC group: its records are scrubbed against the group, or
// it adds numbers to it (a "STOP" reply, for example).
const (
	DNCScrubbed     DNCRelation = "scrubbed"
	DNCContributing DNCRelation = "contributing"
)

// path is the link path segment of the relation and the key of its list in answers.
func (r DNCRelation) path() (string, string, error) {
	switch r {
	case DNCScrubbed:
		return "scrubbed-skills", "scrubbedSkills", nil
	case DNCContributing:
		return "contributing-skills", "contributingSkills", nil
	}
	return "", "", fmt.Errorf("the relation of a skill to a DNC group is %q or %q, not %q", DNCScrubbed, DNCContributing, r)
}

// DNCGroupSkill is a skill linked to a DNC group.
type DNCGroupSkill struct {
	SkillID   int64  `json:"skillId"`
	SkillName string `json:"skillName"`
}

func validDNCGroup(g *DNCGroup) string { return needIDActive("dncGroupId", g.DNCGroupID, g.activeness) }

// UnmarshalJSON reads a group and whether the answer said if it is active.
func (g *DNCGroup) UnmarshalJSON(b []byte) error {
	type plain DNCGroup
	return decodeActive(b, (*plain)(g), &g.activeness)
}

func dncGroupID(g *DNCGroup) int64 { return g.DNCGroupID }

// decodeDNCGroups reads {resultSet: {dncGroups: [...]}}.
func decodeDNCGroups(raw []byte) ([]DNCGroup, error) {
	rs, err := fieldOf(raw, "resultSet")
	if err != nil {
		return nil, err
	}
	return decodeList(rs, "dncGroups", validDNCGroup)
}

// ListDNCGroups returns every DNC group (the list is not paged).
func (c *Client) ListDNCGroups(ctx context.Context) ([]DNCGroup, error) {
	return getDecoded(ctx, c, "/dnc-groups", nil, decodeDNCGroups, "listing DNC groups")
}

// FindDNCGroupByName returns the group with exactly this name, active or not; none is an
// error for which IsNotFound is true.
func (c *Client) FindDNCGroupByName(ctx context.Context, name string) (*DNCGroup, error) {
	list, err := c.ListDNCGroups(ctx)
	return findNamed(list, err, "DNC group", name, func(g *DNCGroup) string { return g.DNCGroupName })
}

// GetDNCGroup reads one group; an unknown id is an error for which IsNotFound is true.
// CXone answers it in a one-item array.
func (c *Client) GetDNCGroup(ctx context.Context, groupID int64) (*DNCGroup, error) {
	return getDecoded(ctx, c, idPath("/dnc-groups", groupID), nil, oneOf(decodeDNCGroups, groupID, dncGroupID), "reading DNC group %d", groupID)
}

// CreateDNCGroup creates a group (POST /dnc-groups) and returns it as CXone stored it. If
// the answer is lost, the request is not sent again: the group is looked up by name and
// taken if it holds the description sent, else a *MismatchError. A duplicate name is an
// error for which IsConflict is true.
func (c *Client) CreateDNCGroup(ctx context.Context, in DNCGroupInput) (*DNCGroup, error) {
	body := map[string]string{"dncGroupName": in.DNCGroupName, "dncGroupDescription": in.DNCGroupDescription}
	var raw json.RawMessage
	lc := lostCreate[DNCGroup]{kind: "DNC group", name: in.DNCGroupName, differences: in.differences,
		find: c.FindDNCGroupByName, id: func(g *DNCGroup) string { return strconv.FormatInt(g.DNCGroupID, 10) }}
	found, err := lc.create(ctx, c, func() error { return adminCall(ctx, c, http.MethodPost, "/dnc-groups", nil, body, false, &raw) })
	if err != nil || found != nil { // failed, or settled by name after a lost answer
		return found, err
	}
	list, err := decodeList(raw, "dncGroups", func(g *DNCGroup) string { return needID("dncGroupId", g.DNCGroupID) })
	if err == nil && len(list) == 0 {
		err = errors.New("it holds no group")
	}
	if err != nil {
		return nil, fmt.Errorf("creating DNC group %q: reading CXone's answer: %w", in.DNCGroupName, err)
	}
	return c.GetDNCGroup(ctx, list[0].DNCGroupID)
}

// UpdateDNCGroup changes a group (PUT /dnc-groups/{id}, query parameters) and returns it as
// CXone now stores it.
func (c *Client) UpdateDNCGroup(ctx context.Context, groupID int64, in DNCGroupInput) (*DNCGroup, error) {
	q := url.Values{"dncGroupName": {in.DNCGroupName}, "dncGroupDescription": {in.DNCGroupDescription}}
	if in.IsActive != nil {
		q.Set("isActive", boolQuery(*in.IsActive))
	}
	return putThenRead(ctx, c, idPath("/dnc-groups", groupID), q, nil, "DNC group", groupID, c.GetDNCGroup)
}

// DeactivateDNCGroup retires a group (PUT isActive=false): CXone has no delete.
func (c *Client) DeactivateDNCGroup(ctx context.Context, groupID int64) error {
	q := url.Values{"isActive": {"false"}}
	return failed(adminCall(ctx, c, http.MethodPut, idPath("/dnc-groups", groupID), q, nil, true, nil), "deactivating DNC group %d", groupID)
}

// ListDNCGroupSkills returns the skills linked to a group by relation, following every
// page; an unknown group is an error for which IsNotFound is true.
func (c *Client) ListDNCGroupSkills(ctx context.Context, groupID int64, relation DNCRelation) ([]DNCGroupSkill, error) {
	seg, key, err := relation.path()
	if err != nil {
		return nil, err
	}
	list, err := strictAdminList(ctx, c, idPath("/dnc-groups", groupID)+"/"+seg, nil, key,
		func(s *DNCGroupSkill) string { return needID("skillId", s.SkillID) })
	if err != nil {
		return nil, fmt.Errorf("listing the %s skills of DNC group %d: %w", relation, groupID, err)
	}
	return list, nil
}

// AddDNCGroupSkill links a skill to a group (POST, no body). Linking a linked skill again
// changes nothing; an unknown group or skill is an error for which IsNotFound is true.
func (c *Client) AddDNCGroupSkill(ctx context.Context, groupID, skillID int64, relation DNCRelation) error {
	return c.dncLink(ctx, http.MethodPost, groupID, skillID, relation)
}

// RemoveDNCGroupSkill removes a link (DELETE); a link that does not exist is an error for
// which IsNotFound is true, which callers deleting treat as done.
func (c *Client) RemoveDNCGroupSkill(ctx context.Context, groupID, skillID int64, relation DNCRelation) error {
	return c.dncLink(ctx, http.MethodDelete, groupID, skillID, relation)
}

func (c *Client) dncLink(ctx context.Context, method string, groupID, skillID int64, relation DNCRelation) error {
	seg, _, err := relation.path()
	if err != nil {
		return err
	}
	path := idPath(idPath("/dnc-groups", groupID)+"/"+seg, skillID)
	if err := adminCall(ctx, c, method, path, nil, nil, true, nil); err != nil {
		verb := "linking"
		if method == http.MethodDelete {
			verb = "unlinking"
		}
		return fmt.Errorf("%s skill %d to DNC group %d as %s: %w", verb, skillID, groupID, relation, err)
	}
	return nil
}

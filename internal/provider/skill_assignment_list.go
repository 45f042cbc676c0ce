package provider

import (
	"context"
	"iter"
	"strconv"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// assignmentItems yields the assignments that match agentID and skillID (0 for any),
// a page at a time. Assignment answers carry no user name, so the display names come
// from one pass over the users first, which keeps only their IDs and user names.
func assignmentItems(ctx context.Context, c readcache.Reads, agentID, skillID int64) iter.Seq2[[]framework.ListItem[skillAssignmentModel], error] {
	return func(yield func([]framework.ListItem[skillAssignmentModel], error) bool) {
		userNames := map[int64]string{}
		if agentID != 0 {
			a, err := c.GetAgent(ctx, agentID)
			if err != nil {
				yield(nil, err)
				return
			}
			userNames[a.AgentID] = a.UserName
		} else {
			for page, err := range c.ListAgentPages(ctx, cxone.AgentListOptions{}) {
				if err != nil {
					yield(nil, err)
					return
				}
				for _, a := range page {
					userNames[a.AgentID] = a.UserName
				}
			}
		}
		for page, err := range assignmentSource(ctx, c, agentID, skillID) {
			if err != nil {
				yield(nil, err)
				return
			}
			items := make([]framework.ListItem[skillAssignmentModel], 0, len(page))
			for _, a := range page {
				if (a.MediaTypeID != 0 && a.MediaTypeID != cxone.MediaTypeDigital) || (skillID != 0 && a.SkillID != skillID) {
					continue
				}
				var m skillAssignmentModel
				flattenSkillAssignment(&a, &m)
				user, ok := userNames[a.AgentID]
				if !ok {
					user = "agent " + strconv.FormatInt(a.AgentID, 10)
				}
				skill := a.SkillName
				if skill == "" {
					skill = "skill " + strconv.FormatInt(a.SkillID, 10)
				}
				items = append(items, framework.ListItem[skillAssignmentModel]{Model: m, DisplayName: skill + " — " + user})
			}
			if !yield(items, nil) {
				return
			}
		}
	}
}

// assignmentSource yields the pages to list: one user's assignments, one skill's, or
// those of every active digital skill, skill after skill.
func assignmentSource(ctx context.Context, c readcache.Reads, agentID, skillID int64) iter.Seq2[[]cxone.SkillAssignment, error] {
	switch {
	case agentID != 0:
		return c.ListAgentSkillPages(ctx, agentID)
	case skillID != 0:
		return c.ListSkillAgentPages(ctx, skillID)
	}
	return func(yield func([]cxone.SkillAssignment, error) bool) {
		skills := c.ListSkillPages(ctx, cxone.SkillListOptions{MediaTypeID: cxone.MediaTypeDigital, IsActive: new(true)})
		for skillPage, err := range skills {
			if err != nil {
				yield(nil, err)
				return
			}
			for _, s := range skillPage {
				if !s.IsActive || s.MediaTypeID != cxone.MediaTypeDigital {
					continue
				}
				for page, err := range c.ListSkillAgentPages(ctx, s.SkillID) {
					for i := range page {
						if page[i].SkillName == "" {
							page[i].SkillName = s.SkillName
						}
					}
					if !yield(page, err) || err != nil {
						return
					}
				}
			}
		}
	}
}

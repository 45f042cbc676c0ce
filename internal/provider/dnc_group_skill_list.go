package provider

import (
	"context"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// dncGroupSkillItems yields the links of each active group (of groupID alone when it is
// set), a page per group and relation: one request for the groups, then one per group
// and relation.
func dncGroupSkillItems(ctx context.Context, c readcache.Reads, groupID int64, relation string) iter.Seq2[[]framework.ListItem[dncGroupSkillModel], error] {
	return func(yield func([]framework.ListItem[dncGroupSkillModel], error) bool) {
		var groups []cxone.DNCGroup
		if groupID != 0 {
			g, err := c.GetDNCGroup(ctx, groupID)
			if err != nil {
				yield(nil, err)
				return
			}
			groups = []cxone.DNCGroup{*g}
		} else {
			all, err := c.ListDNCGroups(ctx)
			if err != nil {
				yield(nil, err)
				return
			}
			for _, g := range all {
				if g.IsActive && !g.IsRemoved {
					groups = append(groups, g)
				}
			}
		}
		for _, g := range groups {
			for _, rel := range dncRelations {
				if relation != "" && rel != relation {
					continue
				}
				skills, err := c.ListDNCGroupSkills(ctx, g.DNCGroupID, cxone.DNCRelation(rel))
				if err != nil {
					yield(nil, err)
					return
				}
				items := make([]framework.ListItem[dncGroupSkillModel], 0, len(skills))
				for _, s := range skills {
					items = append(items, dncGroupSkillItem(g, s, cxone.DNCRelation(rel)))
				}
				if !yield(items, nil) {
					return
				}
			}
		}
	}
}

// dncGroupSkillItem is one link as a list result, named in words.
func dncGroupSkillItem(g cxone.DNCGroup, s cxone.DNCGroupSkill, relation cxone.DNCRelation) framework.ListItem[dncGroupSkillModel] {
	m := dncGroupSkillModel{
		ID:         types.StringValue(dncLinkKey(g.DNCGroupID, s.SkillID, relation)),
		DNCGroupID: types.Int64Value(g.DNCGroupID), SkillID: types.Int64Value(s.SkillID),
		Relation: types.StringValue(string(relation)),
	}
	skill := s.SkillName
	if skill == "" {
		skill = "skill " + m.SkillID.String()
	}
	name := g.DNCGroupName + " scrubs " + skill
	if relation == cxone.DNCContributing {
		name = skill + " contributes to " + g.DNCGroupName
	}
	return framework.ListItem[dncGroupSkillModel]{Model: m, DisplayName: name}
}

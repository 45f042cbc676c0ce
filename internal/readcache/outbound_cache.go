package readcache

import (
	"context"
	"strconv"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// Cached reads of the outbound kinds a plan reads many of: message templates, campaigns,
// dispositions, DNC groups, the skill links of a DNC group, outbound skills and their
// parameter groups. All but outbound skills keep the simpler rule of channels: the first
// read lists every object of the kind (a few, and lists that CXone answers whole or in
// pages of 100), and later reads are answered from that list. Every kind asks CXone by ID
// for an object absent from its list before it counts as gone. An outbound set-up of any
// size costs one list per kind, not one request per object. The writes (writes.go) forget
// what they write.
//
// GET /skills lists every skill of the tenant, inbound ones too, so outbound skills keep
// the budget rule of skills (the package doc): the first page at once, then reads one by
// one while they cost less than the rest of the list. Parameter groups come from GET
// /skills/parameters, every skill's in one request. A skill's dispositions are not cached:
// CXone lists them only per skill. A refresh of N outbound skills thus costs the list of
// skills, one read of parameters and N reads of dispositions, not 3N requests.
//
// A disposition's list row has no classification name (outbound-api.md, section 5): it
// is filled from the classifications, listed once, as CXone's read by ID gives it.

// outbound holds the snapshots of the outbound kinds.
type outbound struct {
	templates    snapshot[int64, cxone.MessageTemplate]
	campaigns    snapshot[int64, cxone.Campaign]
	dispositions snapshot[int64, cxone.Disposition]
	dncGroups    snapshot[int64, cxone.DNCGroup]
	// skills holds every skill, inbound ones too (IsOutbound false), with the outbound
	// fields, as GET /skills lists them; params the parameter groups, by skill.
	skills budgeted[int64, cxone.OutboundSkill]
	params snapshot[int64, cxone.SkillParameters]
	// classifications, by ID, listed once for the dispositions' names.
	classifications snapshot[int64, cxone.DispositionClassification]
	// dncLinks holds the links of a group for one relation, keyed by skill (under
	// Client.mu).
	dncLinks map[dncLinkKey]*snapshot[int64, cxone.DNCGroupSkill]
}

type dncLinkKey struct {
	group    int64
	relation cxone.DNCRelation
}

// MessageTemplate reads one message template, active or not.
func (c *Client) MessageTemplate(ctx context.Context, id int64) (*cxone.MessageTemplate, error) {
	return c.out.templates.get(ctx, id,
		func(ctx context.Context) (*cxone.MessageTemplate, error) { return c.api.GetMessageTemplate(ctx, id) },
		func(ctx context.Context) (map[int64]cxone.MessageTemplate, error) {
			all, err := c.api.ListMessageTemplates(ctx, 0)
			return indexBy(all, func(t cxone.MessageTemplate) int64 { return t.TemplateID }), err
		})
}

// Campaign reads one campaign, active or not.
func (c *Client) Campaign(ctx context.Context, id int64) (*cxone.Campaign, error) {
	return c.out.campaigns.get(ctx, id,
		func(ctx context.Context) (*cxone.Campaign, error) { return c.api.GetCampaign(ctx, id) },
		func(ctx context.Context) (map[int64]cxone.Campaign, error) {
			all, err := c.api.ListCampaigns(ctx, cxone.CampaignListOptions{})
			return indexBy(all, func(x cxone.Campaign) int64 { return x.ID }), err
		})
}

// DNCGroup reads one DNC group, active or not.
func (c *Client) DNCGroup(ctx context.Context, id int64) (*cxone.DNCGroup, error) {
	return c.out.dncGroups.get(ctx, id,
		func(ctx context.Context) (*cxone.DNCGroup, error) { return c.api.GetDNCGroup(ctx, id) },
		func(ctx context.Context) (map[int64]cxone.DNCGroup, error) {
			all, err := c.api.ListDNCGroups(ctx)
			return indexBy(all, func(g cxone.DNCGroup) int64 { return g.DNCGroupID }), err
		})
}

// OutboundSkill reads one skill, active or not, with the fields of an outbound skill; an
// inbound one comes back with IsOutbound false, as GetOutboundSkill answers it.
func (c *Client) OutboundSkill(ctx context.Context, id int64) (*cxone.OutboundSkill, error) {
	return c.out.skills.get(ctx, id)
}

func outboundSkillID(s cxone.OutboundSkill) int64 { return s.SkillID }

// SkillParameters reads the parameter groups of a Personal Connection skill.
func (c *Client) SkillParameters(ctx context.Context, skillID int64) (*cxone.SkillParameters, error) {
	return c.out.params.get(ctx, skillID,
		func(ctx context.Context) (*cxone.SkillParameters, error) {
			return c.api.GetSkillParameters(ctx, skillID)
		},
		c.api.ListSkillParameters)
}

// Disposition reads one disposition, active or not, with its classification's name.
func (c *Client) Disposition(ctx context.Context, id int64) (*cxone.Disposition, error) {
	d, err := c.out.dispositions.get(ctx, id,
		func(ctx context.Context) (*cxone.Disposition, error) { return c.api.GetDisposition(ctx, id) },
		func(ctx context.Context) (map[int64]cxone.Disposition, error) {
			all, err := c.api.ListDispositions(ctx, cxone.DispositionListOptions{})
			return indexBy(all, func(d cxone.Disposition) int64 { return d.DispositionID }), err
		})
	if err != nil || d.ClassificationName != "" || d.ClassificationID == 0 {
		return d, err
	}
	cl, err := c.out.classifications.get(ctx, d.ClassificationID,
		func(context.Context) (*cxone.DispositionClassification, error) {
			// Not among the classifications: CXone's read by ID names it.
			return nil, &cxone.NotFoundError{Kind: "disposition classification", ID: strconv.FormatInt(d.ClassificationID, 10)}
		},
		func(ctx context.Context) (map[int64]cxone.DispositionClassification, error) {
			all, err := c.api.ListDispositionClassifications(ctx)
			return indexBy(all, func(x cxone.DispositionClassification) int64 { return x.ClassificationID }), err
		})
	if err != nil {
		return c.api.GetDisposition(ctx, id)
	}
	named := *d
	named.ClassificationName = cl.ClassificationName
	return &named, nil
}

// DNCGroupSkill reads the link of a skill to a DNC group for a relation. CXone has no read
// of one link: an absent one is looked for in the group's links again, from CXone, before it
// counts as gone.
func (c *Client) DNCGroupSkill(ctx context.Context, groupID, skillID int64, relation cxone.DNCRelation) (*cxone.DNCGroupSkill, error) {
	list := func(ctx context.Context) (map[int64]cxone.DNCGroupSkill, error) {
		all, err := c.api.ListDNCGroupSkills(ctx, groupID, relation)
		return indexBy(all, func(s cxone.DNCGroupSkill) int64 { return s.SkillID }), err
	}
	return c.dncLinksOf(groupID, relation).get(ctx, skillID,
		func(ctx context.Context) (*cxone.DNCGroupSkill, error) {
			all, err := list(ctx)
			if err != nil {
				return nil, err
			}
			if s, ok := all[skillID]; ok {
				return &s, nil
			}
			return nil, &cxone.NotFoundError{Kind: string(relation) + " skill of DNC group " + strconv.FormatInt(groupID, 10),
				ID: strconv.FormatInt(skillID, 10)}
		}, list)
}

func (c *Client) dncLinksOf(groupID int64, relation cxone.DNCRelation) *snapshot[int64, cxone.DNCGroupSkill] {
	return snapshotIn(&c.mu, c.out.dncLinks, dncLinkKey{groupID, relation})
}

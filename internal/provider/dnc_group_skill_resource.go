package provider

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

// dncGroupSkillType names the object in diagnostics.
const dncGroupSkillType = "DNC Group Skill"

// NewDNCGroupSkillResource is the cxone_dnc_group_skill resource.
func NewDNCGroupSkillResource() resource.Resource {
	return framework.NewResource[dncGroupSkillModel](&dncGroupSkillResource{}, "dnc_group_skill", dncGroupSkillSchema, addAPIError, dncGroupSkillList)
}

// dncGroupSkillResource links a skill to a DNC group, scrubbed or contributing.
type dncGroupSkillResource struct {
	framework.Resource[dncGroupSkillModel]
	framework.ReplacedOnly[dncGroupSkillModel] // every attribute replaces the object
}

type dncGroupSkillModel struct {
	ID         types.String `tfsdk:"id"`
	DNCGroupID types.Int64  `tfsdk:"dnc_group_id"`
	SkillID    types.Int64  `tfsdk:"skill_id"`
	Relation   types.String `tfsdk:"relation"`
}

// Identity is the group, the skill and the relation; written as an import ID it is
// dnc_group_id/skill_id/relation.
func (m dncGroupSkillModel) Identity() framework.Identity {
	return framework.IdentityOf(
		framework.IdentityValue("dnc_group_id", "ID of the DNC group.", m.DNCGroupID),
		framework.IdentityValue("skill_id", "ID of the skill.", m.SkillID),
		framework.IdentityValue("relation", "The relation: scrubbed or contributing.", m.Relation),
	)
}

// dncRelations are the values of relation, as the import ID and the API spell them.
var dncRelations = []string{string(cxone.DNCScrubbed), string(cxone.DNCContributing)}

func dncGroupSkillSchema(context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Links a skill to a DNC group: the skill's records are scrubbed against the group " +
			"(`scrubbed`), or the skill adds numbers to it, such as a \"STOP\" reply (`contributing`). A skill can " +
			"have both links to the same group, as two resources. Every attribute replaces the link; destroying it " +
			"removes the link. Import with `dnc_group_id/skill_id/relation`, for example `8001/4000001/scrubbed`.",
		Attributes: map[string]schema.Attribute{
			"id": framework.IDAttribute("`dnc_group_id/skill_id/relation`.",
				idFromAttributes("dnc_group_id", "skill_id", "relation")),
			"dnc_group_id": framework.ReplacedID("ID of the DNC group, for example `cxone_dnc_group.opt_outs.id` " +
				"(Terraform converts the group's string ID to a number). Changing it replaces the link."),
			"skill_id": framework.ReplacedID("ID of the skill, for example `cxone_outbound_skill.launch.id`. Changing " +
				"it replaces the link."),
			"relation": framework.ReplacedString("`scrubbed` (the skill's records are checked against the group) or "+
				"`contributing` (the skill adds numbers to the group). Changing it replaces the link.",
				stringvalidator.OneOf(dncRelations...)),
		},
	}
}

// CreateObject links the skill. Linking a linked skill again changes nothing, so an
// apply cut off after the link was made converges when run again.
func (r *dncGroupSkillResource) CreateObject(ctx context.Context, w *framework.Write[dncGroupSkillModel]) (dncGroupSkillModel, error) {
	plan := w.Plan
	groupID, skillID, relation := dncLinkOf(plan)
	err := r.Client.AddDNCGroupSkill(ctx, groupID, skillID, relation)
	if err != nil && !cxone.IsConflict(err) { // a tenant that answers 409 for a link that exists: it exists
		return plan, err
	}
	plan.ID = types.StringValue(dncLinkKey(groupID, skillID, relation))
	return plan, nil
}

// ReadObject finds the skill among the group's links of the relation (one list per group
// and relation in an operation).
func (r *dncGroupSkillResource) ReadObject(ctx context.Context, state dncGroupSkillModel, _ *diag.Diagnostics) (dncGroupSkillModel, error) {
	groupID, skillID, relation := dncLinkOf(state)
	if _, err := r.Client.DNCGroupSkill(ctx, groupID, skillID, relation); err != nil {
		return state, err
	}
	state.ID = types.StringValue(dncLinkKey(groupID, skillID, relation))
	return state, nil
}

// DeleteObject removes the link (a real DELETE).
func (r *dncGroupSkillResource) DeleteObject(ctx context.Context, state dncGroupSkillModel, _ *diag.Diagnostics) error {
	groupID, skillID, relation := dncLinkOf(state)
	return r.Client.RemoveDNCGroupSkill(ctx, groupID, skillID, relation)
}

// ParseImportID takes "dnc_group_id/skill_id/relation".
func (r *dncGroupSkillResource) ParseImportID(_ context.Context, id string) (dncGroupSkillModel, error) {
	parts, err := parseCompositeID(id, "dnc_group_id", "skill_id", "relation")
	if err != nil {
		return dncGroupSkillModel{}, err
	}
	groupID, err := parseNumericID(parts[0], "dnc_group_id in the import ID")
	if err != nil {
		return dncGroupSkillModel{}, err
	}
	skillID, err := parseNumericID(parts[1], "skill_id in the import ID")
	if err != nil {
		return dncGroupSkillModel{}, err
	}
	relation := parts[2]
	if relation != string(cxone.DNCScrubbed) && relation != string(cxone.DNCContributing) {
		return dncGroupSkillModel{}, fmt.Errorf("relation in the import ID must be %q or %q, got %q",
			cxone.DNCScrubbed, cxone.DNCContributing, relation)
	}
	return dncGroupSkillModel{ID: types.StringValue(dncLinkKey(groupID, skillID, cxone.DNCRelation(relation))),
		DNCGroupID: types.Int64Value(groupID), SkillID: types.Int64Value(skillID), Relation: types.StringValue(relation)}, nil
}

// Describe names a link in messages.
func (r *dncGroupSkillResource) Describe(m dncGroupSkillModel) (kind, object string) {
	groupID, skillID, relation := dncLinkOf(m)
	return dncGroupSkillType, fmt.Sprintf("of skill %d to DNC group %d (%s)", skillID, groupID, relation)
}

// dncLinkOf is the group, skill and relation a model names.
func dncLinkOf(m dncGroupSkillModel) (groupID, skillID int64, relation cxone.DNCRelation) {
	return m.DNCGroupID.ValueInt64(), m.SkillID.ValueInt64(), cxone.DNCRelation(m.Relation.ValueString())
}

// dncLinkKey is the resource ID, "dnc_group_id/skill_id/relation".
func dncLinkKey(groupID, skillID int64, relation cxone.DNCRelation) string {
	return strconv.FormatInt(groupID, 10) + "/" + strconv.FormatInt(skillID, 10) + "/" + string(relation)
}

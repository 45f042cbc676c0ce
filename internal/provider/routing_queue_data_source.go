package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// routingQueueDataModel maps the cxone_routing_queue data source.
type routingQueueDataModel struct {
	ID         types.String `tfsdk:"id"`
	Name       types.String `tfsdk:"name"`
	SkillID    types.Int64  `tfsdk:"skill_id"`
	IsSubqueue types.Bool   `tfsdk:"is_subqueue"`
	IsDeleted  types.Bool   `tfsdk:"is_deleted"`
}

func routingQueueDataSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Looks up a Digital Experience routing queue by exactly one of `id`, `name` or " +
			"`skill_id`. CXone creates a routing queue for every digital skill, with the skill's name.",
		Attributes: map[string]schema.Attribute{
			"id": lookUpKey("Routing queue ID to look up. Deleted queues are found too.", routingQueueIDValidator()),
			"name": lookUpKey("Exact, case-sensitive name of the queue to look up, among queues that are "+
				"not deleted. More than one queue of that name is an error: look it up by `id` or `skill_id` then.", stringvalidator.LengthAtLeast(1)),
			"skill_id": schema.Int64Attribute{
				MarkdownDescription: "ID of a digital skill: finds the queue that mirrors it. A skill CXone has not " +
					"synced yet has no queue, which is an error; `cxone_digital_skill.<name>.routing_queue_id` waits " +
					"for the sync instead.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"is_subqueue": computedBool("Whether the queue is a subqueue."),
			"is_deleted":  computedBool("Whether the queue is deleted, as the queue of a deactivated skill is."),
		},
	}
}

// findRoutingQueue reads the queue by ID (deleted ones too), finds the one not
// deleted by exact name (CXone's filter matches parts of names ignoring case, so the
// answer is filtered here), or reads a skill, then the queue that mirrors it.
func findRoutingQueue(ctx context.Context, c readcache.API, cfg routingQueueDataModel, diags *diag.Diagnostics) search[cxone.RoutingQueue] {
	switch {
	case !cfg.ID.IsNull():
		s := byID(ctx, cfg.ID.ValueString(), c.RoutingQueue)
		s.note = ", deleted or not"
		return s
	case !cfg.Name.IsNull():
		name := cfg.Name.ValueString()
		named := func(q cxone.RoutingQueue) bool { return q.Name == name && !q.IsDeleted }
		queues, err := c.FindRoutingQueues(ctx, name, named)
		s := byName(name, queues, err, named)
		s.note = " that is not deleted" + s.note
		return s
	}
	skillID := cfg.SkillID.ValueInt64()
	skill, err := c.Skill(ctx, skillID)
	switch {
	case cxone.IsNotFound(err):
		diags.AddError("Routing Queue Not Found",
			fmt.Sprintf("CXone has no skill with ID %d, so it has no routing queue for it.", skillID))
	case err != nil:
		return search[cxone.RoutingQueue]{searched: fmt.Sprintf("of skill %d", skillID), err: err}
	case skill.RoutingQueueID == "":
		diags.AddError("Routing Queue Not Found",
			fmt.Sprintf("Skill %q (ID %d) has no routing queue yet: CXone has not synced it. The sync takes seconds "+
				"to minutes after a digital skill is created (only digital skills get one). Use "+
				"cxone_digital_skill's routing_queue_id, which waits for the sync, or try again later.",
				skill.SkillName, skillID))
	default:
		s := byID(ctx, skill.RoutingQueueID, c.RoutingQueue)
		s.searched += fmt.Sprintf(" (the queue of skill %q, ID %d)", skill.SkillName, skillID)
		s.note = ", deleted or not"
		return s
	}
	return search[cxone.RoutingQueue]{}
}

// flattenRoutingQueueData copies a queue into the data source's model.
func flattenRoutingQueueData(q *cxone.RoutingQueue, m *routingQueueDataModel) {
	m.ID = types.StringValue(q.ID)
	m.Name = types.StringValue(q.Name)
	m.IsSubqueue = types.BoolValue(q.IsSubqueue)
	m.IsDeleted = types.BoolValue(q.IsDeleted)
}

package provider

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

var (
	_ datasource.DataSourceWithConfigure        = (*routingQueueDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*routingQueueDataSource)(nil)
)

// NewRoutingQueueDataSource is the cxone_routing_queue data source.
func NewRoutingQueueDataSource() datasource.DataSource {
	return &routingQueueDataSource{}
}

type routingQueueDataSource struct {
	framework.DataSourceWithModel[routingQueueDataModel]
}

// routingQueueDataModel maps the cxone_routing_queue data source.
type routingQueueDataModel struct {
	ID         types.String `tfsdk:"id"`
	Name       types.String `tfsdk:"name"`
	SkillID    types.Int64  `tfsdk:"skill_id"`
	IsSubqueue types.Bool   `tfsdk:"is_subqueue"`
	IsDeleted  types.Bool   `tfsdk:"is_deleted"`
}

func (d *routingQueueDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_routing_queue"
}

func (d *routingQueueDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = routingQueueDataSchema()
}

func routingQueueDataSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Looks up a Digital Experience routing queue by exactly one of `id`, `name` or " +
			"`skill_id`. CXone creates a routing queue for every digital skill, with the skill's name.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Routing queue ID to look up. Deleted queues are found too.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{routingQueueIDValidator()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Exact, case-sensitive name of the queue to look up, among queues that are " +
					"not deleted. More than one queue of that name is an error: look it up by `id` or `skill_id` then.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"skill_id": schema.Int64Attribute{
				MarkdownDescription: "ID of a digital skill: finds the queue that mirrors it. A skill CXone has not " +
					"synced yet has no queue, which is an error; `cxone_digital_skill.<name>.routing_queue_id` waits " +
					"for the sync instead.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"is_subqueue": schema.BoolAttribute{
				MarkdownDescription: "Whether the queue is a subqueue.",
				Computed:            true,
			},
			"is_deleted": schema.BoolAttribute{
				MarkdownDescription: "Whether the queue is deleted, as the queue of a deactivated skill is.",
				Computed:            true,
			},
		},
	}
}

func (d *routingQueueDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"), path.MatchRoot("skill_id")),
	}
}

func (d *routingQueueDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg routingQueueDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !d.CheckClient(&resp.Diagnostics) {
		return
	}
	var queue *cxone.RoutingQueue
	switch {
	case !cfg.ID.IsNull():
		queue = d.byID(ctx, cfg.ID.ValueString(), "with ID "+strconv.Quote(cfg.ID.ValueString()), &resp.Diagnostics)
	case !cfg.Name.IsNull():
		queue = d.byName(ctx, cfg.Name.ValueString(), &resp.Diagnostics)
	default:
		queue = d.bySkill(ctx, cfg.SkillID.ValueInt64(), &resp.Diagnostics)
	}
	if queue == nil {
		return
	}
	cfg.ID = types.StringValue(queue.ID)
	cfg.Name = types.StringValue(queue.Name)
	cfg.IsSubqueue = types.BoolValue(queue.IsSubqueue)
	cfg.IsDeleted = types.BoolValue(queue.IsDeleted)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}

// byID reads one queue; searched says what the user asked for, for the error.
func (d *routingQueueDataSource) byID(ctx context.Context, id, searched string, diags *diag.Diagnostics) *cxone.RoutingQueue {
	queue, err := d.Client.RoutingQueue(ctx, id)
	switch {
	case cxone.IsNotFound(err):
		diags.AddError("Routing Queue Not Found", fmt.Sprintf("CXone has no routing queue %s, deleted or not.", searched))
		return nil
	case err != nil:
		addAPIError(diags, "Read", "Routing Queue", searched, err)
		return nil
	}
	return queue
}

// byName finds the one queue, not deleted, with exactly this name. CXone's filter
// matches parts of names ignoring case, so the answer is filtered here.
func (d *routingQueueDataSource) byName(ctx context.Context, name string, diags *diag.Diagnostics) *cxone.RoutingQueue {
	searched := "named " + strconv.Quote(name)
	named := func(q cxone.RoutingQueue) bool { return q.Name == name && !q.IsDeleted }
	queues, err := d.Client.FindRoutingQueues(ctx, name, named)
	if err != nil {
		addAPIError(diags, "Read", "Routing Queue", searched, err)
		return nil
	}
	queue, err := onlyMatch(queues, "routing queue named", name, named,
		func(q cxone.RoutingQueue) string { return q.ID })
	var ambiguous *ambiguousMatchError
	switch {
	case errors.As(err, &ambiguous):
		diags.AddError("More Than One Routing Queue Found",
			fmt.Sprintf("CXone has %d routing queues %s (IDs %s). Look the queue up by id, or by skill_id for the "+
				"queue of a digital skill.", len(ambiguous.ids), searched, strings.Join(ambiguous.ids, ", ")))
		return nil
	case err != nil:
		diags.AddError("Routing Queue Not Found",
			fmt.Sprintf("CXone has no routing queue %s that is not deleted. Names match exactly, including case.", searched))
		return nil
	}
	return queue
}

// bySkill reads a skill, then the routing queue that mirrors it.
func (d *routingQueueDataSource) bySkill(ctx context.Context, skillID int64, diags *diag.Diagnostics) *cxone.RoutingQueue {
	skill, err := d.Client.Skill(ctx, skillID)
	switch {
	case cxone.IsNotFound(err):
		diags.AddError("Routing Queue Not Found",
			fmt.Sprintf("CXone has no skill with ID %d, so it has no routing queue for it.", skillID))
		return nil
	case err != nil:
		addAPIError(diags, "Read", "Routing Queue", fmt.Sprintf("of skill %d", skillID), err)
		return nil
	case skill.RoutingQueueID == "":
		diags.AddError("Routing Queue Not Found",
			fmt.Sprintf("Skill %q (ID %d) has no routing queue yet: CXone has not synced it. The sync takes seconds "+
				"to minutes after a digital skill is created (only digital skills get one). Use "+
				"cxone_digital_skill's routing_queue_id, which waits for the sync, or try again later.",
				skill.SkillName, skillID))
		return nil
	}
	return d.byID(ctx, skill.RoutingQueueID,
		fmt.Sprintf("with ID %q (the queue of skill %q, ID %d)", skill.RoutingQueueID, skill.SkillName, skillID), diags)
}

package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

var (
	_ resource.Resource                = (*routingQueueBindingResource)(nil)
	_ resource.ResourceWithConfigure   = (*routingQueueBindingResource)(nil)
	_ resource.ResourceWithImportState = (*routingQueueBindingResource)(nil)
)

// bindingObject is the object type named in diagnostics.
const bindingObject = "Routing Queue Binding"

// NewRoutingQueueBindingResource is the constructor of cxone_routing_queue_binding.
func NewRoutingQueueBindingResource() resource.Resource {
	return &routingQueueBindingResource{}
}

type routingQueueBindingResource struct {
	framework.ResourceWithModel[routingQueueBindingModel]
}

// routingQueueBindingModel maps cxone_routing_queue_binding.
type routingQueueBindingModel struct {
	ID             types.String `tfsdk:"id"`
	RoutingQueueID types.String `tfsdk:"routing_queue_id"`
	ChannelID      types.String `tfsdk:"channel_id"`
}

// routingQueueBindingIdentity is the resource identity of cxone_routing_queue_binding.
type routingQueueBindingIdentity struct {
	RoutingQueueID types.String `tfsdk:"routing_queue_id" description:"ID of the routing queue."`
	ChannelID      types.String `tfsdk:"channel_id" description:"ID of the channel, a UUID."`
}

// Identity is the queue and channel IDs.
func (m routingQueueBindingModel) Identity() framework.Identity {
	return routingQueueBindingIdentity{RoutingQueueID: m.RoutingQueueID, ChannelID: m.ChannelID}
}

// ImportID is "routing_queue_id/channel_id".
func (i routingQueueBindingIdentity) ImportID() string {
	return i.RoutingQueueID.ValueString() + "/" + i.ChannelID.ValueString()
}

func (r *routingQueueBindingResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_routing_queue_binding"
}

func (r *routingQueueBindingResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = routingQueueBindingSchema()
}

func routingQueueBindingSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Adds a digital channel to a routing queue, so that the agents of the queue's digital " +
			"skill receive the channel's contacts. Destroying it takes the channel off the queue.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`routing_queue_id/channel_id`; import a binding by this ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"routing_queue_id": schema.StringAttribute{
				MarkdownDescription: "ID of the routing queue, usually a digital skill's `routing_queue_id`. " +
					"Changing it replaces the binding.",
				Required:      true,
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"channel_id": schema.StringAttribute{
				MarkdownDescription: "ID of the channel (a UUID), usually a `cxone_digital_channel`'s `id`. " +
					"Changing it replaces the binding.",
				Required: true,
				Validators: []validator.String{stringvalidator.RegexMatches(uuidRE,
					"must be a channel ID, a UUID such as 0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
		},
	}
}

func (r *routingQueueBindingResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan routingQueueBindingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !r.CheckClient(&resp.Diagnostics) {
		return
	}
	queueID, channelID := plan.RoutingQueueID.ValueString(), plan.ChannelID.ValueString()
	b, err := r.Client.BindChannel(ctx, queueID, channelID)
	if err != nil {
		r.addBindError(ctx, &resp.Diagnostics, queueID, channelID, err)
		return
	}
	flattenBinding(b, &plan)
	r.SetState(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

// addBindError explains a refused binding. CXone answers 404 for an unknown queue and for an
// unknown channel alike, so the provider asks which of the two is missing.
func (r *routingQueueBindingResource) addBindError(ctx context.Context, diags *diag.Diagnostics, queueID, channelID string, err error) {
	summary := "Unable to Create " + bindingObject
	switch {
	case cxone.IsNotFound(err):
		attr, why := r.missingBindingEnd(ctx, queueID, channelID)
		detail := fmt.Sprintf("While binding channel %s to routing queue %s: %s\n\nCXone answered: %s", channelID, queueID, why, err)
		if attr == "" {
			diags.AddError(summary, detail)
			return
		}
		diags.AddAttributeError(path.Root(attr), summary, detail)
	case cxone.IsConflict(err):
		diags.AddAttributeError(path.Root("routing_queue_id"), summary,
			fmt.Sprintf("While binding channel %s to routing queue %s: the routing queue is deleted, because its "+
				"digital skill is inactive. Reactivate the skill, or bind the channel to another queue.\n\nCXone answered: %s",
				channelID, queueID, err))
	default:
		addAPIError(diags, "Create", bindingObject, bindingLabel(queueID, channelID), err)
	}
}

// missingBindingEnd says which end of a binding CXone does not know: the attribute at
// fault (empty when neither lookup could tell) and an explanation.
func (r *routingQueueBindingResource) missingBindingEnd(ctx context.Context, queueID, channelID string) (attr, why string) {
	if _, err := r.Client.GetRoutingQueue(ctx, queueID); cxone.IsNotFound(err) {
		return "routing_queue_id", fmt.Sprintf("CXone has no routing queue %s. Check routing_queue_id: "+
			"a digital skill's routing_queue_id is the usual source.", queueID)
	}
	if _, err := r.Client.GetChannel(ctx, channelID); cxone.IsNotFound(err) {
		return "channel_id", fmt.Sprintf("CXone has no channel %s. Check channel_id: the channel may have "+
			"been deleted outside Terraform.", channelID)
	}
	return "", "CXone does not know the routing queue or the channel."
}

func (r *routingQueueBindingResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state routingQueueBindingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !r.CheckClient(&resp.Diagnostics) {
		return
	}
	queueID, channelID := state.RoutingQueueID.ValueString(), state.ChannelID.ValueString()
	b, err := r.Client.Binding(ctx, queueID, channelID)
	if cxone.IsNotFound(err) {
		r.SetIdentity(ctx, resp.Identity, state, &resp.Diagnostics)
		removeMissingResource(ctx, resp, bindingObject, bindingLabel(queueID, channelID))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Read", bindingObject, bindingLabel(queueID, channelID), err)
		return
	}
	flattenBinding(b, &state)
	r.SetState(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
}

// Update is never called with a change: both arguments require replacement. It exists
// because the framework requires it, and keeps the plan as the new state.
func (r *routingQueueBindingResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan routingQueueBindingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.SetState(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

func (r *routingQueueBindingResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state routingQueueBindingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !r.CheckClient(&resp.Diagnostics) {
		return
	}
	queueID, channelID := state.RoutingQueueID.ValueString(), state.ChannelID.ValueString()
	err := r.Client.UnbindChannel(ctx, queueID, channelID)
	// Not bound any more (the channel was deleted, taking its bindings with it) is what Delete wants.
	if err != nil && !cxone.IsNotFound(err) {
		addAPIError(&resp.Diagnostics, "Delete", bindingObject, bindingLabel(queueID, channelID), err)
	}
}

// ImportState accepts "routing_queue_id/channel_id".
func (r *routingQueueBindingResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, ok := r.ImportID(ctx, req, &resp.Diagnostics)
	if !ok {
		return
	}
	parts, err := parseCompositeID(id, "routing_queue_id", "channel_id")
	if err == nil && !uuidRE.MatchString(parts[1]) {
		err = fmt.Errorf("expected an import ID of the form \"routing_queue_id/channel_id\", got %q: "+
			"channel_id must be a UUID such as 0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10", id)
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid Import ID", "A routing queue binding is imported by "+
			"\"routing_queue_id/channel_id\", for example \"40000000001/0b9f4c52-7d3e-4e8a-a1f6-3c2d5e8b9a71\": "+err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("routing_queue_id"), parts[0])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("channel_id"), parts[1])...)
	r.SetImportedIdentity(ctx, resp)
}

// bindingLabel names a binding in diagnostics.
func bindingLabel(queueID, channelID string) string {
	return fmt.Sprintf("of channel %s to routing queue %s", channelID, queueID)
}

// flattenBinding copies a binding as CXone holds it into m.
func flattenBinding(b *cxone.Binding, m *routingQueueBindingModel) {
	m.RoutingQueueID = types.StringValue(b.RoutingQueueID)
	m.ChannelID = types.StringValue(b.ChannelID)
	m.ID = types.StringValue(b.RoutingQueueID + "/" + b.ChannelID)
}

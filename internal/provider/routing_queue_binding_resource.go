package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

// bindingObject is the object type named in diagnostics.
const bindingObject = "Routing Queue Binding"

// NewRoutingQueueBindingResource is the constructor of cxone_routing_queue_binding.
func NewRoutingQueueBindingResource() resource.Resource {
	return framework.NewResource[routingQueueBindingModel](&routingQueueBindingResource{}, "routing_queue_binding", routingQueueBindingSchema, addAPIError, routingQueueBindingList)
}

type routingQueueBindingResource struct {
	framework.Resource[routingQueueBindingModel]
	framework.ReplacedOnly[routingQueueBindingModel] // every attribute replaces the object
}

// routingQueueBindingModel maps cxone_routing_queue_binding.
type routingQueueBindingModel struct {
	ID             types.String `tfsdk:"id"`
	RoutingQueueID types.String `tfsdk:"routing_queue_id"`
	ChannelID      types.String `tfsdk:"channel_id"`
}

// Identity is the queue and channel IDs.
func (m routingQueueBindingModel) Identity() framework.Identity {
	return framework.IdentityOf(
		framework.IdentityValue("routing_queue_id", "ID of the routing queue.", m.RoutingQueueID),
		framework.IdentityValue("channel_id", "ID of the channel, a UUID.", m.ChannelID),
	)
}

func routingQueueBindingSchema(context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Adds a digital channel to a routing queue, so that the agents of the queue's digital " +
			"skill receive the channel's contacts. Destroying it takes the channel off the queue.",
		Attributes: map[string]schema.Attribute{
			"id": framework.IDAttribute("`routing_queue_id/channel_id`; import a binding by this ID.",
				idFromAttributes("routing_queue_id", "channel_id")),
			"routing_queue_id": framework.ReplacedString("ID of the routing queue, usually a digital skill's "+
				"`routing_queue_id`. Changing it replaces the binding.", routingQueueIDValidator()),
			"channel_id": framework.ReplacedString("ID of the channel (a UUID), usually a `cxone_digital_channel`'s "+
				"`id`. Changing it replaces the binding.", uuidValidator("a channel")),
		},
	}
}

// CreateObject binds the channel to the queue.
func (r *routingQueueBindingResource) CreateObject(ctx context.Context, w *framework.Write[routingQueueBindingModel]) (routingQueueBindingModel, error) {
	plan := w.Plan
	queueID, channelID := plan.RoutingQueueID.ValueString(), plan.ChannelID.ValueString()
	b, err := r.Client.BindChannel(ctx, queueID, channelID)
	if err != nil {
		r.addBindError(ctx, w.Diags, queueID, channelID, err)
		return plan, nil
	}
	flattenBinding(b, &plan)
	return plan, nil
}

// addBindError explains a refused binding. CXone answers 404 for an unknown queue and for an
// unknown channel alike, so the provider asks which of the two is missing.
func (r *routingQueueBindingResource) addBindError(ctx context.Context, diags *diag.Diagnostics, queueID, channelID string, err error) {
	summary := "Unable to Create " + bindingObject
	switch {
	case cxone.IsNotFound(err):
		attr, why := r.missingBindingEnd(ctx, queueID, channelID)
		detail := fmt.Sprintf("While binding channel %s to routing queue %s: %s\n\n%s", channelID, queueID, why, apiAnswer(bindingObject, err))
		if attr == "" {
			diags.AddError(summary, detail)
			return
		}
		diags.AddAttributeError(path.Root(attr), summary, detail)
	case cxone.IsConflict(err):
		diags.AddAttributeError(path.Root("routing_queue_id"), summary,
			fmt.Sprintf("While binding channel %s to routing queue %s: the routing queue is deleted, because its "+
				"digital skill is inactive. Reactivate the skill, or bind the channel to another queue.\n\n%s",
				channelID, queueID, apiAnswer(bindingObject, err)))
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

// ReadObject reads the binding.
func (r *routingQueueBindingResource) ReadObject(ctx context.Context, state routingQueueBindingModel, _ *diag.Diagnostics) (routingQueueBindingModel, error) {
	b, err := r.Client.Binding(ctx, state.RoutingQueueID.ValueString(), state.ChannelID.ValueString())
	if err != nil {
		return state, err
	}
	flattenBinding(b, &state)
	return state, nil
}

// DeleteObject unbinds the channel. Not bound any more (the channel was deleted,
// taking its bindings with it) is what Delete wants, and the base takes it so.
func (r *routingQueueBindingResource) DeleteObject(ctx context.Context, state routingQueueBindingModel, _ *diag.Diagnostics) error {
	return r.Client.UnbindChannel(ctx, state.RoutingQueueID.ValueString(), state.ChannelID.ValueString())
}

// ParseImportID takes "routing_queue_id/channel_id".
func (r *routingQueueBindingResource) ParseImportID(_ context.Context, id string) (routingQueueBindingModel, error) {
	parts, err := parseCompositeID(id, "routing_queue_id", "channel_id")
	if err == nil && !uuidRE.MatchString(parts[1]) {
		err = fmt.Errorf("expected an import ID of the form \"routing_queue_id/channel_id\", got %q: "+
			"channel_id must be a UUID such as 0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10", id)
	}
	if err != nil {
		return routingQueueBindingModel{}, fmt.Errorf("a routing queue binding is imported by "+
			"\"routing_queue_id/channel_id\", for example \"5/0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10\": %w", err)
	}
	return routingQueueBindingModel{ID: types.StringValue(id), RoutingQueueID: types.StringValue(parts[0]),
		ChannelID: types.StringValue(parts[1])}, nil
}

// Describe names a binding in messages.
func (r *routingQueueBindingResource) Describe(m routingQueueBindingModel) (kind, object string) {
	return bindingObject, bindingLabel(m.RoutingQueueID.ValueString(), m.ChannelID.ValueString())
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

package provider

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

// Values CXone assumes for a channel's optional settings; the provider always sends them,
// so that a channel's settings are what the configuration says.
const (
	defaultExternalPlatform = "custom"
	defaultContentFormat    = "plain"
	defaultHasReply         = true
)

// channelObject is the object type named in diagnostics.
const channelObject = "Digital Channel"

// NewDigitalChannelResource is the constructor of cxone_digital_channel.
func NewDigitalChannelResource() resource.Resource {
	return framework.NewResource[digitalChannelModel](&digitalChannelResource{}, "digital_channel", digitalChannelSchema, addAPIError, digitalChannelList)
}

type digitalChannelResource struct {
	framework.Resource[digitalChannelModel]
}

// digitalChannelModel maps cxone_digital_channel.
type digitalChannelModel struct {
	ID                           types.String `tfsdk:"id"`
	IntegrationID                types.String `tfsdk:"integration_id"`
	ExternalID                   types.String `tfsdk:"external_id"`
	Name                         types.String `tfsdk:"name"`
	ExternalPlatform             types.String `tfsdk:"external_platform"`
	IsPrivate                    types.Bool   `tfsdk:"is_private"`
	HasTreeStructure             types.Bool   `tfsdk:"has_tree_structure"`
	HasReply                     types.Bool   `tfsdk:"has_reply"`
	ContentFormat                types.String `tfsdk:"content_format"`
	CanSendFiles                 types.Bool   `tfsdk:"can_send_files"`
	HasOutboundFlow              types.Bool   `tfsdk:"has_outbound_flow"`
	StudioScript                 types.String `tfsdk:"studio_script"`
	IsLiveChat                   types.Bool   `tfsdk:"is_live_chat"`
	HasMultipleThreadsPerEndUser types.Bool   `tfsdk:"has_multiple_threads_per_end_user"`
	CanReplyToAnyMessage         types.Bool   `tfsdk:"can_reply_to_any_message"`
	TranslationGroup             types.String `tfsdk:"translation_group"`
}

// Identity is the channel's ID.
func (m digitalChannelModel) Identity() framework.Identity {
	return framework.IdentityOf(framework.IdentityValue("id", "The channel's ID, a UUID.", m.ID))
}

// channelTextAttribute is an optional string that CXone leaves out of its answers when empty;
// an empty string would read back as null, so it is refused in favour of leaving it unset.
func channelTextAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description + " Leave it unset for none.",
		Optional:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

func digitalChannelSchema(context.Context) schema.Schema {
	nonEmpty := []validator.String{stringvalidator.LengthAtLeast(1)}
	return schema.Schema{
		MarkdownDescription: "A digital point of contact of a Bring Your Own Channel (BYOC) integration: " +
			"the page, account or inbox on the external platform whose messages reach CXone agents. " +
			"Bind it to a digital skill's routing queue with `cxone_routing_queue_binding`.",
		Attributes: map[string]schema.Attribute{
			"id": framework.IDAttribute("The channel's ID, a UUID the provider chooses when it creates the channel: derived " +
				"from `integration_id` and `external_id` (and `external_platform` when it is not `" + defaultExternalPlatform +
				"`), so that an apply cut off and run again upserts the same channel instead of making a second one. " +
				"Channels keep the ID they were created with. Import a channel by this ID."),
			"integration_id": framework.ReplacedString("ID of the BYOC integration (`cxone_byoc_integration`) the "+
				"channel belongs to. Changing it replaces the channel.", uuidValidator("a BYOC integration")),
			"external_id": schema.StringAttribute{
				MarkdownDescription: "The channel's ID on the external platform (`idOnExternalPlatform`), as the " +
					"integration's middleware knows it.",
				Required:   true,
				Validators: nonEmpty,
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The channel's name, as agents see it.",
				Required:            true,
				Validators:          nonEmpty,
			},
			"external_platform": schema.StringAttribute{
				MarkdownDescription: "The external platform (`realExternalPlatformId`). BYOC channels use `" +
					defaultExternalPlatform + "`, the default. Changing it replaces the channel.",
				Optional:      true,
				Computed:      true,
				Default:       stringdefault.StaticString(defaultExternalPlatform),
				Validators:    nonEmpty,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			// The capability flags are always sent, so an unset flag is the documented
			// default rather than whatever CXone holds.
			"is_private": framework.OptionalBool("Whether the channel carries private conversations (direct messages) "+
				"rather than public posts.", false),
			"has_tree_structure": framework.OptionalBool("Whether messages form threads of replies, as in public posts "+
				"with comments.", false),
			"has_reply": framework.OptionalBool("Whether agents can reply on the channel.", defaultHasReply),
			"content_format": schema.StringAttribute{
				MarkdownDescription: "Format of message content: `html` or `plain`. Defaults to `" + defaultContentFormat + "`.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(defaultContentFormat),
				Validators:          []validator.String{stringvalidator.OneOf("html", "plain")},
			},
			"can_send_files": framework.OptionalBool("Whether agents can send files (`hasAbilityToSendFiles`).", false),
			"has_outbound_flow": framework.OptionalBool("Whether agents can start conversations on the channel "+
				"(outbound messages).", false),
			"studio_script": channelTextAttribute("CXone Studio script that handles the channel's contacts."),
			"is_live_chat":  framework.OptionalBool("Whether the channel is a live chat, with customers waiting online.", false),
			"has_multiple_threads_per_end_user": framework.OptionalBool("Whether one customer can have several "+
				"conversations open at once on the channel.", false),
			"can_reply_to_any_message": framework.OptionalBool("Whether agents can reply to any message of a "+
				"conversation, not only the latest.", false),
			"translation_group": channelTextAttribute("Translation group used to translate the channel's messages."),
		},
	}
}

// CreateObject upserts the channel under an ID chosen before the call, from what
// identifies the channel: a call whose answer was lost, or an apply run again after a
// crash, writes the same channel instead of making a second one.
func (r *digitalChannelResource) CreateObject(ctx context.Context, w *framework.Write[digitalChannelModel]) (digitalChannelModel, error) {
	plan := w.Plan
	id, err := r.newChannelID(ctx, plan)
	if err != nil {
		addAPIError(w.Diags, "Create", channelObject, channelLabel(plan.Name.ValueString(), id), err)
		return plan, nil
	}
	ch, err := r.Client.UpsertChannel(ctx, expandChannel(plan, id))
	if err != nil {
		addAPIError(w.Diags, "Create", channelObject, channelLabel(plan.Name.ValueString(), id), err)
		r.keepUncertainChannel(ctx, w, id, err)
		return plan, nil
	}
	flattenChannel(ch, &plan)
	return plan, nil
}

// newChannelID is the ID for a new channel: channelID of its integration, external ID and
// platform, unless a channel with that ID now has another external ID (its external_id was
// changed in place after it was created), in which case the derived ID belongs to that
// other channel and a random one is used.
func (r *digitalChannelResource) newChannelID(ctx context.Context, plan digitalChannelModel) (string, error) {
	integrationID, externalID, platform := plan.IntegrationID.ValueString(), plan.ExternalID.ValueString(),
		plan.ExternalPlatform.ValueString()
	id := channelID(integrationID, externalID, platform)
	// Answered from the operation's list of channels when it can prove the ID free, so
	// that an apply of many channels does not ask once per channel.
	ch, err := r.Client.ChannelBeforeCreate(ctx, id)
	switch {
	case cxone.IsNotFound(err):
		return id, nil
	case err != nil:
		return id, err
	case ch.ChannelIntegrationID == integrationID && ch.IDOnExternalPlatform == externalID &&
		ch.RealExternalPlatformID == platform:
		// The same channel, made by an apply that was cut off: the upsert brings it to the plan.
		return id, nil
	default:
		return uuid.NewString(), nil
	}
}

// keepUncertainChannel saves a channel whose create failed in a way that may have left it in
// CXone (a lost answer, a 5xx), so that it is not orphaned: Terraform keeps it as tainted and
// replaces it on the next apply, or the next refresh drops it if it does not exist after all.
func (r *digitalChannelResource) keepUncertainChannel(ctx context.Context, w *framework.Write[digitalChannelModel], id string, createErr error) {
	if cxone.Refused(createErr) {
		return
	}
	plan := w.Plan
	ch, err := r.Client.GetChannel(ctx, id)
	switch {
	case cxone.IsNotFound(err):
		return
	case err == nil:
		flattenChannel(ch, &plan)
	default:
		plan.ID = types.StringValue(id)
	}
	w.Save(plan)
}

// ReadObject reads the channel.
func (r *digitalChannelResource) ReadObject(ctx context.Context, state digitalChannelModel, _ *diag.Diagnostics) (digitalChannelModel, error) {
	ch, err := r.Client.Channel(ctx, state.ID.ValueString())
	if err != nil {
		return state, err
	}
	flattenChannel(ch, &state)
	return state, nil
}

// UpdateObject upserts the channel under its ID.
func (r *digitalChannelResource) UpdateObject(ctx context.Context, w *framework.Write[digitalChannelModel]) (digitalChannelModel, error) {
	plan := w.Plan
	ch, err := r.Client.UpsertChannel(ctx, expandChannel(plan, plan.ID.ValueString()))
	if err != nil {
		return plan, err
	}
	flattenChannel(ch, &plan)
	return plan, nil
}

// DeleteObject deletes the channel.
func (r *digitalChannelResource) DeleteObject(ctx context.Context, state digitalChannelModel, _ *diag.Diagnostics) error {
	return r.Client.DeleteChannel(ctx, state.ID.ValueString())
}

// ParseImportID takes the channel's ID, which is always a UUID.
func (r *digitalChannelResource) ParseImportID(_ context.Context, id string) (digitalChannelModel, error) {
	if !uuidRE.MatchString(id) {
		return digitalChannelModel{}, fmt.Errorf("a digital channel is imported by its ID, a UUID such as "+
			"\"0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10\"; got %q", id)
	}
	return digitalChannelModel{ID: types.StringValue(id)}, nil
}

// Describe names a channel in messages.
func (r *digitalChannelResource) Describe(m digitalChannelModel) (kind, object string) {
	return channelObject, channelLabel(m.Name.ValueString(), m.ID.ValueString())
}

// channelLabel names a channel in diagnostics.
func channelLabel(name, id string) string {
	if name == "" {
		return fmt.Sprintf("(ID %s)", id)
	}
	return fmt.Sprintf("%q (ID %s)", name, id)
}

// expandChannel builds the upsert body of channel id from the configuration. Every
// setting is sent, so that CXone holds exactly what the configuration says.
func expandChannel(m digitalChannelModel, id string) cxone.Channel {
	return cxone.Channel{
		ID:                           id,
		IDOnExternalPlatform:         m.ExternalID.ValueString(),
		ChannelIntegrationID:         m.IntegrationID.ValueString(),
		RealExternalPlatformID:       m.ExternalPlatform.ValueString(),
		Name:                         m.Name.ValueString(),
		IsPrivate:                    m.IsPrivate.ValueBool(),
		HasTreeStructure:             m.HasTreeStructure.ValueBool(),
		HasReply:                     m.HasReply.ValueBoolPointer(),
		ContentFormat:                m.ContentFormat.ValueString(),
		HasAbilityToSendFiles:        m.CanSendFiles.ValueBoolPointer(),
		HasOutboundFlow:              m.HasOutboundFlow.ValueBoolPointer(),
		StudioScript:                 m.StudioScript.ValueString(),
		IsLiveChat:                   m.IsLiveChat.ValueBoolPointer(),
		HasMultipleThreadsPerEndUser: m.HasMultipleThreadsPerEndUser.ValueBoolPointer(),
		CanReplyToAnyMessage:         m.CanReplyToAnyMessage.ValueBoolPointer(),
		TranslationGroup:             m.TranslationGroup.ValueString(),
	}
}

// flattenChannel copies a channel as CXone holds it into m. Settings CXone leaves out
// (a channel made outside Terraform) read as their defaults, which is what CXone assumes.
func flattenChannel(ch *cxone.Channel, m *digitalChannelModel) {
	m.ID = types.StringValue(ch.ID)
	m.IntegrationID = types.StringValue(ch.ChannelIntegrationID)
	m.ExternalID = types.StringValue(ch.IDOnExternalPlatform)
	m.Name = types.StringValue(ch.Name)
	m.ExternalPlatform = types.StringValue(channelTextOr(ch.RealExternalPlatformID, defaultExternalPlatform))
	m.IsPrivate = types.BoolValue(ch.IsPrivate)
	m.HasTreeStructure = types.BoolValue(ch.HasTreeStructure)
	m.HasReply = types.BoolValue(channelFlagOr(ch.HasReply, defaultHasReply))
	m.ContentFormat = types.StringValue(channelTextOr(ch.ContentFormat, defaultContentFormat))
	m.CanSendFiles = types.BoolValue(channelFlagOr(ch.HasAbilityToSendFiles, false))
	m.HasOutboundFlow = types.BoolValue(channelFlagOr(ch.HasOutboundFlow, false))
	m.StudioScript = stringOrNull(ch.StudioScript)
	m.IsLiveChat = types.BoolValue(channelFlagOr(ch.IsLiveChat, false))
	m.HasMultipleThreadsPerEndUser = types.BoolValue(channelFlagOr(ch.HasMultipleThreadsPerEndUser, false))
	m.CanReplyToAnyMessage = types.BoolValue(channelFlagOr(ch.CanReplyToAnyMessage, false))
	m.TranslationGroup = stringOrNull(ch.TranslationGroup)
}

func channelTextOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func channelFlagOr(b *bool, def bool) bool {
	if b == nil {
		return def
	}
	return *b
}

// channelIDNamespace is the namespace of the name-based UUIDs that channelID makes. It
// never changes: a new one would give every channel created later a new ID.
var channelIDNamespace = uuid.MustParse("6f1c9a52-3e0b-4d7a-9c1e-8b2f5a4d7c30")

// channelID is the ID the provider gives a channel it creates: a UUIDv5 of the integration
// and the external ID, the pair that identifies a channel, so the same declaration always
// gets the same ID. A platform other than the default is part of it too: changing
// external_platform replaces the channel, and under create_before_destroy the new
// channel must not take the ID of the old one, which is deleted after it. Channels
// created before, or imported, keep the ID they have.
func channelID(integrationID, externalID, platform string) string {
	name := integrationID + "\n" + externalID
	if platform != defaultExternalPlatform {
		name += "\n" + platform
	}
	return uuid.NewSHA1(channelIDNamespace, []byte(name)).String()
}

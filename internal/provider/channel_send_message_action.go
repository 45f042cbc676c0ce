package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

// cxone_channel_send_message (outbound-api.md §9): one text message through a BYOC
// channel with an outbound flow, as a check that the channel can send: DFO hands it to
// the channel's middleware.

// defaultSendMessageTimeout bounds the check of the channel and the send.
const defaultSendMessageTimeout = 2 * time.Minute

// maxMessageText bounds the text of a test message.
const maxMessageText = 4096

type channelSendMessageModel struct {
	ChannelID types.String   `tfsdk:"channel_id"`
	Recipient types.String   `tfsdk:"recipient"`
	Text      types.String   `tfsdk:"text"`
	Timeouts  timeouts.Value `tfsdk:"timeouts"`
}

// NewChannelSendMessageAction returns the cxone_channel_send_message action.
func NewChannelSendMessageAction() action.Action {
	return framework.NewAction[channelSendMessageModel](&channelSendMessageAction{}, "channel_send_message", channelSendMessageSchema, validateActionTimeout)
}

type channelSendMessageAction struct {
	framework.ActionWithModel[channelSendMessageModel]
}

func channelSendMessageSchema(ctx context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Sends one text message through a BYOC channel (`POST /dfo/3.0/channels/{channelId}/outbound`), " +
			"as a check that the channel can send: CXone hands the message to the channel's middleware, at the " +
			"outbound endpoint of its BYOC integration, which must answer 200. The channel must have " +
			"`has_outbound_flow`; the action reads the channel first and refuses one without it. Each invocation " +
			"sends one more message. Needs Terraform 1.14 or later; the action writes no state.",
		Attributes: map[string]schema.Attribute{
			"channel_id": schema.StringAttribute{
				MarkdownDescription: "ID of the channel, a UUID, for example `cxone_digital_channel.<name>.id`.",
				Required:            true,
				Validators:          []validator.String{uuidValidator("a channel")},
			},
			"recipient": schema.StringAttribute{
				MarkdownDescription: "Who receives the message: their ID on the external platform " +
					"(`idOnExternalPlatform`), such as a phone number or a user ID the middleware knows.",
				Required:   true,
				Validators: []validator.String{notBlankValidator()},
			},
			"text": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The message text, at most %d characters.", maxMessageText),
				Required:            true,
				Validators:          []validator.String{notBlankValidator(), stringvalidator.LengthAtMost(maxMessageText)},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": actionTimeoutsBlock(ctx, defaultSendMessageTimeout),
		},
	}
}

// InvokeAction checks the channel and sends the message.
func (a *channelSendMessageAction) InvokeAction(ctx context.Context, m channelSendMessageModel, resp *action.InvokeResponse) {
	ctx, timeout, cancel := actionDeadline(ctx, m.Timeouts, defaultSendMessageTimeout, &resp.Diagnostics)
	defer cancel()
	diags, p := &resp.Diagnostics, newProgress(resp)
	const summary = "Unable to Send Message Through Channel"
	channelID, recipient := m.ChannelID.ValueString(), m.Recipient.ValueString()

	ch, err := a.Client.GetChannel(ctx, channelID)
	if err != nil {
		actionFailure(diags, summary, "read channel "+channelID, err, timeout,
			notFoundOr(err, "Check channel_id: use the id of a cxone_digital_channel."))
		return
	}
	label := fmt.Sprintf("channel %s (%q)", ch.ID, ch.Name)
	if ch.HasOutboundFlow == nil || !*ch.HasOutboundFlow {
		diags.AddAttributeError(path.Root("channel_id"), summary, fmt.Sprintf("The %s has no outbound flow "+
			"(has_outbound_flow is false), so CXone cannot send messages through it. Set has_outbound_flow = true "+
			"on its cxone_digital_channel and apply, then run the action again; nothing was sent.", label))
		return
	}
	p.say("Sending a test message to %q through %s.", recipient, label)
	res, err := a.Client.SendOutboundMessage(ctx, channelID, cxone.OutboundMessageInput{
		Thread:         &cxone.MessageThread{ThreadName: "Terraform test message"},
		MessageContent: cxone.TextContent(m.Text.ValueString()),
		Recipients:     []cxone.MessageRecipient{{IDOnExternalPlatform: recipient, Name: recipient, IsPrimary: true}},
	})
	if err != nil {
		actionFailure(diags, summary, fmt.Sprintf("send a message to %q through %s", recipient, label), err, timeout,
			sendMessageHint(err))
		return
	}
	var parts []string
	if res.Message != nil && res.Message.ID != "" {
		parts = append(parts, "message "+res.Message.ID)
		if res.Message.IDOnExternalPlatform != "" {
			parts = append(parts, "ID on the external platform "+res.Message.IDOnExternalPlatform)
		}
	}
	if res.ConsumerContact != nil && res.ConsumerContact.ID != "" {
		parts = append(parts, "contact "+res.ConsumerContact.ID)
	}
	p.say("CXone accepted the message through %s: %s.", label, joinComma(parts))
}

// sendMessageHint says what to do after a failed send.
func sendMessageHint(err error) string {
	var apiErr *cxone.APIError
	switch {
	case errors.As(err, &apiErr) && apiErr.Code == "OUTBOUND_DELIVERY_FAILED":
		return "CXone could not hand the message to the channel's middleware. Check that the middleware runs and " +
			"that the BYOC integration's box URL reaches it; its outbound endpoint must answer 200 with the " +
			"message's idOnExternalPlatform. Then run the action again."
	case errors.As(err, &apiErr) && apiErr.Status == http.StatusBadRequest:
		return "Fix what CXone named (recipient, text or the channel's settings), then run the action again."
	case cxone.Refused(err):
		return "Run the action again once what CXone named is fixed."
	default:
		return "CXone may have sent the message before the failure: check the channel's conversations before " +
			"running the action again, which sends one more message."
	}
}

// joinComma joins parts with commas; none is "no IDs in CXone's answer".
func joinComma(parts []string) string {
	if len(parts) == 0 {
		return "no IDs in CXone's answer"
	}
	return strings.Join(parts, ", ")
}

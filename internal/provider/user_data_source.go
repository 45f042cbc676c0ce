package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

type userDataSourceModel struct {
	ID                       types.String `tfsdk:"id"`
	AgentID                  types.Int64  `tfsdk:"agent_id"`
	UserID                   types.String `tfsdk:"user_id"`
	UserName                 types.String `tfsdk:"user_name"`
	FirstName                types.String `tfsdk:"first_name"`
	LastName                 types.String `tfsdk:"last_name"`
	EmailAddress             types.String `tfsdk:"email_address"`
	IsActive                 types.Bool   `tfsdk:"is_active"`
	TeamID                   types.Int64  `tfsdk:"team_id"`
	ProfileID                types.Int64  `tfsdk:"profile_id"`
	DigitalEngagementEnabled types.Bool   `tfsdk:"digital_engagement_enabled"`
}

func userDataSourceSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Looks up one CXone user (agent) by exactly one of `agent_id`, `user_name` or " +
			"`email_address`. Names and e-mail addresses match exactly, ignoring case; inactive users are found " +
			"too (see `is_active`). It is an error when no user, or more than one, matches.",
		Attributes: map[string]schema.Attribute{
			"id": computedString("The agent ID as a string."),
			"agent_id": schema.Int64Attribute{
				MarkdownDescription: "Agent ID to look up, or the agent ID of the user found.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"user_name": lookUpKey("User name to look up (exact, ignoring case), or the user name of the user found.",
				stringvalidator.LengthAtLeast(1)),
			"email_address": lookUpKey("E-mail address to look up (exact, ignoring case), or the e-mail address of the user found.",
				stringvalidator.LengthAtLeast(1)),
			"user_id":    computedString("The user's GUID in CXone's user hub."),
			"first_name": computedString("The user's first name."),
			"last_name":  computedString("The user's last name."),
			"is_active":  computedBool("Whether the user is active. Only active users can be given digital engagement."),
			"team_id":    computedInt64("ID of the user's team."),
			"profile_id": computedInt64("ID of the user's security profile."),
			"digital_engagement_enabled": schema.BoolAttribute{
				// Deprecated: a look-up is read before this provider's own grant and changes at the
				// next refresh, so it is noise in drift checks; the resource holds the value.
				MarkdownDescription: "Whether the user handled digital contacts when the data source was read. " +
					"**Deprecated**: it is read before `cxone_digital_user_permissions` grants digital engagement in the " +
					"same apply, so it changes at the next refresh; use that resource's `digital_engagement_enabled`.",
				DeprecationMessage: "digital_engagement_enabled is read before cxone_digital_user_permissions grants digital " +
					"engagement, so it changes at the next refresh. Use cxone_digital_user_permissions' " +
					"digital_engagement_enabled instead; this attribute will be removed in a future major version.",
				Computed: true,
			},
		},
	}
}

// findUser reads the user by agent ID, or takes the users CXone's search returns for
// a user name or e-mail address, or the operation's list of users (see readcache),
// and keeps those whose field equals it, ignoring case: the search also matches
// parts of names and of the other fields, so its answer alone is not the match.
func findUser(ctx context.Context, c readcache.API, cfg userDataSourceModel, _ *diag.Diagnostics) search[cxone.Agent] {
	if !cfg.AgentID.IsNull() {
		s := byID(ctx, cfg.AgentID.ValueInt64(), c.Agent)
		s.searched = fmt.Sprintf("with agent_id %d", cfg.AgentID.ValueInt64())
		s.note = " (active or inactive)"
		return s
	}
	key, want, field := "user_name", cfg.UserName.ValueString(), func(a cxone.Agent) string { return a.UserName }
	if cfg.UserName.IsNull() {
		key, want, field = "email_address", cfg.EmailAddress.ValueString(), func(a cxone.Agent) string { return a.EmailAddress }
	}
	match := func(a cxone.Agent) bool { return strings.EqualFold(field(a), want) }
	all, err := c.FindAgents(ctx, want, match)
	s := byName(want, all, err, match)
	s.searched = fmt.Sprintf("with %s %q", key, want)
	s.note = " (active or inactive). User names and e-mail addresses match exactly, ignoring case"
	return s
}

// flattenUser copies an agent into the data source's model, as the resource does,
// with its security profile, whether it is active and whether it handles digital
// contacts.
var flattenUser = fromResource(flattenUserResource, func(a *cxone.Agent, m *userDataSourceModel) {
	m.ProfileID = types.Int64Value(a.ProfileID)
	m.IsActive, m.DigitalEngagementEnabled = types.BoolValue(a.IsActive), types.BoolValue(a.DigitalEngagementEnabled)
})

package provider

import (
	"context"
	"net/mail"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// userSchema is the schema of cxone_user. Every field CXone lets PUT /agents change,
// the user name included, updates in place.
func userSchema(context.Context) schema.Schema {
	required := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: desc,
			Required:            true,
			Validators:          []validator.String{notBlankValidator()},
		}
	}
	optional := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: desc + " Leave it out rather than set it to `\"\"`: removing it clears it in CXone.",
			Optional:            true,
			Validators:          []validator.String{notBlankValidator()},
		}
	}
	return schema.Schema{
		MarkdownDescription: "A CXone user (an agent): a new employee. Digital engagement is granted separately, by " +
			"`cxone_digital_user_permissions` with `agent_id = cxone_user.<name>.agent_id`.\n\n" +
			"CXone never deletes users: destroying this resource deactivates the user, who stays in CXone with the " +
			"user name taken. Creating a user whose user name belongs to an inactive user reactivates and adopts that " +
			"user (with a warning); if the user name belongs to an active user, the apply fails and says how to " +
			"import it. A user deactivated outside Terraform is removed from the state and planned for creation, " +
			"which reactivates it.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The agent ID written as a string (for example `1010`); the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"agent_id": schema.Int64Attribute{
				MarkdownDescription: "CXone's agent ID of the user, for `cxone_digital_user_permissions` and " +
					"`cxone_skill_assignment`.",
				Computed:      true,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"user_id": schema.StringAttribute{
				MarkdownDescription: "CXone's user ID (a GUID) of the user.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"user_name": required("User name the user logs in with, unique in the tenant among active and inactive " +
				"users, without regard to case. Changing it renames the user in place."),
			"first_name":  required("First name."),
			"middle_name": optional("Middle name."),
			"last_name":   required("Last name."),
			"email_address": schema.StringAttribute{
				MarkdownDescription: "E-mail address, such as `raksha@thejungle.example`.",
				Required:            true,
				Validators:          []validator.String{emailValidator{}},
			},
			"team_id": schema.Int64Attribute{
				MarkdownDescription: "ID of the user's team, for example from the `cxone_team` data source.",
				Required:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"security_profile_id": schema.Int64Attribute{
				MarkdownDescription: "ID of the user's security profile, for example from the `cxone_security_profile` " +
					"data source.",
				Required:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"time_zone":    required("The user's time zone as CXone names it, for example `\"Africa/Nairobi\"`."),
			"country":      required("The user's country, for example `\"KE\"`."),
			"state":        optional("The user's state or province."),
			"city":         required("The user's city."),
			"notes":        optional("Free-text notes on the user."),
			"federated_id": optional("The user's ID at the identity provider for single sign-on."),
		},
	}
}

// emailValidator accepts a bare e-mail address (name@domain), as CXone requires:
// no display name, no angle brackets, no surrounding spaces.
type emailValidator = ruleValidator[emailRule]

type emailRule struct{}

func (emailRule) description() string { return "must be an e-mail address such as name@example.com" }

func (r emailRule) problem(at path.Path, value string) (summary, detail string) {
	if !isEmailAddress(value) {
		return invalidValue(at, r.description(), value)
	}
	return "", ""
}

// isEmailAddress reports whether s is one bare address whose domain has a dot
// between two labels.
func isEmailAddress(s string) bool {
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s {
		return false
	}
	domain := s[strings.LastIndex(s, "@")+1:]
	dot := strings.Index(domain, ".")
	return dot > 0 && dot < len(domain)-1
}

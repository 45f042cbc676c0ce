package provider

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// NewMessageTemplateResource is the cxone_message_template resource.
func NewMessageTemplateResource() resource.Resource {
	return messageTemplateKind.newResource(messageTemplateSchema, messageTemplateList)
}

// messageTemplateResource is deactivating: CXone cannot delete templates.
type messageTemplateResource = deactivating[messageTemplateModel, cxone.MessageTemplate, cxone.MessageTemplateInput]

// messageTemplateKind is the template's life cycle. An inactive template of the name
// and of the other type cannot be reactivated as this one (CXone cannot change a
// template's type): replaceRetiredTemplate renames it out of the way.
var messageTemplateKind = deactivatingKind[messageTemplateModel, cxone.MessageTemplate, cxone.MessageTemplateInput]{
	retiredKind: retiredKind{kind: messageTemplateType, typeName: "cxone_message_template",
		noun: "message template", plural: "message templates", short: "template", idKey: "template_id"},
	example:    "61001",
	expand:     expandMessageTemplate,
	flatten:    flattenMessageTemplate,
	active:     func(t *cxone.MessageTemplate) (int64, bool) { return t.TemplateID, t.IsActive },
	setOn:      func(in *cxone.MessageTemplateInput) { in.IsActive = new(true) },
	get:        readcache.API.MessageTemplate,
	find:       readcache.API.FindMessageTemplateByName,
	create:     readcache.API.CreateMessageTemplate,
	update:     readcache.API.UpdateMessageTemplate,
	retire:     readcache.API.DeactivateMessageTemplate,
	adoptOther: replaceRetiredTemplate,
}

// messageTemplateModel maps cxone_message_template.
type messageTemplateModel struct {
	ID             types.String `tfsdk:"id"`
	Name           types.String `tfsdk:"name"`
	Type           types.String `tfsdk:"type"`
	Subject        types.String `tfsdk:"subject"`
	Body           types.String `tfsdk:"body"`
	IsHTML         types.Bool   `tfsdk:"is_html"`
	IsRTL          types.Bool   `tfsdk:"is_rtl"`
	FromName       types.String `tfsdk:"from_name"`
	FromAddress    types.String `tfsdk:"from_address"`
	ReplyToAddress types.String `tfsdk:"reply_to_address"`
	CCAddress      types.String `tfsdk:"cc_address"`
	BCCAddress     types.String `tfsdk:"bcc_address"`
}

// Identity is the template ID, as a number.
func (m messageTemplateModel) Identity() framework.Identity {
	return framework.IdentityOf(framework.NumericID("template_id", "CXone's message template ID, for example 61001.", m.ID))
}

// Template types: the attribute's words and CXone's templateTypeId (inferred: 1 Email,
// 2 SMS; outbound-api.md §2 and §11).
var messageTemplateTypes = map[string]int{"email": cxone.MessageTemplateTypeEmail, "sms": cxone.MessageTemplateTypeSMS}

// messageTemplateTypeName is the attribute's word for a templateTypeId, "" for one this
// provider does not know.
func messageTemplateTypeName(id int) string {
	for name, n := range messageTemplateTypes {
		if n == id {
			return name
		}
	}
	return ""
}

func messageTemplateSchema(context.Context) schema.Schema {
	optionalAddress := func(description string, v validator.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description, Optional: true, Validators: []validator.String{v}}
	}
	return schema.Schema{
		MarkdownDescription: "A CXone message template: the subject and body that a Personal Connection outbound " +
			"skill sends to every record of its calling list, with `{ColumnName}` variables taken from the list's " +
			"columns.\n\n" +
			"CXone cannot delete templates: destroying this resource deactivates the template. Creating a template " +
			"whose name belongs to an inactive template reactivates and adopts that template (with a warning); if " +
			"the name belongs to an active template, the apply fails and says how to import it.",
		Attributes: map[string]schema.Attribute{
			"id":   framework.IDAttribute("CXone's template ID, a whole number written as a string (for example `61001`)."),
			"name": framework.RequiredString("Name of the template, unique among the templates of the business unit, active or not.", notBlankValidator()),
			"type": framework.ReplacedString("Kind of message: `email` or `sms` (CXone's template type `1` or `2`). "+
				"CXone cannot change the type of a template, so changing it replaces the template.",
				stringvalidator.OneOf("email", "sms")),
			"subject": framework.OptionalEmptyString("Subject of the message (e-mail templates)."),
			"body": framework.RequiredString("Body of the message. `{ColumnName}` is replaced with the record's value in the " +
				"calling-list column of that name."),
			"is_html":      framework.OptionalBool("Whether `body` is HTML (e-mail templates).", false),
			"is_rtl":       framework.OptionalBool("Whether the text is written right to left.", false),
			"from_name":    optionalAddress("Sender name shown to recipients (e-mail templates).", notBlankValidator()),
			"from_address": optionalAddress("Sender address, such as `news@example.com` (e-mail templates).", emailValidator{}),
			"reply_to_address": optionalAddress("Address that replies go to, such as `help@example.com` (e-mail "+
				"templates).", emailValidator{}),
			"cc_address": optionalAddress("Address to copy every message to (e-mail templates); several are separated by "+
				"`,` or `;`.", emailListValidator{}),
			"bcc_address": optionalAddress("Address to blind-copy every message to (e-mail templates); several are "+
				"separated by `,` or `;`.", emailListValidator{}),
		},
	}
}

// replaceRetiredTemplate creates the template when its name belongs to an inactive
// template of the other type, which cannot be reactivated as this one (CXone cannot
// change a template's type): most often the template that a change of `type` has just
// destroyed. The retired template is renamed "<name> (retired <ID>)" to free the name,
// with a warning. A template of the same type is not its to handle (done false); it
// returns nil after an error.
func replaceRetiredTemplate(ctx context.Context, c readcache.API, retired *cxone.MessageTemplate, in cxone.MessageTemplateInput, diags *diag.Diagnostics) (_ *cxone.MessageTemplate, done bool) {
	if retired.TemplateTypeID == in.TemplateTypeID {
		return nil, false
	}
	name := in.TemplateName
	newName := fmt.Sprintf("%s (retired %d)", name, retired.TemplateID)
	rename := cxone.MessageTemplateInput{
		TemplateName: newName, Subject: retired.Subject, Body: retired.Body, IsHTML: retired.IsHTML, IsRTL: retired.IsRTL,
		CCAddress: retired.CCAddress, BCCAddress: retired.BCCAddress, ReplyToAddress: retired.ReplyToAddress,
		FromName: retired.FromName, FromAddress: retired.FromAddress,
	}
	if _, err := c.UpdateMessageTemplate(ctx, retired.TemplateID, rename); err != nil {
		addAPIError(diags, "Create", messageTemplateType, strconv.Quote(name),
			fmt.Errorf("an inactive %s template of that name exists (ID %d), and renaming it to free the name failed: %w",
				templateTypeLabel(retired), retired.TemplateID, err))
		return nil, true
	}
	t, err := c.CreateMessageTemplate(ctx, in)
	if err != nil {
		addCreateError(diags, messageTemplateType, strconv.Quote(name),
			fmt.Sprintf("the cxone_message_template data source (name = %q)", name), err)
		return nil, true
	}
	tflog.Warn(ctx, "renamed an inactive message template of the other type to free its name",
		map[string]any{"template_id": retired.TemplateID, "new_template_id": t.TemplateID})
	diags.AddWarning("Renamed Inactive Message Template",
		fmt.Sprintf("CXone already had an inactive %s message template named %q (ID %d), probably the one a change "+
			"of type has just replaced: CXone cannot delete templates or change their type. It has been renamed %q, "+
			"inactive as it was, and a new %s template %q (ID %d) has been created.",
			templateTypeLabel(retired), name, retired.TemplateID, newName, messageTemplateTypeName(in.TemplateTypeID), name, t.TemplateID))
	return t, true
}

// expandMessageTemplate turns the planned (or stored) values into the template's
// parameters. IsActive is left nil: each caller decides it.
func expandMessageTemplate(m messageTemplateModel) cxone.MessageTemplateInput {
	return cxone.MessageTemplateInput{
		TemplateName:   m.Name.ValueString(),
		TemplateTypeID: messageTemplateTypes[m.Type.ValueString()],
		Subject:        m.Subject.ValueString(),
		Body:           m.Body.ValueString(),
		IsHTML:         m.IsHTML.ValueBool(),
		IsRTL:          m.IsRTL.ValueBool(),
		FromName:       m.FromName.ValueString(),
		FromAddress:    m.FromAddress.ValueString(),
		ReplyToAddress: m.ReplyToAddress.ValueString(),
		CCAddress:      m.CCAddress.ValueString(),
		BCCAddress:     m.BCCAddress.ValueString(),
	}
}

// flattenMessageTemplate copies a template as CXone holds it into the model. A template
// type this provider does not know (neither 1 nor 2) is an error: it cannot be written
// as `type`.
func flattenMessageTemplate(t *cxone.MessageTemplate, m *messageTemplateModel) diag.Diagnostics {
	var diags diag.Diagnostics
	typeName := messageTemplateTypeName(t.TemplateTypeID)
	if typeName == "" {
		diags.AddError("Unsupported Message Template Type",
			fmt.Sprintf("Message template %q (ID %d) has template type %s; cxone_message_template manages e-mail (1) "+
				"and SMS (2) templates only.", t.TemplateName, t.TemplateID, templateTypeLabel(t)))
		return diags
	}
	m.ID = numericIDValue(t.TemplateID)
	m.Name = types.StringValue(t.TemplateName)
	m.Type = types.StringValue(typeName)
	m.Subject = types.StringValue(t.Subject)
	m.Body = types.StringValue(t.Body)
	m.IsHTML = types.BoolValue(t.IsHTML)
	m.IsRTL = types.BoolValue(t.IsRTL)
	m.FromName = stringOrNull(t.FromName)
	m.FromAddress = stringOrNull(t.FromAddress)
	m.ReplyToAddress = stringOrNull(t.ReplyToAddress)
	m.CCAddress = stringOrNull(t.CCAddress)
	m.BCCAddress = stringOrNull(t.BCCAddress)
	return diags
}

// templateTypeLabel names a template's type for messages: CXone's description when it
// gives one, with the number.
func templateTypeLabel(t *cxone.MessageTemplate) string {
	if t.TemplateTypeDesc != "" {
		return fmt.Sprintf("%s (%d)", t.TemplateTypeDesc, t.TemplateTypeID)
	}
	return strconv.Itoa(t.TemplateTypeID)
}

// emailListValidator accepts one e-mail address, or several separated by "," or ";"
// (blanks around each allowed), each a bare address as emailValidator checks.
type emailListValidator = ruleValidator[emailListRule]

type emailListRule struct{}

func (emailListRule) description() string {
	return "must be one or more e-mail addresses such as name@example.com, separated by , or ;"
}

func (r emailListRule) problem(at path.Path, value string) (summary, detail string) {
	for part := range strings.FieldsFuncSeq(value, func(r rune) bool { return r == ',' || r == ';' }) {
		if !isEmailAddress(strings.TrimSpace(part)) {
			return invalidValue(at, r.description(), value)
		}
	}
	if strings.TrimSpace(strings.Trim(value, ",; ")) == "" {
		return invalidValue(at, r.description(), value)
	}
	return "", ""
}

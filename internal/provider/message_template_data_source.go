package provider

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// messageTemplateDataModel maps the cxone_message_template data source: the
// resource's attributes and whether the template is active.
type messageTemplateDataModel struct {
	messageTemplateModel
	IsActive types.Bool `tfsdk:"is_active"`
}

func (m messageTemplateDataModel) lookUpKeys() (id, name types.String) { return m.ID, m.Name }

func messageTemplateDataSchema() schema.Schema {
	return idAndNameSchema("Template", "61001",
		"Looks up a message template, active or not, by exactly one of `id` or `name`. "+
			"CXone keeps template names unique in a business unit, so a name matches at most one template.",
		map[string]schema.Attribute{
			"is_active":        computedBool("Whether the template is active. Inactive templates are found too."),
			"type":             computedString("Kind of message: `email` or `sms` (CXone's template type `1` or `2`)."),
			"subject":          computedString("Subject of the message; empty when there is none."),
			"body":             computedString("Body of the message, with its `{ColumnName}` variables."),
			"is_html":          computedBool("Whether the body is HTML."),
			"is_rtl":           computedBool("Whether the text is written right to left."),
			"from_name":        computedString("Sender name; empty when there is none."),
			"from_address":     computedString("Sender address; empty when there is none."),
			"reply_to_address": computedString("Address that replies go to; empty when there is none."),
			"cc_address":       computedString("Address every message is copied to; empty when there is none."),
			"bcc_address":      computedString("Address every message is blind-copied to; empty when there is none."),
		})
}

// flattenMessageTemplateData copies a template into the data source's model. A type
// this provider does not know is written as CXone describes it, in lower case.
func flattenMessageTemplateData(t *cxone.MessageTemplate, m *messageTemplateDataModel) {
	typeName := messageTemplateTypeName(t.TemplateTypeID)
	if typeName == "" {
		typeName = strings.ToLower(templateTypeLabel(t))
	}
	*m = messageTemplateDataModel{IsActive: types.BoolValue(t.IsActive), messageTemplateModel: messageTemplateModel{
		ID: numericIDValue(t.TemplateID), Name: types.StringValue(t.TemplateName),
		Type: types.StringValue(typeName), Subject: types.StringValue(t.Subject), Body: types.StringValue(t.Body),
		IsHTML: types.BoolValue(t.IsHTML), IsRTL: types.BoolValue(t.IsRTL),
		FromName: types.StringValue(t.FromName), FromAddress: types.StringValue(t.FromAddress),
		ReplyToAddress: types.StringValue(t.ReplyToAddress),
		CCAddress:      types.StringValue(t.CCAddress), BCCAddress: types.StringValue(t.BCCAddress),
	}}
}

package provider

import (
	"context"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

type messageTemplateListConfig struct {
	NameContains types.String `tfsdk:"name_contains"`
	Type         types.String `tfsdk:"type"`
}

func (r *messageTemplateResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the active e-mail and SMS message templates, the templates " +
			"`cxone_message_template` manages. Each result is named by the template's name.",
		Attributes: map[string]listschema.Attribute{
			"name_contains": stringFilter("Only templates whose name contains this text, ignoring case."),
			"type": listschema.StringAttribute{
				MarkdownDescription: "Only templates of this type: `email` or `sms`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf("email", "sms")},
			},
		},
	}
}

func (r *messageTemplateResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	framework.List(ctx, &r.Resource, req, stream, "Unable to List Message Templates",
		func(cfg messageTemplateListConfig) iter.Seq2[[]framework.ListItem[messageTemplateModel], error] {
			nameContains := cfg.NameContains.ValueString()
			// CXone answers every template at once (no paging), of one type when asked.
			return framework.MapPages(onePage(func() ([]cxone.MessageTemplate, error) {
				return r.Client.ListMessageTemplates(ctx, messageTemplateTypes[cfg.Type.ValueString()])
			}), func(t cxone.MessageTemplate) (framework.ListItem[messageTemplateModel], bool) {
				var m messageTemplateModel
				known := !flattenMessageTemplate(&t, &m).HasError()
				keep := known && t.IsActive && containsFold(t.TemplateName, nameContains)
				return framework.ListItem[messageTemplateModel]{Model: m, DisplayName: t.TemplateName}, keep
			})
		})
}

package cxone

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// Message template types (templateTypeId). The sources do not say which number is which;
// 1 Email and 2 SMS is inferred, and TemplateTypeDesc of a read tells (outbound-api.md §2).
const (
	MessageTemplateTypeEmail = 1
	MessageTemplateTypeSMS   = 2
)

// MessageTemplate is the content a Personal Connection skill sends to each record
// (GET /message-templates/{id}).
type MessageTemplate struct {
	TemplateID       int64  `json:"templateId"`
	TemplateName     string `json:"templateName"`
	TemplateTypeID   int    `json:"templateTypeId"`
	TemplateTypeDesc string `json:"templateTypeDesc"`
	IsActive         bool   `json:"isActive"`
	IsHTML           bool   `json:"isHTML"`
	CCAddress        string `json:"ccAddress"`
	BCCAddress       string `json:"bccAddress"`
	ReplyToAddress   string `json:"replyToAddress"`
	FromName         string `json:"fromName"`
	FromAddress      string `json:"fromAddress"`
	Body             string `json:"body"`
	Subject          string `json:"subject"`
	IsRTL            bool   `json:"isRTL"`

	activeness
}

// MessageTemplateInput is what the provider sets on a template. TemplateTypeID is sent on
// create only: the update call has no such parameter, so the type cannot change.
type MessageTemplateInput struct {
	TemplateName   string
	TemplateTypeID int
	Subject        string
	Body           string
	IsHTML         bool
	CCAddress      string
	BCCAddress     string
	ReplyToAddress string
	FromName       string
	FromAddress    string
	IsRTL          bool
	// IsActive nil leaves the template as it is (new templates are active).
	IsActive *bool
}

// query is the input as the query parameters both writes take (there is no JSON body).
// Every field is sent, so that an update can clear one.
func (in MessageTemplateInput) query(create bool) url.Values {
	q := url.Values{}
	q.Set("templateName", in.TemplateName)
	if create {
		q.Set("templateTypeId", strconv.Itoa(in.TemplateTypeID))
	}
	q.Set("subject", in.Subject)
	q.Set("body", in.Body)
	q.Set("isHTML", boolQuery(in.IsHTML))
	q.Set("ccAddress", in.CCAddress)
	q.Set("bccAddress", in.BCCAddress)
	q.Set("replyToAddress", in.ReplyToAddress)
	q.Set("fromName", in.FromName)
	q.Set("fromAddress", in.FromAddress)
	q.Set("isRTL", boolQuery(in.IsRTL))
	if in.IsActive != nil && !create {
		q.Set("isActive", boolQuery(*in.IsActive))
	}
	return q
}

// differences compares a create's input with the template found under its name after the
// answer was lost.
func (in MessageTemplateInput) differences(found *MessageTemplate) []string {
	var d []string
	noteDiff(&d, "templateTypeId", in.TemplateTypeID, found.TemplateTypeID)
	noteDiff(&d, "subject", in.Subject, found.Subject)
	noteDiff(&d, "body", in.Body, found.Body)
	noteDiff(&d, "isHTML", in.IsHTML, found.IsHTML)
	noteDiff(&d, "fromAddress", in.FromAddress, found.FromAddress)
	return d
}

func validTemplate(t *MessageTemplate) string {
	return needIDActive("templateId", t.TemplateID, t.activeness)
}

// UnmarshalJSON reads a template and whether the answer said if it is active.
func (t *MessageTemplate) UnmarshalJSON(b []byte) error {
	type plain MessageTemplate
	return decodeActive(b, (*plain)(t), &t.activeness)
}

// ListMessageTemplates returns every template, of one type when templateTypeID is not 0.
// The list is not paged.
func (c *Client) ListMessageTemplates(ctx context.Context, templateTypeID int) ([]MessageTemplate, error) {
	q := url.Values{}
	if templateTypeID != 0 {
		q.Set("templateTypeId", strconv.Itoa(templateTypeID))
	}
	return getDecoded(ctx, c, "/message-templates", q, listOf("messageTemplates", validTemplate), "listing message templates")
}

// FindMessageTemplateByName returns the template with exactly this name, active or not;
// none is an error for which IsNotFound is true.
func (c *Client) FindMessageTemplateByName(ctx context.Context, name string) (*MessageTemplate, error) {
	list, err := c.ListMessageTemplates(ctx, 0)
	return findNamed(list, err, "message template", name, func(t *MessageTemplate) string { return t.TemplateName })
}

// GetMessageTemplate reads one template; an unknown id is an error for which IsNotFound is
// true.
func (c *Client) GetMessageTemplate(ctx context.Context, templateID int64) (*MessageTemplate, error) {
	return getDecoded(ctx, c, idPath("/message-templates", templateID), nil,
		oneOf(checked(fieldAs[MessageTemplate]("messageTemplate"), validTemplate), templateID, func(t *MessageTemplate) int64 { return t.TemplateID }),
		"reading message template %d", templateID)
}

// CreateMessageTemplate creates a template (POST /message-templates, query parameters) and
// returns it as CXone stored it. If the answer is lost, the request is not sent again: the
// template is looked up by name and returned if it is what was sent, else a
// *MismatchError. A duplicate name is an error for which IsConflict is true.
func (c *Client) CreateMessageTemplate(ctx context.Context, in MessageTemplateInput) (*MessageTemplate, error) {
	var ans struct {
		TemplateID *int64 `json:"templateId"`
	}
	lc := lostCreate[MessageTemplate]{kind: "message template", name: in.TemplateName, differences: in.differences,
		find: c.FindMessageTemplateByName, id: func(t *MessageTemplate) string { return strconv.FormatInt(t.TemplateID, 10) }}
	found, err := lc.create(ctx, c, func() error {
		return adminCall(ctx, c, http.MethodPost, "/message-templates", in.query(true), nil, false, &ans)
	})
	return readCreated(ctx, found, err, ans.TemplateID, "message template", in.TemplateName, "templateId", c.GetMessageTemplate)
}

// UpdateMessageTemplate changes a template (PUT /message-templates/{id}, query parameters)
// and returns it as CXone now stores it.
func (c *Client) UpdateMessageTemplate(ctx context.Context, templateID int64, in MessageTemplateInput) (*MessageTemplate, error) {
	return putThenRead(ctx, c, idPath("/message-templates", templateID), in.query(false), nil, "message template", templateID, c.GetMessageTemplate)
}

// DeactivateMessageTemplate retires a template (PUT isActive=false): CXone has no delete.
func (c *Client) DeactivateMessageTemplate(ctx context.Context, templateID int64) error {
	q := url.Values{"isActive": {"false"}}
	return failed(adminCall(ctx, c, http.MethodPut, idPath("/message-templates", templateID), q, nil, true, nil), "deactivating message template %d", templateID)
}

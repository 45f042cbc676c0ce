package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

// Value forms checked at plan time.
var (
	colorRE     = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
	numericIDRE = regexp.MustCompile(`^[1-9][0-9]{0,18}$`)
	notBlankRE  = regexp.MustCompile(`\S`)
	uuidRE      = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

// notBlankValidator refuses empty and all-blank strings, which CXone rejects.
func notBlankValidator() validator.String {
	return stringvalidator.RegexMatches(notBlankRE, "must not be empty or blank")
}

// colorValidator accepts #RRGGBB.
func colorValidator() validator.String {
	return stringvalidator.RegexMatches(colorRE, "must be a colour in the form #RRGGBB, for example #1F8A70")
}

// uuidValidator accepts the UUIDs that Digital Experience gives its objects (BYOC
// integrations, channels); noun names the object in the message.
func uuidValidator(noun string) validator.String {
	return stringvalidator.RegexMatches(uuidRE, "must be "+noun+" ID, a UUID such as 0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10")
}

// routingQueueIDRE is what a routing queue ID can be: CXone sends it as a number or a
// string, but it is one path segment and one part of a binding's import ID, so it never
// holds a slash or a blank.
var routingQueueIDRE = regexp.MustCompile(`^[^/\s]+$`)

// routingQueueIDValidator accepts a routing queue ID as a digital skill's routing_queue_id gives it.
func routingQueueIDValidator() validator.String {
	return stringvalidator.RegexMatches(routingQueueIDRE,
		"must be a routing queue ID as a digital skill's routing_queue_id gives it, for example 5, without / or blanks")
}

// numericIDValidator accepts a positive whole number written as a string (CXone IDs).
func numericIDValidator() validator.String {
	return stringvalidator.RegexMatches(numericIDRE, "must be a positive whole number, for example 1001")
}

// apiAnswer renders what CXone answered about an object of objectType for a
// diagnostic detail, and adds the hint that matters most for the error's class.
// CXone's answer is quoted once (an *cxone.APIError already reads "CXone answered
// 422 ..."), with its field names written as the type's attributes (apiFieldNames);
// objectType "" is for answers about no object, such as the token's.
func apiAnswer(objectType string, err error) string {
	var apiErr *cxone.APIError
	var text string
	switch {
	case errors.Is(err, cxone.ErrAnswerLost):
		text = "The request was sent but its answer was lost, so the provider cannot tell whether CXone applied it. " +
			"Run the apply again: the provider looks the object up before creating it again.\n\n" + err.Error()
	case cxone.SettingHint(err) != "" && errors.As(err, &apiErr):
		// A settings error: what to check comes first, CXone's answer after it.
		text = cxone.SettingHint(err) + "\n\n" + sentence(apiErr.Error())
	default:
		text = quoteAnswer(err)
	}
	text, _ = withAttributeNames(objectType, text)
	return text
}

// quoteAnswer gives err as one sentence about CXone's answer: the errors that carry
// an answer of CXone (status, item, mismatch, not found) already say so; a bulk item
// error names only the item, so it gets the prefix.
func quoteAnswer(err error) string {
	var itemErr *cxone.ItemError
	if errors.As(err, &itemErr) {
		return sentence("CXone answered: " + err.Error())
	}
	return sentence(err.Error())
}

// sentence ends s with a full stop unless it ends with punctuation already.
func sentence(s string) string {
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}

// addAPIError adds the provider's standard diagnostic for a failed API call:
// the summary names the operation and the object type ("Unable to Create Digital
// Skill"), the detail names the object and gives CXone's answer once, with its field
// names written as the type's attributes (apiFieldNames). When CXone refused a create
// or an update and named a field, the error points at that attribute.
func addAPIError(diags *diag.Diagnostics, operation, objectType, object string, err error) {
	addObjectError(diags, operation, objectType,
		fmt.Sprintf("While trying to %s %s %s:\n\n%s", strings.ToLower(operation), typeInText(objectType), object, apiAnswer(objectType, err)), err)
}

// addObjectError adds the diagnostic of a failed operation on an object, with detail
// as written (CXone's answer in it from apiAnswer): the one place that words the
// summaries of failed operations. A create or update that CXone refused naming a
// field points at that attribute.
func addObjectError(diags *diag.Diagnostics, operation, objectType, detail string, err error) {
	summary := fmt.Sprintf("Unable to %s %s", operation, objectType)
	var attribute path.Path
	if err != nil {
		_, attribute = withAttributeNames(objectType, err.Error())
	}
	if (operation == "Create" || operation == "Update") && cxone.Refused(err) && cxone.SettingHint(err) == "" &&
		len(attribute.Steps()) > 0 {
		diags.AddAttributeError(attribute, summary, detail)
		return
	}
	diags.AddError(summary, detail)
}

// typeInText writes an object type inside a sentence: in lower case ("digital skill"),
// but with the initialisms the documentation spells in capitals kept ("BYOC integration").
func typeInText(objectType string) string { return framework.TypeInText(objectType) }

// importHint tells how to bring an object that exists in CXone under a resource's
// management, with the command and the import block. The framework does not give a
// provider the address of the resource being created, so the address is written
// <type>.<name>; Terraform prints the full address on the diagnostic's "with" line.
func importHint(typeName, id string) string {
	return fmt.Sprintf("To manage it with this resource, import it: use the resource address that Terraform shows "+
		"on this error's \"with\" line in place of %[1]s.<name>, and run\n\n"+
		"  terraform import %[1]s.<name> %[2]s\n\n"+
		"or add an import block to the configuration and apply:\n\n"+
		"  import {\n    to = %[1]s.<name>\n    id = %[3]q\n  }", typeName, id, id)
}

// addCreateError is addAPIError for a create. When CXone did not refuse the request (a
// server error, a lost answer), it may have made the object before failing: the detail
// says so and how to check, with lookUp naming the data source that finds it.
func addCreateError(diags *diag.Diagnostics, objectType, object, lookUp string, err error) {
	if cxone.Refused(err) || cxone.SettingHint(err) != "" {
		addAPIError(diags, "Create", objectType, object, err)
		return
	}
	addObjectError(diags, "Create", objectType,
		fmt.Sprintf("While trying to create %s %s:\n\n%s\n\nCXone may have made the %s before failing. "+
			"Look it up with %s, or run the apply again: if it was made, the apply says so and gives the import to run.",
			typeInText(objectType), object, apiAnswer(objectType, err), typeInText(objectType), lookUp), err)
}

// stringOrNull maps the "" that CXone answers for an unset optional string to null,
// which is what an unset attribute is in the configuration.
func stringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// parseCompositeID splits an import ID of the form "a/b" into its parts, with an error
// that shows the expected form.
func parseCompositeID(id string, parts ...string) ([]string, error) {
	fields := strings.Split(id, "/")
	if len(fields) != len(parts) {
		return nil, fmt.Errorf("expected an import ID of the form %q, got %q", strings.Join(parts, "/"), id)
	}
	for i, f := range fields {
		if strings.TrimSpace(f) == "" {
			return nil, fmt.Errorf("expected an import ID of the form %q, got %q: %s is empty", strings.Join(parts, "/"), id, parts[i])
		}
	}
	return fields, nil
}

// parseNumericID parses a CXone numeric ID (agent, skill), naming what it is in the error.
func parseNumericID(s, what string) (int64, error) {
	if !numericIDRE.MatchString(s) {
		return 0, fmt.Errorf("%s must be a positive whole number, got %q", what, s)
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s must be a positive whole number, got %q: %w", what, s, err)
	}
	return n, nil
}

// stringRule is one check of a configured string that the provider's own validators
// make: ruleValidator[R] is the validator, which passes over null and unknown values
// and reports what the rule finds on the attribute.
type stringRule interface {
	// description says what a valid value is, as the validator's description.
	description() string
	// problem is the error for value at the path at, or two empty strings when the
	// value is valid.
	problem(at path.Path, value string) (summary, detail string)
}

// ruleValidator is the string validator of the rule R.
type ruleValidator[R stringRule] struct{ rule R }

func (v ruleValidator[R]) Description(context.Context) string { return v.rule.description() }

func (v ruleValidator[R]) MarkdownDescription(context.Context) string { return v.rule.description() }

func (v ruleValidator[R]) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if summary, detail := v.rule.problem(req.Path, req.ConfigValue.ValueString()); detail != "" {
		resp.Diagnostics.AddAttributeError(req.Path, summary, detail)
	}
}

// invalidValue is the error of a value that is not what description says, in the
// framework validators' words.
func invalidValue(at path.Path, description, value string) (summary, detail string) {
	return "Invalid Attribute Value", fmt.Sprintf("Attribute %s %s, got: %q", at, description, value)
}

// numericIDValue is a numeric CXone ID as the string attribute that holds it.
func numericIDValue(id int64) types.String {
	return types.StringValue(strconv.FormatInt(id, 10))
}

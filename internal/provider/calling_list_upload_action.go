package provider

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
)

// cxone_calling_list_upload (outbound-api.md §7): sends CSV records to a calling list
// (base64 on the wire), follows CXone's upload job to completion and reports its counts
// of valid and invalid records; start_skill starts the skill once the records are in.

// defaultUploadTimeout bounds an upload and the wait for its job (and, with start_skill,
// for the skill to run).
const defaultUploadTimeout = 15 * time.Minute

// maxUploadRecords is CXone's limit of records in one calling-list file.
const maxUploadRecords = 500000

// expirationDateRE is the form of expiration_date: a date, or a date and time in UTC or
// with an offset (RFC 3339).
var expirationDateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$`)

type callingListUploadModel struct {
	ListID         types.Int64    `tfsdk:"list_id"`
	SkillID        types.Int64    `tfsdk:"skill_id"`
	Content        types.String   `tfsdk:"content"`
	ExpirationDate types.String   `tfsdk:"expiration_date"`
	ForceOverwrite types.Bool     `tfsdk:"force_overwrite"`
	StartSkill     types.Bool     `tfsdk:"start_skill"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

// NewCallingListUploadAction returns the cxone_calling_list_upload action.
func NewCallingListUploadAction() action.Action {
	return framework.NewAction[callingListUploadModel](&callingListUploadAction{}, "calling_list_upload", callingListUploadSchema, validateCallingListUpload)
}

type callingListUploadAction struct {
	framework.ActionWithModel[callingListUploadModel]
}

func callingListUploadSchema(ctx context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Uploads records to a calling list (`POST /lists/call-lists/{listId}/upload`, the CSV " +
			"base64-encoded), then follows CXone's upload job (`GET /lists/call-lists/jobs/{jobId}`) until it " +
			"completes, with progress messages while it waits and the job's counts of valid and invalid records at " +
			"the end. Before any upload, the action reads the list's definition and refuses content whose header row " +
			"lacks the list's external-ID column. Each invocation uploads the records again: they are added to the " +
			"list's records unless `force_overwrite` is set. Needs Terraform 1.14 or later; the action writes no state.",
		Attributes: map[string]schema.Attribute{
			"list_id": schema.Int64Attribute{
				MarkdownDescription: "ID of the calling list, for example `cxone_calling_list.<name>.id`.",
				Required:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"skill_id": schema.Int64Attribute{
				MarkdownDescription: "ID of the outbound Personal Connection skill that works through the records. " +
					"Required with `start_skill`.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"content": schema.StringAttribute{
				MarkdownDescription: "The records as CSV text, header row first, for example `file(\"${path.module}/" +
					"records.csv\")`. The header must name the list's external-ID column; at most " +
					"500,000 records. Checked at plan time (CSV form, a header and at least one record) and, before " +
					"the upload, against the list's definition.",
				Required:   true,
				Validators: []validator.String{notBlankValidator(), csvContentValidator{}},
			},
			"expiration_date": schema.StringAttribute{
				MarkdownDescription: "When the uploaded records expire, as a date (`2026-12-31`) or an RFC 3339 date " +
					"and time (`2026-12-31T23:59:00Z`). Unset: sent empty, which leaves the records' expiry to the list's own " +
					"settings.",
				Optional: true,
				Validators: []validator.String{stringvalidator.RegexMatches(expirationDateRE,
					"must be a date such as 2026-12-31 or an RFC 3339 date and time such as 2026-12-31T23:59:00Z")},
			},
			"force_overwrite": schema.BoolAttribute{
				MarkdownDescription: "Whether the upload replaces the list's records instead of adding to them. " +
					"Defaults to `false`.",
				Optional: true,
			},
			"start_skill": schema.BoolAttribute{
				MarkdownDescription: "Whether CXone starts the skill of `skill_id` once the records are in; the " +
					"action then waits until the skill runs. Records uploaded to a running skill are attempted at " +
					"once. Defaults to `false`.",
				Optional: true,
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": actionTimeoutsBlock(ctx, defaultUploadTimeout),
		},
	}
}

// validateCallingListUpload checks at plan time what needs no call to CXone: start_skill
// needs a skill, and the timeout must be positive.
func validateCallingListUpload(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) {
	validateActionTimeout(ctx, config, diags)
	var m callingListUploadModel
	diags.Append(config.Get(ctx, &m)...)
	if diags.HasError() {
		return
	}
	if m.StartSkill.ValueBool() && m.SkillID.IsNull() {
		diags.AddAttributeError(path.Root("start_skill"), "Missing Skill",
			"start_skill = true starts the skill of skill_id once the records are in: set skill_id to the ID of an "+
				"outbound Personal Connection skill, or leave start_skill out.")
	}
}

// csvTable is the content of an upload as the action reads it.
type csvTable struct {
	header  []string
	records int
}

// parseCSVContent reads content as CSV: a header row and at least one record, within
// CXone's limit. A UTF-8 byte order mark before the header is ignored.
func parseCSVContent(content string) (csvTable, error) {
	rd := csv.NewReader(strings.NewReader(strings.TrimPrefix(content, "\ufeff")))
	rd.FieldsPerRecord = -1 // a short row is CXone's to count invalid, as it does a row without an external ID
	header, err := rd.Read()
	if err != nil {
		return csvTable{}, fmt.Errorf("it is not CSV with a header row: %w", err)
	}
	for i, h := range header {
		header[i] = strings.TrimSpace(h)
	}
	t := csvTable{header: header}
	for {
		_, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return csvTable{}, fmt.Errorf("it is not CSV: %w", err)
		}
		t.records++
		if t.records > maxUploadRecords {
			return csvTable{}, fmt.Errorf("it has more than %d records, CXone's limit for one file: split it", maxUploadRecords)
		}
	}
	if t.records == 0 {
		return csvTable{}, errors.New("it has a header row but no records")
	}
	return t, nil
}

// csvContentValidator refuses content that is not CSV with a header row and records.
// A blank value is notBlankValidator's to refuse.
type csvContentValidator = ruleValidator[csvContentRule]

type csvContentRule struct{}

func (csvContentRule) description() string {
	return "must be CSV text with a header row and at least one record"
}

func (csvContentRule) problem(_ path.Path, value string) (summary, detail string) {
	if strings.TrimSpace(value) == "" {
		return "", ""
	}
	if _, err := parseCSVContent(value); err != nil {
		return "Invalid Calling List Content",
			"content must be CSV text with a header row and at least one record, such as file(\"records.csv\"); " + err.Error() + "."
	}
	return "", ""
}

// InvokeAction uploads the records and follows the upload job.
func (a *callingListUploadAction) InvokeAction(ctx context.Context, m callingListUploadModel, resp *action.InvokeResponse) {
	ctx, timeout, cancel := actionDeadline(ctx, m.Timeouts, defaultUploadTimeout, &resp.Diagnostics)
	defer cancel()
	diags, p := &resp.Diagnostics, newProgress(resp)
	const summary = "Unable to Upload Calling List Records"
	listID, skillID, start := m.ListID.ValueInt64(), m.SkillID.ValueInt64(), m.StartSkill.ValueBool()

	table, err := parseCSVContent(m.Content.ValueString())
	if err != nil { // checked at plan time; a value known only now is checked here
		diags.AddAttributeError(path.Root("content"), summary, "content must be CSV text with a header row and at least one record; "+err.Error()+".")
		return
	}
	list, err := a.Client.GetCallingList(ctx, listID)
	if err != nil {
		actionFailure(diags, summary, fmt.Sprintf("read calling list %d", listID), err, timeout,
			notFoundOr(err, "Check list_id: use the id of a cxone_calling_list."))
		return
	}
	listLabel := fmt.Sprintf("calling list %d (%q)", listID, list.ListName)
	if list.ExternalIDColumn != "" && !slices.Contains(table.header, list.ExternalIDColumn) {
		diags.AddAttributeError(path.Root("content"), summary, fmt.Sprintf("The CSV's header row has the columns %s, "+
			"but %s takes each record's external ID from the column %q. Add that column to the CSV (or upload to a "+
			"list whose external_id_column is among the columns); nothing was uploaded.",
			quotedList(table.header), listLabel, list.ExternalIDColumn))
		return
	}
	var skill *cxone.OutboundSkill
	if skillID != 0 {
		verb := "take calling-list records"
		if start {
			verb = "start"
		}
		var ok bool
		if skill, ok = checkPCSkill(ctx, a.Client, diags, skillID, verb, summary, timeout); !ok {
			return
		}
	}

	up := cxone.CallingListUpload{
		Content: []byte(m.Content.ValueString()), FileName: "terraform-upload.csv", SkillID: skillID,
		ForceOverwrite: m.ForceOverwrite.ValueBool(), ExpirationDate: m.ExpirationDate.ValueString(), StartSkill: start,
	}
	how := "adding to its records"
	if up.ForceOverwrite {
		how = "replacing its records"
	}
	p.say("Uploading %d records (%d bytes of CSV) to %s, %s.", table.records, len(up.Content), listLabel, how)
	jobID, err := a.Client.UploadCallingList(ctx, listID, up)
	if err != nil {
		todo := "Fix what CXone named, then run the action again."
		if !cxone.Refused(err) {
			todo = "CXone may have accepted the upload before the failure. Check the list's upload date in CXone " +
				"(Outbound > Calling Lists) before running the action again: an upload that did go through would " +
				"add the records twice, unless force_overwrite is set."
		}
		actionFailure(diags, summary, "upload records to "+listLabel, err, timeout, todo)
		return
	}
	p.say("CXone accepted upload job %d for %s; waiting for it to complete.", jobID, listLabel)
	var job *cxone.UploadJob
	err = waitFor(ctx, func() (bool, error) {
		j, err := a.Client.GetUploadJob(ctx, jobID)
		if err != nil {
			return false, err
		}
		job = j
		if j.IsComplete || j.IsCancelled {
			return true, nil
		}
		p.say("Upload job %d: CXone is processing the records (%s so far).", jobID, p.elapsed())
		return false, nil
	})
	if err != nil {
		actionFailure(diags, summary, fmt.Sprintf("follow upload job %d of %s", jobID, listLabel), err, timeout,
			fmt.Sprintf("CXone accepted the records as upload job %d, so they are on their way: do not run the action "+
				"again, which would upload them twice (unless force_overwrite is set). Follow the job in CXone "+
				"(Outbound > Calling Lists, or GET /lists/call-lists/jobs/%d).", jobID, jobID))
		return
	}
	if job.IsCancelled {
		diags.AddError(summary, fmt.Sprintf("CXone cancelled upload job %d of %s before it completed: no records "+
			"were added. Check the list and the job in CXone (Outbound > Calling Lists), then run the action again.",
			jobID, listLabel))
		return
	}
	p.say("Upload job %d complete: %d records, %d valid, %d invalid (%s).", jobID, job.TotalRecords, job.ValidRecords,
		job.InvalidRecords, p.elapsed())
	if job.InvalidRecords > 0 {
		diags.AddWarning("Invalid Calling List Records", fmt.Sprintf("CXone found %d of the %d records of upload job %d "+
			"invalid (for example, without a value in the external-ID column %q) and did not add them to %s. "+
			"Correct them in the CSV and upload again.", job.InvalidRecords, job.TotalRecords, jobID, list.ExternalIDColumn, listLabel))
	}
	switch {
	case start:
		waitSkillStarted(ctx, a, diags, p, skill, timeout)
	case skill != nil && skill.IsRunning:
		p.say("Outbound skill %d (%q) runs: CXone attempts the new records at once.", skill.SkillID, skill.SkillName)
	}
}

// waitSkillStarted waits, after an upload with start_skill, until CXone reports the skill
// running: CXone starts it once the records are in.
func waitSkillStarted(ctx context.Context, a *callingListUploadAction, diags *diag.Diagnostics, p *progress,
	skill *cxone.OutboundSkill, timeout time.Duration,
) {
	label := fmt.Sprintf("skill %d (%q)", skill.SkillID, skill.SkillName)
	if skill.IsRunning {
		p.say("Outbound %s was already running: the records are attempted at once.", label)
		return
	}
	err := waitFor(ctx, func() (bool, error) {
		s, err := a.Client.GetOutboundSkill(ctx, skill.SkillID)
		if err != nil {
			return false, err
		}
		if !s.IsRunning {
			p.say("Waiting for CXone to start outbound %s (%s so far).", label, p.elapsed())
		}
		return s.IsRunning, nil
	})
	if err != nil {
		actionFailure(diags, "Unable to Start Outbound Skill", "wait for "+label+" to start after the upload", err, timeout,
			"The records are in. Start the skill with the cxone_outbound_skill_start action, or in CXone (Outbound > "+
				"Skill Control); do not upload again.")
		return
	}
	p.say("Outbound %s is running.", label)
}

// quotedList writes names as "a", "b", "c".
func quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// What the actions share: the timeouts block that bounds an invocation, the wait that
// polls CXone while sending progress messages, and the diagnostics of a failed deed.
// An action never writes state: it has none.

// actionTimeoutsBlock is the timeouts block of an action: invoke bounds the whole
// invocation, its calls and its wait, defaulting to def.
func actionTimeoutsBlock(ctx context.Context, def time.Duration) schema.Block {
	return timeouts.BlockWithOpts(ctx, timeouts.Opts{
		InvokeDescription: fmt.Sprintf("How long the action may take in all, its calls to CXone and its wait "+
			"included, as a Go duration such as \"90s\" or \"10m\". Defaults to %q.", shortDuration(def)),
	})
}

// shortDuration writes d as a Go duration without zero units ("5m", not "5m0s").
func shortDuration(d time.Duration) string {
	s := d.String()
	for _, zero := range []string{"0s", "0m"} {
		if len(s) > len(zero) && s[len(s)-len(zero):] == zero {
			s = s[:len(s)-len(zero)]
		}
	}
	return s
}

// validateActionTimeout refuses an invoke timeout that is zero or negative at plan time:
// the timeouts block checks only that it parses, and such a timeout would fail at once.
func validateActionTimeout(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) {
	p := path.Root("timeouts").AtName("invoke")
	var invoke types.String
	diags.Append(config.GetAttribute(ctx, p, &invoke)...)
	if invoke.IsNull() || invoke.IsUnknown() {
		return
	}
	if d, err := time.ParseDuration(invoke.ValueString()); err == nil && d <= 0 {
		diags.AddAttributeError(p, "Invalid Timeout",
			fmt.Sprintf("timeouts.invoke must be a positive duration such as \"10m\", got %q.", invoke.ValueString()))
	}
}

// actionDeadline gives ctx the invocation's timeout.
func actionDeadline(ctx context.Context, t timeouts.Value, def time.Duration, diags *diag.Diagnostics) (context.Context, time.Duration, context.CancelFunc) {
	d, ds := t.Invoke(ctx, def)
	diags.Append(ds...)
	ctx, cancel := context.WithTimeout(ctx, d)
	return ctx, d, cancel
}

// pathSkillID is the skill_id of the actions that take one.
var pathSkillID = path.Root("skill_id")

// progress sends an action's progress messages to Terraform, which prints them under the
// action's name as they come.
type progress struct {
	resp  *action.InvokeResponse
	start time.Time
}

func newProgress(resp *action.InvokeResponse) *progress {
	return &progress{resp: resp, start: time.Now()}
}

// say sends one message.
func (p *progress) say(format string, args ...any) {
	if p.resp.SendProgress != nil {
		p.resp.SendProgress(action.InvokeProgressEvent{Message: fmt.Sprintf(format, args...)})
	}
}

// elapsed is the time since the action started, rounded for messages.
func (p *progress) elapsed() time.Duration { return time.Since(p.start).Round(100 * time.Millisecond) }

// The first and the longest pause between two reads of a wait: short at first, because
// CXone often finishes within a second or two, then growing so that a long job costs
// few requests. Variables so that tests may shorten them.
var (
	actionPollFirst = 250 * time.Millisecond
	actionPollMax   = 5 * time.Second
)

// errWaitTimedOut is the error of a wait that ran out of time.
var errWaitTimedOut = errors.New("timed out")

// waitFor calls check until it reports done, pausing between calls with a growing
// interval, until ctx ends (the invocation's timeout). check's error ends the wait.
func waitFor(ctx context.Context, check func() (bool, error)) error {
	pause := actionPollFirst
	for {
		done, err := check()
		if err != nil || done {
			return err
		}
		t := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			t.Stop()
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return errWaitTimedOut
			}
			return ctx.Err()
		case <-t.C:
		}
		pause = min(2*pause, actionPollMax)
	}
}

// actionFailure adds the error of a deed CXone did not do: summary names it ("Unable to
// Start Outbound Skill"), detail says what was being done, then CXone's answer, then what
// to do. A call cut short by the invocation's timeout says which setting to raise.
func actionFailure(diags *diag.Diagnostics, summary, doing string, err error, timeout time.Duration, todo string) {
	answer := apiAnswer("", err)
	if errors.Is(err, cxone.ErrAnswerLost) {
		// apiAnswer's advice is a resource's (the apply looks the object up); todo says what an action's is.
		answer = sentence(err.Error())
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, errWaitTimedOut) {
		todo = fmt.Sprintf("The action's time (timeouts.invoke, %s here) ran out. %s Raise timeouts.invoke if CXone "+
			"is slow today, and run the action again.", shortDuration(timeout), todo)
	}
	detail := fmt.Sprintf("While trying to %s:\n\n%s", doing, answer)
	if todo != "" {
		detail += "\n\n" + todo
	}
	diags.AddError(summary, detail)
}

// notFoundOr returns ifNotFound when err says the object does not exist, else "".
func notFoundOr(err error, ifNotFound string) string {
	if cxone.IsNotFound(err) {
		return ifNotFound
	}
	return ""
}

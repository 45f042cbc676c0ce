package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

// syncBackoff spaces the reads that wait for a skill's routing queue: often at first,
// since the sync is usually quick, then less often, so a slow sync costs few calls.
type syncBackoff struct {
	first  time.Duration
	factor float64
	max    time.Duration
}

// defaultSyncBackoff polls after 250ms, then 1.5 times longer each time, at most every 10s.
var defaultSyncBackoff = syncBackoff{first: 250 * time.Millisecond, factor: 1.5, max: 10 * time.Second}

// next is the pause after one of d.
func (b syncBackoff) next(d time.Duration) time.Duration {
	n := time.Duration(float64(d) * b.factor)
	return min(n, b.max)
}

// errSyncTimeout is returned by waitForSkillSync when the timeout ends first.
var errSyncTimeout = errors.New("timed out waiting for the routing-queue sync")

// skillGetter reads one skill from CXone (cxone.Client, or the read cache's client).
type skillGetter interface {
	GetSkill(ctx context.Context, skillID int64) (*cxone.Skill, error)
}

// waitForSkillSync reads the skill until CXone has given it a routing queue, and returns
// it then. It gives up with errSyncTimeout after timeout, or with the read's error.
func waitForSkillSync(ctx context.Context, client skillGetter, skillID int64, timeout time.Duration, b syncBackoff) (*cxone.Skill, error) {
	waitCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	pause := b.first
	timer := time.NewTimer(pause)
	defer timer.Stop()
	for attempt := 1; ; attempt++ {
		select {
		case <-waitCtx.Done():
			return nil, syncWaitEnded(ctx, waitCtx)
		case <-timer.C:
		}
		skill, err := client.GetSkill(waitCtx, skillID)
		if err != nil {
			if waitCtx.Err() != nil {
				return nil, syncWaitEnded(ctx, waitCtx)
			}
			return nil, fmt.Errorf("reading the skill while waiting for its routing queue: %w", err)
		}
		if skill.RoutingQueueID != "" {
			tflog.Debug(ctx, "digital skill synced to a routing queue",
				map[string]any{"skill_id": skillID, "routing_queue_id": skill.RoutingQueueID, "reads": attempt})
			return skill, nil
		}
		pause = b.next(pause)
		timer.Reset(pause)
	}
}

// syncWaitEnded tells a timeout from the operation itself being cancelled (Ctrl-C).
func syncWaitEnded(parent, waitCtx context.Context) error {
	if err := parent.Err(); err != nil {
		return fmt.Errorf("the operation was cancelled while waiting for the routing-queue sync: %w", err)
	}
	return fmt.Errorf("%w: %w", errSyncTimeout, waitCtx.Err())
}

// addSyncError reports a create whose skill exists but whose routing queue did not
// appear. The skill is already in state, so Terraform marks it tainted.
func addSyncError(diags *diag.Diagnostics, name string, skillID int64, timeout time.Duration, err error) {
	var what string
	if errors.Is(err, errSyncTimeout) {
		what = fmt.Sprintf("CXone had not synced its Digital Experience routing queue within the create timeout of %s. "+
			"The sync usually takes seconds but can take minutes; to wait longer, set\n\n"+
			"  timeouts {\n    create = \"20m\"\n  }\n\nin the resource.", timeout)
	} else {
		what = "waiting for its Digital Experience routing queue failed:\n\n" + apiAnswer(digitalSkillType, err)
	}
	diags.AddError("Unable to Create Digital Skill",
		fmt.Sprintf("Digital skill %q (ID %d) was created, but %s\n\n"+
			"The skill is kept in the state and marked tainted, so the next apply replaces it: it is deactivated "+
			"and then reactivated, and the wait starts again.", name, skillID, what))
}

// keepSyncedQueueID keeps routing_queue_id from the state once CXone has synced it:
// the queue of a skill does not change when the skill is updated, and an unknown value
// would replace every binding to it. Before the sync (an imported skill), the value
// stays unknown so the update can fill it in.
type keepSyncedQueueID struct{}

func (keepSyncedQueueID) Description(context.Context) string {
	return "Keeps the routing queue ID from the state once CXone has synced the skill."
}

func (m keepSyncedQueueID) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (keepSyncedQueueID) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || req.StateValue.IsUnknown() || req.StateValue.ValueString() == "" {
		return
	}
	if !req.PlanValue.IsUnknown() || req.ConfigValue.IsUnknown() {
		return
	}
	resp.PlanValue = req.StateValue
}

package provider

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/framework"
	"github.com/cxone-oss/terraform-provider-cxone/internal/readcache"
)

// cxone_outbound_skill_start and cxone_outbound_skill_stop (outbound-api.md §8): start or
// stop a Personal Connection skill, then wait until CXone reports it running or stopped.
// Both are idempotent: a skill already in the state asked for is left alone, and the
// action says so.

// defaultSkillActionTimeout bounds a start or a stop and the wait for CXone to report it.
const defaultSkillActionTimeout = 5 * time.Minute

type outboundSkillStartModel struct {
	SkillID  types.Int64    `tfsdk:"skill_id"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

type outboundSkillStopModel struct {
	SkillID  types.Int64    `tfsdk:"skill_id"`
	Force    types.Bool     `tfsdk:"force"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// skillControl is the configuration of a start or a stop: the skill, whether to force
// the stop, and the timeouts block.
type skillControl interface {
	control() (skillID int64, force bool, t timeouts.Value)
}

func (m outboundSkillStartModel) control() (int64, bool, timeouts.Value) {
	return m.SkillID.ValueInt64(), false, m.Timeouts
}

func (m outboundSkillStopModel) control() (int64, bool, timeouts.Value) {
	return m.SkillID.ValueInt64(), m.Force.ValueBool(), m.Timeouts
}

// NewOutboundSkillStartAction returns the cxone_outbound_skill_start action.
func NewOutboundSkillStartAction() action.Action {
	return framework.NewAction[outboundSkillStartModel](&outboundSkillStartAction{start: true}, "outbound_skill_start", outboundSkillStartSchema, validateActionTimeout)
}

// NewOutboundSkillStopAction returns the cxone_outbound_skill_stop action.
func NewOutboundSkillStopAction() action.Action {
	return framework.NewAction[outboundSkillStopModel](&outboundSkillStopAction{}, "outbound_skill_stop", outboundSkillStopSchema, validateActionTimeout)
}

// skillControlAction starts (start true) or stops the skill its configuration M names.
type skillControlAction[M skillControl] struct {
	framework.ActionWithModel[M]
	start bool
}

type (
	outboundSkillStartAction = skillControlAction[outboundSkillStartModel]
	outboundSkillStopAction  = skillControlAction[outboundSkillStopModel]
)

// skillControlSchema is the schema of the start or the stop (verb): the skill_id,
// the attributes only it has, and the timeouts block.
func skillControlSchema(ctx context.Context, verb, description string, more map[string]schema.Attribute) schema.Schema {
	attributes := map[string]schema.Attribute{
		"skill_id": schema.Int64Attribute{
			MarkdownDescription: "ID of the outbound Personal Connection skill to " + verb + ", for example " +
				"`cxone_outbound_skill.<name>.id`. A skill that is inbound, or outbound with another strategy, is refused.",
			Required:   true,
			Validators: []validator.Int64{int64validator.AtLeast(1)},
		},
	}
	maps.Copy(attributes, more)
	return schema.Schema{
		MarkdownDescription: description,
		Attributes:          attributes,
		Blocks:              map[string]schema.Block{"timeouts": actionTimeoutsBlock(ctx, defaultSkillActionTimeout)},
	}
}

func outboundSkillStartSchema(ctx context.Context) schema.Schema {
	return skillControlSchema(ctx, "start", "Starts an outbound Personal Connection skill (`POST /skills/{skillId}/start`), "+
		"so that CXone begins working through the records of its calling lists, and waits until CXone reports the skill "+
		"running. Starting a running skill changes nothing and says so. Records uploaded to a running skill are "+
		"attempted at once. Needs Terraform 1.14 or later; the action writes no state.", nil)
}

func outboundSkillStopSchema(ctx context.Context) schema.Schema {
	return skillControlSchema(ctx, "stop", "Stops an outbound Personal Connection skill (`POST /skills/{skillId}/stop`) "+
		"and waits until CXone reports it stopped. Stopping a stopped skill changes nothing and says so. A running skill "+
		"cannot be changed or deactivated, so stop it before such a change. Needs Terraform 1.14 or later; the "+
		"action writes no state.",
		map[string]schema.Attribute{
			"force": schema.BoolAttribute{
				MarkdownDescription: "Whether to end the skill's active interactions at once, as Force Stop does in " +
					"the CXone UI. Without it, agents finish their current interactions and take no new ones. " +
					"Defaults to `false`.",
				Optional: true,
			},
		})
}

// InvokeAction starts or stops the skill and waits until it runs, or has stopped.
func (a *skillControlAction[M]) InvokeAction(ctx context.Context, m M, resp *action.InvokeResponse) {
	skillID, force, t := m.control()
	ctx, timeout, cancel := actionDeadline(ctx, t, defaultSkillActionTimeout, &resp.Diagnostics)
	defer cancel()
	runSkillControl(ctx, a.Client, newProgress(resp), &resp.Diagnostics, skillID, a.start, force, timeout)
}

// runSkillControl starts (start true) or stops a skill and waits for CXone to report it.
func runSkillControl(ctx context.Context, api readcache.API, p *progress, diags *diag.Diagnostics,
	skillID int64, start, force bool, timeout time.Duration,
) {
	verb, summary, want := "stop", "Unable to Stop Outbound Skill", "stopped"
	if start {
		verb, summary, want = "start", "Unable to Start Outbound Skill", "running"
	}
	skill, ok := checkPCSkill(ctx, api, diags, skillID, verb, summary, timeout)
	if !ok {
		return
	}
	label := fmt.Sprintf("skill %d (%q)", skill.SkillID, skill.SkillName)
	if skill.IsRunning == start {
		p.say("Outbound %s is already %s: nothing to do.", label, want)
		return
	}
	if start {
		p.say("Starting outbound %s.", label)
		if err := api.StartSkill(ctx, skillID); err != nil {
			actionFailure(diags, summary, "start outbound "+label, err, timeout, skillControlHint(err,
				"Check the skill in CXone (Outbound > Skill Control): it must be active and have what CXone needs to "+
					"start it, then run the action again."))
			return
		}
	} else {
		how := "agents finish their current interactions"
		if force {
			how = "force: active interactions end now"
		}
		p.say("Stopping outbound %s (%s).", label, how)
		if err := api.StopSkill(ctx, skillID, force); err != nil {
			actionFailure(diags, summary, "stop outbound "+label, err, timeout, skillControlHint(err,
				"Check the skill in CXone (Outbound > Skill Control), then run the action again."))
			return
		}
	}
	err := waitFor(ctx, func() (bool, error) {
		s, err := api.GetOutboundSkill(ctx, skillID)
		if err != nil {
			return false, err
		}
		if s.IsRunning == start {
			return true, nil
		}
		p.say("Waiting for CXone to report %s %s (%s so far).", label, want, p.elapsed())
		return false, nil
	})
	if err != nil {
		actionFailure(diags, summary, fmt.Sprintf("wait for %s to be %s", label, want), err, timeout,
			fmt.Sprintf("CXone accepted the %s but has not reported the skill %s yet. Check it in CXone (Outbound > "+
				"Skill Control); running the action again is safe.", verb, want))
		return
	}
	p.say("Outbound %s is %s.", label, want)
}

// checkPCSkill reads a skill and refuses one that is not an outbound Personal Connection
// skill, or (to start it) not active, before anything is changed.
func checkPCSkill(ctx context.Context, api readcache.API, diags *diag.Diagnostics, skillID int64,
	verb, summary string, timeout time.Duration,
) (*cxone.OutboundSkill, bool) {
	skill, err := api.GetOutboundSkill(ctx, skillID)
	if err != nil {
		actionFailure(diags, summary, fmt.Sprintf("read skill %d", skillID), err, timeout,
			notFoundOr(err, "Check skill_id: use the id of a cxone_outbound_skill, or look the skill up "+
				"with the cxone_outbound_skill data source."))
		return nil, false
	}
	label := fmt.Sprintf("Skill %d (%q)", skill.SkillID, skill.SkillName)
	switch {
	case !skill.IsOutbound:
		diags.AddAttributeError(pathSkillID, summary, fmt.Sprintf("%s is an inbound skill: only an outbound "+
			"Personal Connection skill can %s. Check skill_id.", label, verb))
		return nil, false
	case skill.OutboundStrategy != cxone.StrategyPersonalConnection:
		diags.AddAttributeError(pathSkillID, summary, fmt.Sprintf("%s is an outbound skill with the strategy %q: "+
			"only a %q skill can %s. Check skill_id.", label, skill.OutboundStrategy, cxone.StrategyPersonalConnection, verb))
		return nil, false
	case verb == "start" && !skill.IsActive && !skill.IsRunning:
		diags.AddAttributeError(pathSkillID, summary, fmt.Sprintf("%s is inactive, and CXone starts only an active "+
			"skill. Activate it (is_active on its cxone_outbound_skill), then run the action again.", label))
		return nil, false
	}
	return skill, true
}

// skillControlHint says what to do after a failed start or stop: refused, what refused
// says; otherwise CXone failed or did not answer, and the action is safe to run again
// (it reads the skill first and does nothing when the skill is already as asked).
func skillControlHint(err error, refused string) string {
	if cxone.Refused(err) {
		return refused
	}
	return "CXone failed or did not answer the call, so the skill may or may not have changed. Running the action " +
		"again is safe: it reads the skill first and does nothing if the skill is already as asked."
}

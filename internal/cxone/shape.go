package cxone

import (
	"encoding/json"
	"fmt"
	"strings"
)

// An answer is believed only once it has the shape ../shared/design/cxone-api.md
// documents: the list under its key (pagination.go), and each object with its id and
// the fields the provider finds it by. A proxy that answers 200 with {} or a gateway
// that sends objects with null ids would otherwise read as an empty tenant, and what
// is missing from a list is planned for creation, or removed from state. An answer of
// another shape is a *ShapeError instead, and the operation fails with the state as
// it was.

// Users, skills and the outbound kinds (message templates, campaigns, dispositions, DNC
// groups, outbound skills) must also say whether they are active: the provider reads an
// inactive one as gone, so an answer without isActive must not read as "inactive".

// activeness records whether an answer said if its object is active; each kind that
// embeds it requires isActive in its check (missingFields or its valid function).
type activeness struct {
	// noIsActive: the answer left isActive out or null.
	noIsActive bool
}

// said records whether the answer's isActive was there and returns its value (false when
// it was not).
func (a *activeness) said(isActive *bool) bool {
	a.noIsActive = isActive == nil
	return isActive != nil && *isActive
}

// decodeActive decodes b into plain (the type of an object without its UnmarshalJSON) and
// records in a whether b said if the object is active.
func decodeActive[P any](b []byte, plain *P, a *activeness) error {
	if err := json.Unmarshal(b, plain); err != nil {
		return err
	}
	var probe struct {
		IsActive *bool `json:"isActive"`
	}
	if err := json.Unmarshal(b, &probe); err != nil {
		return err
	}
	a.said(probe.IsActive)
	return nil
}

// needIDActive is the valid function of an outbound kind that says whether its objects
// are active: it names what an object lacks, its positive id (name) or isActive, or is "".
func needIDActive(name string, id int64, a activeness) string {
	if msg := needID(name, id); msg != "" || !a.noIsActive {
		return msg
	}
	return "has no isActive"
}

// shaped is implemented by every object the client reads from CXone: missingFields
// names the fields it is keyed on that the answer left empty (or null).
type shaped interface {
	missingFields() []string
}

// checkItems fills in what the path says about each object (fill may be nil) and
// checks that every one has the fields it is keyed on. An object type that does not
// say what those are fails the check, so that no new kind is believed unchecked.
func checkItems[T any](items []T, fill func(*T)) error {
	for i := range items {
		if fill != nil {
			fill(&items[i])
		}
		if err := checkOne(&items[i]); err != nil {
			return fmt.Errorf("object %d of the answer: %w", i+1, err)
		}
	}
	return nil
}

// checkOne checks one object as checkItems does.
func checkOne[T any](item *T) error {
	s, ok := any(item).(shaped)
	if !ok {
		return fmt.Errorf("the client does not know which fields a %T must have", *item)
	}
	if missing := s.missingFields(); len(missing) > 0 {
		return fmt.Errorf("it has no %s", strings.Join(missing, ", no "))
	}
	return nil
}

// field is one keyed field of an object, and whether the answer left it empty.
type field struct {
	name  string
	empty bool
}

// missing lists the names of the fields left empty.
func missing(fields ...field) []string {
	var out []string
	for _, f := range fields {
		if f.empty {
			out = append(out, f.name)
		}
	}
	return out
}

func (a *Agent) missingFields() []string {
	return missing(field{"agentId", a.AgentID == 0}, field{"userName", a.UserName == ""}, field{"isActive", a.noIsActive})
}

func (s *Skill) missingFields() []string {
	return missing(field{"skillId", s.SkillID == 0}, field{"skillName", s.SkillName == ""}, field{"isActive", s.noIsActive})
}

func (a *SkillAssignment) missingFields() []string {
	return missing(field{"agentId", a.AgentID == 0}, field{"skillId", a.SkillID == 0})
}

func (t *Team) missingFields() []string {
	return missing(field{"teamId", t.TeamID == 0}, field{"teamName", t.TeamName == ""})
}

func (p *SecurityProfile) missingFields() []string {
	return missing(field{"securityProfileId", p.SecurityProfileID == 0}, field{"securityProfileName", p.SecurityProfileName == ""})
}

func (in *Integration) missingFields() []string {
	return missing(field{"id", in.ID == ""}, field{"name", in.Name == ""})
}

func (ch *Channel) missingFields() []string {
	return missing(field{"id", ch.ID == ""}, field{"channelIntegrationId", ch.ChannelIntegrationID == ""})
}

func (q *RoutingQueue) missingFields() []string {
	return missing(field{"id", q.ID == ""}, field{"name", q.Name == ""})
}

func (b *Binding) missingFields() []string {
	return missing(field{"routingQueueId", b.RoutingQueueID == ""}, field{"channelId", b.ChannelID == ""})
}

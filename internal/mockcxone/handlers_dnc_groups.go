package mockcxone

import (
	"fmt"
	"net/http"
	"strings"
)

// DNC groups (outbound-api.md section 6): created with JSON, changed with query
// parameters, never deleted (isActive=false retires one); skills are scrubbed against a
// group or contribute to it through links with real DELETEs.

// dncListKeys are the answers' list keys, by relation.
var dncListKeys = map[string]string{relationScrubbed: "scrubbedSkills", relationContributing: "contributingSkills"}

func (s *Server) listDNCGroups(w http.ResponseWriter, _ *http.Request) {
	st := s.store
	st.mu.RLock()
	all := sortedByID(st.out.dncGroups, func(g *DNCGroup) int64 { return g.DNCGroupID })
	st.mu.RUnlock()
	// No paging, as the spec's answer.
	writeJSON(w, http.StatusOK, map[string]any{"resultSet": map[string]any{"totalGroups": len(all), "dncGroups": all}})
}

func (s *Server) createDNCGroup(w http.ResponseWriter, r *http.Request) {
	in, ok := readBody[struct {
		DNCGroupName        *string `json:"dncGroupName"`
		DNCGroupDescription *string `json:"dncGroupDescription"`
	}](w, r)
	if !ok {
		return
	}
	if in.DNCGroupName == nil || strings.TrimSpace(*in.DNCGroupName) == "" {
		badRequest(w, fmt.Errorf("dncGroupName is required"))
		return
	}
	g := &DNCGroup{DNCGroupName: *in.DNCGroupName, IsActive: true, CreateDate: now()}
	g.LastUpdateTime = g.CreateDate
	setIf(&g.DNCGroupDescription, in.DNCGroupDescription)
	dncGroupKind.create(w, s.store, g, func(g *DNCGroup) any { return map[string]any{"dncGroups": []DNCGroup{*g}} })
}

// getDNCGroup answers the group in a one-item array, as the spec does even for one id.
func (s *Server) getDNCGroup(w http.ResponseWriter, r *http.Request) {
	answerByID(w, r, s.store, "groupId", "DNC group", dncGroupsOf, func(g *DNCGroup) any {
		return map[string]any{"resultSet": map[string]any{"dncGroups": []DNCGroup{*g}}}
	})
}

// updateDNCGroup changes the query parameters given.
func (s *Server) updateDNCGroup(w http.ResponseWriter, r *http.Request) {
	id, f, ok := queryUpdate{idParam: "groupId", nameParam: "dncGroupName",
		strs: []string{"dncGroupName", "dncGroupDescription"}, bools: []string{"isActive"}}.read(w, r)
	if !ok {
		return
	}
	st := s.store
	writeByID(w, st, id, "DNC group", dncGroupsOf, func(g *DNCGroup) {
		if dncGroupKind.replaceLocked(w, st, g, func(next *DNCGroup) bool {
			f.setStr("dncGroupName", &next.DNCGroupName)
			f.setStr("dncGroupDescription", &next.DNCGroupDescription)
			f.setBool("isActive", &next.IsActive)
			next.LastUpdateTime = now()
			return true
		}) {
			writeJSON(w, http.StatusOK, map[string]any{"dncGroups": []DNCGroup{*g}})
		}
	})
}

// dncLinkSkill is a linked skill as the link lists show it.
type dncLinkSkill struct {
	SkillID   int64  `json:"skillId"`
	SkillName string `json:"skillName"`
}

// listDNCGroupSkills lists the skills of one relation of a group, paged.
func (s *Server) listDNCGroupSkills(relation string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		st := s.store
		rows, q, ok := pageByID(w, r, st, "groupId", "DNC group", dncGroupsOf, func(g *DNCGroup) []dncLinkSkill {
			rows := []dncLinkSkill{}
			for _, l := range st.sortedDNCLinks(g.DNCGroupID, relation) {
				row := dncLinkSkill{SkillID: l.SkillID}
				if sk := st.skills[l.SkillID]; sk != nil {
					row.SkillName = sk.SkillName
				}
				rows = append(rows, row)
			}
			return rows
		})
		if ok {
			writeJSON(w, http.StatusOK, adminPage(r, q, dncListKeys[relation], rows))
		}
	}
}

// linkDNCGroupSkill adds (add true) or removes a link. Adding an existing link changes
// nothing (inferred); removing a link that does not exist is a 404, as unknown groups and
// skills are.
func (s *Server) linkDNCGroupSkill(relation string, add bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		st := s.store
		writeByIDPair(w, r, st, "groupId", "skillId", func(groupID, skillID int64) {
			switch {
			case st.out.dncGroups[groupID] == nil:
				notFound(w, fmt.Sprintf("DNC group %d", groupID))
				return
			case st.skills[skillID] == nil:
				notFound(w, fmt.Sprintf("skill %d", skillID))
				return
			}
			k := dncLinkKey{groupID: groupID, skillID: skillID, relation: relation}
			_, linked := st.out.dncLinks[k]
			switch {
			case add && !linked:
				st.out.dncLinks[k] = st.nextSeq()
			case !add && !linked:
				notFound(w, fmt.Sprintf("the %s link of skill %d to DNC group %d", relation, skillID, groupID))
				return
			case !add:
				delete(st.out.dncLinks, k)
			}
			w.WriteHeader(http.StatusNoContent)
		})
	}
}

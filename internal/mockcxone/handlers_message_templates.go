package mockcxone

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Message templates (outbound-api.md section 2): created and changed with query
// parameters, no JSON body; never deleted, only deactivated.

// templateTypes are the template types, by templateTypeId (inferred: 1 Email, 2 SMS).
var templateTypes = map[int]string{1: "Email", 2: "SMS"}

// queryFields reads the optional string and boolean query parameters of a write; the error
// text is fit for a 400. Strings left out are nil, so an update leaves them as they are.
type queryFields struct {
	strs  map[string]*string
	bools map[string]*bool
}

func readQueryFields(r *http.Request, strs, bools []string) (queryFields, error) {
	q := r.URL.Query()
	out := queryFields{strs: map[string]*string{}, bools: map[string]*bool{}}
	for _, name := range strs {
		if q.Has(name) {
			v := q.Get(name)
			out.strs[name] = &v
		}
	}
	for _, name := range bools {
		b, err := parseBoolParam(r, name)
		if err != nil {
			return out, err
		}
		out.bools[name] = b
	}
	return out, nil
}

// queryUpdate is the form of an update by query parameters: the path parameter of the
// object's id, the string and boolean parameters it takes, the one of the object's name
// (which must not be blank when given) and those of fields that cannot change.
type queryUpdate struct {
	idParam, nameParam string
	strs, bools, fixed []string
}

// read reads the id and the parameters of an update. When one is wrong it answers 400 and
// returns false; the checks run in the order id, parameter values, fixed fields, name.
func (u queryUpdate) read(w http.ResponseWriter, r *http.Request) (int64, queryFields, bool) {
	id, ok := pathID(w, r, u.idParam)
	if !ok {
		return 0, queryFields{}, false
	}
	f, err := readQueryFields(r, u.strs, u.bools)
	if err != nil {
		badRequest(w, err)
		return 0, queryFields{}, false
	}
	for _, name := range u.fixed {
		if r.URL.Query().Has(name) {
			badRequest(w, fmt.Errorf("%s cannot be changed", name))
			return 0, queryFields{}, false
		}
	}
	if v := f.strs[u.nameParam]; v != nil && strings.TrimSpace(*v) == "" {
		badRequest(w, fmt.Errorf("%s must not be empty", u.nameParam))
		return 0, queryFields{}, false
	}
	return id, f, true
}

// setStr and setBool copy a parameter that was given onto dst.
func (f queryFields) setStr(name string, dst *string) {
	if v := f.strs[name]; v != nil {
		*dst = *v
	}
}

func (f queryFields) setBool(name string, dst *bool) {
	if v := f.bools[name]; v != nil {
		*dst = *v
	}
}

var (
	templateStrs  = []string{"templateName", "subject", "body", "ccAddress", "bccAddress", "replyToAddress", "fromName", "fromAddress"}
	templateBools = []string{"isHTML", "isRTL", "isActive"}
)

// applyTemplateFields copies the given parameters onto t.
func applyTemplateFields(f queryFields, t *MessageTemplate) {
	f.setStr("templateName", &t.TemplateName)
	f.setStr("subject", &t.Subject)
	f.setStr("body", &t.Body)
	f.setStr("ccAddress", &t.CCAddress)
	f.setStr("bccAddress", &t.BCCAddress)
	f.setStr("replyToAddress", &t.ReplyToAddress)
	f.setStr("fromName", &t.FromName)
	f.setStr("fromAddress", &t.FromAddress)
	f.setBool("isHTML", &t.IsHTML)
	f.setBool("isRTL", &t.IsRTL)
	f.setBool("isActive", &t.IsActive)
}

// conflict answers 409 in the Admin API's error shape, naming what holds the name.
func conflict(w http.ResponseWriter, format string, args ...any) {
	adminError(w, http.StatusConflict, "conflict", fmt.Sprintf(format, args...))
}

func (s *Server) listMessageTemplates(w http.ResponseWriter, r *http.Request) {
	typeID := 0
	if raw := r.URL.Query().Get("templateTypeId"); raw != "" {
		n, err := strconv.Atoi(raw)
		if _, ok := templateTypes[n]; err != nil || !ok {
			badRequest(w, fmt.Errorf("templateTypeId must be 1 or 2, not %q", raw))
			return
		}
		typeID = n
	}
	st := s.store
	st.mu.RLock()
	all := sortedByID(st.out.templates, func(t *MessageTemplate) int64 { return t.TemplateID })
	st.mu.RUnlock()
	out := []MessageTemplate{}
	for _, t := range all {
		if typeID == 0 || t.TemplateTypeID == typeID {
			out = append(out, t)
		}
	}
	// No paging and no totalRecords, as the spec's answer.
	writeJSON(w, http.StatusOK, map[string]any{"messageTemplates": out})
}

func (s *Server) createMessageTemplate(w http.ResponseWriter, r *http.Request) {
	f, err := readQueryFields(r, templateStrs, templateBools)
	if err != nil {
		badRequest(w, err)
		return
	}
	for _, name := range []string{"templateName", "templateTypeId", "subject", "body"} {
		if !r.URL.Query().Has(name) || (name != "body" && name != "subject" && strings.TrimSpace(r.URL.Query().Get(name)) == "") {
			badRequest(w, fmt.Errorf("the query parameter %s is required", name))
			return
		}
	}
	raw := r.URL.Query().Get("templateTypeId")
	typeID, err := strconv.Atoi(raw)
	desc, ok := templateTypes[typeID]
	if err != nil || !ok {
		badRequest(w, fmt.Errorf("templateTypeId must be 1 or 2, not %q", raw))
		return
	}
	t := &MessageTemplate{TemplateTypeID: typeID, TemplateTypeDesc: desc, IsActive: true}
	applyTemplateFields(f, t)
	templateKind.create(w, s.store, t, templateKind.idAnswer)
}

func (s *Server) getMessageTemplate(w http.ResponseWriter, r *http.Request) {
	answerByID(w, r, s.store, "templateId", "message template", templatesOf, func(t *MessageTemplate) any {
		return map[string]any{"messageTemplate": *t}
	})
}

// updateMessageTemplate changes the parameters given; templateTypeId cannot change (the
// call has no such parameter). isActive=false is how a template is retired.
func (s *Server) updateMessageTemplate(w http.ResponseWriter, r *http.Request) {
	id, f, ok := queryUpdate{idParam: "templateId", nameParam: "templateName",
		strs: templateStrs, bools: templateBools, fixed: []string{"templateTypeId"}}.read(w, r)
	if !ok {
		return
	}
	st := s.store
	writeByID(w, st, id, "message template", templatesOf, func(t *MessageTemplate) {
		if templateKind.replaceLocked(w, st, t, func(next *MessageTemplate) bool { applyTemplateFields(f, next); return true }) {
			w.WriteHeader(http.StatusNoContent)
		}
	})
}

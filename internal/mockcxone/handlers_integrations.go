package mockcxone

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/google/uuid"
)

// integrationIn is the body of POST and PUT /channel-integrations. PUT replaces
// every field, so both take the same body and the same checks.
type integrationIn struct {
	Name               string `json:"name"`
	IntegrationBoxURL  string `json:"integrationBoxUrl"`
	AuthorizationURL   string `json:"authorizationUrl"`
	ClientID           string `json:"clientId"`
	ClientSecret       string `json:"clientSecret"`
	UseDfo3OutboundAPI bool   `json:"useDfo3OutboundApi"`
	AddActionURL       string `json:"addActionUrl"`
	ReconnectActionURL string `json:"reconnectActionUrl"`
	RemoveActionURL    string `json:"removeActionUrl"`
	Color              string `json:"color"`
}

var colorPattern = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// isHTTPSURL accepts absolute https URLs with a host, as the contract asks; plain
// http is refused even for loopback hosts.
func isHTTPSURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Scheme == "https" && u.Host != ""
}

// invalidField names the first field at fault and why, or returns "" when the body
// is acceptable.
func (in *integrationIn) invalidField() (field, code, msg string) {
	required := []struct{ name, value string }{
		{"name", in.Name}, {"integrationBoxUrl", in.IntegrationBoxURL}, {"authorizationUrl", in.AuthorizationURL},
		{"clientId", in.ClientID}, {"clientSecret", in.ClientSecret},
	}
	for _, f := range required {
		if strings.TrimSpace(f.value) == "" {
			return f.name, codeRequired, f.name + " is required"
		}
	}
	urls := []struct{ name, value string }{
		{"integrationBoxUrl", in.IntegrationBoxURL}, {"authorizationUrl", in.AuthorizationURL},
		{"addActionUrl", in.AddActionURL}, {"reconnectActionUrl", in.ReconnectActionURL},
		{"removeActionUrl", in.RemoveActionURL},
	}
	for _, f := range urls {
		if f.value != "" && !isHTTPSURL(f.value) {
			return f.name, codeInvalid, f.name + " must be an absolute https URL, not " + f.value
		}
	}
	if in.Color != "" && !colorPattern.MatchString(in.Color) {
		return "color", codeInvalid, "color must have the form #RRGGBB, not " + in.Color
	}
	return "", "", ""
}

// record turns a valid body into the stored integration.
func (in *integrationIn) record(id string) Integration {
	return Integration{
		ID: id, Name: in.Name, IntegrationBoxURL: in.IntegrationBoxURL, AuthorizationURL: in.AuthorizationURL,
		ClientID: in.ClientID, HasClientSecret: in.ClientSecret != "", UseDfo3OutboundAPI: in.UseDfo3OutboundAPI,
		AddActionURL: in.AddActionURL, ReconnectActionURL: in.ReconnectActionURL, RemoveActionURL: in.RemoveActionURL,
		Color: in.Color,
	}
}

// integrationNamedLocked finds an integration by exact name other than skip.
func (st *store) integrationNamedLocked(name, skip string) *integrationRec {
	for _, in := range st.integrations {
		if in.Name == name && in.ID != skip {
			return in
		}
	}
	return nil
}

// readIntegration decodes and checks a body, answering 400 itself on failure.
func readIntegration(w http.ResponseWriter, r *http.Request) (*integrationIn, bool) {
	var in integrationIn
	if err := decodeBody(r, &in); err != nil {
		dfoError(w, http.StatusBadRequest, "", codeInvalid, err.Error())
		return nil, false
	}
	if field, code, msg := in.invalidField(); field != "" {
		dfoError(w, http.StatusBadRequest, field, code, msg)
		return nil, false
	}
	return &in, true
}

func nameTaken(w http.ResponseWriter, other *integrationRec) {
	dfoError(w, http.StatusConflict, "name", codeConflict,
		"a channel integration named "+other.Name+" already exists (id "+other.ID+")")
}

func (s *Server) createIntegration(w http.ResponseWriter, r *http.Request) {
	in, ok := readIntegration(w, r)
	if !ok {
		return
	}
	st := s.store
	st.mu.Lock()
	if other := st.integrationNamedLocked(in.Name, ""); other != nil {
		st.mu.Unlock()
		nameTaken(w, other)
		return
	}
	rec := &integrationRec{Integration: in.record(uuid.NewString()), secret: in.ClientSecret, seq: st.nextSeq()}
	st.integrations[rec.ID] = rec
	out := rec.Integration
	st.mu.Unlock()
	writeJSON(w, http.StatusCreated, out)
}

func (s *Server) listIntegrations(w http.ResponseWriter, r *http.Request) {
	serveHits(w, r, s.store, func(st *store) []Integration {
		all := []Integration{}
		for _, in := range st.sortedIntegrations() {
			all = append(all, in.Integration)
		}
		return all
	})
}

func integrationNotFound(w http.ResponseWriter, id string) {
	dfoError(w, http.StatusNotFound, "id", codeNotFound, "channel integration "+id+" was not found")
}

func (s *Server) getIntegration(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	st := s.store
	st.mu.RLock()
	rec := st.integrations[id]
	var out Integration
	if rec != nil {
		out = rec.Integration
	}
	st.mu.RUnlock()
	if rec == nil {
		integrationNotFound(w, id)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// replaceIntegration replaces every field; the secret must be sent again, since the
// API never returns it for a client to echo back.
func (s *Server) replaceIntegration(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	in, ok := readIntegration(w, r)
	if !ok {
		return
	}
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	rec := st.integrations[id]
	if rec == nil {
		integrationNotFound(w, id)
		return
	}
	if other := st.integrationNamedLocked(in.Name, id); other != nil {
		nameTaken(w, other)
		return
	}
	rec.Integration = in.record(id)
	rec.secret = in.ClientSecret
	writeJSON(w, http.StatusOK, rec.Integration)
}

// deleteIntegration refuses while channels still use the integration.
func (s *Server) deleteIntegration(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.integrations[id] == nil {
		integrationNotFound(w, id)
		return
	}
	var users []string
	for _, c := range st.sortedChannels() {
		if c.ChannelIntegrationID == id {
			users = append(users, c.ID)
		}
	}
	if len(users) > 0 {
		dfoError(w, http.StatusConflict, "id", codeConflict,
			"channel integration "+id+" is still used by channels "+strings.Join(users, ", "))
		return
	}
	delete(st.integrations, id)
	w.WriteHeader(http.StatusNoContent)
}

package mockcxone

import (
	"net/http"
	"strings"
)

// channelIn is the body of POST /channels. Required booleans are pointers so that a
// missing one is told apart from false.
type channelIn struct {
	ID                           string `json:"id"`
	IDOnExternalPlatform         string `json:"idOnExternalPlatform"`
	ChannelIntegrationID         string `json:"channelIntegrationId"`
	RealExternalPlatformID       string `json:"realExternalPlatformId"`
	Name                         string `json:"name"`
	IsPrivate                    *bool  `json:"isPrivate"`
	HasTreeStructure             *bool  `json:"hasTreeStructure"`
	HasReply                     *bool  `json:"hasReply"`
	ContentFormat                string `json:"contentFormat"`
	HasAbilityToSendFiles        *bool  `json:"hasAbilityToSendFiles"`
	HasOutboundFlow              *bool  `json:"hasOutboundFlow"`
	StudioScript                 string `json:"studioScript"`
	IsLiveChat                   *bool  `json:"isLiveChat"`
	HasMultipleThreadsPerEndUser *bool  `json:"hasMultipleThreadsPerEndUser"`
	CanReplyToAnyMessage         *bool  `json:"canReplyToAnyMessage"`
	TranslationGroup             string `json:"translationGroup"`
}

// missingField names the first required field the body lacks, in contract order.
func (in *channelIn) missingField() string {
	for _, f := range []struct {
		name    string
		present bool
	}{
		{"id", strings.TrimSpace(in.ID) != ""},
		{"idOnExternalPlatform", strings.TrimSpace(in.IDOnExternalPlatform) != ""},
		{"channelIntegrationId", strings.TrimSpace(in.ChannelIntegrationID) != ""},
		{"realExternalPlatformId", strings.TrimSpace(in.RealExternalPlatformID) != ""},
		{"name", strings.TrimSpace(in.Name) != ""},
		{"isPrivate", in.IsPrivate != nil},
		{"hasTreeStructure", in.HasTreeStructure != nil},
	} {
		if !f.present {
			return f.name
		}
	}
	return ""
}

// upsertChannel creates the channel with the caller's id, or replaces it when the
// id exists: a retried POST is harmless.
func (s *Server) upsertChannel(w http.ResponseWriter, r *http.Request) {
	var in channelIn
	if err := decodeBody(r, &in); err != nil {
		dfoError(w, http.StatusBadRequest, "", codeInvalid, err.Error())
		return
	}
	if f := in.missingField(); f != "" {
		dfoError(w, http.StatusBadRequest, f, codeRequired, f+" is required")
		return
	}
	if strings.Contains(in.ID, "/") {
		dfoError(w, http.StatusBadRequest, "id", codeInvalid, "id must not contain a slash")
		return
	}
	if in.ContentFormat != "" && in.ContentFormat != "html" && in.ContentFormat != "plain" {
		dfoError(w, http.StatusBadRequest, "contentFormat", codeInvalid, "contentFormat must be html or plain, not "+in.ContentFormat)
		return
	}
	c := Channel{
		ID: in.ID, IDOnExternalPlatform: in.IDOnExternalPlatform, ChannelIntegrationID: in.ChannelIntegrationID,
		RealExternalPlatformID: in.RealExternalPlatformID, Name: in.Name,
		IsPrivate: *in.IsPrivate, HasTreeStructure: *in.HasTreeStructure,
		HasReply: in.HasReply, ContentFormat: in.ContentFormat, HasAbilityToSendFiles: in.HasAbilityToSendFiles,
		HasOutboundFlow: in.HasOutboundFlow, StudioScript: in.StudioScript, IsLiveChat: in.IsLiveChat,
		HasMultipleThreadsPerEndUser: in.HasMultipleThreadsPerEndUser, CanReplyToAnyMessage: in.CanReplyToAnyMessage,
		TranslationGroup: in.TranslationGroup,
	}
	st := s.store
	st.mu.Lock()
	if st.integrations[c.ChannelIntegrationID] == nil {
		st.mu.Unlock()
		dfoError(w, http.StatusUnprocessableEntity, "channelIntegrationId", codeUnknownRef,
			"channel integration "+c.ChannelIntegrationID+" does not exist")
		return
	}
	rec := st.channels[c.ID]
	if rec == nil {
		rec = &channelRec{seq: st.nextSeq()}
		st.channels[c.ID] = rec
	}
	rec.Channel = c
	out := rec.clone()
	st.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}

// listChannels answers a bare JSON array, as the real API does: no envelope, so a
// client pages until a page comes back short.
func (s *Server) listChannels(w http.ResponseWriter, r *http.Request) {
	offset, size, ok := pageOrFail(w, r)
	if !ok {
		return
	}
	ids := idSet(r)
	st := s.store
	st.mu.RLock()
	all := []Channel{}
	for _, c := range st.sortedChannels() {
		if ids == nil || ids[c.ID] {
			all = append(all, c.clone())
		}
	}
	st.mu.RUnlock()
	writeJSON(w, http.StatusOK, window(all, offset, size))
}

// deleteChannel removes a channel and every binding of it.
func (s *Server) deleteChannel(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("channelId")
	st := s.store
	st.mu.Lock()
	_, ok := st.channels[id]
	if ok {
		delete(st.channels, id)
		for k := range st.bindings {
			if k.channelID == id {
				delete(st.bindings, k)
			}
		}
	}
	st.mu.Unlock()
	if !ok {
		dfoError(w, http.StatusNotFound, "channelId", codeNotFound, "channel "+id+" was not found")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

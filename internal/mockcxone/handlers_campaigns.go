package mockcxone

import (
	"fmt"
	"net/http"
	"strings"
)

// Campaigns (outbound-api.md section 3): reporting groups of skills, created and replaced
// with JSON, never deleted, retired through PATCH /status or PUT isActive=false.

// campaignIn is the body of POST and PUT /campaigns.
type campaignIn struct {
	Name        *string `json:"name"`
	DivisionID  *int64  `json:"divisionId"`
	Notes       *string `json:"notes"`
	Description *string `json:"description"`
	IsActive    *bool   `json:"isActive"`
}

// apply checks the body and copies it onto c; the error text is fit for a 400.
func (in campaignIn) apply(c *Campaign) error {
	if in.Name == nil || strings.TrimSpace(*in.Name) == "" {
		return fmt.Errorf("name is required")
	}
	c.Name = *in.Name
	setIf(&c.DivisionID, in.DivisionID)
	setIf(&c.Notes, in.Notes)
	setIf(&c.Description, in.Description)
	setIf(&c.IsActive, in.IsActive)
	c.LastUpdateTime = now()
	return nil
}

// campaignRow is a campaign as the list shows it (no divisionId).
type campaignRow struct {
	ID             int64  `json:"id"`
	Name           string `json:"name"`
	IsActive       bool   `json:"isActive"`
	Description    string `json:"description"`
	Notes          string `json:"notes"`
	LastUpdateTime string `json:"lastUpdateTime"`
}

func (s *Server) listCampaigns(w http.ResponseWriter, r *http.Request) {
	serveAdminList(w, r, s.store, "campaigns", func(st *store) []campaignRow {
		var rows []campaignRow
		for _, c := range sortedByID(st.out.campaigns, func(c *Campaign) int64 { return c.ID }) {
			rows = append(rows, campaignRow{c.ID, c.Name, c.IsActive, c.Description, c.Notes, c.LastUpdateTime})
		}
		return rows
	}, func(q adminQuery, c *campaignRow) bool { return q.keeps(c.IsActive, c.Name) })
}

func (s *Server) createCampaign(w http.ResponseWriter, r *http.Request) {
	in, ok := readBody[campaignIn](w, r)
	if !ok {
		return
	}
	c := &Campaign{IsActive: true}
	if !accepted(w, in.apply(c)) {
		return
	}
	campaignKind.create(w, s.store, c, campaignKind.idAnswer)
}

// getCampaign answers the flat object of v33.0.
func (s *Server) getCampaign(w http.ResponseWriter, r *http.Request) {
	answerByID(w, r, s.store, "campaignId", "campaign", campaignsOf, flat[Campaign])
}

// updateCampaign replaces a campaign's fields (name required); fields left out stay.
func (s *Server) updateCampaign(w http.ResponseWriter, r *http.Request) {
	st := s.store
	writeBodyByID(w, r, st, "campaignId", "campaign", campaignsOf, func(c *Campaign, in campaignIn) {
		if campaignKind.replaceLocked(w, st, c, func(next *Campaign) bool { return accepted(w, in.apply(next)) }) {
			st.renameCampaignLocked(c)
			w.WriteHeader(http.StatusNoContent)
		}
	})
}

// setCampaignStatus activates or deactivates a campaign (PATCH /campaigns/{id}/status).
func (s *Server) setCampaignStatus(w http.ResponseWriter, r *http.Request) {
	setActiveByID(w, r, s.store, "campaignId", "campaign", campaignsOf, func(c *Campaign, active bool) {
		c.IsActive, c.LastUpdateTime = active, now()
	})
}

// renameCampaignLocked carries a campaign's name over to the skills that report to it.
// Caller holds mu for writing.
func (st *store) renameCampaignLocked(c *Campaign) {
	for _, sk := range st.skills {
		if sk.CampaignID == c.ID {
			sk.CampaignName = c.Name
		}
	}
}
